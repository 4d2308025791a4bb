import { expect } from "@jest/globals";
import { bundledReference, setLanguage } from "../../../src/domain";
import { untracedEvidence } from "../../../src/domain/dataset/evidence";
import { validateRecords } from "../../../src/domain/dataset/validate";
import { referenceProblems } from "../../../src/domain/places/groups";
import { PlaceDirectory } from "../../../src/domain/places/taxonomy";
import { ThemeDirectory } from "../../../src/domain/places/themes";
import { readPublishedManifest } from "../../../src/domain/publish/manifest";
import { goldenRows, GOLDEN_SEEDS } from "../dataset/goldenCases";
import golden from "../dataset/validationGolden.json";
import { record } from "../helpers";

/*
 * Validation's reasons are worded in the language chosen when validation runs: each field's own
 * rule (zod's messages, made when a rule fails, not when the schema was built), the rules between
 * fields and across records, the evidence checks, the manifest's and the reference files' rules.
 */

const reference = bundledReference();
const context = () => ({
  places: new PlaceDirectory(reference.taxonomy, [], {
    groups: reference.groups,
    recipients: reference.recipients,
  }),
  themes: new ThemeDirectory(reference.themes),
});
const problemsOf = (rows: readonly unknown[]) => {
  const checked = validateRecords(rows, context());
  return checked.ok ? [] : checked.problems.map((p) => [p.row, p.field, p.message]);
};
/** Kana, kanji or full-width punctuation: text a Japanese sentence cannot be without. */
const JAPANESE = /[\u3001-\u30ff\u4e00-\u9fff\uff01-\uff5e]/;

afterEach(() => setLanguage("en"));

it("a field's rule, a cross-field rule, a place and zod's own type check read in the language chosen", () => {
  const rows = [
    record({ id: "early", fiscalYear: 1800 }),
    record({ id: "lone", currency: null }),
    record({ id: "far", region: "Atlantis" }),
    { ...record({ id: "typed" }), fiscalYear: "2016" },
  ];
  setLanguage("ja");
  expect(problemsOf(rows)).toEqual([
    [1, "fiscalYear", "1900年以降にしてください"],
    [2, "currency", "amount と currency は組です。両方を指定するか、両方とも空欄にしてください"],
    [4, "fiscalYear", "数値が必要ですが、文字列が指定されています"],
    [
      3,
      "region",
      `「Atlantis」という地域はありません。地域は ${reference.taxonomy.regions.map((r) => r.name).join("、")} です`,
    ],
  ]);
  setLanguage("en");
  expect(problemsOf(rows)).toEqual([
    [1, "fiscalYear", "must be 1900 or later"],
    [2, "currency", "amount and currency go together: give both or neither"],
    [4, "fiscalYear", "Invalid input: expected number, received string"],
    [
      3,
      "region",
      `unknown region "Atlantis"; regions are ${reference.taxonomy.regions.map((r) => r.name).join(", ")}`,
    ],
  ]);
});

it("a figure its evidence does not state, and evidence not in its source, read in the language chosen", () => {
  const untraced = [record({ id: "slip", amount: "2000", evidence: "gave $1,000 to the fund" })];
  setLanguage("ja");
  const [ja] = problemsOf(untraced);
  expect(ja).toEqual([
    1,
    "amount",
    expect.stringMatching(/^amount の 2000 は、この記録の根拠の語句/),
  ]);
  expect(ja![2]).toContain("「gave $1,000 to the fund」");
  expect(ja![2]).toContain("この語句が示す数値は 1000 です");
  expect(untracedEvidence(untraced[0]!, new Map())).toEqual([
    { field: "sourceFile", message: "「test-report.txt」という出典文書はありません" },
  ]);
  setLanguage("en");
  expect(problemsOf(untraced)[0]![2]).toMatch(
    /^amount 2000 is not stated in the record's evidence phrase "gave \$1,000 to the fund", which states 1000\./
  );
  expect(untracedEvidence(untraced[0]!, new Map())[0]!.message).toBe(
    'no source document named "test-report.txt"'
  );
});

it("an amount beyond what a cell holds is told as such in Japanese too, with the amount as written", () => {
  const rows = [record({ id: "huge", amount: "12345678901234.5", evidence: "12345678901234.5" })];
  setLanguage("ja");
  expect(problemsOf(rows)).toEqual([
    [1, "amount", "USD の金額は 9999999999999.99 までです（セルが正確に保持できる15桁）"],
  ]);
  setLanguage("en");
  expect(problemsOf(rows)).toEqual([
    [
      1,
      "amount",
      "USD amounts are at most 9999999999999.99 (15 digits, what a cell holds exactly)",
    ],
  ]);
});

it("a name's problem is told in the language of each check, not of the first", () => {
  const rows = [record({ id: "hidden", donor: "Ja\u200Bpan" })];
  setLanguage("en");
  expect(problemsOf(rows)).toEqual([[1, "donor", "invisible character U+200B at position 3"]]);
  setLanguage("ja");
  expect(problemsOf(rows)).toEqual([[1, "donor", "3文字目に見えない文字 U+200Bがあります"]]);
  setLanguage("en");
  expect(problemsOf(rows)).toEqual([[1, "donor", "invisible character U+200B at position 3"]]);
});

it("every problem of the golden datasets reads in Japanese, at the same place, and in English again after", () => {
  for (const seed of GOLDEN_SEEDS) {
    const rows = goldenRows(seed);
    setLanguage("ja");
    const ja = validateRecords(rows, context());
    setLanguage("en");
    const en = validateRecords(rows, context());
    const where = (p: { row: number; field: string; id?: string }) => [p.row, p.field, p.id];
    const jaProblems = ja.ok ? [] : ja.problems;
    expect(en.ok ? [] : en.problems).toEqual(
      (golden as Record<string, { rows: unknown }>)[seed]!.rows
    );
    expect(jaProblems.map(where)).toEqual((en.ok ? [] : en.problems).map(where));
    expect(jaProblems.filter((p) => !JAPANESE.test(p.message))).toEqual([]);
  }
});

it("a published manifest's problems read in the language chosen", () => {
  const manifest = JSON.stringify({ format: "other/2", version: " " });
  setLanguage("ja");
  const ja = readPublishedManifest(manifest);
  const jaMessages = ja.ok ? [] : ja.problems.map((p) => [p.field, p.message]);
  expect(jaMessages).toEqual(
    expect.arrayContaining([
      ["format", "「aid-ledger-manifest/1」にしてください（この版で読めるマニフェストの形式です）"],
      ["version", "空欄にはできません"],
      ["contentHash", "値がありません（文字列が必要です）"],
    ])
  );
  expect(jaMessages.filter(([, message]) => !JAPANESE.test(message!))).toEqual([]);
  setLanguage("en");
  const en = readPublishedManifest(manifest);
  expect(en.ok ? [] : en.problems.map((p) => [p.field, p.message])).toEqual(
    expect.arrayContaining([
      ["format", 'must be "aid-ledger-manifest/1" (a manifest this version can read)'],
      ["version", "must not be empty"],
      ["contentHash", "Invalid input: expected string, received undefined"],
    ])
  );
});

it("the reference files' problems read in the language chosen", () => {
  const [first] = reference.groups.groups;
  const groups = {
    groups: [{ ...first!, members: [...first!.members, "XX"], funds: ["No Such Fund"] }],
  };
  setLanguage("ja");
  expect(referenceProblems(reference.taxonomy, groups, reference.recipients)).toEqual([
    `グループ「${first!.name}」：構成国 XX は地域分類の国ではありません`,
    `グループ「${first!.name}」：基金「No Such Fund」が recipients.json にありません`,
  ]);
  setLanguage("en");
  expect(referenceProblems(reference.taxonomy, groups, reference.recipients)).toEqual([
    `group "${first!.name}": member XX is not a country of the taxonomy`,
    `group "${first!.name}": fund "No Such Fund" is not in recipients.json`,
  ]);
});
