import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

/*
 * The layers' one direction (CONTRIBUTING.md, "Layers"), as eslint.config.mjs enforces it: a probe
 * file in each layer imports from another, and no-restricted-imports must flag exactly the
 * directions the table forbids.
 */

jest.setTimeout(120_000);

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null }[];
}

/** [importing layer, what it imports, whether the rules allow it]. */
const CASES: readonly [string, string, boolean][] = [
  ["domain", "../host/store", false],
  ["domain", "../taskpane/App", false],
  ["domain", "../tooling/synthetic", false],
  ["domain", "../cli/runCli", false],
  ["domain", "../workbench/Workbench", false],
  ["domain", "react", false],
  ["domain", "fs", false],
  ["domain", "./workbook/a1", true],
  ["host", "../domain", true],
  ["host", "../taskpane/App", false],
  ["host", "../tooling/synthetic", false],
  ["host", "../workbench/Workbench", false],
  ["host", "hyperformula", false],
  ["taskpane", "../domain", true],
  ["taskpane", "../host/store", false],
  ["taskpane", "../tooling/excelModel", false],
  ["tooling", "../domain", true],
  ["tooling", "../host/excel/cells", false],
  ["tooling", "../taskpane/App", false],
  ["cli", "../tooling/synthetic", true],
  ["cli", "../host/store", false],
  ["cli", "../taskpane/App", false],
  ["workbench", "../taskpane/mountPane", true],
  ["workbench", "../host/store", true],
  ["workbench", "../cli/runCli", false],
];

let flagged: Map<string, boolean>;

beforeAll(() => {
  const probes = CASES.map(([layer, target], i) => {
    const file = path.join(ROOT, "src", layer, `layerProbe${process.pid}x${i}.ts`);
    fs.writeFileSync(file, `import * as probe from "${target}";\nexport const used = probe;\n`);
    return file;
  });
  try {
    // The eslint command, as `npm run lint` runs it (its config is an ES module, which Jest's
    // module system cannot load in-process).
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js"),
        "--format",
        "json",
        "--no-warn-ignored",
        ...probes,
      ],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
    );
    const results = JSON.parse(run.stdout) as LintResult[];
    if (results.length !== probes.length)
      throw new Error(`eslint linted ${results.length} of ${probes.length} probes:\n${run.stderr}`);
    const byFile = new Map(
      results.map((r) => [r.filePath, r.messages.some((m) => m.ruleId === "no-restricted-imports")])
    );
    flagged = new Map(probes.map((file, i) => [`${i}`, byFile.get(file) === true]));
  } finally {
    for (const file of probes) fs.rmSync(file, { force: true });
  }
});

test.each(CASES.map(([layer, target, allowed], i) => [layer, target, allowed, i] as const))(
  "src/%s importing %s: allowed %s",
  (_layer, _target, allowed, i) => {
    expect(flagged.get(`${i}`)).toBe(!allowed);
  }
);
