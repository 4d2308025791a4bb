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
const { packData } = require("./scripts/packData");

const FUNCTIONS_SOURCE = "./src/host/customFunctions.ts";
const WORKBENCH_SOURCE = "./src/workbench/index.tsx";

/**
 * The task pane page's budget: the scripts taskpane.html loads at start (functions.js and
 * taskpane.js: the functions, the pane, the domain and both languages' messages), gzipped, at most
 * 250 KB (decimal); office.js comes from Microsoft's CDN and is not counted. A chunk loaded later
 * by `import()` is not part of the start, but each one is declared in LAZY_CHUNKS with what loads
 * it, and printed with its size beside the total of all scripts.
 */
const PANE_BUDGET_GZIP_BYTES = 250 * 1000;

/**
 * Every chunk the page may load after start, by chunk name (webpackChunkName), and when. A lazy
 * chunk missing here fails the build, so none appears without being named and measured.
 */
const LAZY_CHUNKS = {
  csv: "when a CSV file is read (papaparse; parseDatasetTextAsync in src/domain/dataset/io.ts)",
  fetch:
    "at the first download of a dataset or its manifest from a web address (src/taskpane/session/fetchDataset.ts)",
  sheets:
    "when the pane first reads the active sheet, adds a sheet or the chart, or selects a record's row (src/host/excel/sheets.ts)",
  writer:
    "at the first write of the workbook's tables or the review before one (src/host/excel/tableWriter.ts, formulaReferences.ts, pivot.ts)",
};

/**
 * Prints every emitted script's minified and gzip size after a production build: the scripts the
 * page loads at start and their total against the budget, then each lazy chunk with what loads it,
 * then the total of all. Fails the build when the start total is over the budget, or a lazy chunk
 * is not declared. webpack's own `performance` hints measure minified bytes only; the budget is
 * what the network carries.
 */
class BundleBudgetPlugin {
  constructor(budgetGzipBytes, lazyChunks = LAZY_CHUNKS) {
    this.budget = budgetGzipBytes;
    this.lazyChunks = lazyChunks;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BundleBudgetPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const measure = (name) => {
            const source = assets[name].source();
            const raw = Buffer.isBuffer(source) ? source : Buffer.from(source);
            return { name, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
          };
          const line = (s) => `  ${s.name} ${kb(s.raw)} (${kb(s.gzip)} gzip)`;
          const start = [];
          const lazy = [];
          for (const chunk of compilation.chunks) {
            const scripts = [...chunk.files].filter((f) => f.endsWith(".js") && assets[f]);
            if (chunk.canBeInitial()) start.push(...scripts.map(measure));
            else lazy.push(...scripts.map((f) => ({ ...measure(f), chunk })));
          }
          start.sort((a, b) => a.name.localeCompare(b.name));
          lazy.sort((a, b) => a.name.localeCompare(b.name));
          const sum = (list) => list.reduce((total, s) => total + s.gzip, 0);
          const startTotal = sum(start);
          const undeclared = lazy.filter((s) => !this.lazyChunks[s.chunk.name]);
          this.report = [
            "Bundle sizes:",
            "  at start (taskpane.html):",
            ...start.map((s) => `  ${line(s)}`),
            `  start total ${kb(startTotal)} gzip of a ${kb(this.budget)} budget`,
            ...(lazy.length ? ["  loaded when needed:"] : []),
            ...lazy.map(
              (s) =>
                `  ${line(s)} ${this.lazyChunks[s.chunk.name] ?? "(undeclared)"}, by import() in ${importersOf(s.chunk, compilation)}`
            ),
            `  all scripts ${kb(startTotal + sum(lazy))} gzip`,
          ].join("\n");
          if (startTotal > this.budget)
            compilation.errors.push(
              new webpack.WebpackError(
                `The scripts taskpane.html loads at start are ${kb(startTotal)} gzip, over the ${kb(this.budget)} budget.`
              )
            );
          for (const s of undeclared)
            compilation.errors.push(
              new webpack.WebpackError(
                `${s.name} is loaded after start but not declared in LAZY_CHUNKS (webpack.config.js): name it there with what loads it.`
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

/** The modules whose import() loads a chunk ("./src/domain/dataset/io.ts"). */
function importersOf(chunk, compilation) {
  const modules = new Set();
  for (const group of chunk.groupsIterable)
    for (const origin of group.origins)
      if (origin.module)
        modules.add(origin.module.readableIdentifier(compilation.requestShortener));
  return [...modules].sort().join(", ") || "(unknown)";
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
      // Lazy chunks (LAZY_CHUNKS) are fetched relative to the page, which sits in the same folder
      // (taskpane.html, or workbench.html in development). The task pane and the shared runtime's
      // functions run in a browser runtime, a webview showing that page (Microsoft Learn, "Runtimes
      // in Office Add-ins"), so a relative script URL resolves as on any web page. "" rather than
      // webpack's default "auto": auto reads document.currentScript when functions.js starts, and
      // throws where there is no document (functions.js loaded in a bare script context).
      publicPath: "",
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
        // csv.ts (papaparse) only defines functions: marked so, the static imports behind the
        // domain's synchronous CSV functions (the command line's) do not put it in the page, and
        // the pane's import() of it (parseDatasetTextAsync) becomes the csv chunk.
        { test: /[\\/]src[\\/]domain[\\/]dataset[\\/]csv\.ts$/, sideEffects: false },
        {
          // The data files stay as they are edited (pretty JSON, with a "$comment" on what each
          // holds and where it comes from); the page gets them in a compact form (packData: no
          // comments, which no code reads, and tables of rows), unpacked by src/domain/bundled.ts.
          test: /[\\/]data[\\/][^\\/]+\.json$/,
          type: "json",
          parser: { parse: (text) => packData(JSON.parse(text)) },
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
      ...(dev ? [] : [new BundleBudgetPlugin(PANE_BUDGET_GZIP_BYTES)]),
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
module.exports.LAZY_CHUNKS = LAZY_CHUNKS;
