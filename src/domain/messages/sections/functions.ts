/** Messages of the AID functions' error messages (bad arguments, unknown places, missing rates). English and Japanese side by side: the compiler names a key either misses. */
export interface FunctionMessages {
  /** `got` is the argument as typed (describe: text quoted, numbers in plain digits). */
  readonly placeMustBeText: (got: string) => string;
  /** `near` is the " Did you mean ...?" clause, already in this language ("" when none). */
  readonly unknownPlace: (typed: string, near: string) => string;
  readonly yearMustBe: (name: string, got: string) => string;
  readonly yearOrFiscalYearMustBe: (name: string, got: string) => string;
  readonly currencyMustBe: (name: string, got: string) => string;
  readonly themeMustBeText: (got: string) => string;
  readonly unknownThemeArgument: (typed: string, near: string, themes: string) => string;
  readonly kindMustBe: (kinds: string, got: string) => string;
  readonly numberMustBe: (name: string, got: string) => string;
  readonly numberTooLarge: (name: string, max: number, got: string) => string;
  readonly textMustBe: (name: string, got: string) => string;
  readonly nameTooLong: (name: string, length: number, max: number) => string;
  readonly nameRefused: (name: string, got: string, problem: string) => string;
  readonly amountTooLarge: (currency: string, max: string) => string;
  readonly answerTooLarge: (what: string, value: string, max: number) => string;
  readonly numberOfPeople: string;
  readonly noDatedRecords: string;
  /** `year` as asked: "2016" or "FY2016". */
  readonly noReportCovers: (year: string, coverage: string) => string;
  readonly noReportRate: (title: string, year: string | null) => string;
  /** Excel passed a range or an error where one value is needed. */
  readonly notASingleValue: (parameter: string) => string;
  readonly unexpectedFailure: (name: string, detail: string) => string;
  /** A converted total or list cell needs a document's rate that is not stated. */
  readonly noRateToConvert: (documents: string, from: string, to: string) => string;
  /** Between document titles in a sentence: " and ". */
  readonly namesJoiner: string;
  /** "argument 4": an argument past the function's parameters. */
  readonly argumentNumber: (n: number) => string;
}

export const englishFunction: FunctionMessages = {
  placeMustBeText: (got) =>
    `place must be text: a region, subregion, country, group (ASEAN, LDC), recipient organization, or "*" for all; got ${got}`,
  unknownPlace: (typed, near) =>
    `Unknown place "${typed}".${near} Use a region, subregion, country (name, alias or ISO code), group of countries (ASEAN, LDC), recipient organization, or "*".`,
  yearMustBe: (name, got) =>
    `${name} must be a year such as 2016 (a whole number from 1900 to 2200); got ${got}`,
  yearOrFiscalYearMustBe: (name, got) =>
    `${name} must be a year such as 2016 (1900 to 2200) or a fiscal year such as "FY2016", "2016年度"; got ${got}`,
  currencyMustBe: (name, got) =>
    `${name} must be "USD" or "JPY" (the currencies the reports state); got ${got}`,
  themeMustBeText: (got) => `theme must be text such as "counter-terrorism"; got ${got}`,
  unknownThemeArgument: (typed, near, themes) =>
    `Unknown theme "${typed}".${near} Themes: ${themes}.`,
  kindMustBe: (kinds, got) => `kind must be one of ${kinds}; got ${got}`,
  numberMustBe: (name, got) =>
    `${name} must be a number (digits, optionally a "-" and a "."); got ${got}`,
  numberTooLarge: (name, max, got) =>
    `${name} must be at most ${max} in size (15 digits, what a cell holds exactly); got ${got}`,
  textMustBe: (name, got) => `${name} must be text; got ${got}`,
  nameTooLong: (name, length, max) =>
    `${name} is ${length} characters long; names are at most ${max} characters`,
  nameRefused: (name, got, problem) => `${name} ${got}: ${problem}`,
  amountTooLarge: (currency, max) =>
    `the answer is more than a cell holds exactly: ${currency} answers are at most ${max} (15 digits); narrow the filters or convert a smaller amount`,
  answerTooLarge: (what, value, max) =>
    `the ${what} is ${value}, more than a cell holds exactly (15 digits, at most ${max}); narrow the filters`,
  numberOfPeople: "number of people",
  noDatedRecords: "The dataset has no dated records, so no report rate applies.",
  noReportCovers: (year, coverage) =>
    `No report in the dataset covers ${year}. Reports cover: ${coverage}.`,
  noReportRate: (title, year) =>
    `"${title}", the report covering ${year ?? "the latest year"}, states no JPY/USD rate. Add a rate for it in the Rates table.`,
  notASingleValue: (parameter) =>
    `${parameter} must be a single value: text, a number or TRUE/FALSE.`,
  unexpectedFailure: (name, detail) =>
    `${name} failed unexpectedly: ${detail}. Please report this to the Aid Ledger maintainers.`,
  noRateToConvert: (documents, from, to) =>
    `No JPY/USD rate for ${documents}: it states no amount in both currencies, so its ${from} figures cannot be shown in ${to}. Add a rate for it in the Rates table, or narrow the filters.`,
  namesJoiner: " and ",
  argumentNumber: (n) => `argument ${n}`,
};

export const japaneseFunction: FunctionMessages = {
  placeMustBeText: (got) =>
    `place には地域、小地域、国、国のグループ（ASEAN、LDC）、受入機関、またはすべてを表す "*" を文字列で指定してください。指定された値: ${got}`,
  unknownPlace: (typed, near) =>
    `「${typed}」という場所はありません。${near.trim()} 地域、小地域、国（名称、別名、ISOコード）、国のグループ（ASEAN、LDC）、受入機関、または "*" を指定してください。`,
  yearMustBe: (name, got) =>
    `${name} には 2016 のような年（1900～2200 の整数）を指定してください。指定された値: ${got}`,
  yearOrFiscalYearMustBe: (name, got) =>
    `${name} には 2016 のような年（1900～2200）か、"FY2016"、"2016年度" のような年度を指定してください。指定された値: ${got}`,
  currencyMustBe: (name, got) =>
    `${name} には "USD" か "JPY"（報告書に記載された通貨）を指定してください。指定された値: ${got}`,
  themeMustBeText: (got) =>
    `theme には "counter-terrorism" のようなテーマを文字列で指定してください。指定された値: ${got}`,
  unknownThemeArgument: (typed, near, themes) =>
    `「${typed}」というテーマはありません。${near.trim()} テーマ: ${themes}。`,
  kindMustBe: (kinds, got) =>
    `kind には ${kinds} のいずれかを指定してください。指定された値: ${got}`,
  numberMustBe: (name, got) =>
    `${name} には数値（数字。"-" と "." も可）を指定してください。指定された値: ${got}`,
  numberTooLarge: (name, max, got) =>
    `${name} の大きさは ${max} 以下にしてください（セルが正確に保持できる15桁まで）。指定された値: ${got}`,
  textMustBe: (name, got) => `${name} には文字列を指定してください。指定された値: ${got}`,
  nameTooLong: (name, length, max) =>
    `${name} が ${length} 文字あります。名前は ${max} 文字までです`,
  nameRefused: (name, got, problem) => `${name} ${got}: ${problem}`,
  amountTooLarge: (currency, max) =>
    `答えがセルで正確に保持できる大きさを超えます。${currency} の答えは ${max} まで（15桁）です。条件を絞るか、より小さい金額を換算してください`,
  answerTooLarge: (what, value, max) =>
    `${what}が ${value} で、セルで正確に保持できる大きさ（15桁、${max} まで）を超えます。条件を絞ってください`,
  numberOfPeople: "人数",
  noDatedRecords: "データセットに日付のある記録がないため、適用できる報告書のレートがありません。",
  noReportCovers: (year, coverage) =>
    `${year} を対象とする報告書はデータセットにありません。各報告書の対象: ${coverage}。`,
  noReportRate: (title, year) =>
    `${year ?? "最新の年"} を対象とする報告書「${title}」には円／ドルのレートが記載されていません。Rates 表にこの報告書のレートを追加してください。`,
  notASingleValue: (parameter) =>
    `${parameter} には単一の値（文字列、数値、TRUE/FALSE）を指定してください。`,
  unexpectedFailure: (name, detail) =>
    `${name} で予期しないエラーが起きました: ${detail}。Aid Ledger の保守担当者に報告してください。`,
  noRateToConvert: (documents, from, to) =>
    `${documents} には円／ドルのレートがありません。円とドルの両方で記載された金額がないため、${from} の金額を ${to} で表せません。Rates 表にレートを追加するか、条件を絞ってください。`,
  namesJoiner: "と",
  argumentNumber: (n) => `第${n}引数`,
};
