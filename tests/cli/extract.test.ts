import { parseDatasetText, RECORD_FIELDS } from "../../src/domain";
import { EXIT } from "../../src/cli/runCli";
import { REPORT, REPORT_FILE } from "../domain/extract/extractReport";
import { aid, tempDir } from "./run";

const tmp = tempDir("aid-extract-");

describe("aid extract", () => {
  test("prints candidate records as dataset CSV, a summary on stderr, exit 0", () => {
    const file = tmp.write(REPORT_FILE, REPORT);
    const { code, stdout, stderr } = aid("extract", file);
    expect(code).toBe(EXIT.OK);
    expect(stdout.split("\n")[0]).toBe(RECORD_FIELDS.map((f) => f.name).join(","));
    const parsed = parseDatasetText(stdout, "csv");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.rows).toHaveLength(12);
    expect(parsed.value.rows.every((r) => r.sourceFile === REPORT_FILE)).toBe(true);
    expect(stderr).toContain("12 candidates");
    expect(stderr).toContain("6 money, 2 people, 4 quantities");
    expect(stderr).toMatch(/Blanks to fill before "aid validate": kind \(1\), region \(1\)/);
  });

  test("--document-title and --source-file set those columns", () => {
    const file = tmp.write("report.txt", REPORT);
    const { stdout } = aid(
      "extract",
      file,
      "--document-title",
      "White Paper 2018",
      "--source-file=wp2018.txt"
    );
    const parsed = parseDatasetText(stdout, "csv");
    if (!parsed.ok) throw new Error("not CSV");
    expect(
      new Set(parsed.value.rows.map((r) => `${String(r.sourceFile)}|${String(r.sourceTitle)}`))
    ).toEqual(new Set(["wp2018.txt|White Paper 2018"]));
  });

  test("a report with no title line says to give --document-title", () => {
    const file = tmp.write("untitled.txt", REPORT.split("\n").slice(3).join("\n"));
    expect(aid("extract", file).stderr).toContain("give --document-title");
  });

  test("usage errors and unreadable files exit 2", () => {
    expect(aid("extract").code).toBe(EXIT.USAGE);
    expect(aid("extract", "a.txt", "b.txt").code).toBe(EXIT.USAGE);
    expect(aid("extract", tmp.path("x.txt"), "--title", "x").stderr).toContain(
      "unknown option --title"
    );
    const missing = aid("extract", tmp.path("missing.txt"));
    expect(missing.code).toBe(EXIT.USAGE);
    expect(missing.stderr).toContain("cannot read");
  });
});

test("aid help lists the maintainers' commands", () => {
  const { stdout } = aid("help");
  for (const command of [
    "aid extract <report.txt>",
    "aid diff <old> <new>",
    "aid publish <dataset> --out <dir>",
    "aid export --iati <out.xml>",
  ])
    expect(stdout).toContain(command);
});
