import { fraction } from "../../../src/domain/money/fraction";
import { loadBundledLedger } from "../../../src/domain";
import { ledgerOf, record } from "../helpers";

const WP = "000_ecb32d6e9fafa848.txt";
const CT = "004_ee4f842758621c53.txt";

test("each bundled document's default rate is the median of the pairs it states", () => {
  const ledger = loadBundledLedger();
  const wp = ledger.rates.get(WP)!;
  // Pairs stated by the White Paper: 180.5bn/1.8bn, 14bn/120m, 52bn/500m, 187bn/1.8bn yen per dollar.
  expect(wp.pairs.map((p) => p.jpyPerUsd)).toEqual(
    expect.arrayContaining([
      fraction(1805n, 18n),
      fraction(350n, 3n),
      fraction(104n),
      fraction(935n, 9n),
    ])
  );
  expect(wp.pairs).toHaveLength(4);
  // Even count: mean of the middle two, 935/9 and 104.
  expect(wp.jpyPerUsd).toEqual(fraction(1871n, 18n));
  expect(wp.basis).toBe("stated-median");
  expect(wp.derivation).toMatch(/Median of 4 stated JPY\/USD pairs.*103\.944444 JPY per USD/);
  expect(wp.covers).toEqual({ from: 2013, to: 2016 });
});

test("a document that states no pair has no rate, and says so", () => {
  const ct = loadBundledLedger().rates.get(CT)!;
  expect(ct.jpyPerUsd).toBeNull();
  expect(ct.basis).toBe("none");
  // Its dated records are the grants of 2009 and 2010; the JAIF fund's size has no counting year.
  expect(ct.covers).toEqual({ from: 2009, to: 2010 });
});

test("a user rate fills a document that states none, and is refused for one that states its own", () => {
  const rows = [
    record({
      id: "a",
      sourceFile: "one.txt",
      amount: "100",
      currency: "USD",
      equivalentAmount: "11000",
      equivalentCurrency: "JPY",
    }),
    record({ id: "b", sourceFile: "two.txt", amount: "1000", currency: "JPY" }),
  ];
  const ledger = ledgerOf(rows, [{ document: "two.txt", jpyPerUsd: "125" }]);
  expect(ledger.rates.get("two.txt")).toEqual(
    expect.objectContaining({ basis: "user", jpyPerUsd: fraction(125n) })
  );
  expect(() => ledgerOf(rows, [{ document: "one.txt", jpyPerUsd: "125" }])).toThrow(
    /states its own rate/
  );
  expect(() => ledgerOf(rows, [{ document: "two.txt", jpyPerUsd: "-3" }])).toThrow(
    /not a positive decimal/
  );
  expect(() => ledgerOf(rows, [{ document: "three.txt", jpyPerUsd: "100" }])).toThrow(
    /no document in the dataset is called \\"three.txt\\"; give its title: \\"Test report\\""/
  );
});

test("the report covering a year is the one whose records count in it; the latest when no year is given", () => {
  const rates = loadBundledLedger().rates;
  expect(rates.forYear(2009)?.document).toBe(CT);
  expect(rates.forYear(2014)?.document).toBe(WP);
  expect(rates.forYear(null)?.document).toBe(WP);
  expect(rates.forYear(2012)).toBeUndefined();
});
