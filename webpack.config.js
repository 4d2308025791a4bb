/* eslint-disable no-undef */
/* global require, module, process, __dirname, console, Buffer */
/**
 * Builds the add-in as Microsoft's shared-runtime template does: one page (taskpane.html) hosts
 * both the custom functions and the task pane, plus functions.json generated from the JSDoc of
 * src/host/customFunctions.ts, functions-ja.json (its Japanese help, from functions.json and
 * src/host/functionsHelp.ja.json: scripts/localizeFunctions.js), the icons and the manifest.
 *
 *   npm run build                      production build into dist/
 *   AID_URL=https://host/path/ ...     dist/manifest.xml points at that host instead of localhost:3000
 *   AID_NAMESPACE=AID ...              functions are called =AID.AIDTOTAL(...) (default: no namespace)
 *   npm run dev-server                 https://localhost:3000 (certificates: scripts/devCerts.js)
 *
 * Development builds (`--mode development`, as `npm start` serves) also build the workbench,
 * /workbench.html: the task pane beside a HyperFormula spreadsheet, for machines without Excel.
 * HyperFormula is GPLv3 tooling: the production build never includes the workbench.
 *   webpack --mode development --env workbenchOnly   only the workbench (the end-to-end tests)
 */
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const webpack = require("webpack");
const zlib = require("zlib");
const { buildManifest } = require("./scripts/buildManifest");
const { LocalizedFunctionsMetadataPlugin } = require("./scripts/localizeFunctions");
const { getHttpsOptions } = require("./scripts/devCerts");

const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/host/customFunctions.ts");
const WORKBENCH_SOURCE = "./src/workbench/index.tsx";

/**
 * custom-functions-metadata-plugin also appends `CustomFunctions.associate(...)` for every function
 * to the functions file, through a loader, without checking that CustomFunctions exists.
 * src/host/customFunctions.ts registers its functions itself, guarded, so that functions.js also
 * loads outside Excel (a browser, a test); this removes the plugin's loader so nothing registers twice.
 */
class OwnAssociationsPlugin {
  apply(compiler) {
    const pluginLoader = require.resolve("custom-functions-metadata-plugin/lib/loader.js");
    compiler.hooks.compilation.tap("OwnAssociationsPlugin", (compilation) => {
      webpack.NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(
        "OwnAssociationsPlugin",
        (loaders) => {
          for (let i = loaders.length - 1; i >= 0; i--)
            if (loaders[i].loader === pluginLoader) loaders.splice(i, 1);
        }
      );
    });
  }
}

/** Prints the size of each bundle, minified and gzipped, after a build: one line, to watch the pane's weight. */
class BundleSizePlugin {
  apply(compiler) {
    let line = "";
    compiler.hooks.thisCompilation.tap("BundleSizePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BundleSizePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const sizes = ["functions.js", "taskpane.js"]
            .filter((name) => assets[name])
            .map((name) => {
              const source = assets[name].source();
              const raw = Buffer.isBuffer(source) ? source : Buffer.from(source);
              return `${name} ${kib(raw.length)} (${kib(zlib.gzipSync(raw, { level: 9 }).length)} gzip)`;
            });
          line = sizes.length ? `Bundle sizes: ${sizes.join(", ")}` : "";
        }
      );
    });
    compiler.hooks.done.tap("BundleSizePlugin", () => {
      if (line) console.log(line);
    });
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const config = {
    context: __dirname,
    devtool: "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      // The pane builds on the functions entry: one copy of the domain and one ledgerStore per
      // page, so the pane and the functions share the ledger (the point of the shared runtime).
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; tsconfig.json says noEmit for tsc itself.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new OwnAssociationsPlugin(),
      new LocalizedFunctionsMetadataPlugin({
        input: "functions.json",
        output: "functions-ja.json",
        help: path.resolve(__dirname, "src/host/functionsHelp.ja.json"),
      }),
      // The version the bundled dataset is stored under in a workbook's identity.
      new webpack.DefinePlugin({
        AID_LEDGER_VERSION: JSON.stringify(require("./package.json").version),
        // The pane inserts formulas as this build's functions are called (=AID.AIDTOTAL(...)).
        AID_NAMESPACE: JSON.stringify(process.env.AID_NAMESPACE ?? ""),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) =>
              buildManifest(content.toString(), {
                url: process.env.AID_URL,
                namespace: process.env.AID_NAMESPACE,
              }),
          },
        ],
      }),
      ...(dev ? [] : [new BundleSizePlugin()]),
    ],
    performance: {
      // React and Fluent UI make the pane larger than webpack's 244 KiB default; warn past 1 MiB.
      hints: dev ? false : "warning",
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
  };

  // The workbench: development only. Its own entry, sharing no chunk with the add-in's pages.
  if (env.workbenchOnly && !dev)
    throw new Error("The workbench is a development page: build it with --mode development.");
  if (dev) {
    const workbenchPage = new HtmlWebpackPlugin({
      filename: "workbench.html",
      template: "./src/workbench/workbench.html",
      chunks: ["workbench"],
    });
    if (env.workbenchOnly) {
      config.entry = { workbench: WORKBENCH_SOURCE };
      config.plugins = [
        config.plugins.find((p) => p instanceof webpack.DefinePlugin),
        workbenchPage,
      ];
    } else {
      config.entry.workbench = WORKBENCH_SOURCE;
      config.plugins.push(workbenchPage);
    }
  }

  // Only `webpack serve` needs certificates (office-addin-dev-certs may try to install a CA).
  if (env.WEBPACK_SERVE) {
    config.devServer = {
      hot: dev,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }
  return config;
};
