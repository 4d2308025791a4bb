import {
  LedgerStore,
  bundledReference,
  bundledRows,
  createLedger,
  diagnoseDatasetText,
  english,
  japanese,
  loadBundledLedger,
  parseDatasetText,
  setLanguage,
} from "../../../src/domain";
import { englishCommon } from "../../../src/domain/messages/sections/common";
import { englishData } from "../../../src/domain/messages/sections/data";
import { englishExplore } from "../../../src/domain/messages/sections/explore";
import { englishFunction } from "../../../src/domain/messages/sections/functions";
import { englishSession } from "../../../src/domain/messages/sections/session";
import { englishValidation } from "../../../src/domain/messages/sections/validation";
import { englishWorkbook } from "../../../src/domain/messages/sections/workbook";
import { textProblem } from "../../../src/domain/places/names";

/*
 * The ledger's own refusals (names, user rates, a dataset file's shape), the cells' text while the
 * workbook is read, and the refused file's diagnosis follow the chosen language.
 */

afterEach(() => setLanguage("en"));

it("no section of the catalog gives a key another section already gives", () => {
  const sections = [
    englishCommon,
    englishData,
    englishWorkbook,
    englishExplore,
    englishFunction,
    englishSession,
    englishValidation,
  ];
  const keys = sections.flatMap((s) => Object.keys(s));
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  expect(Object.keys(english)).toHaveLength(keys.length);
  expect(Object.keys(japanese)).toHaveLength(keys.length);
});

it("a name's invisible character and mixed scripts are told in each language, at the same position", () => {
  setLanguage("ja");
  expect(textProblem("UN\u200BODC")).toBe("3文字目に見えない文字 U+200Bがあります");
  expect(textProblem("UN\u039FDC")).toBe(
    "名前に複数の文字体系を混ぜることはできません：Latin、Greek（3文字目の Greek「Ο」）"
  );
  setLanguage("en");
  expect(textProblem("UN\u200BODC")).toBe("invisible character U+200B at position 3");
  expect(textProblem("UN\u039FDC")).toBe(
    'names may not mix scripts: Latin and Greek (Greek "Ο" at position 3)'
  );
});

it("a user rate for a document that states its own is refused in Japanese, naming the report", () => {
  const ledger = loadBundledLedger();
  const stated = ledger.rates.documents.find((d) => d.basis === "stated-median")!;
  const build = () =>
    createLedger({
      rows: bundledRows(),
      reference: bundledReference(),
      userRates: [{ document: stated.title, jpyPerUsd: "abc" }],
    });
  setLanguage("ja");
  const ja = build();
  expect(ja.ok).toBe(false);
  const jaMessages = ja.ok ? [] : ja.problems.map((p) => p.message);
  expect(jaMessages).toEqual([
    `「${stated.title}」には報告書自身のレートがあります（金額の組${stated.pairs.length}件）。利用者が指定するレートは、レートのない報告書にだけ使えます`,
    "「abc」は1ドルあたり円の正の小数ではありません",
  ]);
  setLanguage("en");
  const en = build();
  expect(en.ok ? [] : en.problems.map((p) => p.message)).toEqual([
    `"${stated.title}" states its own rate (${stated.pairs.length} pair(s)); a user rate is only for documents that state none`,
    '"abc" is not a positive decimal number of yen per US dollar',
  ]);
});

it("what the AID cells say while the tables are read, and after a failed read, in Japanese", () => {
  setLanguage("ja");
  const store = new LedgerStore(loadBundledLedger);
  store.readingWorkbook();
  expect(store.readiness()).toEqual({
    state: "reading",
    message: "このブックの Aid Ledger テーブルを読み込んでいます…",
  });
  store.failedWorkbook("テーブルに問題が2件あります（「反映されなかった編集」に一覧があります）。");
  expect(store.readiness()).toMatchObject({
    state: "failed",
    message: expect.stringMatching(
      /^このブックの Aid Ledger テーブルを読み込めませんでした：.*［ブックを読み直す］を選んでください。$/
    ) as unknown,
  });
});

it("a file that is not JSON is diagnosed in Japanese too (by the problem's code, not its words)", () => {
  for (const language of ["ja", "en"] as const) {
    setLanguage(language);
    const parsed = parseDatasetText("{ not json", "json");
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.map((p) => p.code)).toEqual(["not-json"]);
    expect(diagnoseDatasetText("{ not json", problems).diagnosis).toBe(
      (language === "ja" ? japanese : english).fileNotJson
    );
  }
  setLanguage("ja");
  const csv = parseDatasetText("name,size\nx,1\n", "csv");
  const diagnosis = diagnoseDatasetText("name,size\nx,1\n", csv.ok ? [] : csv.problems);
  expect(diagnosis.diagnosis).toMatch(/^次の列はデータセットの列ではありません：name、size。/);
  expect(diagnosis.groups.map((g) => g.title)).toEqual(
    expect.arrayContaining([japanese.groupUnknownColumns, japanese.groupMissingColumns])
  );
});
