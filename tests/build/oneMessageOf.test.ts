import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

/*
 * One messages module (issue 15, item 3): the text of anything thrown is taken in one place,
 * `messageOf` in src/domain/messages/catalog.ts (it follows `cause`). A second helper, or an inline
 * `e instanceof Error ? e.message : String(e)`, loses the cause and drifts from the first.
 */

const CATALOG = path.join("src", "domain", "messages", "catalog.ts");
// An inline copy: `x instanceof Error ? x.message : …`, whatever the variable is called.
const INLINE = /\b(\w+) instanceof Error \? \1\.message\b/;
// A helper of its own: a function whose body is that expression, whatever its name.
const HELPER = /function \w+\((\w+): unknown\)[^{]*\{\s*return \1 instanceof Error/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function copiesIn(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => INLINE.test(line) || HELPER.test(line))
    .map(({ number }) => String(number));
}

test("src/ takes the text of an error only through messageOf", () => {
  const copies = sourceFiles(path.join(ROOT, "src"))
    .filter((file) => path.relative(ROOT, file) !== CATALOG)
    .flatMap((file) =>
      copiesIn(fs.readFileSync(file, "utf8")).map((line) => `${path.relative(ROOT, file)}:${line}`)
    );
  expect(copies).toEqual([]);
});

test("the check sees an inline copy and a helper of its own (it is not blind)", () => {
  expect(copiesIn("  reason: e instanceof Error ? e.message : String(e),")).toEqual(["1"]);
  expect(
    copiesIn("function textOf(error: unknown): string { return error instanceof Error ? 1 : 2 }")
  ).toEqual(["1"]);
  expect(copiesIn("  reason: messageOf(e),")).toEqual([]);
});
