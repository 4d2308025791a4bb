/**
 * Regression tests for issue 10 through the `aid` command: encodings, sizes and terminal escape
 * sequences in data files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundledRows, type CommitmentRecord, limits, toCsv, toJson } from "../../src/domain";
import { EXIT, runCli } from "../../src/cli/runCli";
import { FileContentError, readTextFile } from "../../src/cli/readText";
import { escapeForTerminal } from "../../src/cli/terminalText";

const REPO = resolve(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "aid-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the command in-process with the real file reader (byte cap, strict UTF-8). */
function aid(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => readTextFile(path),
  });
  return { code, stdout, stderr };
}

const bundled = bundledRows() as CommitmentRecord[];
const rows = (): CommitmentRecord[] =>
  JSON.parse(JSON.stringify(bundledRows())) as CommitmentRecord[];

describe("gap 4: encodings through aid validate", () => {
  test("JSON with a byte-order mark is valid, as CSV with one is", () => {
    const json = file("bom.json", `\uFEFF${toJson(bundled)}`);
    const csv = file("bom.csv", `\uFEFF${toCsv(bundled)}`);
    expect(aid("validate", json)).toEqual(expect.objectContaining({ code: EXIT.OK, stderr: "" }));
    expect(aid("validate", csv)).toEqual(expect.objectContaining({ code: EXIT.OK, stderr: "" }));
  });

  test("a UTF-16 file gets one problem naming the encoding, not dozens full of NULs", () => {
    const path = file("wide.json", Buffer.from(`\uFEFF${toJson(bundled)}`, "utf16le"));
    expect(aid("validate", path)).toEqual({
      code: EXIT.INVALID,
      stdout: "",
      stderr: `invalid: ${path}: record 0, field (file): this file is UTF-16: save it as UTF-8\n`,
    });
  });

  test("invalid UTF-8 is refused with its byte offset and line", () => {
    const bytes = Buffer.from(toCsv(bundled));
    const at = bytes.indexOf("Viet Nam");
    bytes[at] = 0xff;
    const line = bytes.subarray(0, at).toString("latin1").split("\n").length;
    const path = file("bad.csv", bytes);
    const run = aid("validate", path);
    expect(run.code).toBe(EXIT.INVALID);
    expect(run.stderr).toBe(
      `invalid: ${path}: line ${line} (record 0), field (file): not UTF-8: byte ${at} (0xFF) is not part of a UTF-8 character; save the file as UTF-8\n`
    );
  });
});

describe("gap 9: the aid command never prints raw escape sequences, and stops at the size limit", () => {
  test("an escape sequence in a field is printed escaped", () => {
    const data = rows();
    data[0]!.recipient = "\u001b]52;c;aGVsbG8=\u0007\u001b[2J";
    const path = file("esc.json", toJson(data));
    const run = aid("validate", path);
    expect(run.code).toBe(EXIT.INVALID);
    expect(run.stderr).toContain("control character U+001B at position 1");
    // ESC and BEL: a terminal escape sequence must never reach the terminal.
    // eslint-disable-next-line no-control-regex -- the control characters are what is checked
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  test("escapeForTerminal shows controls and bidi overrides, keeps tabs, line breaks and letters", () => {
    expect(escapeForTerminal("a\u001b[2Jb\u009b\u202ec\td\r\ne\rf")).toBe(
      "a\\x1B[2Jb\\x9B\\u{202E}c\td\r\ne\\x0Df"
    );
    expect(escapeForTerminal("Côte d'Ivoire 国連 ΟΗΕ")).toBe("Côte d'Ivoire 国連 ΟΗΕ");
  });

  test("a formula longer than Excel's limit is a usage error", () => {
    const run = aid("calc", `=AIDTOTAL("${"a".repeat(limits.MAX_FORMULA_LENGTH)}")`);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toMatch(/a formula is at most 8192 characters/);
  });

  test("reading stops one byte past the limit, with a size error", () => {
    const path = file("big.csv", "x".repeat(1001));
    expect(() => readTextFile(path, 1000)).toThrow(FileContentError);
    expect(() => readTextFile(path, 1000)).toThrow(
      "the file is larger than the limit of 1000 bytes"
    );
    expect(readTextFile(path, 1001)).toBe(readFileSync(path, "utf8"));
  });

  test("aid validate /dev/zero returns with the size error (it never returned)", () => {
    const run = spawnSync(process.execPath, [join(REPO, "bin/aid.js"), "validate", "/dev/zero"], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe(
      `invalid: /dev/zero: the file is larger than the limit of ${limits.MAX_FILE_BYTES} bytes (64 MB)\n`
    );
    expect(run.status).toBe(EXIT.INVALID);
  });
});
