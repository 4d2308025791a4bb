import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, requireCommonJs } from "./helpers";

/*
 * scripts/localizeFunctions.js: functions-ja.json from functions.json and the Japanese texts of
 * src/host/functionsHelp.ja.json. Input here: the functions.json kept in the repo (src/host), which
 * functionsMetadata.test.ts keeps equal to what the JSDoc generates; bundle.test.ts checks the
 * files a real build writes.
 */

interface Parameter {
  name: string;
  description?: string;
  [field: string]: unknown;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  [field: string]: unknown;
}
interface Metadata {
  functions: FunctionMetadata[];
  [field: string]: unknown;
}
interface Help {
  functions: Record<string, { description?: string; parameters?: Record<string, string> }>;
}

const { localizeFunctionsMetadata, LocalizedFunctionsMetadataPlugin } = requireCommonJs<{
  localizeFunctionsMetadata: (metadata: Metadata, help: Help) => Metadata;
  LocalizedFunctionsMetadataPlugin: new (options: {
    input: string;
    output: string;
    help: string;
  }) => object;
}>("scripts/localizeFunctions.js");

const readJson = <T>(...parts: string[]) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, ...parts), "utf8")) as T;
const english = readJson<Metadata>("src", "host", "functions.json");
const help = readJson<Help>("src", "host", "functionsHelp.ja.json");
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const copy = <T>(value: T): T => structuredClone(value);

/** Everything of a function except what may be translated. */
const withoutTexts = ({ description: _d, parameters, ...rest }: FunctionMetadata) => ({
  ...rest,
  parameters: parameters.map(({ description: _p, ...field }) => field),
});

describe("functions-ja.json from the bundled texts", () => {
  const japanese = localizeFunctionsMetadata(english, help);

  test("agrees with functions.json on everything but the descriptions", () => {
    const { functions: jaFunctions, ...jaTop } = japanese;
    const { functions: enFunctions, ...enTop } = english;
    expect(jaTop).toEqual(enTop);
    expect(jaFunctions.map(withoutTexts)).toEqual(enFunctions.map(withoutTexts));
    expect(jaFunctions.map((f) => f.id)).toEqual(enFunctions.map((f) => f.id));
  });

  test("every function and parameter description is translated (Japanese script)", () => {
    const texts = japanese.functions.flatMap((f) => [
      [f.id, f.description],
      ...f.parameters.map((p) => [`${f.id}(${p.name})`, p.description]),
    ]);
    expect(texts.length).toBeGreaterThan(english.functions.length);
    for (const [where, text] of texts)
      expect({ where, japanese: JAPANESE.test(text ?? "") }).toEqual({ where, japanese: true });
  });

  test("each example formula and each quoted value users type stays as it is in English", () => {
    const formulas = (text = "") => text.match(/=AID[A-Z]+\([^)]*\)/g) ?? [];
    const quoted = (text = "") => text.match(/"[^"]*"/g) ?? [];
    english.functions.forEach((en, i) => {
      const ja = japanese.functions[i]!;
      expect(formulas(en.description).length).toBeGreaterThan(0);
      for (const formula of formulas(en.description)) expect(ja.description).toContain(formula);
      en.parameters.forEach((p, j) => {
        for (const value of quoted(p.description))
          expect({
            parameter: `${en.id}(${p.name})`,
            value,
            found: ja.parameters[j]!.description!.includes(value),
          }).toEqual({ parameter: `${en.id}(${p.name})`, value, found: true });
      });
    });
  });

  test("each parameter's default is the English one", () => {
    const defaultOf = (text = "") =>
      /Default "([^"]+)"/.exec(text)?.[1] ?? /"([^"]+)" \(default\)/.exec(text)?.[1];
    const japaneseDefaultOf = (text = "") =>
      /既定は "([^"]+)"/.exec(text)?.[1] ?? /"([^"]+)"（[^）]*既定/.exec(text)?.[1];
    let defaults = 0;
    english.functions.forEach((en, i) =>
      en.parameters.forEach((p, j) => {
        const ja = japanese.functions[i]!.parameters[j]!;
        expect([`${en.id}(${p.name})`, japaneseDefaultOf(ja.description)]).toEqual([
          `${en.id}(${p.name})`,
          defaultOf(p.description),
        ]);
        if (defaultOf(p.description)) defaults++;
      })
    );
    expect(defaults).toBeGreaterThanOrEqual(5);
  });

  test("the year parameters name the fiscal-year forms, and the place parameters Japanese names", () => {
    for (const fn of japanese.functions) {
      const place = fn.parameters.find((p) => p.name === "place");
      if (place) expect(place.description).toMatch(/日本語名/);
      const year = fn.parameters.find((p) => p.name === "year");
      if (year && ["AIDTOTAL", "AIDCOUNT", "AIDPEOPLE", "AIDLIST"].includes(fn.id))
        expect(year.description).toEqual(expect.stringContaining('"FY2016"'));
    }
  });

  test("the English input is not changed", () => {
    const before = copy(english);
    localizeFunctionsMetadata(english, help);
    expect(english).toEqual(before);
  });
});

describe("the generator refuses texts that do not match functions.json", () => {
  test("a function with no translation", () => {
    const missing = copy(help);
    delete missing.functions.AIDRATE;
    expect(() => localizeFunctionsMetadata(english, missing)).toThrow(
      /AIDRATE: no Japanese description/
    );
  });

  test("a parameter with no translation, and one in English", () => {
    const broken = copy(help);
    delete broken.functions.AIDTOTAL!.parameters!.kind;
    broken.functions.AIDCOUNT!.parameters!.theme = "A theme";
    const error = () => localizeFunctionsMetadata(english, broken);
    expect(error).toThrow(/AIDTOTAL\(kind\): no Japanese text/);
    expect(error).toThrow(/AIDCOUNT\(theme\): the text has no Japanese script/);
  });

  test("a translation for a function or a parameter that does not exist", () => {
    const extra = copy(help);
    extra.functions.AIDSUM = { description: "合計", parameters: {} };
    extra.functions.AIDTOTAL!.parameters!.region = "地域";
    const error = () => localizeFunctionsMetadata(english, extra);
    expect(error).toThrow(/AIDSUM: translated, but functions.json has no function AIDSUM/);
    expect(error).toThrow(/AIDTOTAL\(region\): translated, but AIDTOTAL has no parameter region/);
  });

  test("a parameter renamed in functions.json is both missing and unknown", () => {
    const renamed = copy(english);
    renamed.functions[0]!.parameters[0]!.name = "where";
    const error = () => localizeFunctionsMetadata(renamed, help);
    expect(error).toThrow(/AIDTOTAL\(where\): no Japanese text/);
    expect(error).toThrow(/AIDTOTAL\(place\): translated, but AIDTOTAL has no parameter place/);
  });

  test("a misspelt key of an entry", () => {
    const typo = copy(help) as unknown as Record<string, Record<string, Record<string, unknown>>>;
    typo.functions!.AIDLIST!.descripton = "一覧";
    expect(() => localizeFunctionsMetadata(english, typo as unknown as Help)).toThrow(
      /AIDLIST: unknown key "descripton"/
    );
  });
});

describe("the webpack step", () => {
  jest.setTimeout(60_000);
  const webpack = requireCommonJs<{
    (config: object): {
      run(callback: (error: Error | null, stats?: WebpackStats) => void): void;
      close(callback: () => void): void;
    };
    sources: { RawSource: new (text: string) => object };
    Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: number };
  }>("webpack");
  interface WebpackStats {
    hasErrors(): boolean;
    toString(options: object): string;
  }

  /** A tiny build whose only other plugin emits `functions` as functions.json, as the real build does. */
  async function build(functions: Metadata, helpFile: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aid-ledger-ja-"));
    fs.writeFileSync(path.join(dir, "entry.js"), "export const x = 1;\n");
    const emitFunctions = {
      apply(compiler: {
        hooks: { thisCompilation: { tap(name: string, fn: (c: never) => void): void } };
      }) {
        compiler.hooks.thisCompilation.tap("EmitFunctions", (compilation: never) => {
          const c = compilation as {
            hooks: { processAssets: { tap(o: object, fn: () => void): void } };
            emitAsset(name: string, source: object): void;
          };
          c.hooks.processAssets.tap(
            { name: "EmitFunctions", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
            () =>
              c.emitAsset(
                "functions.json",
                new webpack.sources.RawSource(JSON.stringify(functions))
              )
          );
        });
      },
    };
    const compiler = webpack({
      mode: "development",
      context: dir,
      entry: "./entry.js",
      output: { path: path.join(dir, "dist") },
      plugins: [
        new LocalizedFunctionsMetadataPlugin({
          input: "functions.json",
          output: "functions-ja.json",
          help: helpFile,
        }),
        emitFunctions, // registered after it on purpose: the stage, not the order, decides
      ],
    });
    try {
      const stats = await new Promise<WebpackStats>((resolve, reject) =>
        compiler.run((error, result) =>
          error || !result ? reject(error ?? new Error("webpack gave no stats")) : resolve(result)
        )
      );
      await new Promise<void>((resolve) => compiler.close(resolve));
      const written = path.join(dir, "dist", "functions-ja.json");
      return {
        errors: stats.hasErrors() ? stats.toString({ all: false, errors: true }) : "",
        japanese: fs.existsSync(written)
          ? (JSON.parse(fs.readFileSync(written, "utf8")) as Metadata)
          : undefined,
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test("writes functions-ja.json beside the emitted functions.json", async () => {
    const result = await build(english, path.join(ROOT, "src", "host", "functionsHelp.ja.json"));
    expect(result.errors).toBe("");
    expect(result.japanese).toEqual(localizeFunctionsMetadata(english, help));
  });

  test("fails the build, naming the function, when functions.json has one the texts lack", async () => {
    const more = copy(english);
    more.functions.push({ ...copy(english.functions[0]!), id: "AIDNEW", name: "AIDNEW" });
    const result = await build(more, path.join(ROOT, "src", "host", "functionsHelp.ja.json"));
    expect(result.errors).toMatch(/functions-ja\.json: .*\n?.*AIDNEW: no Japanese description/);
    expect(result.japanese).toBeUndefined();
  });
});
