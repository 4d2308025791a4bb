import fc from "fast-check";
import { factsTable, loadBundledLedger } from "../../../src/domain";
import { explainFormula } from "../../../src/domain/functions/explain";
import {
  fiscalDatingOf,
  fiscalYearOf,
  parseFiscalYearText,
} from "../../../src/domain/dates/fiscalYear";
import { parseYearFilter } from "../../../src/domain/dates/yearArgument";
import { minorToNumber } from "../../../src/domain/money/money";
import { aidCount, aidList, aidTotal, ledgerOf, record } from "../helpers";

const ledger = loadBundledLedger();

/** The records the fiscal-year rule puts in FY `fy`, read from the data, not from the index. */
function recordsInFiscalYear(fy: number) {
  return ledger.records.filter((r) => {
    if (r.record.fiscalYear !== null) return r.record.fiscalYear === fy;
    const a = r.record.announced;
    if (a === null || a.length < 7) return false;
    const start = `${fy}-04`;
    const end = `${fy + 1}-03`;
    return a.slice(0, 7) >= start && a.slice(0, 7) <= end;
  });
}

/** Committed records' own figure in `currency` (stated or the report's equivalent): the exact sum in minor units. */
function statedSum(records: typeof ledger.records, currency: "USD" | "JPY"): bigint {
  let sum = 0n;
  for (const r of records) {
    if (!r.amount || !r.countsMoney) continue;
    if (!["pledge", "contribution", "grant", "loan"].includes(r.record.kind)) continue;
    const converted = ledger.convertRecord(r, currency);
    if (converted?.ok) sum += converted.value;
    else throw new Error(`${r.record.id} has no ${currency} figure`);
  }
  return sum;
}

describe("fiscal year written as text", () => {
  it.each([
    ["FY2016", 2016],
    ["fy 2009", 2009],
    ["ＦＹ２０１６", 2016],
    ["2016年度", 2016],
    ["２０１６年度", 2016],
    ["平成28年度", 2016],
    ["平成２８年度", 2016],
    ["H28年度", 2016],
    ["平成元年度", 1989],
    ["平成31年度", 2019],
    ["令和元年度", 2019],
    ["令和6年度", 2024],
    ["R6年度", 2024],
    ["昭和64年度", 1989],
  ])("%s is FY%d", (text, fy) => {
    expect(parseFiscalYearText(text)).toBe(fy);
  });

  it.each([
    "2016",
    "FY16",
    "平成32年度",
    "令和0年度",
    "FY1899",
    "2016年",
    "令和年度",
    "FY2016年度",
  ])("%s is not a fiscal year", (text) => {
    expect(parseFiscalYearText(text)).toBeNull();
  });

  it("a plain year keeps its meaning; a bad year names the fiscal forms", () => {
    expect(parseYearFilter(2016)).toEqual({ ok: true, value: { year: 2016, fiscal: false } });
    expect(parseYearFilter("2016")).toEqual({ ok: true, value: { year: 2016, fiscal: false } });
    expect(parseYearFilter("FY2016")).toEqual({ ok: true, value: { year: 2016, fiscal: true } });
    const bad = parseYearFilter("平成32年度");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/year must be a year .*"FY2016"/);
  });
});

describe("the fiscal-year rule on a record", () => {
  it("the text's FY wins; a month date counts from April; a year alone or no date has none", () => {
    expect(fiscalYearOf({ fiscalYear: 2015, announced: null })).toBe(2015);
    expect(fiscalYearOf({ fiscalYear: null, announced: "2016-04" })).toBe(2016);
    expect(fiscalYearOf({ fiscalYear: null, announced: "2016-03-31" })).toBe(2015);
    expect(fiscalYearOf({ fiscalYear: null, announced: "2017-01" })).toBe(2016);
    expect(fiscalDatingOf({ fiscalYear: null, announced: "2016" })).toMatchObject({
      fiscalYear: null,
      rule: "year-only",
    });
    expect(fiscalDatingOf({ fiscalYear: null, announced: null })).toMatchObject({
      fiscalYear: null,
      rule: "undated",
    });
  });
});

describe("fiscal-year answers over the bundled data", () => {
  it('=AIDTOTAL("*","FY2016") sums the records the rule puts in FY2016', () => {
    const behind = recordsInFiscalYear(2016);
    // The records behind it, by the rule: two UNODC contributions stated as FY2016, and the
    // pledges and grants dated April 2016 to March 2017 (the ¥45 billion converted at the White
    // Paper's rate). January and February 2016 (training, no amount) belong to FY2015.
    expect(behind.map((r) => r.record.id).sort()).toEqual(
      [
        "africa-counter-terrorism-unsc-2016",
        "africa-counter-terrorism-unsc-2016-hrd",
        "asia-counter-terrorism-japan-asean-2016",
        "asia-counter-terrorism-personnel-2016",
        "meti-asean-training-viet-nam-2016",
        "middle-east-g7-ise-shima-2016",
        "middle-east-g7-ise-shima-2016-hrd",
        "philippines-large-patrol-vessels-2016",
        "sri-lanka-patrol-vessels-2016",
        "ticad6-climate-disasters-2016",
        "ticad6-climate-disasters-2016-training",
        "ticad6-hrd-2016",
        "ticad6-peace-stability-2016",
        "ticad6-rice-farmers-2016",
        "ticad6-rice-instructors-2016",
        "ticad6-vocational-training-2016",
        "unodc-opium-monitoring-myanmar-fy2016",
        "unodc-synthetic-drugs-fy2016",
      ].sort()
    );
    const expected = minorToNumber(statedSum(behind, "USD"), "USD");
    expect(aidTotal(ledger, "*", "FY2016")).toEqual({ ok: true, value: expected });
    expect(aidTotal(ledger, "*", "平成28年度")).toEqual({ ok: true, value: expected });
    expect(aidTotal(ledger, "*", "２０１６年度")).toEqual({ ok: true, value: expected });
    // Training in January and February 2016 counts in calendar 2016 but in FY2015.
    expect(aidCount(ledger, "*", 2016)).toEqual({ ok: true, value: behind.length + 2 });
  });

  it("the 2010 report's calendar 2010 is FY2009 (Viet Nam, Uzbekistan) and FY2010 (Indonesia)", () => {
    const ids = (fy: number) =>
      recordsInFiscalYear(fy)
        .filter((r) => r.record.sourceFile === "004_ee4f842758621c53.txt")
        .map((r) => r.record.id);
    expect(ids(2009)).toEqual(["viet-nam-haiphong-customs-2009", "uzbekistan-border-x-ray-2010"]);
    expect(ids(2010)).toEqual(["indonesia-airport-vts-2010"]);
    const fy2009 = minorToNumber(statedSum(recordsInFiscalYear(2009), "JPY"), "JPY");
    const fy2010 = minorToNumber(statedSum(recordsInFiscalYear(2010), "JPY"), "JPY");
    expect(aidTotal(ledger, "*", "FY2009", "JPY")).toEqual({ ok: true, value: fy2009 });
    expect(aidTotal(ledger, "*", "FY2010", "JPY")).toEqual({ ok: true, value: fy2010 });
    // The figures: ¥1.328 billion and ¥2.5 billion, against ¥2.967 billion in calendar 2010.
    expect([fy2009, fy2010]).toEqual([1_328_000_000, 2_500_000_000]);
    expect(aidTotal(ledger, "*", 2010, "JPY")).toEqual({ ok: true, value: 2_967_000_000 });
  });

  it('=AIDTOTAL("ベトナム",2009,"JPY") is a plain (calendar) year: the Haiphong grant of September 2009', () => {
    const behind = ledger.records.filter(
      (r) => r.record.country === "VN" && r.countingYear === 2009
    );
    expect(behind.map((r) => r.record.id)).toEqual(["viet-nam-haiphong-customs-2009"]);
    const expected = minorToNumber(statedSum(behind, "JPY"), "JPY");
    expect(aidTotal(ledger, "ベトナム", 2009, "JPY")).toEqual({ ok: true, value: expected });
    expect(aidTotal(ledger, "Viet Nam", 2009, "JPY")).toEqual({ ok: true, value: expected });
  });

  it("AIDLIST shows each record's fiscal year, empty when its date cannot tell", () => {
    const list = aidList(ledger, "*", "FY2009");
    if (!list.ok) throw new Error(list.error.message);
    const col = list.value[0]!.indexOf("fiscalYear");
    expect(list.value.slice(1).map((row) => row[col])).toEqual([2009, 2009]);
    const all = aidList(ledger, "Somalia");
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.slice(1).every((row) => row[col] === "")).toBe(true);
  });
});

describe("Explain with a fiscal year", () => {
  it("says which rule counted each record, and lists apart a record dated by a year alone", () => {
    const l = ledgerOf([
      record({ id: "april", announced: "2016-04", amount: "100" }),
      record({ id: "march", announced: "2017-03-31", amount: "10" }),
      record({ id: "stated", announced: null, fiscalYear: 2016, amount: "1" }),
      record({ id: "year-only", announced: "2016", amount: "1000" }),
      record({ id: "next-fy", announced: "2017-04", amount: "5000" }),
    ]);
    expect(aidTotal(l, "Kenya", "FY2016")).toEqual({ ok: true, value: 111 });
    const e = explainFormula(l, '=AIDTOTAL("Kenya","FY2016")')!;
    expect(e.adding.map((r) => [r.id, r.yearRule])).toEqual([
      ["april", "In FY2016: dated 2016-04, between 1 April 2016 and 31 March 2017"],
      ["march", "In FY2016: dated 2017-03-31, between 1 April 2016 and 31 March 2017"],
      ["stated", "In FY2016: the text states FY2016"],
    ]);
    expect(e.apart.map((r) => [r.id, r.apartReason])).toEqual([
      [
        "year-only",
        "no fiscal year: dated 2016 only, which could be FY2015 (January to March) or FY2016",
      ],
    ]);
    expect(e.arguments[1]!.meaning).toBe("FY2016 (fiscal year, 1 April 2016 to 31 March 2017)");
  });
});

describe("property: every fiscal year's total is the sum over the records dated in it", () => {
  const arbDate = fc.oneof(
    fc.constant({ announced: null, fiscalYear: null }),
    fc
      .record({ y: fc.integer({ min: 2014, max: 2017 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => ({ announced: `${y}-${String(m).padStart(2, "0")}`, fiscalYear: null })),
    fc.integer({ min: 2014, max: 2017 }).map((y) => ({ announced: String(y), fiscalYear: null })),
    fc.integer({ min: 2014, max: 2017 }).map((y) => ({ announced: null, fiscalYear: y }))
  );
  it("holds for any dates, and the fiscal years add up to the dated part of the whole", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ when: arbDate, amount: fc.integer({ min: 1, max: 10 ** 9 }) }), {
          minLength: 1,
          maxLength: 25,
        }),
        (generated) => {
          const l = ledgerOf(
            generated.map((g, i) => record({ id: `r${i}`, ...g.when, amount: String(g.amount) }))
          );
          let dated = 0;
          for (let fy = 2012; fy <= 2018; fy++) {
            let expected = 0;
            generated.forEach((g) => {
              const a = g.when.announced;
              const inIt =
                g.when.fiscalYear !== null
                  ? g.when.fiscalYear === fy
                  : a !== null && a.length === 7 && a >= `${fy}-04` && a <= `${fy + 1}-03`;
              if (inIt) expected += g.amount;
            });
            dated += expected;
            expect(aidTotal(l, "*", `FY${fy}`)).toEqual({ ok: true, value: expected });
            expect(aidTotal(l, "Africa", `${fy}年度`)).toEqual({ ok: true, value: expected });
          }
          const undated = generated
            .filter((g) => g.when.fiscalYear === null && (g.when.announced ?? "").length < 7)
            .reduce((s, g) => s + g.amount, 0);
          expect(aidTotal(l, "*")).toEqual({ ok: true, value: dated + undated });
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("Facts' FiscalYear column", () => {
  it("holds each record's fiscal year, or is empty with the reason in Note", () => {
    const facts = factsTable(ledger);
    const names = facts.columns.map((c) => c.name);
    const fy = names.indexOf("FiscalYear");
    const note = names.indexOf("Note");
    expect(fy).toBe(names.length - 1);
    facts.rows.forEach((row, i) => {
      const dating = fiscalDatingOf(ledger.records[i]!.record);
      expect(row[fy]).toBe(dating.fiscalYear);
      if (dating.fiscalYear === null) expect(String(row[note])).toContain("No fiscal year");
    });
    const undated = facts.rows.filter((row) => row[fy] === null).map((row) => row[0]);
    expect(undated).toEqual(
      ledger.records
        .filter((r) => r.record.fiscalYear === null && r.record.announced === null)
        .map((r) => r.record.id)
    );
  });
});
