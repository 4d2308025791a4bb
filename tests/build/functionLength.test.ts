import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { ROOT } from "./helpers";

/*
 * Short, single-purpose units (issue 15, item 5; CONTRIBUTING.md): at most 5 functions of 80 lines
 * or more in src/, React components included. A function's length runs from its first line to its
 * closing brace; an arrow inside another is counted on its own as well.
 */

const LONG = 80;
const AT_MOST = 5;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function longFunctions(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const line = (at: number) => source.getLineAndCharacterOfPosition(at).line;
      const lines = line(node.getEnd()) - line(node.getStart()) + 1;
      if (lines >= LONG)
        found.push(`${path.relative(ROOT, file)}:${line(node.getStart()) + 1} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test(`at most ${AT_MOST} functions in src/ run ${LONG} lines or more`, () => {
  const long = sourceFiles(path.join(ROOT, "src")).flatMap(longFunctions);
  expect({ count: long.length, long }).toEqual({ count: Math.min(long.length, AT_MOST), long });
});

test("the count sees a long function (the measure is not blind)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aid-ledger-length-"));
  const probe = path.join(dir, "probe.ts");
  const body = Array.from({ length: LONG }, (_, i) => `  const v${i} = ${i};`).join("\n");
  fs.writeFileSync(probe, `export function probe() {\n${body}\n}\n`);
  try {
    expect(longFunctions(probe)).toHaveLength(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
