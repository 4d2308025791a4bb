import { loadBundledLedger, recordCard, searchRecords } from "../../../src/domain";

const ledger = loadBundledLedger();
const ids = (q: string) => searchRecords(ledger, q).map((h) => h.record.record.id);

test('"patrol" finds the Philippines vessel records, among every record whose evidence says patrol', () => {
  const found = ids("patrol");
  expect(found).toEqual(
    expect.arrayContaining([
      "philippines-patrol-vessels-fy2013",
      "philippines-large-patrol-vessels-2016",
    ])
  );
  const expected = ledger.records
    .filter((r) => /patrol/i.test(JSON.stringify(r.record)))
    .map((r) => r.record.id);
  expect(new Set(found)).toEqual(new Set(expected));
});

test("case and accents are ignored; every word must match; recipients rank above notes", () => {
  expect(ids("PHILIPPINES Patrol")).toEqual(ids("philippines patrol"));
  expect(ids("philippines patrol")).toEqual(
    expect.arrayContaining([
      "philippines-patrol-vessels-fy2013",
      "philippines-large-patrol-vessels-2016",
    ])
  );
  expect(ids("philippines patrol")).toHaveLength(2);
  expect(ids("viet nam")[0]).toMatch(/^viet-nam/);
  expect(ids("Viêt Nam")).toEqual(ids("viet nam"));
  expect(ids("unodc")[0]).toMatch(/^unodc-/);
  expect(ids("")).toEqual([]);
  expect(ids("no such words anywhere")).toEqual([]);
});

test("places are found by ISO code and themes by label", () => {
  expect(ids("VNM")).toEqual(expect.arrayContaining(["viet-nam-used-vessels-2015"]));
  expect(ids("maritime security and piracy").length).toBe(
    ledger.records.filter((r) => r.record.theme === "maritime-security").length
  );
});

test("a card says what, where, when, how much and the evidence, with the document's title", () => {
  const r = ledger.record("philippines-patrol-vessels-fy2013")!;
  const card = recordCard(ledger, r);
  expect(card.where).toBe("Philippines");
  expect(card.when).toBe("FY2013");
  expect(card.howMuch).toBe("10 patrol vessels");
  expect(card.what).toBe("Loan · Maritime security and piracy");
  expect(card.evidence).toBe(r.record.evidence);
  expect(card.source).toBe("White Paper on Development Cooperation 2016 (MOFA)");
  const ticad = recordCard(ledger, ledger.record("ticad6-peace-stability-2016")!);
  expect(ticad.howMuch).toBe("USD 500,000,000");
  expect(recordCard(ledger, ledger.record("unodc-opium-monitoring-myanmar-fy2016")!).where).toBe(
    "UNODC (for Myanmar)"
  );
});
