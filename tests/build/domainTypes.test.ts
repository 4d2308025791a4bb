import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ROOT } from "./helpers";

/*
 * tsconfig.domain.json is what keeps Node, the DOM and Office out of src/domain: each probe below
 * is written to a temporary folder in src/domain and compiled with its options, as `tsc -p tsconfig.domain.json` compiles the domain, and must fail
 * with "cannot find name"; the control probe (ES2022 and the packages the domain uses) must pass.
 */

jest.setTimeout(60_000);

const PROBES: Record<string, string> = {
  process: "export const probe = process.env.HOME;",
  Buffer: 'export const probe = Buffer.from("x");',
  queueMicrotask: "queueMicrotask(() => undefined);",
  setTimeout: "setTimeout(() => undefined, 0);",
  document: "export const probe = document.title;",
  window: "export const probe = window.location;",
  URL: 'export const probe = new URL("https://example.org");',
  Excel: "export const probe = Excel.run;",
  Office: "export const probe = Office.context;",
  CustomFunctions: "export const probe = CustomFunctions.Error;",
};
const CONTROL = [
  'import Papa from "papaparse";',
  'import { Decimal } from "decimal.js";',
  'import { z } from "zod";',
  'export const rows = Papa.parse<string[]>("a,b", { skipEmptyLines: false }).data;',
  'export const sum = new Decimal("0.1").plus("0.2").toString();',
  "export const name = z.string().parse(String([1, 2].at(-1)));",
].join("\n");

let dir: string;
let diagnostics: Map<string, string[]>;

beforeAll(() => {
  // Inside src/domain, so that the probes resolve packages as the domain's own files do.
  dir = fs.mkdtempSync(path.join(ROOT, "src", "domain", "probe-"));
  const files = Object.entries({ ...PROBES, control: CONTROL }).map(([name, text]) => {
    const file = path.join(dir, `${name}.ts`);
    fs.writeFileSync(file, `${text}\n`);
    return file;
  });
  const configFile = path.join(ROOT, "tsconfig.domain.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    }
  )!;
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  diagnostics = new Map(
    files.map((file) => [
      path.basename(file, ".ts"),
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    ])
  );
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.each(Object.keys(PROBES))("%s in the domain is a compile error", (name) => {
  expect(diagnostics.get(name)).toEqual([expect.stringContaining(`Cannot find name '${name}'`)]);
});

test("plain ES2022 and the domain's packages (papaparse, decimal.js, zod) compile in the domain", () => {
  expect(diagnostics.get("control")).toEqual([]);
});
