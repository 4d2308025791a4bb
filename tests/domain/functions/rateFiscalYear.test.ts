/**
 * AIDRATE and AIDCONVERT take a fiscal year as the filters do: rates are stated per document, so a
 * 年度 picks the report with records in it (the fiscal-year rule), as a plain year picks the report
 * whose records count in it (the rate rule, rule 4).
 */
import { functionSpec, loadBundledLedger } from "../../../src/domain";
import { fiscalYearOf } from "../../../src/domain/dates/fiscalYear";

const ledger = loadBundledLedger();
const rate = (year: string | number) =>
  functionSpec("AIDRATE")!.evaluate(ledger, ["USD", "JPY", year]);
const convert = (year: string | number) =>
  functionSpec("AIDCONVERT")!.evaluate(ledger, [1000000, "USD", "JPY", year]);

/** The documents with a record in fiscal year `fy`, by the fiscal-year rule. */
const documentsIn = (fy: number) =>
  new Set(
    ledger.records.filter((r) => fiscalYearOf(r.record) === fy).map((r) => r.record.sourceFile)
  );

test("FY2016, 2016年度 and 平成28年度 give the rate of the one report with records in FY2016", () => {
  const [only] = documentsIn(2016);
  expect(documentsIn(2016).size).toBe(1);
  const stated = ledger.rates.get(only!)!;
  expect(stated.jpyPerUsd).not.toBeNull();
  const expected = Number(stated.jpyPerUsd!.num) / Number(stated.jpyPerUsd!.den);
  for (const written of ["FY2016", "2016年度", "平成28年度", "ＦＹ２０１６"]) {
    const answer = rate(written);
    expect(answer.ok && answer.value).toBeCloseTo(expected, 12);
  }
  // 1,000,000 dollars at 1871/18 yen, rounded once to the yen.
  const converted = convert("FY2016");
  expect(converted.ok && converted.value).toBe(Math.round((1000000 * 1871) / 18));
});

test("a fiscal year whose report states no rate is #N/A naming the report and the 年度", () => {
  const docs = [...documentsIn(2009)].map((d) => ledger.rates.get(d)!);
  expect(docs.map((d) => d.jpyPerUsd)).toEqual([null]);
  const answer = rate("FY2009");
  expect(answer.ok).toBe(false);
  if (!answer.ok) {
    expect(answer.error.code).toBe("NA");
    expect(answer.error.message).toContain(docs[0]!.title);
    expect(answer.error.message).toContain("FY2009");
  }
});

test("a fiscal year no report has records in is #N/A saying so, with the reports' coverage", () => {
  expect(documentsIn(2011).size).toBe(0);
  const answer = convert("2011年度");
  expect(answer.ok).toBe(false);
  if (!answer.ok) {
    expect(answer.error.code).toBe("NA");
    expect(answer.error.message).toContain("No report in the dataset covers FY2011");
  }
});

test("a plain year keeps its meaning", () => {
  expect(rate(2016)).toEqual(rate("2016"));
  const doc = ledger.rates.forYear(2016)!;
  const answer = rate(2016);
  expect(answer.ok && answer.value).toBeCloseTo(
    Number(doc.jpyPerUsd!.num) / Number(doc.jpyPerUsd!.den),
    12
  );
});
