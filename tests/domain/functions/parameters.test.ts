/**
 * Parameters as data: each function's entry declares its parameters once, and bindArguments reads
 * what a cell passed by them. These hold the entries to the rules every consumer relies on.
 */
import {
  FUNCTIONS,
  bindArguments,
  functionSpec,
  loadBundledLedger,
  type CellInput,
} from "../../../src/domain";

const ledger = loadBundledLedger();

describe.each(FUNCTIONS.map((f) => [f.name, f] as const))("%s's parameters", (_name, spec) => {
  test("have one role each, so bound arguments are keyed without clashes", () => {
    const roles = spec.parameters.map((p) => p.role);
    expect(new Set(roles).size).toBe(roles.length);
  });

  test("list required ones before optional ones, as Excel requires", () => {
    const firstOptional = spec.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0)
      expect(spec.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
  });

  test("state each default value in their description, which is what Excel shows", () => {
    for (const p of spec.parameters.filter((q) => q.default !== undefined)) {
      expect(p.optional).toBe(true);
      expect(p.description).toContain(JSON.stringify(p.default));
      expect(p.description).toMatch(/default/i);
    }
  });

  test("bind every omitted optional argument to its default, or to what leaving it out means", () => {
    const required: CellInput[] = spec.parameters
      .filter((p) => !p.optional)
      .map(
        (p) =>
          ({ place: "*", id: ledger.records[0]!.record.id, from: "USD", to: "JPY", amount: 1 })[
            p.role as string
          ] ?? null
      );
    const bound = bindArguments(spec, ledger, required);
    expect(bound.ok).toBe(true);
    if (!bound.ok) return;
    for (const p of spec.parameters.filter((q) => q.optional)) {
      const value = (bound.value as Record<string, unknown>)[p.role];
      if (p.default !== undefined) expect(value).toBe(p.default);
      // Left out, a year means any year (or the latest report); a theme, any theme.
      else expect(value).toEqual(p.role === "year" ? { year: null, fiscal: false } : null);
    }
  });
});

test("bindArguments names each argument by its role, typed, and stops at the first bad one", () => {
  const total = functionSpec("AIDTOTAL")!;
  const bound = bindArguments(total, ledger, ["Africa", "2016", "jpy", null, "ALL"]);
  expect(bound.ok && bound.value).toMatchObject({
    year: { year: 2016, fiscal: false },
    currency: "JPY",
    theme: null,
    kind: "all",
  });
  expect(bound.ok && bound.value.place?.name).toBe("Africa");
  const bad = bindArguments(total, ledger, ["Africa", "last year", "yen"]);
  expect(bad.ok).toBe(false);
  expect(!bad.ok && bad.error.message).toMatch(/^year must be a year/);
});

test("a fiscal year binds as one, for the filters and for a report's year", () => {
  const count = bindArguments(functionSpec("AIDCOUNT")!, ledger, ["*", "FY2016"]);
  expect(count.ok && count.value.year).toEqual({ year: 2016, fiscal: true });
  const rate = bindArguments(functionSpec("AIDRATE")!, ledger, ["USD", "JPY", "FY2016"]);
  expect(rate.ok && rate.value.year).toEqual({ year: 2016, fiscal: true });
  const plain = bindArguments(functionSpec("AIDRATE")!, ledger, ["USD", "JPY", 2016]);
  expect(plain.ok && plain.value.year).toEqual({ year: 2016, fiscal: false });
});

test("AIDCONVERT's amount binds as an exact fraction, digit for digit", () => {
  const bound = bindArguments(functionSpec("AIDCONVERT")!, ledger, ["0.1", "USD", "JPY"]);
  expect(bound.ok && bound.value.amount).toEqual({ num: 1n, den: 10n });
});
