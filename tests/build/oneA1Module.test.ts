import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

/*
 * A1 addresses in one module (issue 15, item 4): column letters are read and written only in
 * src/domain/workbook/a1.ts, which the adapter, the Excel model and the workbench all import.
 * A copy elsewhere is found by its arithmetic: letters to numbers (charCodeAt - 64) or back
 * (fromCharCode(65 + ...)).
 */

const A1_MODULE = path.join("src", "domain", "workbook", "a1.ts");
const COLUMN_ARITHMETIC = /charCodeAt\(0\)\s*-\s*64|fromCharCode\(\s*65\s*\+/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test("column letters are converted only in src/domain/workbook/a1.ts", () => {
  const copies = sourceFiles(path.join(ROOT, "src")).flatMap((file) => {
    const relative = path.relative(ROOT, file);
    if (relative === A1_MODULE) return [];
    return fs
      .readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => (COLUMN_ARITHMETIC.test(line) ? [`${relative}:${i + 1}`] : []));
  });
  expect(copies).toEqual([]);
});

test("the check sees column arithmetic (it is not blind)", () => {
  const a1 = fs.readFileSync(path.join(ROOT, A1_MODULE), "utf8");
  expect(a1.split("\n").filter((line) => COLUMN_ARITHMETIC.test(line))).toHaveLength(2);
});
