import {
  describeDataStatus,
  english,
  filteredTableText,
  japanese,
  loadBundledLedger,
  setLanguage,
} from "../../../src/domain";
import { englishData } from "../../../src/domain/messages/sections/data";
import { englishWorkbook } from "../../../src/domain/messages/sections/workbook";
import { formatStatusTime } from "../../../src/domain/status/dataStatus";

describe("the Data tab's and the writer's messages in Japanese", () => {
  afterEach(() => setLanguage("en"));
  const ledger = loadBundledLedger();
  const identity = {
    source: "file:update.json",
    loadedAt: "2026-11-29T03:18:00Z",
  } as Parameters<typeof describeDataStatus>[0];

  it("the status line: counts in 件, the date through Intl's ja-JP calendar", () => {
    setLanguage("ja");
    expect(formatStatusTime(new Date("2026-11-29T03:18:00Z"), { timeZone: "Asia/Tokyo" })).toBe(
      "2026年11月29日 12:18"
    );
    expect(describeDataStatus(identity, ledger, undefined, { timeZone: "Asia/Tokyo" })).toBe(
      `ファイル update.json のデータ、報告書${ledger.rates.documents.length}件の記録${ledger.records.length}件、2026年11月29日 12:18読み込み`
    );
    setLanguage("en");
    expect(describeDataStatus(identity, ledger, undefined, { timeZone: "Asia/Tokyo" })).toBe(
      `Data from the file update.json, ${ledger.records.length} records from ${ledger.rates.documents.length} reports, loaded 29 Nov 2026 12:18`
    );
  });

  it("a refusal names Excel's Japanese commands and keeps the table's address", () => {
    setLanguage("ja");
    const text = filteredTableText(
      { table: "AidCommitments", sheet: "Commitments", address: "A1:P34" },
      { added: 2, removed: 1 }
    );
    expect(text).toContain("Commitments!A1:P34");
    expect(text).toContain("［データ］>［クリア］");
    expect(text).toContain("2行が加わり1行が消えます");
  });

  it("no Japanese message of these sections is left in English", () => {
    const sample = { key: "x", table: "T", column: "C", value: "v" };
    const keys = [...Object.keys(englishData), ...Object.keys(englishWorkbook)];
    const same = keys.filter((key) => {
      const en = english[key as keyof typeof english];
      const ja = japanese[key as keyof typeof japanese];
      return typeof en === "string" && en === ja;
    });
    // Names that stay as they are in Japanese (the product's name).
    expect(same.sort()).toEqual(["appTitle", "tabListLabel"]);
    expect(japanese.lostUserValue(sample as never)).toContain("「v」");
  });
});
