import {
  answerChart,
  explainFormula,
  functionSpec,
  loadBundledLedger,
  summarySeries,
} from "../../../src/domain";

const ledger = loadBundledLedger();

test("the summary series is committed USD by region and year, exactly what AIDTOTAL answers", () => {
  const s = summarySeries(ledger);
  expect(s.points).toHaveLength(s.regions.length * s.years.length);
  expect(s.years).toEqual([...s.years].sort((a, b) => a - b));
  const total = functionSpec("AIDTOTAL")!;
  for (const p of s.points) {
    const cell = total.evaluate(ledger, [p.region, p.year]);
    if (cell.ok) expect([p.region, p.year, p.usd]).toEqual([p.region, p.year, cell.value]);
    else
      expect([p.region, p.year, p.usd, p.note]).toEqual([
        p.region,
        p.year,
        null,
        cell.error.message,
      ]);
  }
  const africa2016 = s.points.find((p) => p.region === "Africa" && p.year === 2016)!;
  expect(africa2016.usdMinor).toBe(242000000000n);
  // The 2010 report states no rate: its years have no dollar figure, and say why.
  expect(s.points.find((p) => p.region === "Asia" && p.year === 2009)?.note).toMatch(
    /No JPY\/USD rate/
  );
});

test("an answer's chart by record has a bar per adding record; by year the bars sum to the answer", () => {
  const e = explainFormula(ledger, '=AIDTOTAL("UNODC",,,,"all")')!;
  const byRecord = answerChart(e, "record")!;
  expect(byRecord.unit).toBe("USD");
  expect(byRecord.bars.map((b) => b.ids[0])).toEqual(e.adding.map((r) => r.id));
  const byYear = answerChart(e, "year")!;
  expect(byYear.bars.map((b) => b.label)).toEqual(["2015", "2016"]);
  const cents = byYear.bars.reduce((s, b) => s + Math.round(b.value * 100), 0);
  expect(cents / 100).toBe(e.answer);
  expect(answerChart(explainFormula(ledger, '=AIDTOTAL("Afrika")')!, "record")).toBeNull();
  expect(answerChart(explainFormula(ledger, '=AIDRATE("USD","JPY")')!, "record")).toBeNull();
});
