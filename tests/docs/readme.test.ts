import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTIONS, RECORD_FIELDS, loadBundledLedger } from "../../src/domain";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
const ledger = loadBundledLedger();

/** Splits a formula's argument list the way a user types it: empty arguments are omitted ones. */
function argsOf(formula: string): (string | number | null)[] {
  const inner = /^=\w+\((.*)\)$/.exec(formula)![1]!;
  return inner
    .split(",")
    .map((a) => (a === "" ? null : a.startsWith('"') ? a.slice(1, -1) : Number(a)));
}

test("the README documents every function with a heading and every dataset field", () => {
  for (const f of FUNCTIONS) expect(readme).toContain(`### ${f.name}(`);
  for (const f of RECORD_FIELDS) expect(readme).toContain(`\`${f.name}\``);
});

test("the set-up is exactly two command lines", () => {
  const setup = /## Set-up\n\n```\n([\s\S]*?)```/.exec(readme)![1]!.trim().split("\n");
  expect(setup).toEqual(["npm ci && npm start", "npm test"]);
});

test("every worked example in the README gives the value the README states", () => {
  // "is 103.9444…" states a truncated value: compare to that many decimals.
  const examples = [...readme.matchAll(/`(=AID\w+\([^`]*\))` is (#N\/A|`#N\/A`|\d[\d.]*…?)/g)];
  expect(examples.length).toBeGreaterThanOrEqual(8);
  for (const [, formula, stated] of examples) {
    const name = /^=(\w+)\(/.exec(formula!)![1]!;
    const result = FUNCTIONS.find((f) => f.name === name)!.evaluate(ledger, argsOf(formula!));
    if (stated!.includes("#N/A")) expect(result.ok ? result.value : result.error.code).toBe("NA");
    else if (stated!.endsWith("…")) {
      const digits = stated!.split(".")[1]!.length - 1;
      expect(result.ok && Math.trunc((result.value as number) * 10 ** digits)).toBe(
        Math.trunc(Number(stated!.slice(0, -1)) * 10 ** digits)
      );
    } else
      expect([formula, result.ok ? result.value : result.error]).toEqual([formula, Number(stated)]);
  }
});
