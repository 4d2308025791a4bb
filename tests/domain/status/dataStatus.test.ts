import {
  LedgerStore,
  compareDocumentRates,
  describeDataStatus,
  explainDocumentRate,
  formatStatusTime,
  functionSpec,
  loadBundledLedger,
  type DatasetIdentity,
} from "../../../src/domain";
import { ledgerOf, ticadAt600Million } from "../helpers";

const ledger = loadBundledLedger();
const WP = "000_ecb32d6e9fafa848.txt";
const identity = (source: string, loadedAt = "2026-11-29T12:18:00Z"): DatasetIdentity => ({
  source,
  version: "1.2.3",
  contentHash: "fnv1a64:0",
  loadedAt,
  records: 33,
});
const utc = { timeZone: "UTC" };

test("the status says where the data came from, how much, and when, in plain words", () => {
  expect(describeDataStatus(identity("bundled"), ledger, undefined, utc)).toBe(
    "Bundled data, 33 records from 2 reports, loaded 29 Nov 2026 12:18"
  );
  expect(describeDataStatus(identity("file:update.json"), ledger, undefined, utc)).toBe(
    "Data from the file update.json, 33 records from 2 reports, loaded 29 Nov 2026 12:18"
  );
  expect(
    describeDataStatus(identity("url:https://example.org/d.json"), ledger, undefined, utc)
  ).toBe(
    "Data from https://example.org/d.json, 33 records from 2 reports, loaded 29 Nov 2026 12:18"
  );
  expect(describeDataStatus(identity("workbook"), ledger, undefined, utc)).toBe(
    "Data edited in this workbook since 29 Nov 2026 12:18, 33 records from 2 reports"
  );
  expect(describeDataStatus(null, ledger)).toBe(
    "Bundled data, 33 records from 2 reports (not yet loaded into this workbook)"
  );
});

test("times are day, month and 24-hour time in the zone asked for", () => {
  const t = new Date("2026-11-29T15:05:00Z");
  expect(formatStatusTime(t, { timeZone: "UTC" })).toBe("29 Nov 2026 15:05");
  expect(formatStatusTime(t, { timeZone: "Asia/Tokyo" })).toBe("30 Nov 2026 00:05");
});

test("the store carries the status beside the ledger; AIDVERSION returns it", () => {
  const store = new LedgerStore(loadBundledLedger);
  expect(store.status()).toBe(describeDataStatus(null, store.current()));
  const status = describeDataStatus(identity("bundled"), ledger, undefined, utc);
  store.replace(ledger, status);
  expect(store.status()).toBe(status);
  const version = functionSpec("AIDVERSION")!;
  expect(version.evaluate(store.current(), [], { status: store.status() })).toEqual({
    ok: true,
    value: status,
  });
  // Replaced without a status: it names what it holds, never a wrong origin.
  store.replace(ledger);
  expect(store.status()).toBe("33 records from 2 reports");
  expect(version.evaluate(ledger, [])).toEqual({ ok: true, value: "33 records from 2 reports" });
});

test("a document's rate is a sentence with its pairs, lowest to highest, the middle ones marked", () => {
  const rate = explainDocumentRate(ledger.rates.get(WP)!);
  expect(rate.sentence).toBe(
    "White Paper on Development Cooperation 2016 (MOFA) states 4 amounts in both currencies. The rates they imply, from lowest to highest, are 100.277778, 103.888889, 104 and 116.666667 yen per dollar; its rate is the average of the middle two, 103.944444 yen per dollar."
  );
  expect(rate.pairs.map((p) => p.jpyPerUsd)).toEqual([
    "100.277778",
    "103.888889",
    "104",
    "116.666667",
  ]);
  expect(rate.pairs.map((p) => p.middle)).toEqual([false, true, true, false]);
  expect(rate.sentence).not.toContain(".txt");
  const none = explainDocumentRate(ledger.rates.documents.find((d) => d.basis === "none")!);
  expect(none.sentence).toMatch(/states no amount in both currencies, so it has no rate/);
  expect(none.pairs).toEqual([]);
});

test("removing a stated pair moves the document's rate, and the comparison says so exactly", () => {
  // The TICAD pledge restated as $600 million, with no yen figure: its pair (104) is gone.
  const rows = ticadAt600Million();
  const after = ledgerOf(rows);
  const changes = compareDocumentRates(ledger, after);
  expect(changes.map((c) => [c.from, c.to])).toEqual([["103.944444", "103.888889"]]);
  expect(changes[0]!.sentence).toBe(
    "White Paper on Development Cooperation 2016 (MOFA): 103.944444 → 103.888889 yen per dollar; every conversion of its records changes."
  );
  expect(compareDocumentRates(ledger, ledger)).toEqual([]);
});
