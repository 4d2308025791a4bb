import {
  bundledReference,
  createLedger,
  formatProblem,
  functionSpec,
  KINDS,
} from "../../src/domain";
import { generateRecords, seededRandom, SYNTHETIC_DOCUMENTS } from "../../src/tooling/synthetic";

describe("generateRecords", () => {
  const records = generateRecords(2000, { seed: 11 });
  const built = createLedger({ rows: records, reference: bundledReference() });

  test("2,000 records validate against the schema, the taxonomy and the themes", () => {
    if (!built.ok)
      throw new Error(
        built.problems
          .slice(0, 20)
          .map((p) => formatProblem(p))
          .join("\n")
      );
    expect(built.value.records).toHaveLength(2000);
  });

  test("the same seed gives the same records; another seed gives others", () => {
    expect(generateRecords(500, { seed: 11 })).toEqual(records.slice(0, 500));
    expect(JSON.stringify(generateRecords(300, { seed: 12 }))).not.toEqual(
      JSON.stringify(records.slice(0, 300))
    );
    const a = seededRandom(99);
    const b = seededRandom(99);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  test("covers the shapes the real data has", () => {
    const has = (predicate: (r: (typeof records)[number]) => boolean) => records.some(predicate);
    for (const kind of KINDS) expect(has((r) => r.kind === kind)).toBe(true);
    for (const type of ["country", "region", "organization", "fund"])
      expect(has((r) => r.recipientType === type)).toBe(true);
    expect(has((r) => r.currency === "USD") && has((r) => r.currency === "JPY")).toBe(true);
    expect(has((r) => r.equivalentAmount !== null)).toBe(true);
    expect(has((r) => r.amount === null && r.people !== null)).toBe(true);
    expect(has((r) => r.amount === null && r.quantity !== null)).toBe(true);
    expect(has((r) => r.partOf !== null)).toBe(true);
    expect(has((r) => r.fiscalYear !== null) && has((r) => r.announced !== null)).toBe(true);
    expect(new Set(records.map((r) => r.sourceFile))).toEqual(
      new Set(SYNTHETIC_DOCUMENTS.map((d) => d.sourceFile))
    );
    for (const r of records) {
      const year = r.fiscalYear ?? Number(r.announced!.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(2000);
      expect(year).toBeLessThanOrEqual(2025);
      expect(r.amount === null || /^\d+$/.test(r.amount)).toBe(true);
    }
  });

  test("every document states a rate, so totals in either currency answer", () => {
    if (!built.ok) throw new Error("invalid");
    expect(built.value.rates.documents.map((d) => d.basis)).toEqual(
      SYNTHETIC_DOCUMENTS.map(() => "stated-median")
    );
    const total = functionSpec("AIDTOTAL")!;
    expect(total.evaluate(built.value, ["*", null, "USD"]).ok).toBe(true);
    expect(total.evaluate(built.value, ["*", null, "JPY"]).ok).toBe(true);
  });

  test("the grand total is the sum of the region totals (each rounded once)", () => {
    if (!built.ok) throw new Error("invalid");
    const ledger = built.value;
    const regions = bundledReference().taxonomy.regions.map((r) => r.name);
    const place = (name: string) => ledger.places.resolve(name)!;
    const query = (name: string) => ({
      place: place(name),
      year: null,
      theme: null,
      kind: "committed" as const,
    });
    const all = ledger.total(query("*"), "USD");
    if (!all.ok) throw new Error(all.error.message);
    let sum = 0n;
    for (const region of regions) {
      const t = ledger.total(query(region), "USD");
      if (!t.ok) throw new Error(t.error.message);
      sum += t.value;
    }
    const diff = all.value > sum ? all.value - sum : sum - all.value;
    expect(diff).toBeLessThanOrEqual(BigInt(regions.length)); // at most half a cent of rounding per total
    expect(regions.reduce((n, r) => n + ledger.index.count(query(r)), 0)).toBe(
      ledger.index.count(query("*"))
    );
  });

  test("refuses a count that is not a whole number", () => {
    expect(() => generateRecords(-1)).toThrow(RangeError);
    expect(() => generateRecords(1.5)).toThrow(RangeError);
    expect(generateRecords(0)).toEqual([]);
  });
});
