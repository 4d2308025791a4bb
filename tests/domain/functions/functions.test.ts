import { type AidLedger, FUNCTIONS, functionSpec, loadBundledLedger } from "../../../src/domain";
import type { CellInput } from "../../../src/domain";
import { aidTotal, bundledCopy, ledgerOf } from "../helpers";
import { valueText } from "../../../src/domain/functions/explain";

const ledger = loadBundledLedger();
const call = (name: string, ...args: CellInput[]) => functionSpec(name)!.evaluate(ledger, args);
const value = (name: string, ...args: CellInput[]) => {
  const r = call(name, ...args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const error = (name: string, ...args: CellInput[]) => {
  const r = call(name, ...args);
  if (r.ok) throw new Error(`${name} answered ${JSON.stringify(r.value)}`);
  return r.error;
};

/** Sums of the bundled records' stated figures, computed here from the data rather than typed in. */
function statedSum(
  filter: (r: AidLedger["records"][number]) => boolean,
  currency: "USD" | "JPY"
): number {
  return (
    ledger.records
      .filter(filter)
      .reduce(
        (n, r) =>
          n + Number(r.amount!.currency === currency ? r.amount!.minor : r.equivalent!.minor),
        0
      ) / (currency === "USD" ? 100 : 1)
  );
}

describe("AIDTOTAL", () => {
  const africa2016 = (r: AidLedger["records"][number]) =>
    r.record.region === "Africa" &&
    r.countingYear === 2016 &&
    ["pledge", "contribution", "grant", "loan"].includes(r.record.kind) &&
    r.amount !== null;

  test('=AIDTOTAL("Africa",2016) is the README example, 2.42 billion dollars', () => {
    expect(value("AIDTOTAL", "Africa", 2016)).toBe(2420000000);
    expect(value("AIDTOTAL", "Africa", 2016)).toBe(statedSum(africa2016, "USD"));
  });

  test("in yen it is the sum of the reports' own yen figures, not a recomputation", () => {
    expect(value("AIDTOTAL", "Africa", 2016, "JPY")).toBe(statedSum(africa2016, "JPY"));
    expect(value("AIDTOTAL", "Africa", 2016, "jpy")).toBe(253000000000);
  });

  test("single-currency records convert at their document's median rate, rounded once", () => {
    // Asia 2016: JPY 45bn (converted at 1871/18) + USD 150,000 + USD 100,000 (FY2016).
    expect(value("AIDTOTAL", "Asia", 2016)).toBe(Number(((45e9 * 18) / 1871 + 250000).toFixed(2)));
  });

  test("places: aliases, ISO codes, subregions, organizations, any case", () => {
    expect(value("AIDTOTAL", "UNODC", null, null, null, "all")).toBe(780000);
    expect(value("AIDTOTAL", "mm", 2016)).toBe(100000);
    expect(value("AIDTOTAL", "the islamic republic of iran", 2015)).toBe(430000);
    expect(value("AIDTOTAL", "East Africa", null, "USD", null, "cumulative")).toBe(
      14600000 + 4500000 + 408500000
    );
  });

  test("kind filters: committed by default, cumulative, all, or one kind", () => {
    expect(value("AIDTOTAL", "*", 2016, "USD", null, "cumulative")).toBe(0);
    expect(value("AIDTOTAL", "*", null, "USD", null, "cumulative")).toBe(
      1800000000 + 14600000 + 4500000 + 408500000 + 68000000
    );
    expect(value("AIDTOTAL", "*", 2016, "USD", "", "contribution")).toBe(250000);
  });

  test("records with no year count only when the year is omitted", () => {
    expect(value("AIDCOUNT", "Somalia")).toBe(1);
    expect(value("AIDCOUNT", "Somalia", 2016)).toBe(0);
  });

  test("a document with no stated rate gives #N/A naming it, never a guess", () => {
    const e = error("AIDTOTAL", "Viet Nam");
    expect(e.code).toBe("NA");
    // Named by its title, as a person reads it (issue 8), not by its file name.
    expect(e.message).toContain("Japan's International Counter-Terrorism Cooperation");
    expect(e.message).not.toContain("004_ee4f842758621c53.txt");
    // In its own currency no rate is needed.
    expect(value("AIDTOTAL", "Viet Nam", null, "JPY")).toBe(861000000);
  });

  test("once the user supplies a rate, those records convert with it", () => {
    const withRate = ledgerOf(bundledCopy(), [
      { document: "004_ee4f842758621c53.txt", jpyPerUsd: "100" },
    ]);
    expect(functionSpec("AIDTOTAL")!.evaluate(withRate, ["Viet Nam"])).toEqual({
      ok: true,
      value: 8610000,
    });
  });

  test.each([
    [["Afrika", 2016], "NA", /Unknown place "Afrika". Did you mean .*"Africa"/],
    [[2016], "VALUE", /place must be text/],
    [["Africa", "20x6"], "VALUE", /year must be a year/],
    [["Africa", 2016.5], "VALUE", /year must be a year/],
    [["Africa", 2016, "EUR"], "VALUE", /currency must be "USD" or "JPY"/],
    [
      ["Africa", 2016, "USD", "maritme"],
      "NA",
      /Unknown theme "maritme". Did you mean "maritime-security"/,
    ],
    [["Africa", 2016, "USD", "", "gifts"], "VALUE", /kind must be one of/],
  ] as const)("AIDTOTAL(%j) is %s", (args, code, message) => {
    const e = error("AIDTOTAL", ...(args as unknown as CellInput[]));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("AIDCOUNT and AIDPEOPLE", () => {
  test("count every matching record, all kinds by default", () => {
    expect(value("AIDCOUNT", "*")).toBe(ledger.records.length);
    expect(value("AIDCOUNT", "Philippines", null, "maritime")).toBe(2);
  });

  test("people stated as part of another figure are not counted twice", () => {
    const people = ledger.records.filter(
      (r) => r.record.region === "Africa" && r.countingYear === 2016 && r.record.people !== null
    );
    const parts = people.filter(
      (r) => r.record.partOf !== null && ledger.record(r.record.partOf)!.record.people !== null
    );
    expect(parts.map((r) => r.record.id)).toEqual(["ticad6-vocational-training-2016"]);
    const expected =
      people.reduce((n, r) => n + r.record.people!, 0) -
      parts.reduce((n, r) => n + r.record.people!, 0);
    expect(value("AIDPEOPLE", "Africa", 2016)).toBe(expected);
  });
});

describe("AIDLIST", () => {
  test("spills a header and one row per record, with converted columns and error cells", () => {
    const rows = value("AIDLIST", "Viet Nam") as unknown[][];
    // The header is the one AIDLIST's description promises users: "…, then id, date, …, JPY."
    const promised = /then (.+)\.$/.exec(functionSpec("AIDLIST")!.description)![1]!.split(", ");
    expect(promised).toHaveLength(10);
    expect(rows[0]).toEqual(promised);
    expect(rows).toHaveLength(1 + (value("AIDCOUNT", "Viet Nam") as number));
    const customs = rows.find((r) => r[0] === "viet-nam-haiphong-customs-2009")!;
    expect(customs.slice(1, 7)).toEqual([
      "2009-09",
      "Viet Nam",
      "counter-terrorism",
      "grant",
      861000000,
      "JPY",
    ]);
    expect(customs[7]).toEqual(expect.objectContaining({ code: "NA" }));
    expect(customs[8]).toBe(861000000);
    // September 2009: between 1 April 2009 and 31 March 2010.
    expect(customs[9]).toBe(2009);
  });

  test("FY records show their fiscal year", () => {
    const rows = value("AIDLIST", "Myanmar") as unknown[][];
    expect(rows[1]!.slice(0, 2)).toEqual(["unodc-opium-monitoring-myanmar-fy2016", "FY2016"]);
  });
});

describe("AIDSOURCE", () => {
  test("cites document, section and evidence", () => {
    const r = ledger.record("ticad6-peace-stability-2016")!.record;
    const cite = value("AIDSOURCE", r.id) as string;
    for (const part of [r.sourceTitle, r.sourceFile, r.sourceSection, r.evidence])
      expect(cite).toContain(part);
  });

  test("an unknown id suggests the nearest", () => {
    expect(error("AIDSOURCE", "ticad6-peace").message).toMatch(
      /Did you mean "ticad6-peace-stability-2016"/
    );
  });
});

describe("AIDRATE and AIDCONVERT", () => {
  test("the rate is the covering report's median; its inverse the other way", () => {
    expect(value("AIDRATE", "USD", "JPY", 2016)).toBeCloseTo(1871 / 18, 12);
    expect(value("AIDRATE", "JPY", "USD")).toBeCloseTo(18 / 1871, 15);
    expect(value("AIDRATE", "USD", "USD", 2016)).toBe(1);
  });

  test("conversion is exact then rounded once to the target's minor unit", () => {
    expect(value("AIDCONVERT", 1000000, "USD", "JPY", 2016)).toBe(103944444); // 103,944,444.4
    expect(value("AIDCONVERT", 0.05, "USD", "JPY", 2016)).toBe(5); // 5.197 yen
    expect(value("AIDCONVERT", 1000000, "JPY", "USD")).toBe(9620.52); // 9,620.5237...
    expect(value("AIDCONVERT", -1000000, "JPY", "USD")).toBe(-9620.52);
  });

  test("no report, or a report without a rate, is #N/A with the reason", () => {
    expect(error("AIDRATE", "USD", "JPY", 2009).message).toMatch(
      /Japan's International Counter-Terrorism Cooperation.*states no JPY\/USD rate/
    );
    expect(error("AIDCONVERT", 5, "USD", "JPY", 2020).message).toMatch(
      /No report in the dataset covers 2020/
    );
    expect(error("AIDCONVERT", "five", "USD", "JPY").code).toBe("VALUE");
  });
});

test("every catalogued function has a description, parameters and an example that evaluates", () => {
  for (const f of FUNCTIONS) {
    expect(f.description.length).toBeGreaterThan(10);
    const args = /^=\w+\((.*)\)$/
      .exec(f.example)![1]!
      .split(",")
      .map((a) => (a === "" ? null : a.startsWith('"') ? a.slice(1, -1) : Number(a)));
    expect(f.evaluate(ledger, args).ok).toBe(true);
  }
});

test("a number argument is repeated as typed, in plain digits (0.0000001, not 1e-7)", () => {
  const year = aidTotal(ledger, "Africa", 0.0000001);
  expect(!year.ok && year.error.message).toMatch(/got 0\.0000001$/);
  const big = aidTotal(ledger, "Africa", 1e21);
  expect(!big.ok && big.error.message).toMatch(/got 1000000000000000000000$/);
  expect(valueText(0.0000001)).toBe("0.0000001");
});

test("an unknown place names groups among the kinds of place, and the groups it names are places", () => {
  const unknown = functionSpec("AIDTOTAL")!.evaluate(ledger, ["Atlantis"]);
  expect(unknown.ok).toBe(false);
  const message = unknown.ok ? "" : unknown.error.message;
  const named = /group of countries \(([^)]*)\)/.exec(message)?.[1]?.split(", ") ?? [];
  expect(named).toEqual(["ASEAN", "LDC"]);
  for (const group of named)
    expect([group, ledger.places.resolve(group)?.kind]).toEqual([group, "group"]);
});
