import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTIONS, loadBundledLedger } from "../../src/domain";

/* README.ja.md, for Japanese readers: the same set-up, every function, and worked examples that run. */

const root = join(__dirname, "..", "..");
const readmeJa = readFileSync(join(root, "README.ja.md"), "utf8");
const readme = readFileSync(join(root, "README.md"), "utf8");
const ledger = loadBundledLedger();

/** Splits a formula's argument list the way a user types it: empty arguments are omitted ones. */
function argsOf(formula: string): (string | number | null)[] {
  const inner = /^=\w+\((.*)\)$/.exec(formula)![1]!;
  return inner
    .split(",")
    .map((a) => (a === "" ? null : a.startsWith('"') ? a.slice(1, -1) : Number(a)));
}

/** Whether the formula gives the value the README states ("103.9444…" is a truncated value). */
function givesStated(formula: string, stated: string): boolean {
  const name = /^=(\w+)\(/.exec(formula)![1]!;
  const result = FUNCTIONS.find((f) => f.name === name)!.evaluate(ledger, argsOf(formula));
  if (stated.includes("#N/A")) return !result.ok && result.error.code === "NA";
  if (!result.ok || typeof result.value !== "number") return false;
  if (!stated.endsWith("…")) return result.value === Number(stated);
  const digits = stated.split(".")[1]!.length - 1;
  return (
    Math.trunc(result.value * 10 ** digits) ===
    Math.trunc(Number(stated.slice(0, -1)) * 10 ** digits)
  );
}

/** "`=AIDTOTAL("Africa",2016)` は 2420000000": each worked example and its stated value. */
const examples = [...readmeJa.matchAll(/`(=AID\w+\([^`]*\))` は `?(#N\/A|\d[\d.]*…?)/g)].map(
  ([, formula, stated]) => ({ formula: formula!, stated: stated! })
);

test("README.md and README.ja.md link each other", () => {
  expect(readme).toContain("[README.ja.md](README.ja.md)");
  expect(readmeJa).toContain("[README.md](README.md)");
});

test("the set-up is README.md's two command lines", () => {
  const setupOf = (text: string, heading: string) =>
    new RegExp(`## ${heading}\\n\\n\`\`\`\\n([\\s\\S]*?)\`\`\``).exec(text)![1]!.trim().split("\n");
  expect(setupOf(readmeJa, "セットアップ")).toEqual(setupOf(readme, "Set-up"));
  expect(setupOf(readmeJa, "セットアップ")).toEqual(["npm ci && npm start", "npm test"]);
});

test("every function has a heading, and every formula calls a function by its English name", () => {
  for (const f of FUNCTIONS) expect(readmeJa).toContain(`### ${f.name}(`);
  const called = [...readmeJa.matchAll(/=(?:AID\.)?([A-Z]+)\(/g)].map((m) => m[1]);
  expect(called.length).toBeGreaterThan(FUNCTIONS.length);
  for (const name of called) expect(FUNCTIONS.map((f) => f.name)).toContain(name);
});

test("it documents the rate rule and the fiscal-year rule, and every link within it has its heading", () => {
  const headings = [...readmeJa.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]!.trim().toLowerCase().replace(/\s+/g, "-")
  );
  expect(headings).toEqual(expect.arrayContaining(["換算レートの規則", "年度の規則"]));
  const anchors = [...readmeJa.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
  expect(anchors.length).toBeGreaterThanOrEqual(3);
  for (const anchor of anchors) expect(headings).toContain(anchor);
});

test("every worked example gives the value README.ja.md states", () => {
  expect(examples.length).toBeGreaterThanOrEqual(9);
  for (const { formula, stated } of examples)
    expect({ formula, stated, gives: givesStated(formula, stated) }).toEqual({
      formula,
      stated,
      gives: true,
    });
});
