/** Messages of the Build, Search, Explain and Functions tabs, and Explain's sentences. English and Japanese side by side: the compiler names a key either misses. */
import type { Currency } from "../../money/money";
import { formatYenExact, formatYenUnits } from "../../money/yenUnits";
import { formatNumber } from "../locale";

/** A place as the explore texts name it: its English name and, when known, its Japanese one. */
export interface NamedPlace {
  readonly name: string;
  readonly japaneseName: string | null;
}

export interface ExploreMessages {
  // Numbers, money and names as this language writes them.
  /** A count or plain figure with the locale's grouping; at most `digits` decimals (2). */
  readonly number: (value: number, digits?: number) => string;
  /** An amount as shown: yen in 億円/万円 in Japanese (the exact figure is `moneyExact`). */
  readonly money: (value: number, currency: Currency) => string;
  /** Every digit of an amount (the hover text of `money`). */
  readonly moneyExact: (value: number, currency: Currency) => string;
  /** An answer in a currency, in a sentence: plain digits in English, 億円/万円 or ドル in Japanese. */
  readonly answerMoney: (value: number, currency: Currency) => string;
  /** A figure short enough for a bar's label: "2.42 billion", "24.2億". */
  readonly shortNumber: (value: number) => string;
  /** A chart's unit: "USD", "records", "people" (件, 人 in Japanese). */
  readonly chartUnit: (unit: string) => string;
  readonly recordCount: (n: number) => string;
  readonly peopleCount: (n: number) => string;
  readonly placeName: (place: NamedPlace) => string;
  readonly placeKind: (kind: string) => string;
  readonly themeName: (label: string, japanese: string | null) => string;
  readonly kindName: (kind: string) => string;
  /** A record's date label ("2016-08", "FY2016") as this language writes dates. */
  readonly dateText: (label: string) => string;
  readonly fiscalYearName: (fy: number) => string;

  // The builder.
  readonly buildHeading: string;
  readonly functionLabel: string;
  readonly placeLabel: string;
  readonly yearLabel: string;
  readonly currencyLabel: string;
  readonly themeLabel: string;
  readonly kindLabel: string;
  readonly anyYear: string;
  readonly anyTheme: string;
  readonly defaultKind: (kind: string) => string;
  readonly formulaAndAnswer: string;
  /** `answer` already shown in this language; `apart`: records that match but add nothing. */
  readonly previewAnswers: (answer: string, records: number, apart: number) => string;
  readonly answersError: (errorText: string, message: string) => string;
  readonly pickPlaceFirst: string;
  readonly insertIntoSelected: string;
  readonly insertedFormula: (formula: string, address: string) => string;
  readonly alreadyHolds: (address: string, occupiedBy: string, formula: string) => string;
  readonly replace: string;
  readonly keepIt: string;
  readonly couldNotInsert: (formula: string, reason: string) => string;
  readonly allPlaces: string;
  readonly allPlacesDetail: string;
  /** " · also Vietnam, VN"; "" without aliases. */
  readonly alsoKnownAs: (aliases: readonly string[]) => string;
  readonly regionDetail: (also: string) => string;
  readonly subregionDetail: (region: string, also: string) => string;
  readonly countryDetail: (where: string, codes: string, also: string) => string;
  readonly fundDetail: string;
  readonly organizationDetail: string;
  readonly groupDetail: (
    members: number,
    funds: readonly string[],
    source: string,
    also: string,
    definition: string
  ) => string;
  readonly fiscalYearChoice: (fy: number) => string;
  readonly currencyChoice: (currency: string) => string;
  /** A kind filter as the builder lists it ("committed (pledge, contribution, grant, loan)"). */
  readonly kindChoice: (kind: string) => string;

  // The place picker.
  readonly placesListed: (matching: number, shown: number) => string;
  readonly placeHint: string;
  readonly placePlaceholder: string;
  readonly placeMatches: (label: string) => string;
  readonly noPlaceMatches: string;

  // The Explain tab and its cards.
  readonly explainHeading: string;
  readonly explainSelectedCell: string;
  readonly readingSelectedCell: string;
  readonly explainHint: string;
  readonly couldNotReadSelection: (reason: string) => string;
  readonly couldNotStopFollowing: (reason: string) => string;
  readonly couldNotFollow: (reason: string) => string;
  readonly spillNote: (cell: string, anchor: string) => string;
  readonly argumentsLabel: string;
  readonly groupLine: (definition: string) => string;
  readonly useFix: (formula: string) => string;
  readonly rateHeading: string;
  readonly recordsAddUp: (n: number) => string;
  readonly theRecord: string;
  readonly recordsListed: (n: number) => string;
  readonly recordsApart: (n: number) => string;
  readonly chartLabel: string;
  readonly chartBy: string;
  readonly byRecord: string;
  readonly byYear: string;
  readonly answerBy: (by: "record" | "year") => string;
  readonly chartValues: (title: string) => string;
  readonly noYear: string;
  readonly yearLine: (rule: string) => string;
  readonly amountLabel: string;
  readonly noneStated: string;
  readonly countsAsLabel: string;
  readonly peopleLabel: string;
  readonly rateLabel: string;
  readonly answerLabel: string;

  // Explain's sentences (src/domain/functions/explain.ts).
  readonly argumentLeftOut: (name: string) => string;
  readonly argumentWritten: (name: string, written: string) => string;
  readonly argumentAt: (name: string, address: string, value: string) => string;
  readonly unquotedText: (word: string) => string;
  readonly unquotedNumber: (word: string, name: string, example: string) => string;
  readonly calculationBlocked: (text: string) => string;
  readonly showsName: (formula: string, problem: string) => string;
  readonly answersWithError: (formula: string, errorText: string, message: string) => string;
  /** `records` null: the answer is not made of records (a rate, a source). */
  readonly answers: (formula: string, answer: string, records: number | null) => string;
  readonly putInQuotes: (written: string) => string;
  readonly quotesJoined: (parts: readonly string[]) => string;
  readonly withQuotes: (formula: string, quotes: string, outcome: string) => string;
  readonly nothing: string;
  readonly tableOf: (rows: number) => string;
  readonly statedInThisCurrency: string;
  readonly reportsOwnFigure: string;
  readonly noRatePair: (title: string) => string;
  readonly defaultRate: (title: string, userSupplied: boolean) => string;
  readonly perDollar: (rate: string) => string;
  readonly noAmount: string;
  readonly notAddedPartOf: (partOf: string) => string;
  readonly statesNoAmount: (what: string | null) => string;
  readonly amountCountedIn: (partOf: string) => string;
  readonly noRateApart: (title: string) => string;
  readonly statesNoPeople: string;
  readonly peopleCountedIn: (partOf: string) => string;
  readonly memberCountry: (name: string) => string;
  readonly itsFund: (name: string) => string;
  readonly recipientIsGroup: (recipient: string) => string;

  // What an argument was read as (the parameters' meanings).
  readonly everyPlace: string;
  readonly groupMeaning: (summary: string) => string;
  readonly placeMeaning: (name: string, kind: string) => string;
  readonly anyYearIncludingNone: string;
  readonly anyThemeMeaning: string;
  readonly currencyDefault: (currency: string) => string;
  readonly kindDefault: (kind: string) => string;
  readonly latestReport: string;

  // The fiscal-year rule in words (src/domain/dates/fiscalYear.ts).
  readonly textStatesFiscalYear: (fy: number) => string;
  readonly noFiscalYearUndated: string;
  readonly noFiscalYearYearOnly: (year: number) => string;
  readonly datedInFiscalYear: (announced: string, fy: number) => string;
  readonly inFiscalYear: (fy: number | null, reason: string) => string;
  readonly inYearStated: (fy: number) => string;
  readonly inYearAnnounced: (year: string, announced: string) => string;
  readonly noYearStated: string;
  readonly fiscalYearFilter: (fy: number) => string;

  // A place in words (PlaceDirectory.describe, groupDefinition).
  readonly countrySummary: (name: string, iso2: string) => string;
  readonly recipientSummary: (name: string, type: string, shortName: string | null) => string;
  readonly areaSummary: (name: string, kind: string, countries: number) => string;
  readonly groupSummary: (name: string, members: number, funds: readonly string[]) => string;
  readonly groupCounts: (
    name: string,
    members: number,
    source: string,
    funds: readonly string[],
    records: number
  ) => string;
  /** `others`: the subregion's other countries by name, or their number when many. */
  readonly subregionAlsoCounts: (
    subregion: string,
    others: readonly string[] | number,
    records: number
  ) => string;

  // Search and its cards.
  readonly searchHeading: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly searchHint: string;
  readonly noRecordMatches: (query: string) => string;
  readonly recordsMatch: (n: number, query: string) => string;
  readonly searchResults: string;
  readonly insertSource: string;
  readonly showInCommitments: string;
  readonly selectEmptyCell: (address: string, occupiedBy: string) => string;
  readonly couldNotInsertSource: (id: string) => string;
  readonly selectedInCommitments: (id: string) => string;
  readonly couldNotShow: (id: string) => string;
  readonly forCountry: (recipient: string, country: string) => string;
  readonly noAmountStated: string;
  readonly noDateStated: string;

  // The Functions tab.
  readonly functionsHeading: string;
  readonly functionsHint: string;
  readonly holdsReplace: (address: string, occupiedBy: string, formula: string) => string;
  readonly keep: string;
  readonly noArguments: string;
  readonly optional: string;
  readonly argumentsOf: (name: string) => string;
  readonly exampleLine: (example: string) => string;
  readonly insertExample: (example: string) => string;
  /** A function's description; `english` is the catalog's (the JSDoc's) words. */
  readonly functionDescription: (name: string, english: string) => string;
  readonly parameterDescription: (fn: string, parameter: string, english: string) => string;
}

const plural = (n: number, one: string, many: string) =>
  `${formatNumber(n, "en")} ${n === 1 ? one : many}`;
const also = (aliases: readonly string[]) =>
  aliases.length ? ` · also ${aliases.join(", ")}` : "";
const s = (n: number) => (n === 1 ? "" : "s");

/** "USD 1,000,000", "JPY 52,000,000,000": the currency's code first, every digit. */
const englishMoney = (value: number, currency: Currency) =>
  `${currency} ${formatNumber(value, "en", currency === "USD" ? 2 : 0)}`;

export const englishExplore: ExploreMessages = {
  number: (value, digits = 2) => formatNumber(value, "en", digits),
  money: englishMoney,
  moneyExact: englishMoney,
  answerMoney: (value) => formatNumber(value, "en", 6),
  shortNumber: (value) => {
    const abs = Math.abs(value);
    const scaled = (n: number, word: string) =>
      `${formatNumber(Number((value / n).toPrecision(3)), "en", 20)} ${word}`;
    if (abs >= 1e12) return scaled(1e12, "trillion");
    if (abs >= 1e9) return scaled(1e9, "billion");
    if (abs >= 1e6) return scaled(1e6, "million");
    return formatNumber(value, "en", 2);
  },
  chartUnit: (unit) => unit,
  recordCount: (n) => plural(n, "record", "records"),
  peopleCount: (n) => plural(n, "person", "people"),
  placeName: (p) => p.name,
  placeKind: (kind) => kind,
  themeName: (label) => label,
  kindName: (kind) => kind,
  dateText: (label) => label,
  fiscalYearName: (fy) => `FY${fy}`,

  buildHeading: "Build a formula",
  functionLabel: "Function",
  placeLabel: "Place",
  yearLabel: "Year",
  currencyLabel: "Currency",
  themeLabel: "Theme",
  kindLabel: "Kind",
  anyYear: "Any year",
  anyTheme: "Any theme",
  defaultKind: (kind) => `Default (${kind})`,
  formulaAndAnswer: "Formula and answer",
  previewAnswers: (answer, records, apart) =>
    `Answers ${answer}, from ${plural(records, "record", "records")}${apart ? ` (${apart} more match but add nothing)` : ""}.`,
  answersError: (errorText, message) => `Answers ${errorText}: ${message}`,
  pickPlaceFirst: "Pick a place to see the formula and its answer.",
  insertIntoSelected: "Insert into the selected cell",
  insertedFormula: (formula, address) => `Inserted ${formula} into ${address}.`,
  alreadyHolds: (address, occupiedBy, formula) =>
    `${address} already holds ${occupiedBy}. Replace it with ${formula}?`,
  replace: "Replace",
  keepIt: "Keep it",
  couldNotInsert: (formula, reason) => `Could not insert ${formula}: ${reason}`,
  allPlaces: "All places",
  allPlacesDetail: "Every region, country and organization",
  alsoKnownAs: also,
  regionDetail: (aliases) => `Region${aliases}`,
  subregionDetail: (region, aliases) => `Subregion of ${region}${aliases}`,
  countryDetail: (where, codes, aliases) => `Country in ${where} · ${codes}${aliases}`,
  fundDetail: "Fund",
  organizationDetail: "Organization",
  groupDetail: (members, funds, source, aliases, definition) =>
    `Group of ${members} countries${funds.length ? `, and the fund ${funds.join(", ")}` : ""} · ${source}${aliases} · ${definition}`,
  fiscalYearChoice: (fy) => `FY${fy} (April ${fy} to March ${fy + 1})`,
  currencyChoice: (c) => (c === "USD" ? "USD (US dollars)" : "JPY (yen)"),
  kindChoice: (kind) =>
    ({
      committed: "committed (pledge, contribution, grant, loan)",
      all: "all kinds",
      cumulative: "cumulative (totals over a span)",
    })[kind] ?? kind,

  placesListed: (matching, shown) =>
    `${matching} places match; the first ${shown} are listed. Type to narrow.`,
  placeHint: "Type a region, country, ISO code, group (ASEAN, LDC) or organization.",
  placePlaceholder: "Africa, Viet Nam, VN, UNODC…",
  placeMatches: (label) => `${label} matches`,
  noPlaceMatches: "No place matches",

  explainHeading: "Explain",
  explainSelectedCell: "Explain selected cell",
  readingSelectedCell: "Reading the selected cell…",
  explainHint: 'Select a cell with an AID formula, such as =AIDTOTAL("Africa",2016).',
  couldNotReadSelection: (reason) => `Could not read the selected cell: ${reason}`,
  couldNotStopFollowing: (reason) => `Could not stop following the selection: ${reason}`,
  couldNotFollow: (reason) => `Could not follow the selection: ${reason}`,
  spillNote: (cell, anchor) =>
    `${cell} is in the table that ${anchor} spills; this is ${anchor}'s formula.`,
  argumentsLabel: "Arguments",
  groupLine: (definition) => `Group: ${definition}`,
  useFix: (formula) => `Use ${formula}`,
  rateHeading: "Rate",
  recordsAddUp: (n) => `${plural(n, "record adds", "records add")} up to the answer`,
  theRecord: "The record",
  recordsListed: (n) => plural(n, "record", "records"),
  recordsApart: (n) =>
    `${plural(n, "more record matches", "more records match")} but ${n === 1 ? "adds" : "add"} nothing`,
  chartLabel: "Chart",
  chartBy: "Chart by",
  byRecord: "By record",
  byYear: "By year",
  answerBy: (by) => `Answer by ${by}`,
  chartValues: (title) => `${title}, values`,
  noYear: "No year",
  yearLine: (rule) => `Year: ${rule}.`,
  amountLabel: "Amount",
  noneStated: "none stated",
  countsAsLabel: "Counts as",
  peopleLabel: "People",
  rateLabel: "Rate",
  answerLabel: "Answer",

  argumentLeftOut: (name) => `${name}: left out`,
  argumentWritten: (name, written) => `${name}: ${written}`,
  argumentAt: (name, address, value) => `${name}: ${address} = ${value}`,
  unquotedText: (w) =>
    `${w} has no quotes, so Excel reads it as a defined name, not as text (#NAME? when the workbook defines none). Put ${w} in quotes: "${w}".`,
  unquotedNumber: (w, name, example) =>
    `${w} has no quotes and is not a number: Excel reads it as a defined name (#NAME? when the workbook defines none). Write the ${name} itself, such as ${example}, or a cell holding it.`,
  calculationBlocked: (text) =>
    `An argument is a calculation (${text}); put its value in a cell and refer to that cell to see the explanation.`,
  showsName: (formula, problem) => `${formula} shows #NAME?: ${problem}`,
  answersWithError: (formula, errorText, message) => `${formula} answers ${errorText}: ${message}`,
  answers: (formula, answer, records) =>
    `${formula} answers ${answer}${records ? `, from ${plural(records, "record", "records")}` : ""}.`,
  putInQuotes: (written) => `put ${written} in quotes`,
  quotesJoined: (parts) => parts.join(" and "),
  withQuotes: (formula, quotes, outcome) =>
    `${formula} shows #NAME?: ${quotes}. With quotes, ${outcome}`,
  nothing: "nothing",
  tableOf: (rows) => `a table of ${plural(rows, "row", "rows")} (header included)`,
  statedInThisCurrency: "Stated in this currency",
  reportsOwnFigure: "The report's own figure for this record",
  noRatePair: (title) => `No rate: ${title} states no JPY/USD pair`,
  defaultRate: (title, user) =>
    `${title} default rate (${user ? "user-supplied" : "median of stated pairs"})`,
  perDollar: (rate) => `${rate} JPY per USD`,
  noAmount: "No amount",
  notAddedPartOf: (partOf) => ` Not added: part of ${partOf}.`,
  statesNoAmount: (what) => `States no amount${what ? ` (${what})` : ""}`,
  amountCountedIn: (partOf) => `Part of ${partOf}: its amount is counted there`,
  noRateApart: (title) => `No rate: ${title} states no JPY/USD pair`,
  statesNoPeople: "States no number of people",
  peopleCountedIn: (partOf) => `Part of ${partOf}: its people are counted there`,
  memberCountry: (name) => `member country ${name}`,
  itsFund: (name) => `its fund ${name}`,
  recipientIsGroup: (recipient) => `recipient ${recipient} (the group)`,

  everyPlace: "every place",
  groupMeaning: (summary) => `${summary} (group)`,
  placeMeaning: (name, kind) => `${name} (${kind})`,
  anyYearIncludingNone: "any year, including records with none",
  anyThemeMeaning: "any theme",
  currencyDefault: (c) => `${c} (the default)`,
  kindDefault: (kind) => `${kind} (the default)`,
  latestReport: "the latest report",

  textStatesFiscalYear: (fy) => `the text states FY${fy}`,
  noFiscalYearUndated: "no fiscal year: no date is stated",
  noFiscalYearYearOnly: (y) =>
    `no fiscal year: dated ${y} only, which could be FY${y - 1} (January to March) or FY${y}`,
  datedInFiscalYear: (announced, fy) =>
    `dated ${announced}, between 1 April ${fy} and 31 March ${fy + 1}`,
  inFiscalYear: (fy, reason) => `In FY${fy ?? "?"}: ${reason}`,
  inYearStated: (fy) => `In ${fy}: the text states FY${fy}`,
  inYearAnnounced: (year, announced) => `In ${year}: announced ${announced}`,
  noYearStated: "No year stated",
  fiscalYearFilter: (fy) => `FY${fy} (fiscal year, 1 April ${fy} to 31 March ${fy + 1})`,

  countrySummary: (name, iso2) => `${name} (country, ${iso2})`,
  recipientSummary: (name, type, short) => `${name} (${type}${short ? `, ${short}` : ""})`,
  areaSummary: (name, kind, n) =>
    `${name} (${kind}${n === 0 ? "" : `, ${n} ${n === 1 ? "country" : "countries"}`})`,
  groupSummary: (name, n, funds) =>
    `${name}: ${n} member ${n === 1 ? "country" : "countries"}${funds.length ? `, and the fund${s(funds.length)} ${funds.join(", ")}` : ""}`,
  groupCounts: (name, n, source, funds, records) =>
    `${name} counts its ${n} member ${n === 1 ? "country" : "countries"} (${source}), records naming the group` +
    (funds.length ? `, and its fund${s(funds.length)} ${funds.join(", ")}` : "") +
    `: ${plural(records, "record", "records")}.`,
  subregionAlsoCounts: (subregion, others, records) => {
    const listed =
      typeof others === "number"
        ? [`${others} other countries`]
        : others.length
          ? [others.join(", ")]
          : [];
    return `${subregion}, the subregion, also counts ${[...listed, "records naming the subregion itself"].join(" and ")}: ${plural(records, "record", "records")}.`;
  },

  searchHeading: "Search the records",
  searchLabel: "Search records",
  searchPlaceholder: "patrol, UNODC, Viet Nam, drugs…",
  searchHint: "Search recipients, places, themes, evidence phrases and notes.",
  noRecordMatches: (q) => `No record matches “${q}”.`,
  recordsMatch: (n, q) => `${plural(n, "record matches", "records match")} “${q}”.`,
  searchResults: "Search results",
  insertSource: "Insert AIDSOURCE",
  showInCommitments: "Show in Commitments",
  selectEmptyCell: (address, by) =>
    `${address} already holds ${by}; select an empty cell and insert again.`,
  couldNotInsertSource: (id) => `Could not insert the source of ${id}`,
  selectedInCommitments: (id) => `Selected ${id} in Commitments.`,
  couldNotShow: (id) => `Could not show ${id}`,
  forCountry: (recipient, country) => `${recipient} (for ${country})`,
  noAmountStated: "No amount stated",
  noDateStated: "No date stated",

  functionsHeading: "Functions",
  functionsHint: "Insert an example into the selected cell, then change its arguments.",
  holdsReplace: (address, by, formula) => `${address} holds ${by}. Replace it with ${formula}?`,
  keep: "Keep",
  noArguments: "No arguments.",
  optional: " (optional)",
  argumentsOf: (name) => `${name} arguments`,
  exampleLine: (example) => `Example: ${example}`,
  insertExample: (example) => `Insert ${example}`,
  functionDescription: (_name, english) => english,
  parameterDescription: (_fn, _parameter, english) => english,
};

const PLACE_KINDS_JA: Readonly<Record<string, string>> = {
  region: "地域",
  subregion: "小地域",
  country: "国",
  group: "グループ",
  recipient: "受入機関",
  organization: "国際機関",
  fund: "基金",
  all: "すべて",
};

const KINDS_JA: Readonly<Record<string, string>> = {
  committed: "約束額（表明・拠出・無償資金協力・円借款）",
  all: "すべての種別",
  cumulative: "累計額（期間の合計）",
  pledge: "表明",
  contribution: "拠出",
  grant: "無償資金協力",
  loan: "円借款",
  "in-kind": "現物供与",
  training: "研修",
};

/** The pane's short help of each function, as src/host/functionsHelp.ja.json begins it (a test holds them equal). */
const FUNCTIONS_JA: Readonly<Record<string, string>> = {
  AIDTOTAL: "条件に合う援助の約束額の合計です。換算は報告書に記載されたレートのみで行います。",
  AIDCOUNT: "条件に合う記録の件数です。",
  AIDPEOPLE:
    "条件に合う記録で研修・人材育成の対象となる人数です。他の記録の内数として記載された人数は重ねて数えません。",
  AIDLIST:
    "条件に合う記録の一覧表です（スピル）。見出し行の後に、記録ごとに id、date、recipient、theme、kind、amount、currency、USD、JPY を並べます。",
  AIDSOURCE: "記録の金額がどこに記載されているかを示します：文書、節、根拠となる語句。",
  AIDRATE:
    "報告書に記載されたレート（記載された金額の組から求めた中央値）で、ある通貨1単位が他の通貨でいくらになるかを返します。",
  AIDCONVERT:
    "報告書に記載されたレートで金額を換算し、換算先通貨の最小単位（ドルはセント、円は1円）に一度だけ丸めます。",
  AIDVERSION:
    "関数がどのデータに基づいて答えているかを1行で示します：データの出所、記録数と報告書数、読み込み日時。作業ウィンドウの「データ」タブと同じ内容で、印刷した資料にも使用データが残ります。",
};

const PLACE_JA =
  '地域、小地域、国（名称、別名、ISOコード。"アフリカ"、"ベトナム" などの日本語名も可）、受入機関・基金、またはすべてを表す "*"。';
const YEAR_JA =
  '集計する年。2016 のような数値は、年度の明記があればその年度、なければ発表年で数えます。"FY2016"、"2016年度"、"平成28年度"、"令和元年度" と書くと年度（4月1日～翌年3月31日）で数え、年しか分からない記録は含めません。省略するとすべての年。';
const THEME_JA =
  '"counter-terrorism"（テロ対策）、"maritime"（海上安全保障）、"drugs"（薬物対策）などのテーマ。省略するとすべてのテーマ。';
const kindJa = (fallback: string) =>
  `"committed"（表明・拠出・無償資金協力・円借款）、"cumulative"（累計額）、"all"（すべて）、または種別1つ。既定は "${fallback}"。`;
const CURRENCY_PAIR_JA = '"USD" または "JPY"。';
const RATE_YEAR_JA =
  'この年、または年度（"FY2016"、"2016年度"）を対象とする報告書のレートを使います。省略すると最新の報告書。';

/** Each function's parameters in Japanese, as the help file has them (a test holds them equal). */
const PARAMETERS_JA: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  AIDTOTAL: {
    place: PLACE_JA,
    year: YEAR_JA,
    currency: '"USD"（米ドル、既定）または "JPY"（円。結果は円単位の整数で、億円に丸めません）。',
    theme: THEME_JA,
    kind: kindJa("committed"),
  },
  AIDCOUNT: {
    place: PLACE_JA.replace("ベトナム", "フィリピン"),
    year: YEAR_JA,
    theme: THEME_JA,
    kind: kindJa("all"),
  },
  AIDPEOPLE: { place: PLACE_JA, year: YEAR_JA, theme: THEME_JA, kind: kindJa("all") },
  AIDLIST: { place: PLACE_JA, year: YEAR_JA, theme: THEME_JA, kind: kindJa("all") },
  AIDSOURCE: { id: "記録のID（AIDLIST の1列目）。" },
  AIDRATE: { from: CURRENCY_PAIR_JA, to: CURRENCY_PAIR_JA, year: RATE_YEAR_JA },
  AIDCONVERT: {
    amount: "換算する金額。",
    from: CURRENCY_PAIR_JA,
    to: CURRENCY_PAIR_JA,
    year: RATE_YEAR_JA,
  },
  AIDVERSION: {},
};

const japaneseMoney = (value: number, currency: Currency) =>
  currency === "JPY" ? formatYenUnits(value, "ja") : `${formatNumber(value, "ja")}ドル`;
const ja = (n: number) => formatNumber(n, "ja");
/** 24.2億, 1,559万, 9,999: three significant digits in 億 or 万, as Japanese tables write large figures. */
const japaneseShort = (value: number) => {
  const abs = Math.abs(value);
  const scaled = (n: number, unit: string) =>
    `${formatNumber(Number((value / n).toPrecision(3)), "ja", 20)}${unit}`;
  if (abs >= 1e8) return scaled(1e8, "億");
  if (abs >= 1e4) return scaled(1e4, "万");
  return formatNumber(value, "ja", 2);
};
const listJa = (items: readonly string[]) => items.join("、");

export const japaneseExplore: ExploreMessages = {
  number: (value, digits = 2) => formatNumber(value, "ja", digits),
  money: japaneseMoney,
  moneyExact: (value, currency) =>
    currency === "JPY" ? formatYenExact(value, "ja") : japaneseMoney(value, currency),
  answerMoney: japaneseMoney,
  shortNumber: (value) => japaneseShort(value),
  chartUnit: (unit) => ({ records: "件", people: "人", JPY: "円", USD: "ドル" })[unit] ?? unit,
  recordCount: (n) => `${ja(n)}件`,
  peopleCount: (n) => `${ja(n)}人`,
  placeName: (p) => p.japaneseName ?? p.name,
  placeKind: (kind) => PLACE_KINDS_JA[kind] ?? kind,
  themeName: (label, japanese) => japanese ?? label,
  kindName: (kind) => KINDS_JA[kind] ?? kind,
  dateText: (label) => {
    const fy = /^FY(\d{4})$/.exec(label);
    if (fy) return `${fy[1]}年度`;
    const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(label);
    if (!date) return label;
    const [, y, m, d] = date;
    return `${y}年${m ? `${Number(m)}月` : ""}${d ? `${Number(d)}日` : ""}`;
  },
  fiscalYearName: (fy) => `${fy}年度`,

  buildHeading: "数式を作る",
  functionLabel: "関数",
  placeLabel: "場所",
  yearLabel: "年・年度",
  currencyLabel: "通貨",
  themeLabel: "テーマ",
  kindLabel: "種別",
  anyYear: "すべての年",
  anyTheme: "すべてのテーマ",
  defaultKind: (kind) => `既定（${kind}）`,
  formulaAndAnswer: "数式と答え",
  previewAnswers: (answer, records, apart) =>
    `答えは ${answer}（${ja(records)}件の記録から${apart ? `。ほかに${ja(apart)}件が条件に合いますが加算されません` : ""}）。`,
  answersError: (errorText, message) => `答えは ${errorText}: ${message}`,
  pickPlaceFirst: "場所を選ぶと、数式とその答えが表示されます。",
  insertIntoSelected: "選択したセルに挿入",
  insertedFormula: (formula, address) => `${formula} を ${address} に挿入しました。`,
  alreadyHolds: (address, occupiedBy, formula) =>
    `${address} には ${occupiedBy} が入っています。${formula} で置き換えますか？`,
  replace: "置き換える",
  keepIt: "そのままにする",
  couldNotInsert: (formula, reason) => `${formula} を挿入できませんでした: ${reason}`,
  allPlaces: "すべての場所",
  allPlacesDetail: "すべての地域、国、機関",
  alsoKnownAs: (aliases) => (aliases.length ? ` · 別名 ${listJa(aliases)}` : ""),
  regionDetail: (aliases) => `地域${aliases}`,
  subregionDetail: (region, aliases) => `${region}の小地域${aliases}`,
  countryDetail: (where, codes, aliases) => `${where}の国 · ${codes}${aliases}`,
  fundDetail: "基金",
  organizationDetail: "国際機関",
  groupDetail: (members, funds, source, aliases, definition) =>
    `${ja(members)}か国のグループ${funds.length ? `と基金 ${listJa(funds)}` : ""} · ${source}${aliases} · ${definition}`,
  fiscalYearChoice: (fy) => `${fy}年度（${fy}年4月～${fy + 1}年3月）`,
  currencyChoice: (c) => (c === "USD" ? "USD（米ドル）" : "JPY（円）"),
  kindChoice: (kind) => `${KINDS_JA[kind] ?? kind}（${kind}）`,

  placesListed: (matching, shown) =>
    `${ja(matching)}件の場所が該当します。最初の${ja(shown)}件を表示しています。入力して絞り込んでください。`,
  placeHint: "地域、国、ISOコード、グループ（ASEAN、LDC）、機関を入力してください。",
  placePlaceholder: "アフリカ、ベトナム、VN、UNODC…",
  placeMatches: (label) => `${label}の候補`,
  noPlaceMatches: "該当する場所はありません",

  explainHeading: "説明",
  explainSelectedCell: "選択したセルを説明",
  readingSelectedCell: "選択したセルを読み取っています…",
  explainHint: 'AID 関数の数式（=AIDTOTAL("Africa",2016) など）が入ったセルを選択してください。',
  couldNotReadSelection: (reason) => `選択したセルを読み取れませんでした: ${reason}`,
  couldNotStopFollowing: (reason) => `選択範囲の追跡を止められませんでした: ${reason}`,
  couldNotFollow: (reason) => `選択範囲を追跡できませんでした: ${reason}`,
  spillNote: (cell, anchor) =>
    `${cell} は ${anchor} がスピルした表の中にあります。これは ${anchor} の数式です。`,
  argumentsLabel: "引数",
  groupLine: (definition) => `グループ: ${definition}`,
  useFix: (formula) => `${formula} を使う`,
  rateHeading: "為替レート",
  recordsAddUp: (n) => `答えに加算される記録（${ja(n)}件）`,
  theRecord: "該当する記録",
  recordsListed: (n) => `記録（${ja(n)}件）`,
  recordsApart: (n) => `条件に合うが加算されない記録（${ja(n)}件）`,
  chartLabel: "グラフ",
  chartBy: "グラフの単位",
  byRecord: "記録ごと",
  byYear: "年ごと",
  answerBy: (by) => (by === "record" ? "記録ごとの答え" : "年ごとの答え"),
  chartValues: (title) => `${title}（値）`,
  noYear: "年なし",
  // The rule already starts with the year ("2016年: ..."): no label before it.
  yearLine: (rule) => `${rule}。`,
  amountLabel: "金額",
  noneStated: "記載なし",
  countsAsLabel: "計上額",
  peopleLabel: "人数",
  rateLabel: "為替レート",
  answerLabel: "答え",

  argumentLeftOut: (name) => `${name}: 省略`,
  argumentWritten: (name, written) => `${name}: ${written}`,
  argumentAt: (name, address, value) => `${name}: ${address} = ${value}`,
  unquotedText: (w) =>
    `${w} が引用符で囲まれていないため、Excel は文字列ではなく名前の定義として読みます（定義がなければ #NAME?）。"${w}" のように引用符で囲んでください。`,
  unquotedNumber: (w, name, example) =>
    `${w} は引用符で囲まれておらず数値でもないため、Excel は名前の定義として読みます（定義がなければ #NAME?）。${name} には ${example} のような値そのものか、値の入ったセルを指定してください。`,
  calculationBlocked: (text) =>
    `引数が計算式（${text}）です。説明を見るには、その値をセルに入れ、そのセルを参照してください。`,
  showsName: (formula, problem) => `${formula} は #NAME? になります: ${problem}`,
  answersWithError: (formula, errorText, message) => `${formula} の答えは ${errorText}: ${message}`,
  answers: (formula, answer, records) =>
    `${formula} の答えは ${answer}${records ? `（${ja(records)}件の記録から）` : ""}。`,
  putInQuotes: (written) => `${written} を引用符で囲んでください`,
  quotesJoined: (parts) => parts.join("。また、"),
  withQuotes: (formula, quotes, outcome) =>
    `${formula} は #NAME? になります: ${quotes}。引用符で囲むと、${outcome}`,
  nothing: "なし",
  tableOf: (rows) => `${ja(rows)}行の表（見出し行を含む）`,
  statedInThisCurrency: "この通貨で記載",
  reportsOwnFigure: "報告書がこの記録に記載した換算額",
  noRatePair: (title) => `為替レートなし: ${title} には円とドルの組が記載されていません`,
  defaultRate: (title, user) =>
    `${title} の既定のレート（${user ? "利用者が指定" : "記載された組の中央値"}）`,
  perDollar: (rate) => `1ドル ${rate}円`,
  noAmount: "金額なし",
  notAddedPartOf: (partOf) => ` 加算しません: ${partOf} の内数です。`,
  statesNoAmount: (what) => `金額の記載がありません${what ? `（${what}）` : ""}`,
  amountCountedIn: (partOf) => `${partOf} の内数: 金額はそちらで数えます`,
  noRateApart: (title) => `為替レートなし: ${title} には円とドルの組が記載されていません`,
  statesNoPeople: "人数の記載がありません",
  peopleCountedIn: (partOf) => `${partOf} の内数: 人数はそちらで数えます`,
  memberCountry: (name) => `加盟国 ${name}`,
  itsFund: (name) => `グループの基金 ${name}`,
  recipientIsGroup: (recipient) => `受入先 ${recipient}（グループ自体）`,

  everyPlace: "すべての場所",
  groupMeaning: (summary) => `${summary}（グループ）`,
  placeMeaning: (name, kind) => `${name}（${kind}）`,
  anyYearIncludingNone: "すべての年（年のない記録を含む）",
  anyThemeMeaning: "すべてのテーマ",
  currencyDefault: (c) => `${c}（既定）`,
  kindDefault: (kind) => `${kind}（既定）`,
  latestReport: "最新の報告書",

  textStatesFiscalYear: (fy) => `本文に ${fy}年度と記載`,
  noFiscalYearUndated: "年度なし: 日付の記載がありません",
  noFiscalYearYearOnly: (y) =>
    `年度なし: ${y}年とだけ記載されており、${y - 1}年度（1～3月）か${y}年度か分かりません`,
  datedInFiscalYear: (announced, fy) =>
    `日付 ${japaneseExplore.dateText(announced)}、${fy}年4月1日～${fy + 1}年3月31日の間`,
  inFiscalYear: (fy, reason) => `${fy ?? "?"}年度: ${reason}`,
  inYearStated: (fy) => `${fy}年: 本文に ${fy}年度と記載`,
  inYearAnnounced: (year, announced) => `${year}年: ${japaneseExplore.dateText(announced)}に発表`,
  noYearStated: "年の記載なし",
  fiscalYearFilter: (fy) => `${fy}年度（${fy}年4月1日～${fy + 1}年3月31日）`,

  countrySummary: (name, iso2) => `${name}（国、${iso2}）`,
  recipientSummary: (name, type, short) =>
    `${name}（${PLACE_KINDS_JA[type] ?? type}${short ? `、${short}` : ""}）`,
  areaSummary: (name, kind, n) =>
    `${name}（${PLACE_KINDS_JA[kind] ?? kind}${n === 0 ? "" : `、${ja(n)}か国`}）`,
  groupSummary: (name, n, funds) =>
    `${name}: 加盟国${ja(n)}か国${funds.length ? `と基金 ${listJa(funds)}` : ""}`,
  groupCounts: (name, n, source, funds, records) =>
    `${name} は加盟国${ja(n)}か国（${source}）、グループ名を挙げた記録` +
    (funds.length ? `、基金 ${listJa(funds)}` : "") +
    `を数えます: ${ja(records)}件。`,
  subregionAlsoCounts: (subregion, others, records) => {
    const listed =
      typeof others === "number"
        ? [`ほか${ja(others)}か国`]
        : others.length
          ? [listJa(others)]
          : [];
    return `小地域の${subregion}は、${[...listed, "小地域そのものを挙げた記録"].join("と")}も数えます: ${ja(records)}件。`;
  },

  searchHeading: "記録を検索",
  searchLabel: "記録を検索",
  searchPlaceholder: "巡視船、UNODC、ベトナム、薬物…",
  searchHint: "受入先、場所、テーマ、根拠の語句、注記を検索します。",
  noRecordMatches: (q) => `「${q}」に該当する記録はありません。`,
  recordsMatch: (n, q) => `「${q}」に該当する記録は${ja(n)}件です。`,
  searchResults: "検索結果",
  insertSource: "AIDSOURCE を挿入",
  showInCommitments: "Commitments で表示",
  selectEmptyCell: (address, by) =>
    `${address} には ${by} が入っています。空のセルを選択して、もう一度挿入してください。`,
  couldNotInsertSource: (id) => `${id} の出典を挿入できませんでした`,
  selectedInCommitments: (id) => `Commitments で ${id} を選択しました。`,
  couldNotShow: (id) => `${id} を表示できませんでした`,
  forCountry: (recipient, country) => `${recipient}（${country}向け）`,
  noAmountStated: "金額の記載なし",
  noDateStated: "日付の記載なし",

  functionsHeading: "関数",
  functionsHint: "例を選択したセルに挿入し、引数を変えてお使いください。",
  holdsReplace: (address, by, formula) =>
    `${address} には ${by} が入っています。${formula} で置き換えますか？`,
  keep: "そのままにする",
  noArguments: "引数はありません。",
  optional: "（省略可）",
  argumentsOf: (name) => `${name} の引数`,
  exampleLine: (example) => `例: ${example}`,
  insertExample: (example) => `${example} を挿入`,
  functionDescription: (name, english) => FUNCTIONS_JA[name] ?? english,
  parameterDescription: (fn, parameter, english) => PARAMETERS_JA[fn]?.[parameter] ?? english,
};
