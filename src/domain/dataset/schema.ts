import { z } from "zod";
import { CURRENCIES, parseAmount } from "../money/money";

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

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

const text = z.string().trim().min(1, "must not be empty");
const year = z
  .number()
  .int("must be a whole number")
  .min(1900, "must be 1900 or later")
  .max(2200, "must be 2200 or earlier");
const count = z
  .number()
  .int("must be a whole number")
  .positive("must be greater than zero")
  .max(Number.MAX_SAFE_INTEGER);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens");
const DECIMAL_TEXT = /^\d+(?:\.\d+)?$/;
const decimalText = z
  .string()
  .regex(DECIMAL_TEXT, "must be a plain decimal number such as 120000000 or 14.6");
const currency = z.enum(CURRENCIES, {
  error: () => "must be USD or JPY (the currencies the reports state)",
});

/**
 * One record as it is stored (JSON) and exchanged (CSV, the Commitments sheet): flat, every field
 * named as in RECORD_FIELDS. Cross-field rules are here; cross-record rules (unique ids, partOf,
 * taxonomy) are in validate.ts.
 */
export const commitmentRecordSchema = z
  .object({
    id: slug,
    sourceFile: text,
    sourceTitle: text,
    sourceSection: text,
    evidence: text,
    donor: text,
    announced: nullable(
      z
        .string()
        .regex(
          /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
          "must be YYYY, YYYY-MM or YYYY-MM-DD"
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
      z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as VN")
    ),
    channel: nullable(text),
    theme: text,
    crsPurpose: nullable(z.string().regex(/^\d{5}$/, "must be a five-digit CRS purpose code")),
    people: nullable(count),
    quantity: nullable(count),
    unit: nullable(text),
    partOf: nullable(slug),
    notes: nullable(z.string()),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if ((r.amount === null) !== (r.currency === null)) {
      issue(
        r.amount === null ? "amount" : "currency",
        "amount and currency go together: give both or neither"
      );
    }
    // Zod runs refinements even after a field failed: only re-check amounts that are well-formed.
    const wellFormed = (v: unknown) => typeof v === "string" && DECIMAL_TEXT.test(v);
    if (r.amount !== null && r.currency !== null && wellFormed(r.amount)) {
      const parsed = parseAmount(r.amount, r.currency);
      if ("error" in parsed) issue("amount", parsed.error);
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
      if ("error" in parsed) issue("equivalentAmount", parsed.error);
      else if (parsed.minor === 0n)
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
  });

/** A validated record (output of the schema: absent optional fields are null). */
export type CommitmentRecord = z.output<typeof commitmentRecordSchema>;
