/**
 * Why a record is refused: each field's own rule (the schema), the rules between a record's fields,
 * the rules across records (ids, partOf, titles, places, recipients), the evidence checks, and the
 * published manifest's and the reference files' rules. English and Japanese side by side: the type
 * is the English object's, so the compiler names any key the Japanese misses or adds. Field names
 * (amount, partOf, ...) stay as they are in both languages: they are the columns' names. Values
 * are shown as the user wrote them (issue 16, item 7).
 */

/** A place a recipient's name may belong to (PlaceDirectory.resolve; a recipient is not a place). */
export type PlaceKind = "all" | "region" | "subregion" | "country" | "group";

/** Who holds a name in the reference files: a country group or a listed recipient. */
export interface NameOwner {
  readonly kind: "group" | "recipient";
  readonly name: string;
}

/**
 * An issue zod words itself (a wrong type, an unknown key, a size without its own message), as
 * much of it as the wording needs: zod's raw issue has these fields.
 */
export interface SchemaIssue {
  readonly code?: string;
  readonly expected?: unknown;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
  readonly values?: readonly unknown[];
}

const owner = (o: NameOwner) => `${o.kind} "${o.name}"`;

const englishValidationMessages = {
  // One field's own rule (schema.ts).
  /** `length` undefined: the input was no text, so its length is not known. */
  tooLong: (max: number, length: number | undefined) =>
    `at most ${max} characters; this has ${length ?? "more"}`,
  mustNotBeEmpty: "must not be empty",
  mustBeWholeNumber: "must be a whole number",
  yearAtLeast: (min: number) => `must be ${min} or later`,
  yearAtMost: (max: number) => `must be ${max} or earlier`,
  mustBePositive: "must be greater than zero",
  mustBeAtMost: (max: number) => `must be at most ${max}`,
  slugRule: "use lower-case letters, digits and single hyphens",
  plainDecimalRule: "must be a plain decimal number such as 120000000 or 14.6",
  currencyRule: "must be USD or JPY (the currencies the reports state)",
  announcedRule: "must be YYYY, YYYY-MM or YYYY-MM-DD",
  /** `month`: the date's first seven characters as written ("2016-02"). */
  notADate: (month: string, days: number) => `is not a date: ${month} has ${days} days`,
  mustBeOneOf: (values: readonly string[]) => `must be one of ${values.join(", ")}`,
  mustBeTrueOrFalse: "must be true or false",
  isoCodeRule: "must be an ISO 3166-1 alpha-2 code such as VN",
  crsPurposeRule: "must be a five-digit CRS purpose code",
  /** zod's own wording of an issue no rule words: English is zod's (configured in ../zod). */
  schemaIssue: (_issue: SchemaIssue): string | undefined => undefined,

  // The rules between a record's fields.
  amountWithCurrency: "amount and currency go together: give both or neither",
  equivalentWithCurrency: "equivalentAmount and equivalentCurrency go together",
  equivalentNeedsAmount: "a stated equivalent needs the amount it is equivalent to",
  mustDifferFromCurrency: "must differ from currency",
  equivalentMustBePositive: "must be greater than zero (it states a rate)",
  amountPositiveWithEquivalent: "must be greater than zero when an equivalent is stated",
  /** `limit`: the largest amount as text (MAX_AMOUNT_TEXT). */
  amountAboveCellLimit: (currency: string, limit: string) =>
    `${currency} amounts are at most ${limit} (15 digits, what a cell holds exactly)`,
  periodToBeforeFrom: (periodFrom: number) => `must not be before periodFrom (${periodFrom})`,
  quantityWithUnit: "quantity and unit go together",
  countryNeedsCode: "a country recipient needs its ISO code",
  recordNeedsFigure: "a record states at least one figure: amount, people or quantity",
  partOfItself: "a record cannot be part of itself",

  // The rules across records (validate.ts).
  tooManyRecords: (records: number, max: number) =>
    `${records} records; a dataset holds at most ${max}`,
  noParentWithId: (id: string) => `no record has id "${id}"`,
  partOfCycle: (id: string) => `partOf forms a cycle through "${id}"`,
  duplicateId: (firstRecord: number) => `duplicate id; record ${firstRecord} has it too`,
  oneTitlePerDocument: (file: string, title: string, firstRecord: number) =>
    `"${file}" is titled "${title}" in record ${firstRecord}; one document, one title`,
  recipientNamedLikePlace: (
    recipient: string,
    place: { readonly kind: PlaceKind; readonly name: string },
    recipientType: "organization" | "fund"
  ) =>
    `"${recipient}" is the name or code of the ${place.kind === "all" ? "place" : place.kind} ${place.name}; ${recipientType === "organization" ? "an organization" : "a fund"} must have a name no place has`,
  recipientSpeltOtherwise: (recipient: string, first: string, firstRecord: number) =>
    `"${recipient}" looks like "${first}" of record ${firstRecord} but is spelt with other characters; one recipient, one spelling`,
  unknownRegion: (region: string, regions: readonly string[]) =>
    `unknown region "${region}"; regions are ${regions.join(", ")}`,
  unknownSubregion: (subregion: string) => `unknown subregion "${subregion}"`,
  subregionInOtherRegion: (subregion: string, region: string, stated: string) =>
    `"${subregion}" is in ${region}, not ${stated}`,
  unknownIsoCode: (code: string) => `unknown ISO code "${code}"`,
  countryInOtherRegion: (country: string, iso2: string, region: string, stated: string) =>
    `${country} (${iso2}) is in ${region}, not ${stated}`,
  /** null: no subregion (the country has none, or the record gives none). */
  countryInOtherSubregion: (
    country: string,
    iso2: string,
    subregion: string | null,
    stated: string | null
  ) => `${country} (${iso2}) is in ${subregion ?? "no subregion"}, not ${stated ?? "no subregion"}`,
  notCountryName: (recipient: string, code: string) =>
    `"${recipient}" is not the name of country ${code}`,
  notRegionOrSubregion: (recipient: string) =>
    `"${recipient}" is not a region or subregion of the taxonomy`,
  recipientIsRegion: (recipient: string, region: string) =>
    `recipient "${recipient}" is the region ${region}`,
  notCountryGroup: (recipient: string) =>
    `"${recipient}" is not a country group (data/groups.json)`,

  // The evidence checks (evidence.ts).
  /** `stated`: the distinct figures the phrase states; `maxWords`: EVIDENCE_MAX_WORDS. */
  figureNotInEvidence: (
    field: string,
    value: string,
    evidence: string,
    stated: readonly string[],
    maxWords: number
  ) =>
    `${field} ${value} is not stated in the record's evidence phrase "${evidence}", which ${stated.length === 0 ? "states no figure" : `states ${stated.join(" and ")}`}. ` +
    `A figure changes only with the words that state it: to record a restated figure, change ${field} ` +
    `and, in the same edit, evidence to the new report's words for it (under ${maxWords + 1} words, ` +
    `with its sourceFile and sourceSection); to correct a typing slip, put back the figure the phrase states.`,
  noSourceDocument: (file: string) => `no source document named "${file}"`,
  notAHeadingOf: (heading: string, file: string) =>
    `"${heading}" is not a heading of ${file} (after the previous heading of the path)`,
  evidenceOutsideSection: (file: string, section: string) =>
    `occurs in ${file} but not within section "${section}"`,
  evidenceNotVerbatim: (file: string) => `does not occur verbatim in ${file}`,
  evidenceTooLong: (words: number, maxWords: number) =>
    `has ${words} words; evidence phrases stay under ${maxWords + 1} words (the figure and a few words around it)`,

  // The published manifest.
  manifestFormatRule: (format: string) => `must be "${format}" (a manifest this version can read)`,
  contentHashRule: "must be fnv1a64: and 16 hex digits",
  dateTimeRule: "must be an ISO 8601 date and time",
  fileNameNotPath: "must be a file name beside the manifest, not a path",

  // The reference files against each other (groups.json, recipients.json).
  groupIdTwice: (id: string) => `group id "${id}" is used twice`,
  memberNotCountry: (group: string, member: string) =>
    `group "${group}": member ${member} is not a country of the taxonomy`,
  memberTwice: (group: string, member: string) =>
    `group "${group}": member ${member} is listed twice`,
  fundNotListed: (group: string, fund: string) =>
    `group "${group}": fund "${fund}" is not in recipients.json`,
  nameOwnedTwice: (name: string, first: NameOwner, second: NameOwner) =>
    `the name "${name}" belongs to both ${owner(first)} and ${owner(second)}`,
};

export type ValidationMessages = Readonly<typeof englishValidationMessages>;
export const englishValidation: ValidationMessages = englishValidationMessages;

const PLACE_KIND_JA: Readonly<Record<PlaceKind, string>> = {
  all: "場所",
  region: "地域",
  subregion: "小地域",
  country: "国",
  group: "国グループ",
};
const ownerJa = (o: NameOwner) => `${o.kind === "group" ? "グループ" : "受取先"}「${o.name}」`;

/** zod's type names (its `expected`, and the received value's kind) as a Japanese reader says them. */
const TYPE_JA: Readonly<Record<string, string>> = {
  string: "文字列",
  number: "数値",
  int: "整数",
  boolean: "true または false",
  object: "オブジェクト",
  array: "配列",
  null: "null（空）",
  undefined: "値なし",
  NaN: "NaN",
  bigint: "整数（bigint）",
  date: "日付",
};
const typeJa = (type: string) => TYPE_JA[type] ?? type;
const kindOfInput = (input: unknown): string =>
  input === null
    ? "null"
    : Array.isArray(input)
      ? "array"
      : typeof input === "number" && Number.isNaN(input)
        ? "NaN"
        : typeof input;
const quotedJa = (values: readonly unknown[]) => values.map((v) => `「${String(v)}」`).join("、");

/** The Japanese of the issues zod words itself; what it cannot tell, said plainly. */
function schemaIssueJa(issue: SchemaIssue): string {
  const bound = (value: unknown) => String(value);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `値がありません（${typeJa(String(issue.expected))}が必要です）`
        : `${typeJa(String(issue.expected))}が必要ですが、${typeJa(kindOfInput(issue.input))}が指定されています`;
    case "unrecognized_keys":
      return `データセットにないキーです：${quotedJa(issue.keys ?? [])}`;
    case "too_small":
      return issue.origin === "string"
        ? `${bound(issue.minimum)}文字以上にしてください`
        : issue.origin === "array" || issue.origin === "set"
          ? `${bound(issue.minimum)}件以上必要です`
          : `${bound(issue.minimum)}${issue.inclusive === false ? "より大きい値" : "以上"}にしてください`;
    case "too_big":
      return issue.origin === "string"
        ? `${bound(issue.maximum)}文字までにしてください`
        : issue.origin === "array" || issue.origin === "set"
          ? `${bound(issue.maximum)}件までにしてください`
          : `${bound(issue.maximum)}${issue.inclusive === false ? "未満" : "以下"}にしてください`;
    case "invalid_value":
      return `${quotedJa(issue.values ?? [])}のいずれかにしてください`;
    case "invalid_format":
      return "形式が正しくありません";
    default:
      return "値が正しくありません";
  }
}

export const japaneseValidation: ValidationMessages = {
  tooLong: (max, length) =>
    `${max}文字までです。${length === undefined ? "この値はそれを超えています" : `この値は${length}文字あります`}`,
  mustNotBeEmpty: "空欄にはできません",
  mustBeWholeNumber: "整数にしてください",
  yearAtLeast: (min) => `${min}年以降にしてください`,
  yearAtMost: (max) => `${max}年以前にしてください`,
  mustBePositive: "0より大きい値にしてください",
  mustBeAtMost: (max) => `${max}以下にしてください`,
  slugRule: "英小文字、数字と、間に1つずつ入れたハイフンだけを使ってください",
  plainDecimalRule: "120000000 や 14.6 のような通常の小数の書き方にしてください",
  currencyRule: "USD または JPY にしてください（報告書が記載する通貨です）",
  announcedRule: "YYYY、YYYY-MM、YYYY-MM-DD のいずれかの形にしてください",
  notADate: (month, days) => `日付ではありません：${month} は${days}日までです`,
  mustBeOneOf: (values) => `${values.join("、")} のいずれかにしてください`,
  mustBeTrueOrFalse: "true または false にしてください",
  isoCodeRule: "VN のような ISO 3166-1 alpha-2 コード（英大文字2字）にしてください",
  crsPurposeRule: "5桁の CRS 目的コードにしてください",
  schemaIssue: schemaIssueJa,

  amountWithCurrency: "amount と currency は組です。両方を指定するか、両方とも空欄にしてください",
  equivalentWithCurrency: "equivalentAmount と equivalentCurrency は組で指定してください",
  equivalentNeedsAmount: "換算額（equivalentAmount）を記載するには、その元になる amount が必要です",
  mustDifferFromCurrency: "currency とは別の通貨にしてください",
  equivalentMustBePositive: "0より大きい値にしてください（為替レートを示す値です）",
  amountPositiveWithEquivalent: "換算額を記載する場合は0より大きい値にしてください",
  amountAboveCellLimit: (currency, limit) =>
    `${currency} の金額は ${limit} までです（セルが正確に保持できる15桁）`,
  periodToBeforeFrom: (periodFrom) => `periodFrom（${periodFrom}）より前の年にはできません`,
  quantityWithUnit: "quantity と unit は組で指定してください",
  countryNeedsCode: "受取先が国の場合は、country に ISO コードが必要です",
  recordNeedsFigure: "記録には amount、people、quantity のうち少なくとも1つの数値が必要です",
  partOfItself: "記録を自分自身の一部（partOf）にはできません",

  tooManyRecords: (records, max) =>
    `記録が${records}件あります。データセットに入れられる記録は${max}件までです`,
  noParentWithId: (id) => `id が「${id}」の記録はありません`,
  partOfCycle: (id) => `partOf が「${id}」を通って循環しています`,
  duplicateId: (firstRecord) => `id が重複しています。記録${firstRecord}にも同じ id があります`,
  oneTitlePerDocument: (file, title, firstRecord) =>
    `記録${firstRecord}では「${file}」の表題が「${title}」です。1つの文書の表題は1つにしてください`,
  recipientNamedLikePlace: (recipient, place, recipientType) =>
    `「${recipient}」は${PLACE_KIND_JA[place.kind]} ${place.name} の名前またはコードです。${recipientType === "organization" ? "機関" : "基金"}には、どの場所にもない名前を付けてください`,
  recipientSpeltOtherwise: (recipient, first, firstRecord) =>
    `「${recipient}」は記録${firstRecord}の「${first}」と同じに見えますが、別の文字で書かれています。同じ受取先は同じ綴りにしてください`,
  unknownRegion: (region, regions) =>
    `「${region}」という地域はありません。地域は ${regions.join("、")} です`,
  unknownSubregion: (subregion) => `「${subregion}」という小地域はありません`,
  subregionInOtherRegion: (subregion, region, stated) =>
    `「${subregion}」は ${stated} ではなく ${region} の小地域です`,
  unknownIsoCode: (code) => `「${code}」という ISO コードはありません`,
  countryInOtherRegion: (country, iso2, region, stated) =>
    `${country}（${iso2}）の地域は ${stated} ではなく ${region} です`,
  countryInOtherSubregion: (country, iso2, subregion, stated) =>
    subregion === null
      ? `${country}（${iso2}）はどの小地域にも属さないため、${stated ?? ""} にはできません`
      : stated === null
        ? `${country}（${iso2}）の小地域は ${subregion} です（空欄にはできません）`
        : `${country}（${iso2}）の小地域は ${stated} ではなく ${subregion} です`,
  notCountryName: (recipient, code) => `「${recipient}」は国 ${code} の名前ではありません`,
  notRegionOrSubregion: (recipient) => `「${recipient}」は地域分類の地域・小地域ではありません`,
  recipientIsRegion: (recipient, region) => `受取先「${recipient}」は地域 ${region} です`,
  notCountryGroup: (recipient) => `「${recipient}」は国グループ（data/groups.json）ではありません`,

  figureNotInEvidence: (field, value, evidence, stated, maxWords) =>
    `${field} の ${value} は、この記録の根拠の語句（evidence）「${evidence}」に記載されていません（${stated.length === 0 ? "この語句には数値がありません" : `この語句が示す数値は ${stated.join("、")} です`}）。` +
    `数値は、それを示す語句と一緒にしか変えられません。改定された数値を記録するには、同じ編集で ${field} を変え、` +
    `evidence を新しい報告書のその数値を示す語句（${maxWords + 1}語未満。sourceFile と sourceSection も合わせて）にしてください。` +
    `入力の誤りを直すには、語句が示す数値に戻してください。`,
  noSourceDocument: (file) => `「${file}」という出典文書はありません`,
  notAHeadingOf: (heading, file) =>
    `「${heading}」は ${file} の見出しではありません（パスの一つ前の見出しより後を探しました）`,
  evidenceOutsideSection: (file, section) =>
    `${file} にはありますが、節「${section}」の中にはありません`,
  evidenceNotVerbatim: (file) => `${file} にこのとおりの語句はありません`,
  evidenceTooLong: (words, maxWords) =>
    `${words}語あります。根拠の語句は${maxWords + 1}語未満にしてください（数値とその前後の数語）`,

  manifestFormatRule: (format) =>
    `「${format}」にしてください（この版で読めるマニフェストの形式です）`,
  contentHashRule: "fnv1a64: と16進数16桁にしてください",
  dateTimeRule: "ISO 8601 形式の日時にしてください",
  fileNameNotPath: "パスではなく、マニフェストと同じ場所にあるファイルの名前にしてください",

  groupIdTwice: (id) => `グループの id「${id}」が2回使われています`,
  memberNotCountry: (group, member) =>
    `グループ「${group}」：構成国 ${member} は地域分類の国ではありません`,
  memberTwice: (group, member) => `グループ「${group}」：構成国 ${member} が2回挙がっています`,
  fundNotListed: (group, fund) =>
    `グループ「${group}」：基金「${fund}」が recipients.json にありません`,
  nameOwnedTwice: (name, first, second) =>
    `名前「${name}」が${ownerJa(first)}と${ownerJa(second)}の両方に使われています`,
};
