/**
 * The Build, Search, Explain and Functions texts and the AID functions' errors in Japanese: what a
 * budget officer reads once the pane chose Japanese (setLanguage("ja")), with English unchanged.
 */
import * as fs from "fs";
import * as path from "path";
import {
  FUNCTIONS,
  bundledReference,
  explainFormula,
  functionSpec,
  japanese,
  listPlaceOptions,
  listYearChoices,
  loadBundledLedger,
  searchRecords,
  setLanguage,
} from "../../../src/domain";
import { englishExplore, japaneseExplore } from "../../../src/domain/messages/sections/explore";
import { englishFunction, japaneseFunction } from "../../../src/domain/messages/sections/functions";

const ledger = loadBundledLedger();
const JAPANESE = /[\u3041-\u30ff\u3400-\u9fff]/;

beforeEach(() => setLanguage("ja"));
afterEach(() => setLanguage("en"));

test("every fixed text of the explore and functions sections is written in Japanese", () => {
  const sections = [
    [englishExplore, japaneseExplore],
    [englishFunction, japaneseFunction],
  ] as const;
  const untranslated = sections.flatMap(([en, ja]) =>
    Object.entries(ja).filter(
      ([key, value]) =>
        typeof value === "string" && (value === en[key as keyof typeof en] || !JAPANESE.test(value))
    )
  );
  expect(untranslated.map(([key]) => key)).toEqual([]);
});

test("an unknown place, a bad year and a missing rate are said in Japanese, with the suggestion", () => {
  const place = functionSpec("AIDTOTAL")!.evaluate(ledger, ["Afrika", 2016]);
  expect(!place.ok && place.error.code).toBe("NA");
  expect(!place.ok && place.error.message).toMatch(
    /^「Afrika」という場所はありません。「[^」]+」、「Africa」のことですか？/
  );
  const year = functionSpec("AIDCOUNT")!.evaluate(ledger, ["*", "FY20x"]);
  expect(!year.ok && year.error.message).toBe(
    'year には 2016 のような年（1900～2200）か、"FY2016"、"2016年度" のような年度を指定してください。指定された値: "FY20x"'
  );
  const rate = functionSpec("AIDRATE")!.evaluate(ledger, ["USD", "JPY", "平成21年度"]);
  expect(!rate.ok && rate.error.message).toMatch(
    /^2009年度 を対象とする報告書「Japan's International/
  );
  setLanguage("en");
  const english = functionSpec("AIDTOTAL")!.evaluate(ledger, ["Afrika", 2016]);
  expect(!english.ok && english.error.message).toMatch(/^Unknown place "Afrika"\. Did you mean/);
});

test("Explain in Japanese: the answer in 億円, arguments read in Japanese, each record's year rule", () => {
  const e = explainFormula(ledger, '=AIDTOTAL("アフリカ",2016,"JPY")')!;
  const answer = functionSpec("AIDTOTAL")!.evaluate(ledger, ["Africa", 2016, "JPY"]);
  expect(answer.ok && answer.value).toBe(253_000_000_000);
  expect(e.summary).toBe(
    `=AIDTOTAL("アフリカ",2016,"JPY") の答えは 2,530億円（${e.adding.length}件の記録から）。`
  );
  expect(e.answerCurrency).toBe("JPY");
  expect(e.arguments.map((a) => a.meaning)).toEqual([
    "アフリカ（地域）",
    "2016",
    "JPY",
    "すべてのテーマ",
    "約束額（表明・拠出・無償資金協力・円借款）（既定）",
  ]);
  expect(e.arguments[3]!.text).toBe("theme: 省略");
  for (const r of e.adding) {
    expect(r.yearRule).toMatch(/^2016年: 2016年\d{1,2}月に発表$/);
    expect(r.date).toMatch(/^2016年\d{1,2}月$/);
  }
});

test("Explain in Japanese: a fiscal year's rule, a group's definition and the quoting fix", () => {
  const fy = explainFormula(ledger, '=AIDCOUNT("*","2016年度")')!;
  expect(fy.arguments[1]!.meaning).toBe("2016年度（2016年4月1日～2017年3月31日）");
  expect(fy.adding.length).toBeGreaterThan(0);
  for (const r of fy.adding) expect(r.yearRule).toMatch(/^2016年度: (本文に 2016年度と記載|日付 )/);
  const group = explainFormula(ledger, '=AIDCOUNT("ASEAN")')!;
  expect(group.place?.definition).toMatch(/^東南アジア諸国連合 は加盟国10か国/);
  const bare = explainFormula(ledger, "=AIDTOTAL(Africa,2016)")!;
  expect(bare.summary).toMatch(
    /^=AIDTOTAL\(Africa,2016\) は #NAME\? になります: Africa を引用符で囲んでください。/
  );
  expect(bare.fix).toBe('=AIDTOTAL("Africa",2016)');
});

test("the builder lists places by their Japanese names, found by Japanese spelling, and fiscal years as 年度", () => {
  const options = listPlaceOptions(ledger, bundledReference().taxonomy);
  const africa = options.find((o) => o.value === "Africa")!;
  expect(africa.label).toBe("アフリカ");
  expect(africa.detail).toBe("地域");
  const vietNam = options.find((o) => o.value === "Viet Nam")!;
  expect(vietNam.label).toBe("ベトナム");
  expect(vietNam.detail).toMatch(/^東南アジアの国 · VN, VNM/);
  expect(listYearChoices(ledger)).toContainEqual({
    value: "FY2016",
    label: "2016年度（2016年4月～2017年3月）",
  });
});

test("search finds records by Japanese names and shows their cards in Japanese", () => {
  const hits = searchRecords(ledger, "ベトナム");
  const inVietNam = ledger.records.filter((r) => r.record.country === "VN");
  expect(hits.map((h) => h.record.record.id).sort()).toEqual(
    inVietNam.map((r) => r.record.id).sort()
  );
  expect(hits.length).toBeGreaterThan(0);
  for (const h of hits) expect(h.card.where).toContain("ベトナム");
  const yen = ledger.records.find((r) => r.amount?.currency === "JPY")!;
  const card = searchRecords(ledger, yen.record.id).find((h) => h.record === yen)!.card;
  expect(card.howMuch).toMatch(/^[\d,.]+(億|万)?円/);
  expect(card.howMuchExact).toMatch(/^[\d,]+円$/);
});

test("the Functions tab's Japanese help is the start of what Excel's Japanese help says", () => {
  const help = JSON.parse(
    fs.readFileSync(path.join(__dirname, "../../../src/host/functionsHelp.ja.json"), "utf8")
  ) as { functions: Record<string, { description: string; parameters: Record<string, string> }> };
  for (const f of FUNCTIONS) {
    const description = japanese.functionDescription(f.name, f.description);
    expect(JAPANESE.test(description)).toBe(true);
    expect(help.functions[f.name]!.description.startsWith(description)).toBe(true);
    for (const p of f.parameters)
      expect([
        f.name,
        p.name,
        japanese.parameterDescription(f.name, p.name, p.description),
      ]).toEqual([f.name, p.name, help.functions[f.name]!.parameters[p.name]]);
  }
});
