/* eslint-disable no-undef */
/* global require, module, process, __dirname, console, Buffer */
/**
 * Builds the add-in as Microsoft's shared-runtime template does: one page (taskpane.html) hosts
 * both the custom functions and the task pane, plus functions.json, functions-ja.json, the icons and
 * the manifest. functions.json is kept in the repo (src/host/functions.json, as Microsoft's
 * shared-runtime samples keep theirs), generated from the JSDoc of src/host/customFunctions.ts by
 * `npm run metadata`; tests/build/functionsMetadata.test.ts fails when the two differ.
 * functions-ja.json is its Japanese help, from functions.json and src/host/functionsHelp.ja.json
 * (scripts/localizeFunctions.js).
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
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const webpack = require("webpack");
const zlib = require("zlib");
const { buildManifest } = require("./scripts/buildManifest");
const { LocalizedFunctionsMetadataPlugin } = require("./scripts/localizeFunctions");
const { getHttpsOptions } = require("./scripts/devCerts");

const FUNCTIONS_SOURCE = "./src/host/customFunctions.ts";
const WORKBENCH_SOURCE = "./src/workbench/index.tsx";

/**
 * What the task pane page downloads besides office.js, gzipped: every emitted .js file (the pane,
 * the functions and any chunk they load) at most 250 KB (decimal) in total.
 */
const PANE_BUDGET_GZIP_BYTES = 250 * 1000;
/**
 * The ceiling the build enforces until the pane is back within its budget: with the Japanese
 * catalog the pane's scripts measured 264.1 KB gzip (issue 14, item 5 still open). A ratchet, not
 * a new budget: lower it as weight comes out, never raise it; the report says how far over the
 * budget the scripts are.
 */
const PANE_CEILING_GZIP_BYTES = 265 * 1000;

/**
 * Prints every emitted script's minified and gzip size after a production build, and fails the
 * build when their gzip total is over the pane's budget. webpack's own `performance` hints measure
 * minified bytes only; the budget is what the network carries.
 */
class BundleBudgetPlugin {
  constructor(budgetGzipBytes, ceilingGzipBytes = budgetGzipBytes) {
    this.budget = budgetGzipBytes;
    this.ceiling = Math.max(ceilingGzipBytes, budgetGzipBytes);
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BundleBudgetPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const sizes = Object.keys(assets)
            .filter((name) => name.endsWith(".js"))
            .sort()
            .map((name) => {
              const source = assets[name].source();
              const raw = Buffer.isBuffer(source) ? source : Buffer.from(source);
              return { name, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
            });
          const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
          const lines = sizes.map((s) => `  ${s.name} ${kb(s.raw)} (${kb(s.gzip)} gzip)`);
          this.report = [
            "Bundle sizes:",
            ...lines,
            ...(total > this.budget
              ? [
                  `  over the budget by ${kb(total - this.budget)} (the build fails above ${kb(this.ceiling)})`,
                ]
              : []),
            `  total ${kb(total)} gzip of a ${kb(this.budget)} budget`,
          ].join("\n");
          if (total > this.ceiling)
            compilation.errors.push(
              new webpack.WebpackError(
                `The pane's scripts are ${kb(total)} gzip, over the ${kb(this.ceiling)} ${this.ceiling > this.budget ? "ceiling" : "budget"}.`
              )
            );
        }
      );
    });
    compiler.hooks.done.tap("BundleBudgetPlugin", () => {
      if (this.report) console.log(this.report);
    });
  }
}
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

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
          { from: "src/host/functions.json", to: "functions.json" },
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
      ...(dev ? [] : [new BundleBudgetPlugin(PANE_BUDGET_GZIP_BYTES, PANE_CEILING_GZIP_BYTES)]),
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

module.exports.BundleBudgetPlugin = BundleBudgetPlugin;
module.exports.PANE_BUDGET_GZIP_BYTES = PANE_BUDGET_GZIP_BYTES;
module.exports.PANE_CEILING_GZIP_BYTES = PANE_CEILING_GZIP_BYTES;
