import * as z from "../zod";
import { CURRENCIES, type Currency, parseAmount } from "../money/money";
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

const lengthMessage = (max: number) => (issue: { input?: unknown }) =>
  `at most ${max} characters; this has ${typeof issue.input === "string" ? issue.input.length : "more"}`;

/** Distinct names and texts seen, with their problem: a dataset repeats the same few hundred. */
const MAX_REMEMBERED_TEXTS = 20_000;
const remembered = {
  name: new Map<string, string | null>(),
  text: new Map<string, string | null>(),
};

/** Rejects control and invisible characters (and, in names, mixed scripts), saying where; each distinct text checked once. */
const clean = (kind: "name" | "text") => (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const cache = remembered[kind];
  let problem = cache.get(value);
  if (problem === undefined) {
    problem = textProblem(value, kind);
    if (cache.size >= MAX_REMEMBERED_TEXTS) cache.clear();
    cache.set(value, problem);
  }
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

/** A name: recipient, region, theme, channel, unit, ... One script, nothing invisible, 255 characters. */
const text = z
  .string()
  .check(
    z.maxLength(MAX_NAME_LENGTH, { error: lengthMessage(MAX_NAME_LENGTH) }),
    z.trim(),
    z.minLength(1, "must not be empty"),
    z.superRefine(clean("name"))
  );
/** Free text: evidence, notes, source title and section. Tabs and line breaks are allowed. */
const longText = z
  .string()
  .check(
    z.maxLength(MAX_TEXT_LENGTH, { error: lengthMessage(MAX_TEXT_LENGTH) }),
    z.trim(),
    z.superRefine(clean("text"))
  );
const requiredLongText = z.pipe(longText, z.string().check(z.minLength(1, "must not be empty")));
const evidenceText = z.pipe(
  z.string().check(z.maxLength(MAX_EVIDENCE_LENGTH, { error: lengthMessage(MAX_EVIDENCE_LENGTH) })),
  requiredLongText
);
const year = z
  .number()
  .check(
    z.int("must be a whole number"),
    z.gte(1900, "must be 1900 or later"),
    z.lte(2200, "must be 2200 or earlier")
  );
const count = (max: number) =>
  z
    .number()
    .check(
      z.int("must be a whole number"),
      z.positive("must be greater than zero"),
      z.lte(max, `must be at most ${max}`)
    );
const slug = z
  .string()
  .check(
    z.maxLength(MAX_NAME_LENGTH, { error: lengthMessage(MAX_NAME_LENGTH) }),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens")
  );
const DECIMAL_TEXT = /^\d+(?:\.\d+)?$/;
/** Longer amount text than this cannot be within the amount limits; it is not echoed either. */
const MAX_AMOUNT_CHARS = 40;
const decimalText = z
  .string()
  .check(
    z.maxLength(MAX_AMOUNT_CHARS, { error: lengthMessage(MAX_AMOUNT_CHARS) }),
    z.regex(DECIMAL_TEXT, "must be a plain decimal number such as 120000000 or 14.6")
  );
const currency = z.enum(CURRENCIES, {
  error: () => "must be USD or JPY (the currencies the reports state)",
});

/**
 * One record as it is stored (JSON) and exchanged (CSV, the Commitments sheet): flat, every field
 * named as in RECORD_FIELDS. Cross-field rules are here; cross-record rules (unique ids, partOf,
 * taxonomy) are in validate.ts.
 */
export const commitmentRecordSchema = z
  .strictObject({
    id: slug,
    sourceFile: text,
    sourceTitle: requiredLongText,
    sourceSection: requiredLongText,
    evidence: evidenceText,
    donor: text,
    announced: nullable(
      z.string().check(
        z.regex(
          /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
          "must be YYYY, YYYY-MM or YYYY-MM-DD"
        ),
        z.superRefine((value: string, ctx) => {
          const problem = impossibleDate(value);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        })
      )
    ),
    fiscalYear: nullable(year),
    periodFrom: nullable(year),
    periodTo: nullable(year),
    kind: z.enum(KINDS, { error: () => `must be one of ${KINDS.join(", ")}` }),
    amount: nullable(decimalText),
    currency: nullable(currency),
    approximate: z.boolean({ error: () => "must be true or false" }),
    equivalentAmount: nullable(decimalText),
    equivalentCurrency: nullable(currency),
    recipient: text,
    recipientType: z.enum(RECIPIENT_TYPES, {
      error: () => `must be one of ${RECIPIENT_TYPES.join(", ")}`,
    }),
    region: text,
    subregion: nullable(text),
    country: nullable(
      z.string().check(z.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as VN"))
    ),
    channel: nullable(text),
    theme: text,
    crsPurpose: nullable(
      z.string().check(z.regex(/^\d{5}$/, "must be a five-digit CRS purpose code"))
    ),
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
  })
  .check(
    z.superRefine((r, ctx) => {
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      if ((r.amount === null) !== (r.currency === null)) {
        issue(
          r.amount === null ? "amount" : "currency",
          "amount and currency go together: give both or neither"
        );
      }
      // Zod runs refinements even after a field failed: only re-check amounts that are well-formed.
      const wellFormed = (v: unknown) =>
        typeof v === "string" && v.length <= MAX_AMOUNT_CHARS && DECIMAL_TEXT.test(v);
      if (r.amount !== null && r.currency !== null && wellFormed(r.amount)) {
        const problem = amountProblem(r.amount, r.currency);
        if (problem) issue("amount", problem);
      }
      if ((r.equivalentAmount === null) !== (r.equivalentCurrency === null)) {
        issue(
          r.equivalentAmount === null ? "equivalentAmount" : "equivalentCurrency",
          "equivalentAmount and equivalentCurrency go together"
        );
      }
      if (
        r.equivalentAmount !== null &&
        r.equivalentCurrency !== null &&
        wellFormed(r.equivalentAmount)
      ) {
        if (r.amount === null)
          issue("equivalentAmount", "a stated equivalent needs the amount it is equivalent to");
        if (r.equivalentCurrency === r.currency)
          issue("equivalentCurrency", "must differ from currency");
        const parsed = parseAmount(r.equivalentAmount, r.equivalentCurrency);
        const problem = amountProblem(r.equivalentAmount, r.equivalentCurrency);
        if (problem) issue("equivalentAmount", problem);
        else if ("minor" in parsed && parsed.minor === 0n)
          issue("equivalentAmount", "must be greater than zero (it states a rate)");
        if (r.amount !== null && Number(r.amount) === 0)
          issue("amount", "must be greater than zero when an equivalent is stated");
      }
      if (r.periodFrom !== null && r.periodTo !== null && r.periodFrom > r.periodTo) {
        issue("periodTo", `must not be before periodFrom (${r.periodFrom})`);
      }
      if ((r.quantity === null) !== (r.unit === null))
        issue(r.quantity === null ? "quantity" : "unit", "quantity and unit go together");
      if (r.recipientType === "country" && r.country === null)
        issue("country", "a country recipient needs its ISO code");
      if (r.amount === null && r.people === null && r.quantity === null) {
        issue("amount", "a record states at least one figure: amount, people or quantity");
      }
      if (r.partOf !== null && r.partOf === r.id)
        issue("partOf", "a record cannot be part of itself");
    })
  );

/**
 * Why a well-formed amount is refused, or null: too many decimal places for the currency, or more
 * than MAX_AMOUNT_MINOR minor units (15 digits, what a cell holds exactly).
 */
function amountProblem(value: string, currency: Currency): string | null {
  const parsed = parseAmount(value, currency);
  const tooLarge =
    "error" in parsed ? /too large/.test(parsed.error) : parsed.minor > MAX_AMOUNT_MINOR;
  if (tooLarge)
    return `${currency} amounts are at most ${MAX_AMOUNT_TEXT[currency]} (15 digits, what a cell holds exactly)`;
  return "error" in parsed ? parsed.error : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "2016-02-30" is no date: the reason, or null for a real date (or a year, or a month). */
function impossibleDate(value: string): string | null {
  const [y, m, d] = value.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d > days ? `is not a date: ${value.slice(0, 7)} has ${days} days` : null;
}

/** A validated record (output of the schema: absent optional fields are null). */
export type CommitmentRecord = z.output<typeof commitmentRecordSchema>;
