import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  bundledReference,
  bundledRows,
  type CommitmentRecord,
  formatProblem,
  FUNCTIONS,
  functionSpec,
  LIST_HEADER,
  loadBundledLedger,
  loadDatasetText,
  toCsv,
  toJson,
} from "../../src/domain";
import { EXIT, runCli } from "../../src/cli/runCli";
import { generateRecords } from "../../src/tooling/synthetic";

const REPO = resolve(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "aid-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in-process; returns the exit code and everything printed. */
function aid(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => readFileSync(path, "utf8"),
  });
  return { code, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const bundledCount = loadBundledLedger().records.length;

describe("aid help", () => {
  test.each([["help"], ["--help"], ["-h"]])(
    "%s prints usage with every command, function and example, exit 0",
    (flag) => {
      const { code, stdout, stderr } = aid(flag);
      expect(code).toBe(EXIT.OK);
      expect(stderr).toBe("");
      for (const command of ["aid calc", "aid dataset --json | --csv", "aid validate"])
        expect(stdout).toContain(command);
      for (const f of FUNCTIONS) expect(stdout).toContain(`aid calc '${f.example}'`);
    }
  );

  test("no command prints usage on stderr, exit 2", () => {
    const { code, stdout, stderr } = aid();
    expect(code).toBe(EXIT.USAGE);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage:");
  });

  test("an unknown command is a usage error, exit 2", () => {
    const { code, stderr } = aid("frobnicate");
    expect(code).toBe(EXIT.USAGE);
    expect(stderr).toContain('unknown command "frobnicate"');
  });
});

describe("aid calc", () => {
  test('=AIDTOTAL("Africa",2016) prints 2420000000, exit 0', () => {
    expect(aid("calc", '=AIDTOTAL("Africa",2016)')).toEqual({
      code: 0,
      stdout: "2420000000\n",
      stderr: "",
    });
  });

  test("plain spreadsheet arithmetic around an AID function works", () => {
    expect(aid("calc", '=1+AIDCOUNT("*")').stdout).toBe(`${bundledCount + 1}\n`);
  });

  test("an error value prints with its reason and still exits 0", () => {
    const { code, stdout } = aid("calc", '=AIDTOTAL("Afrika",2016)');
    expect(code).toBe(EXIT.OK);
    expect(stdout).toMatch(/^#N\/A: Unknown place "Afrika"\. Did you mean .*"Africa"/);
  });

  test("a spilled answer prints as tab-separated rows, header first", () => {
    const expected = functionSpec("AIDLIST")!.evaluate(loadBundledLedger(), ["Viet Nam"]);
    if (!expected.ok || !Array.isArray(expected.value))
      throw new Error("AIDLIST should answer a table");
    const { code, stdout } = aid("calc", '=AIDLIST("Viet Nam")');
    expect(code).toBe(EXIT.OK);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(LIST_HEADER.join("\t"));
    expect(lines).toHaveLength(expected.value.length);
    expect(lines.map((l) => l.split("\t")[0])).toEqual(expected.value.map((row) => row[0]));
  });

  test("a formula that cannot be parsed exits 1", () => {
    const { code, stderr } = aid("calc", '=AIDCOUNT("*"');
    expect(code).toBe(EXIT.INVALID);
    expect(stderr).toContain("cannot parse");
  });

  test.each([
    [["calc"], "needs a formula"],
    [["calc", 'AIDTOTAL("Africa",2016)'], 'starts with "="'],
    [["calc", "=1", "=2"], "one formula"],
    [["calc", "--frob", "=1"], "unknown option --frob"],
    [["calc", "=1", "--data"], "--data needs a file name"],
  ])("usage error %j, exit 2", (argv, message) => {
    const { code, stdout, stderr } = aid(...argv);
    expect(code).toBe(EXIT.USAGE);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  test("--data evaluates against a dataset file", () => {
    const path = file("synthetic.json", toJson(generateRecords(50, { seed: 2 })));
    expect(aid("calc", "--data", path, '=AIDCOUNT("*")')).toEqual({
      code: 0,
      stdout: "50\n",
      stderr: "",
    });
    expect(aid("calc", '=AIDCOUNT("*")', `--data=${path}`).stdout).toBe("50\n");
  });

  test("--data with an invalid file exits 1 with its problems; an unreadable one exits 2", () => {
    const rows = generateRecords(5, { seed: 2 }).map((r, i) =>
      i === 1 ? { ...r, region: "Atlantis" } : r
    );
    const invalid = aid(
      "calc",
      "--data",
      file("bad-region.json", JSON.stringify(rows)),
      '=AIDCOUNT("*")'
    );
    expect(invalid.code).toBe(EXIT.INVALID);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toContain('record 2, id syn-2, field region: unknown region "Atlantis"');
    const missing = aid("calc", "--data", join(dir, "missing.json"), "=1");
    expect(missing.code).toBe(EXIT.USAGE);
    expect(missing.stderr).toContain("cannot read");
  });
});

describe("aid dataset", () => {
  test("--json prints the validated records, which validate again to the same number of records", () => {
    const { code, stdout } = aid("dataset", "--json");
    expect(code).toBe(EXIT.OK);
    const again = loadDatasetText(stdout, bundledReference(), { fileName: "dataset.json" });
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.value.records).toHaveLength(bundledCount);
    expect(again.value.records).toHaveLength(bundledRows().length);
  });

  test("--csv prints a file that aid validate accepts", () => {
    const { code, stdout } = aid("dataset", "--csv");
    expect(code).toBe(EXIT.OK);
    const path = file("dataset.csv", stdout);
    expect(aid("validate", path)).toEqual({
      code: 0,
      stdout: `valid: ${bundledCount} records\n`,
      stderr: "",
    });
  });

  test.each([[[]], [["--json", "--csv"]], [["--xml"]], [["--json", "extra"]]])(
    "dataset %j is a usage error, exit 2",
    (args) => {
      const { code, stdout, stderr } = aid("dataset", ...args);
      expect(code).toBe(EXIT.USAGE);
      expect(stdout).toBe("");
      expect(stderr).not.toBe("");
    }
  );
});

describe("aid validate", () => {
  test("a valid JSON file: valid: N records, exit 0", () => {
    const path = file("ok.json", toJson(generateRecords(12, { seed: 4 })));
    expect(aid("validate", path)).toEqual({ code: 0, stdout: "valid: 12 records\n", stderr: "" });
  });

  test("an invalid JSON file lists every problem with record, id and field, exit 1", () => {
    const rows = JSON.parse(JSON.stringify(bundledRows())) as Record<string, unknown>[];
    rows[0]!.amount = "12x";
    rows[2]!.region = "Atlantis";
    rows[5]!.theme = "nonsense-theme";
    const text = JSON.stringify(rows, null, 2);
    const { code, stdout, stderr } = aid("validate", file("bad.json", text));
    expect(code).toBe(EXIT.INVALID);
    expect(stdout).toBe("");
    const expected = loadDatasetText(text, bundledReference(), { fileName: "bad.json" });
    if (expected.ok) throw new Error("the edited rows should be invalid");
    expect(expected.problems.length).toBeGreaterThanOrEqual(3);
    expect(stderr).toMatch(
      new RegExp(`^invalid: .*bad\\.json has ${expected.problems.length} problems:`)
    );
    for (const p of expected.problems) expect(stderr).toContain(formatProblem(p));
    expect(stderr).toContain(`record 1, id ${String(rows[0]!.id)}, field amount:`);
    expect(stderr).toContain(
      `record 3, id ${String(rows[2]!.id)}, field region: unknown region "Atlantis"`
    );
    expect(stderr).toContain(
      `record 6, id ${String(rows[5]!.id)}, field theme: unknown theme "nonsense-theme"`
    );
  });

  test("an invalid CSV file lists problems by line number, exit 1", () => {
    const records = generateRecords(8, { seed: 4 }).map((r, i): CommitmentRecord =>
      i === 1
        ? { ...r, region: "Atlantis" }
        : i === 4
          ? { ...r, kind: "gift" as CommitmentRecord["kind"] }
          : r
    );
    const { code, stderr } = aid("validate", file("bad.csv", toCsv(records)));
    expect(code).toBe(EXIT.INVALID);
    expect(stderr).toContain("has 2 problems:");
    expect(stderr).toContain(
      'line 3 (record 2), id syn-2, field region: unknown region "Atlantis"'
    );
    expect(stderr).toContain("line 6 (record 5), id syn-5, field kind: must be one of");
  });

  test("a CSV cell of the wrong type is reported with its line", () => {
    const csv = toCsv(generateRecords(3, { seed: 4 })).split("\n");
    csv[2] = csv[2]!.replace(/,(TRUE|FALSE),/, ",maybe,");
    const { code, stderr } = aid("validate", file("bad-boolean.csv", csv.join("\n")));
    expect(code).toBe(EXIT.INVALID);
    expect(stderr).toContain('line 3 (record 2), field approximate: "maybe" is not TRUE or FALSE');
  });

  test("text that is not JSON is one problem, exit 1", () => {
    const { code, stderr } = aid("validate", file("broken.json", "[{"));
    expect(code).toBe(EXIT.INVALID);
    expect(stderr).toContain("not valid JSON");
  });

  test("an unreadable file says so, exit 2", () => {
    const { code, stderr } = aid("validate", join(dir, "no-such-file.csv"));
    expect(code).toBe(EXIT.USAGE);
    expect(stderr).toContain(`cannot read ${join(dir, "no-such-file.csv")}`);
  });

  test.each([[[]], [["a.csv", "b.csv"]], [["--json"]]])(
    "validate %j is a usage error, exit 2",
    (args) => {
      expect(aid("validate", ...args).code).toBe(EXIT.USAGE);
    }
  );
});

describe("bin/aid.js", () => {
  test("runs as a program: calc prints 2420000000 and exits 0", () => {
    const run = spawnSync(
      process.execPath,
      [join(REPO, "bin/aid.js"), "calc", '=AIDTOTAL("Africa",2016)'],
      { cwd: REPO, encoding: "utf8", timeout: 60_000 }
    );
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("2420000000\n");
    expect(run.status).toBe(0);
  });
});
