import { LedgerStore, ledgerTables, loadBundledLedger, setLanguage } from "../../../src/domain";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { ExcelModel } from "../../../src/tooling/excelModel";

/* The writer's refusals reach the pane as they are: in the language chosen when they are made. */

afterEach(() => setLanguage("en"));

async function refusalWithout113(language: "en" | "ja") {
  setLanguage(language);
  const model = new ExcelModel({
    ledger: new LedgerStore(loadBundledLedger),
    sheets: ["Notes"],
    maxApiVersion: "1.12",
  });
  const port = new ExcelWorkbook({ run: model.run, supports: model.supports, token: () => "t" });
  const identity = {
    source: "bundled",
    version: "1",
    contentHash: "h",
    loadedAt: "2026-01-01T00:00:00Z",
    records: 0,
  };
  const error = await port
    .writeTables(ledgerTables(loadBundledLedger()), identity)
    .catch((e: unknown) => e);
  return { error: error as Error & { state?: string }, tables: model.read.tables() };
}

it("without Table.resize the refusal is in Japanese when the pane is, and nothing is written", async () => {
  const ja = await refusalWithout113("ja");
  expect(ja.error.state).toBe("unchanged");
  expect(ja.error.message).toBe(
    "この版の Excel はテーブルの大きさを変えられない（ExcelApi 1.13）ため、テーブルをその場で更新できません。何も変更していません。Excel を更新するか、Excel on the web をお使いください。"
  );
  expect(ja.tables).toEqual([]);
  const en = await refusalWithout113("en");
  expect(en.error.message).toMatch(
    /^This version of Excel cannot resize a table \(ExcelApi 1\.13\)/
  );
});
