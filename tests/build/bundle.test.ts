import { expect } from "@jest/globals";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import { FUNCTIONS } from "../../src/domain";
import { ROOT, requireCommonJs } from "./helpers";

/*
 * One production build (webpack.config.js, as `npm run build` runs it) into a temporary folder,
 * then checks on what would be deployed.
 */

jest.setTimeout(240_000);

interface Stats {
  hasErrors(): boolean;
  toString(options: object): string;
}
const webpack = requireCommonJs<
  (config: object) => {
    run(callback: (error: Error | null, stats?: Stats) => void): void;
    close(callback: () => void): void;
  }
>("webpack");
const makeConfig =
  requireCommonJs<(env: object, options: object) => Promise<{ output: { path: string } }>>(
    "webpack.config.js"
  );

let out: string;
let printed: string[] = [];
const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

beforeAll(async () => {
  delete process.env.AID_URL;
  delete process.env.AID_NAMESPACE;
  out = fs.mkdtempSync(path.join(os.tmpdir(), "aid-ledger-build-"));
  const config = await makeConfig({}, { mode: "production" });
  config.output.path = out;
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    const compiler = webpack({ ...config, mode: "production" });
    const stats = await new Promise<Stats>((resolve, reject) =>
      compiler.run((error, result) =>
        error || !result ? reject(error ?? new Error("no stats")) : resolve(result)
      )
    );
    await new Promise<void>((resolve) => compiler.close(resolve));
    if (stats.hasErrors())
      throw new Error(
        `The production build failed:\n${stats.toString({ all: false, errors: true })}`
      );
  } finally {
    printed = log.mock.calls.map((args) => args.join(" "));
    log.mockRestore();
  }
});

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test("emits the page, both bundles, the metadata, the manifest and the icons", () => {
  for (const file of [
    "taskpane.html",
    "functions.js",
    "taskpane.js",
    "functions.json",
    "functions-ja.json",
    "manifest.xml",
    "support.html",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "assets/icon-128.png",
  ]) {
    expect(fs.existsSync(path.join(out, file))).toBe(true);
  }
});

test("the build prints every script's minified and gzip size: the start's total against the budget, each lazy chunk with what loads it, and the total of all", () => {
  const report = printed.find((line) => line.startsWith("Bundle sizes:"));
  const scripts = fs.readdirSync(out).filter((f) => f.endsWith(".js"));
  expect(scripts).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "csv.js"]));
  for (const file of scripts) {
    const gzip = zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
    expect(report).toContain(`  ${file} `);
    expect(report).toContain(`(${(gzip / 1000).toFixed(1)} KB gzip)`);
  }
  const { start, lazy, kb } = paneScripts();
  expect(report).toContain(`\n  start total ${kb(start)} gzip of a 250.0 KB budget\n`);
  expect(report).toMatch(
    /\n {4}csv\.js [\d.]+ KB \([\d.]+ KB gzip\) when a CSV file is read .*, by import\(\) in \.\/src\/domain\/dataset\/io\.ts\n/
  );
  expect(report).toMatch(
    new RegExp(`\\n  all scripts ${kb(start + lazy).replace(".", "\\.")} gzip$`)
  );
});

test("a build whose scripts are over the budget fails, naming the total and the budget", async () => {
  const { BundleBudgetPlugin } = requireCommonJs<{
    BundleBudgetPlugin: new (budgetGzipBytes: number, lazyChunks?: object) => object;
  }>("webpack.config.js");
  const tiny = fs.mkdtempSync(path.join(os.tmpdir(), "aid-ledger-budget-"));
  try {
    fs.writeFileSync(
      path.join(tiny, "entry.js"),
      "console.log('a script over a 10-byte budget');\n"
    );
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const compiler = webpack({
      mode: "production",
      context: tiny,
      entry: "./entry.js",
      output: { path: path.join(tiny, "out") },
      plugins: [new BundleBudgetPlugin(10)],
    });
    const stats = await new Promise<Stats>((resolve, reject) =>
      compiler.run((error, result) =>
        error || !result ? reject(error ?? new Error("no stats")) : resolve(result)
      )
    );
    await new Promise<void>((resolve) => compiler.close(resolve));
    log.mockRestore();
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toString({ all: false, errors: true })).toMatch(
      /The scripts taskpane\.html loads at start are [\d.]+ KB gzip, over the 0\.0 KB budget\./
    );
  } finally {
    fs.rmSync(tiny, { recursive: true, force: true });
  }
});

/** The task pane page's budget: the scripts taskpane.html loads at start, gzipped (250 KB, decimal). */
const PANE_BUDGET_GZIP_BYTES = 250 * 1000;

/** The scripts taskpane.html names (office.js, from Microsoft's CDN, aside). */
function startScripts(): string[] {
  return [...read("taskpane.html").matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^https?:/.test(src));
}

/** Gzip bytes of the start scripts and of every other emitted script (the lazy chunks). */
function paneScripts() {
  const gzip = (file: string) =>
    zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
  const atStart = startScripts();
  const others = fs.readdirSync(out).filter((f) => f.endsWith(".js") && !atStart.includes(f));
  const sum = (files: string[]) => files.reduce((total, f) => total + gzip(f), 0);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const start = sum(atStart);
  return {
    start,
    lazy: sum(others),
    others,
    kb,
    report: `${atStart.map((f) => `${f} ${kb(gzip(f))} gzip`).join(" + ")} = ${kb(start)}`,
  };
}

test("the scripts taskpane.html loads at start (functions.js and taskpane.js, both languages' messages in them; office.js excluded) are within the 250 KB gzip budget the build enforces", () => {
  const { start, report } = paneScripts();
  expect({ report, withinBudget: start <= PANE_BUDGET_GZIP_BYTES }).toEqual({
    report,
    withinBudget: true,
  });
  const config = requireCommonJs<{ PANE_BUDGET_GZIP_BYTES: number }>("webpack.config.js");
  expect(config.PANE_BUDGET_GZIP_BYTES).toBe(PANE_BUDGET_GZIP_BYTES);
});

test("every script the page does not load at start is a lazy chunk declared with what loads it", () => {
  const { LAZY_CHUNKS } = requireCommonJs<{ LAZY_CHUNKS: Record<string, string> }>(
    "webpack.config.js"
  );
  const { others } = paneScripts();
  expect(others.sort()).toEqual(
    Object.keys(LAZY_CHUNKS)
      .map((name) => `${name}.js`)
      .sort()
  );
});

test("a lazy chunk the build does not know of fails the build, naming it", async () => {
  const { BundleBudgetPlugin } = requireCommonJs<{
    BundleBudgetPlugin: new (budgetGzipBytes: number, lazyChunks?: object) => object;
  }>("webpack.config.js");
  const tiny = fs.mkdtempSync(path.join(os.tmpdir(), "aid-ledger-lazy-"));
  try {
    fs.writeFileSync(
      path.join(tiny, "entry.js"),
      'import(/* webpackChunkName: "later" */ "./later.js");\n'
    );
    fs.writeFileSync(path.join(tiny, "later.js"), "export const later = 1;\n");
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const compiler = webpack({
      mode: "production",
      context: tiny,
      entry: "./entry.js",
      output: { path: path.join(tiny, "out"), publicPath: "" },
      plugins: [new BundleBudgetPlugin(PANE_BUDGET_GZIP_BYTES, {})],
    });
    const stats = await new Promise<Stats>((resolve, reject) =>
      compiler.run((error, result) =>
        error || !result ? reject(error ?? new Error("no stats")) : resolve(result)
      )
    );
    await new Promise<void>((resolve) => compiler.close(resolve));
    log.mockRestore();
    expect(stats.toString({ all: false, errors: true })).toContain(
      "later.js is loaded after start but not declared in LAZY_CHUNKS"
    );
  } finally {
    fs.rmSync(tiny, { recursive: true, force: true });
  }
});

test("papaparse is only in the csv chunk, which functions.js fetches beside the page and installs", async () => {
  // A property name of papaparse's that survives minification.
  const papaparse = "IS_PAPA_WORKER";
  expect(startScripts().filter((file) => read(file).includes(papaparse))).toEqual([]);
  expect(read("csv.js").includes(papaparse)).toBe(true);
  // functions.js's own chunk loader, run with a document that loads what it asks for from the
  // build folder, as a page at https://host/ledger/taskpane.html would.
  const page = "https://aid.example.org/ledger/taskpane.html";
  const requested: string[] = [];
  const context: Record<string, unknown> = {};
  const document = {
    getElementsByTagName: () => [],
    head: {
      appendChild(script: { src: string; onload?: () => void }) {
        const url = new URL(script.src, page);
        requested.push(url.href);
        vm.runInContext(read(path.posix.relative("/ledger/", url.pathname)), context);
        script.onload?.();
      },
    },
    createElement: () => ({ setAttribute: () => undefined }),
  };
  Object.assign(context, { document, setTimeout, clearTimeout });
  context.self = context;
  vm.createContext(context);
  vm.runInContext(read("functions.js"), context);
  type Require = ((id: string | number) => unknown) & {
    e: (chunkId: string | number) => Promise<unknown>;
    m: Record<string, unknown>;
  };
  let webpackRequire: Require | undefined;
  const chunks = Object.entries(context).find(([key]) => key.startsWith("webpackChunk"))![1] as {
    push: (chunk: unknown) => void;
  };
  chunks.push([["probe"], {}, (require: Require) => (webpackRequire = require)]);
  const csvChunk = /\.push\(\[\[([^\]]+)\],\{(\d+)[(:]/.exec(read("csv.js"));
  expect(csvChunk).not.toBeNull();
  const [, chunkId, moduleId] = csvChunk!;
  expect(webpackRequire!.m[moduleId!]).toBeUndefined();
  await webpackRequire!.e(JSON.parse(chunkId!) as number);
  expect(requested).toEqual(["https://aid.example.org/ledger/csv.js"]);
  expect(typeof webpackRequire!.m[moduleId!]).toBe("function");
});

test("taskpane.html loads office.js from Microsoft's CDN, then the functions, then the pane", () => {
  const scripts = [...read("taskpane.html").matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map(
    (m) => m[1]
  );
  expect(scripts).toEqual([
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    "functions.js",
    "taskpane.js",
  ]);
});

test("office.js is not bundled", () => {
  for (const file of ["functions.js", "taskpane.js"])
    expect(read(file)).not.toContain("OSF._OfficeAppFactory");
});

test("zod's JSON-schema code, which the add-in never calls, is not bundled (the schemas use zod/mini)", () => {
  // Property names survive minification: standard zod sets both on every schema it builds.
  for (const file of ["functions.js", "taskpane.js"])
    for (const marker of ["processJSONSchema", "toJSONSchema"])
      expect(read(file)).not.toContain(marker);
});

test("functions.json names exactly the catalog's functions, and is the committed src/host/functions.json", () => {
  const metadata = JSON.parse(read("functions.json")) as {
    functions: { id: string; name: string }[];
  };
  expect(metadata.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.name));
  expect(metadata.functions.map((f) => f.name)).toEqual(FUNCTIONS.map((f) => f.name));
  expect(metadata).toEqual(
    JSON.parse(fs.readFileSync(path.join(ROOT, "src", "host", "functions.json"), "utf8"))
  );
});

test("the manifest's ja-JP metadata URL names the Japanese file the build writes, which matches functions.json but for its descriptions", () => {
  const override =
    /<bt:Url id="Functions\.Metadata\.Url"[^>]*>\s*<bt:Override Locale="ja-JP" Value="([^"]+)"/.exec(
      read("manifest.xml")
    );
  expect(override).not.toBeNull();
  const file = new URL(override![1]!).pathname.slice(1);
  expect(fs.existsSync(path.join(out, file))).toBe(true);
  type Fn = { id: string; description?: string; parameters: { description?: string }[] };
  const strip = ({ description: _d, parameters, ...rest }: Fn) => ({
    ...rest,
    parameters: parameters.map(({ description: _p, ...p }) => p),
  });
  const english = JSON.parse(read("functions.json")) as { functions: Fn[] };
  const japanese = JSON.parse(read(file)) as { functions: Fn[] };
  expect(japanese.functions.map(strip)).toEqual(english.functions.map(strip));
  const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
  for (const fn of japanese.functions) {
    expect(fn.description).toMatch(kana);
    for (const p of fn.parameters)
      expect(p.description).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
  }
});

test("no emitted file contains HyperFormula (GPLv3, for tooling only) or any GPL licence notice", () => {
  const files = fs.readdirSync(out).filter((f) => /\.(js|html|json|txt|map)$/.test(f));
  expect(files.length).toBeGreaterThan(4);
  for (const file of files) {
    const content = read(file);
    expect({ file, hyperformula: /hyperformula/i.test(content) }).toEqual({
      file,
      hyperformula: false,
    });
    if (file.endsWith(".LICENSE.txt"))
      expect({ file, gpl: /\bGPL|General Public License/i.test(content) }).toEqual({
        file,
        gpl: false,
      });
  }
});

test("the production build holds no workbench: it is a development preview only", () => {
  const all = fs.readdirSync(out, { recursive: true }).map(String);
  expect(all.filter((f) => /workbench/i.test(f))).toEqual([]);
  for (const file of all.filter((f) => f.endsWith(".js"))) {
    expect({ file, workbench: read(file).includes("aidWorkbench") }).toEqual({
      file,
      workbench: false,
    });
  }
});

test("the domain is bundled once, in functions.js, so the pane and the functions share one ledger", () => {
  const marker = "The bundled dataset is invalid";
  expect(read("functions.js")).toContain(marker);
  expect(read("taskpane.js")).not.toContain(marker);
});

test("functions.js loads where there is no CustomFunctions global (a browser, a preview)", () => {
  const context: Record<string, unknown> = {};
  context.self = context;
  expect(() => void vm.runInNewContext(read("functions.js"), context)).not.toThrow();
});

test("in Excel's runtime, functions.js registers each catalog function once, and they answer", () => {
  const registered: [string, (...args: unknown[]) => unknown][] = [];
  class ExcelError {
    constructor(
      readonly code: string,
      readonly message?: string
    ) {}
  }
  const context: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.push([id, fn]),
      Error: ExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    },
  };
  context.self = context;
  vm.runInNewContext(read("functions.js"), context);
  expect(registered.map(([id]) => id)).toEqual(FUNCTIONS.map((f) => f.name));
  // Streaming functions: the answer goes to the invocation, not back as a return value.
  const aidTotal = new Map(registered).get("AIDTOTAL")!;
  const answers: unknown[] = [];
  const invocation = { setResult: (v: unknown) => answers.push(v) };
  aidTotal("Africa", 2016, undefined, undefined, undefined, invocation);
  aidTotal("Afrika", 2016, undefined, undefined, undefined, invocation);
  expect(answers[0]).toBe(2420000000);
  expect(answers[1]).toEqual(
    expect.objectContaining({ code: "#N/A", message: expect.stringContaining('"Afrika"') })
  );
});

test("the emitted manifest keeps the dev server's URLs and no Namespace when AID_URL and AID_NAMESPACE are unset", () => {
  const manifest = read("manifest.xml");
  expect(manifest).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  expect(manifest).toContain('DefaultValue="https://localhost:3000/taskpane.html"');
});

test("with AID_URL and AID_NAMESPACE set, the build's manifest transform points at that host and adds the namespace", async () => {
  process.env.AID_URL = "https://aid.example.org/ledger/";
  process.env.AID_NAMESPACE = "AID";
  try {
    const config = (await makeConfig({}, { mode: "production" })) as unknown as {
      plugins: { patterns?: { from: string; transform?: (content: Buffer) => string }[] }[];
    };
    const pattern = config.plugins
      .flatMap((p) => p.patterns ?? [])
      .find((p) => p.from === "manifest*.xml");
    const manifest = pattern!.transform!(fs.readFileSync(path.join(ROOT, "manifest.xml")));
    expect(manifest).not.toContain("https://localhost");
    expect(manifest).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://aid.example.org/ledger/taskpane.html"/>'
    );
    expect(manifest).toContain('<Namespace resid="Functions.Namespace"/>');
  } finally {
    delete process.env.AID_URL;
    delete process.env.AID_NAMESPACE;
  }
});
