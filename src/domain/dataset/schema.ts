import * as z from "../zod";
import { type Messages, messages } from "../messages/catalog";
import { CURRENCIES, type Currency, MINOR_DIGITS, parseAmount } from "../money/money";
import {
  MAX_AMOUNT_MINOR,
  MAX_AMOUNT_TEXT,
  MAX_EVIDENCE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PEOPLE,
  MAX_QUANTITY,
  MAX_TEXT_LENGTH,
} from "../limits";
import { textProblem } from "../places/names";
import { FIELD_NAMES, type FieldName } from "./fields";

/** Kinds of record. The first four are "committed" money; see KIND_FILTERS. */
export const KINDS = [
  "pledge",
  "contribution",
  "grant",
  "loan",
  "cumulative",
  "in-kind",
  "training",
] as const;
export type Kind = (typeof KINDS)[number];
export const COMMITTED_KINDS: readonly Kind[] = ["pledge", "contribution", "grant", "loan"];

export const RECIPIENT_TYPES = ["country", "region", "group", "organization", "fund"] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

const nullable = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.nullish(schema),
    z.transform((v: z.output<T> | null | undefined) => v ?? null)
  );

/*
 * A rule's message is a function zod calls when the rule fails, so it is worded in the language
 * chosen at validation time (a string would be fixed when this module loads). A valid row never
 * calls one: most rows never reach zod at all (validRecordOf).
 */
export function say<K extends SentenceKey>(key: K, ...values: ValuesOf<K>) {
  return {
    error: () => {
      // A generic key's message: TypeScript cannot pair it with its values without this cast.
      const message = messages()[key] as string | ((...values: ValuesOf<K>) => string);
      return typeof message === "string" ? message : message(...values);
    },
  };
}
/** The catalog's keys whose message is a sentence, plain or with values in it. */
type SentenceKey = {
  [K in keyof Messages]: Messages[K] extends string | ((...values: never[]) => string) ? K : never;
}[keyof Messages];
type ValuesOf<K extends SentenceKey> = Messages[K] extends (...values: infer V) => string ? V : [];

const lengthMessage = (max: number) => ({
  error: (issue: { input?: unknown }) =>
    messages().tooLong(max, typeof issue.input === "string" ? issue.input.length : undefined),
});

/**
 * safeParse's options that word zod's own issues (a wrong type, an unknown key) in the chosen
 * language. In English they stay zod's own words (the English locale, set in ../zod).
 */
export const IN_CHOSEN_LANGUAGE = {
  error: (issue: z.core.$ZodRawIssue) => messages().schemaIssue(issue),
};

/**
 * Free text of characters textProblem accepts one by one, and that reports use: printable ASCII,
 * tabs and line breaks, Latin-1 and Latin Extended (without the soft hyphen), dashes, quotes and
 * other general punctuation (without the zero-width and bidi characters), currency signs, and
 * Japanese (CJK punctuation, kana, ideographs, full-width forms). Text of these alone has no
 * problem: checked in one regular expression, where textProblem looks at each character (40 % of
 * synthetic evidence phrases hold a "¥"). tests/domain/dataset/sameProblems.test.ts checks every
 * character of the class against textProblem.
 */
export const COMMON_TEXT =
  /^[\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u3000-\u303f\u3041-\u30ff\u4e00-\u9fff\uff01-\uff9f]*$/;

/** Distinct names seen, with their problem: a dataset repeats the same few hundred. */
const MAX_REMEMBERED_NAMES = 20_000;
const rememberedNames = new Map<string, string | null>();
/** The language the remembered problems are worded in: another language forgets them. */
let rememberedIn: Messages | undefined;

/**
 * Control and invisible characters (and, in names, mixed scripts), said with where they are, or
 * null. Each distinct name is checked once; free texts (evidence, notes) rarely repeat, so
 * remembering them would only cost memory. A clean name is clean in every language, so nearly
 * every look-up returns before the language is asked for.
 */
function textProblemOnce(value: string, kind: "name" | "text"): string | null {
  if (kind === "text") return COMMON_TEXT.test(value) ? null : textProblem(value, kind);
  let problem = rememberedNames.get(value);
  if (problem === null) return null;
  if (rememberedIn !== messages()) {
    rememberedNames.clear();
    rememberedIn = messages();
    problem = undefined;
  }
  if (problem === undefined) {
    problem = textProblem(value, kind);
    if (rememberedNames.size >= MAX_REMEMBERED_NAMES) rememberedNames.clear();
    rememberedNames.set(value, problem);
  }
  return problem;
}

/** Rejects control and invisible characters (and, in names, mixed scripts), saying where. */
const clean = (kind: "name" | "text") => (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const problem = textProblemOnce(value, kind);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

/** A name: recipient, region, theme, channel, unit, ... One script, nothing invisible, 255 characters. */
const text = z
  .string()
  .check(
    z.maxLength(MAX_NAME_LENGTH, lengthMessage(MAX_NAME_LENGTH)),
    z.trim(),
    z.minLength(1, say("mustNotBeEmpty")),
    z.superRefine(clean("name"))
  );
/** Free text: evidence, notes, source title and section. Tabs and line breaks are allowed. */
const longText = z
  .string()
  .check(
    z.maxLength(MAX_TEXT_LENGTH, lengthMessage(MAX_TEXT_LENGTH)),
    z.trim(),
    z.superRefine(clean("text"))
  );
const requiredLongText = z.pipe(longText, z.string().check(z.minLength(1, say("mustNotBeEmpty"))));
const evidenceText = z.pipe(
  z.string().check(z.maxLength(MAX_EVIDENCE_LENGTH, lengthMessage(MAX_EVIDENCE_LENGTH))),
  requiredLongText
);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
const year = z
  .number()
  .check(
    z.int(say("mustBeWholeNumber")),
    z.gte(FIRST_YEAR, say("yearAtLeast", FIRST_YEAR)),
    z.lte(LAST_YEAR, say("yearAtMost", LAST_YEAR))
  );
const count = (max: number) =>
  z
    .number()
    .check(
      z.int(say("mustBeWholeNumber")),
      z.positive(say("mustBePositive")),
      z.lte(max, say("mustBeAtMost", max))
    );
const slug = z
  .string()
  .check(
    z.maxLength(MAX_NAME_LENGTH, lengthMessage(MAX_NAME_LENGTH)),
    z.regex(SLUG, say("slugRule"))
  );
const DECIMAL_TEXT = /^\d+(?:\.\d+)?$/;
/** Longer amount text than this cannot be within the amount limits; it is not echoed either. */
const MAX_AMOUNT_CHARS = 40;
const decimalText = z
  .string()
  .check(
    z.maxLength(MAX_AMOUNT_CHARS, lengthMessage(MAX_AMOUNT_CHARS)),
    z.regex(DECIMAL_TEXT, say("plainDecimalRule"))
  );
const ANNOUNCED = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const ISO_CODE = /^[A-Z]{2}$/;
const CRS_PURPOSE = /^\d{5}$/;
const currency = z.enum(CURRENCIES, say("currencyRule"));

/** The fields of a record and each one's own rules. */
const recordShape = z.strictObject({
  id: slug,
  sourceFile: text,
  sourceTitle: requiredLongText,
  sourceSection: requiredLongText,
  evidence: evidenceText,
  donor: text,
  announced: nullable(
    z.string().check(
      z.regex(ANNOUNCED, say("announcedRule")),
      z.superRefine((value: string, ctx) => {
        const problem = impossibleDate(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
    )
  ),
  fiscalYear: nullable(year),
  periodFrom: nullable(year),
  periodTo: nullable(year),
  kind: z.enum(KINDS, say("mustBeOneOf", KINDS)),
  amount: nullable(decimalText),
  currency: nullable(currency),
  approximate: z.boolean(say("mustBeTrueOrFalse")),
  equivalentAmount: nullable(decimalText),
  equivalentCurrency: nullable(currency),
  recipient: text,
  recipientType: z.enum(RECIPIENT_TYPES, say("mustBeOneOf", RECIPIENT_TYPES)),
  region: text,
  subregion: nullable(text),
  country: nullable(z.string().check(z.regex(ISO_CODE, say("isoCodeRule")))),
  channel: nullable(text),
  theme: text,
  crsPurpose: nullable(z.string().check(z.regex(CRS_PURPOSE, say("crsPurposeRule")))),
  people: nullable(count(MAX_PEOPLE)),
  quantity: nullable(count(MAX_QUANTITY)),
  unit: nullable(text),
  partOf: nullable(slug),
  notes: nullable(
    z.pipe(
      longText,
      z.transform((v: string) => (v === "" ? null : v))
    )
  ),
});

/**
 * One record as it is stored (JSON) and exchanged (CSV, the Commitments sheet): flat, every field
 * named as in RECORD_FIELDS. Cross-field rules are here; cross-record rules (unique ids, partOf,
 * taxonomy) are in validate.ts.
 */
export const commitmentRecordSchema = recordShape.check(
  z.superRefine((r, ctx) => {
    crossFieldRules(r, (path, message) =>
      ctx.addIssue({ code: "custom", path: [path], message: message(messages()) })
    );
  })
);

/** A record's fields as the cross-field rules read them (after a field failed, its raw input). */
type RecordFields = z.output<typeof recordShape>;

/** A broken rule's message, worded only by a caller that reports it (the fast path only counts). */
type Wording = (m: Messages) => string;
type Issue = (path: string, message: Wording) => void;

/**
 * Zod runs refinements even after a field failed: only amounts that are well-formed are checked
 * again. (At module level: a closure made per record cost 0.1 s at 100,000 records under tsx.)
 */
const wellFormed = (v: unknown) =>
  typeof v === "string" && v.length <= MAX_AMOUNT_CHARS && DECIMAL_TEXT.test(v);

/**
 * The rules between fields of one record: amounts with their currencies, equivalents, periods,
 * quantities with units, a country recipient's code, at least one figure, partOf not itself.
 */
function crossFieldRules(r: RecordFields, issue: Issue): void {
  if ((r.amount === null) !== (r.currency === null)) {
    issue(r.amount === null ? "amount" : "currency", (m) => m.amountWithCurrency);
  }
  if (r.amount !== null && r.currency !== null && wellFormed(r.amount)) {
    const problem = amountProblem(r.amount, r.currency);
    if (problem) issue("amount", problem);
  }
  if ((r.equivalentAmount === null) !== (r.equivalentCurrency === null)) {
    issue(
      r.equivalentAmount === null ? "equivalentAmount" : "equivalentCurrency",
      (m) => m.equivalentWithCurrency
    );
  }
  if (
    r.equivalentAmount !== null &&
    r.equivalentCurrency !== null &&
    wellFormed(r.equivalentAmount)
  ) {
    if (r.amount === null) issue("equivalentAmount", (m) => m.equivalentNeedsAmount);
    if (r.equivalentCurrency === r.currency)
      issue("equivalentCurrency", (m) => m.mustDifferFromCurrency);
    const problem = amountProblem(r.equivalentAmount, r.equivalentCurrency);
    if (problem) issue("equivalentAmount", problem);
    // A well-formed amount of at most 40 characters is zero exactly when its Number is.
    else if (Number(r.equivalentAmount) === 0)
      issue("equivalentAmount", (m) => m.equivalentMustBePositive);
    if (r.amount !== null && Number(r.amount) === 0)
      issue("amount", (m) => m.amountPositiveWithEquivalent);
  }
  if (r.periodFrom !== null && r.periodTo !== null && r.periodFrom > r.periodTo) {
    const periodFrom = r.periodFrom;
    issue("periodTo", (m) => m.periodToBeforeFrom(periodFrom));
  }
  if ((r.quantity === null) !== (r.unit === null))
    issue(r.quantity === null ? "quantity" : "unit", (m) => m.quantityWithUnit);
  if (r.recipientType === "country" && r.country === null)
    issue("country", (m) => m.countryNeedsCode);
  if (r.amount === null && r.people === null && r.quantity === null) {
    issue("amount", (m) => m.recordNeedsFigure);
  }
  if (r.partOf !== null && r.partOf === r.id) issue("partOf", (m) => m.partOfItself);
}

/**
 * Why a well-formed amount is refused, or null: too many decimal places for the currency, or more
 * than MAX_AMOUNT_MINOR minor units (15 digits, what a cell holds exactly).
 */
function amountProblem(value: string, currency: Currency): Wording | null {
  // A whole amount of up to 13 digits is at most 999,999,999,999,900 minor units (USD), within
  // MAX_AMOUNT_MINOR: nearly every amount, and no parsing (a bigint and an object) to know it.
  if (WHOLE_UP_TO_13_DIGITS.test(value)) return null;
  const parsed = parseAmount(value, currency);
  if (!("error" in parsed))
    return parsed.minor > MAX_AMOUNT_MINOR
      ? (m) => m.amountAboveCellLimit(currency, MAX_AMOUNT_TEXT[currency])
      : null;
  // parseAmount refuses a well-formed amount for its decimal places (checked first) or for its
  // size: told apart by the value, not by the message's words, which are in the user's language.
  const error = parsed.error;
  return tooManyDecimals(value, currency)
    ? () => error
    : (m) => m.amountAboveCellLimit(currency, MAX_AMOUNT_TEXT[currency]);
}

/** More decimal places than the currency's minor unit, trailing zeros not counted (as parseAmount). */
function tooManyDecimals(value: string, currency: Currency): boolean {
  const point = value.indexOf(".");
  return point >= 0 && value.slice(point + 1).replace(/0+$/, "").length > MINOR_DIGITS[currency];
}

const WHOLE_UP_TO_13_DIGITS = /^\d{1,13}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "2016-02-30" is no date: the reason, or null for a real date (or a year, or a month). */
function impossibleDate(value: string): string | null {
  const [y, m, d] = value.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d > days ? messages().notADate(value.slice(0, 7), days) : null;
}

/** A validated record (output of the schema: absent optional fields are null). */
export type CommitmentRecord = z.output<typeof commitmentRecordSchema>;

/*
 * The same schema, hand-written for the rows it accepts. Zod reading 100,000 records took about
 * 1.2 s of a 4 s load (its payload and issue objects per field, and the garbage they leave);
 * nearly every row of a real file is valid. So each field's rule is written out again here as a
 * plain test, and a row that passes every one is the record zod would give (the same values, the
 * same key order). A row that fails anything goes to zod, whose messages are the ones reported:
 * the fast path never words a problem, so it cannot word one differently.
 */
const REJECTED = Symbol("rejected");
type Reader = (value: unknown) => unknown;

const optional =
  (read: Reader): Reader =>
  (v) =>
    v === undefined || v === null ? null : read(v);

const nameOf: Reader = (v) => {
  if (typeof v !== "string" || v.length > MAX_NAME_LENGTH) return REJECTED;
  const t = v.trim();
  return t.length >= 1 && textProblemOnce(t, "name") === null ? t : REJECTED;
};
const longTextOf =
  (maxLength: number, required: boolean): Reader =>
  (v) => {
    if (typeof v !== "string" || v.length > maxLength || v.length > MAX_TEXT_LENGTH)
      return REJECTED;
    const t = v.trim();
    return (t.length >= 1 || !required) && textProblemOnce(t, "text") === null ? t : REJECTED;
  };
const matching =
  (pattern: RegExp, maxLength = Infinity): Reader =>
  (v) =>
    typeof v === "string" && v.length <= maxLength && pattern.test(v) ? v : REJECTED;
const wholeNumber =
  (min: number, max: number): Reader =>
  (v) =>
    typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max ? v : REJECTED;
const oneOf = (values: readonly unknown[]): Reader => {
  const set = new Set(values);
  return (v) => (set.has(v) ? v : REJECTED);
};
const requiredText = longTextOf(MAX_TEXT_LENGTH, true);
const yearOf = optional(wholeNumber(1900, 2200));
const amountOf = optional(matching(DECIMAL_TEXT, MAX_AMOUNT_CHARS));
const currencyOf = optional(oneOf(CURRENCIES));
const slugOf = matching(SLUG, MAX_NAME_LENGTH);

const notesOf = optional((v) => {
  const t = longTextOf(MAX_TEXT_LENGTH, false)(v);
  return t === "" ? null : t;
});
// Only a full date (YYYY-MM-DD, ten characters) can be impossible.
const announcedOf = optional((v) =>
  typeof v === "string" && ANNOUNCED.test(v) && (v.length < 10 || impossibleDate(v) === null)
    ? v
    : REJECTED
);
const evidenceOf = longTextOf(MAX_EVIDENCE_LENGTH, true);
const kindOf = oneOf(KINDS);
const approximateOf: Reader = (v) => (typeof v === "boolean" ? v : REJECTED);
const recipientTypeOf = oneOf(RECIPIENT_TYPES);
const optionalName = optional(nameOf);
const countryOf = optional(matching(ISO_CODE));
const crsPurposeOf = optional(matching(CRS_PURPOSE));
const peopleOf = optional(wholeNumber(1, MAX_PEOPLE));
const quantityOf = optional(wholeNumber(1, MAX_QUANTITY));
const partOfOf = optional(slugOf);

/**
 * Each field read by its reader, in the schema's order (which is the order of a record's keys):
 * one object literal, so every record has the same shape and no field is looked up by a name
 * held in a variable.
 */
function readFields(input: Record<string, unknown>): Record<FieldName, unknown> {
  return {
    id: slugOf(input.id),
    sourceFile: nameOf(input.sourceFile),
    sourceTitle: requiredText(input.sourceTitle),
    sourceSection: requiredText(input.sourceSection),
    evidence: evidenceOf(input.evidence),
    donor: nameOf(input.donor),
    announced: announcedOf(input.announced),
    fiscalYear: yearOf(input.fiscalYear),
    periodFrom: yearOf(input.periodFrom),
    periodTo: yearOf(input.periodTo),
    kind: kindOf(input.kind),
    amount: amountOf(input.amount),
    currency: currencyOf(input.currency),
    approximate: approximateOf(input.approximate),
    equivalentAmount: amountOf(input.equivalentAmount),
    equivalentCurrency: currencyOf(input.equivalentCurrency),
    recipient: nameOf(input.recipient),
    recipientType: recipientTypeOf(input.recipientType),
    region: nameOf(input.region),
    subregion: optionalName(input.subregion),
    country: countryOf(input.country),
    channel: optionalName(input.channel),
    theme: nameOf(input.theme),
    crsPurpose: crsPurposeOf(input.crsPurpose),
    people: peopleOf(input.people),
    quantity: quantityOf(input.quantity),
    unit: optionalName(input.unit),
    partOf: partOfOf(input.partOf),
    notes: notesOf(input.notes),
  };
}
const FIELD_KEYS: ReadonlySet<string> = new Set(FIELD_NAMES);

/**
 * Whether a row with every field in the schema's order is a record already: a plain object whose
 * every value is what its reader gives back (texts trimmed, absent as null). A CSV row and a row
 * of `aid dataset`'s JSON are; such a row is its own record, not copied (100,000 objects of 29
 * fields fewer, which the garbage collector had to move). Rows are the loader's to hand over:
 * nothing changes a record, so sharing the object with the row is safe.
 */
function isRecordAsIs(row: object): row is CommitmentRecord {
  const prototype: unknown = Object.getPrototypeOf(row);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const r = row as Record<FieldName, unknown>;
  return (
    slugOf(r.id) === r.id &&
    nameOf(r.sourceFile) === r.sourceFile &&
    requiredText(r.sourceTitle) === r.sourceTitle &&
    requiredText(r.sourceSection) === r.sourceSection &&
    evidenceOf(r.evidence) === r.evidence &&
    nameOf(r.donor) === r.donor &&
    announcedOf(r.announced) === r.announced &&
    yearOf(r.fiscalYear) === r.fiscalYear &&
    yearOf(r.periodFrom) === r.periodFrom &&
    yearOf(r.periodTo) === r.periodTo &&
    kindOf(r.kind) === r.kind &&
    amountOf(r.amount) === r.amount &&
    currencyOf(r.currency) === r.currency &&
    approximateOf(r.approximate) === r.approximate &&
    amountOf(r.equivalentAmount) === r.equivalentAmount &&
    currencyOf(r.equivalentCurrency) === r.equivalentCurrency &&
    nameOf(r.recipient) === r.recipient &&
    recipientTypeOf(r.recipientType) === r.recipientType &&
    nameOf(r.region) === r.region &&
    optionalName(r.subregion) === r.subregion &&
    countryOf(r.country) === r.country &&
    optionalName(r.channel) === r.channel &&
    nameOf(r.theme) === r.theme &&
    crsPurposeOf(r.crsPurpose) === r.crsPurpose &&
    peopleOf(r.people) === r.people &&
    quantityOf(r.quantity) === r.quantity &&
    optionalName(r.unit) === r.unit &&
    partOfOf(r.partOf) === r.partOf &&
    notesOf(r.notes) === r.notes
  );
}

// Counted in one place rather than by a closure per row (the fast path allocates no more than it must).
let brokenRules = 0;
const countBrokenRule = () => {
  brokenRules++;
};

/**
 * The record a row is when it is valid, read without zod; null when any rule fails (zod then
 * says what). Accepts exactly what commitmentRecordSchema accepts, or less, never more: the
 * property test in tests/domain/dataset holds the two side by side.
 */
export function validRecordOf(row: unknown): CommitmentRecord | null {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return null;
  // A key the schema does not know is zod's to report (strictObject reads keys with for...in too).
  let keys = 0;
  let inOrder = true;
  for (const key in row) {
    if (key === FIELD_NAMES[keys++]) continue;
    if (!FIELD_KEYS.has(key)) return null;
    inOrder = false;
  }
  let record: CommitmentRecord;
  if (inOrder && keys === FIELD_NAMES.length && isRecordAsIs(row)) record = row;
  else {
    const fields = readFields(row as Record<string, unknown>);
    for (const key in fields) if (fields[key as FieldName] === REJECTED) return null;
    record = fields as CommitmentRecord;
  }
  brokenRules = 0;
  crossFieldRules(record, countBrokenRule);
  return brokenRules === 0 ? record : null;
}
