import { didYouMean, messages } from "../messages/catalog";
import { dateLabelOf } from "../dataset/ledgerRecord";
import type { AidLedger } from "../ledger";
import { type Fraction, fraction, multiply, reciprocal } from "../money/fraction";
import { type Currency, fractionToDecimal, minorToNumber, roundToMinor } from "../money/money";
import { nearestNames, normalizeName } from "../places/names";
import type { Query } from "../query/aidIndex";
import type { DocumentRate } from "../rates/rateBook";
import { describeContents } from "../status/dataStatus";
import type { LedgerRecord } from "../dataset/ledgerRecord";
import { fiscalYearOf } from "../dates/fiscalYear";
import type { YearFilter } from "../dates/yearArgument";
import { reportCovering } from "../rates/reportCovering";
import { exactAmount, exactAnswer } from "./args";
import {
  type RoleValues,
  amount,
  currency,
  defineFunction,
  from,
  id,
  kind,
  place,
  rateYear,
  theme,
  to,
  year,
} from "./parameters";
import { type CellValue, type Result, fail, ok } from "./result";

/**
 * The meaning of every AID function, independent of Excel. The custom functions, the `aid`
 * command, the formula engine used by tooling and the task pane all call these, so a formula
 * means the same thing everywhere. Each entry declares its parameters (see parameters.ts) beside
 * its implementation, which receives them bound and typed. Each returns a value or an AidError;
 * none throws on input.
 */

/** The filters AIDTOTAL, AIDCOUNT, AIDPEOPLE and AIDLIST share, as bound. */
type Filters = Pick<RoleValues, "place" | "year" | "theme" | "kind">;

const queryOf = (args: Filters): Query => ({
  place: args.place,
  year: args.year.year,
  fiscal: args.year.fiscal,
  theme: args.theme,
  kind: args.kind,
});

export const AIDTOTAL = defineFunction({
  name: "AIDTOTAL",
  description:
    "Total amount of the matching commitments, converted at the rates the reports state.",
  parameters: [place, year, currency, theme, kind("committed")],
  example: '=AIDTOTAL("Africa",2016)',
  spills: false,
  measure: "money",
  run: (ledger, args) => {
    const total = ledger.total(queryOf(args), args.currency);
    if (!total.ok) return total;
    const exact = exactAmount(total.value, args.currency);
    return exact.ok ? ok(minorToNumber(exact.value, args.currency)) : exact;
  },
});

export const AIDCOUNT = defineFunction({
  name: "AIDCOUNT",
  description: "Number of matching records.",
  parameters: [place, year, theme, kind("all")],
  example: '=AIDCOUNT("Southeast Asia",,"maritime")',
  spills: false,
  measure: "count",
  run: (ledger, args) => ok(ledger.index.count(queryOf(args))),
});

export const AIDPEOPLE = defineFunction({
  name: "AIDPEOPLE",
  description:
    "People to be trained or developed under the matching records, never counting a stated part twice.",
  parameters: [place, year, theme, kind("all")],
  example: '=AIDPEOPLE("Africa",2016)',
  spills: false,
  measure: "people",
  // Each record holds at most MAX_PEOPLE and a dataset at most MAX_RECORDS, so the index's sum is
  // an integer below 2^53 (exact); a sum a cell cannot hold exactly is an error, not a rounded figure.
  run: (ledger, args) =>
    exactAnswer(ledger.index.peopleCount(queryOf(args)), messages().numberOfPeople),
});

/** One column of AIDLIST's table: its header and its value for a matching record. */
export interface ListColumn {
  readonly name: string;
  readonly value: (ledger: AidLedger, r: LedgerRecord) => CellValue;
}

/** A record's value converted to `c`: empty without an amount, an error cell without a rate. */
const converted =
  (c: Currency) =>
  (ledger: AidLedger, r: LedgerRecord): CellValue => {
    const v = ledger.convertRecord(r, c);
    if (v === null) return "";
    return v.ok ? minorToNumber(v.value, c) : v.error;
  };

/** AIDLIST's columns, in order: the header row and every record's row come from these. */
export const LIST_COLUMNS: readonly ListColumn[] = [
  { name: "id", value: (_l, r) => r.record.id },
  { name: "date", value: (_l, r) => dateLabelOf(r.record) },
  { name: "recipient", value: (_l, r) => r.record.recipient },
  { name: "theme", value: (_l, r) => r.record.theme },
  { name: "kind", value: (_l, r) => r.record.kind },
  {
    name: "amount",
    value: (_l, r) => (r.amount ? minorToNumber(r.amount.minor, r.amount.currency) : ""),
  },
  { name: "currency", value: (_l, r) => r.amount?.currency ?? "" },
  { name: "USD", value: converted("USD") },
  { name: "JPY", value: converted("JPY") },
  // Last, so the columns before it keep their places in formulas that index the spill.
  { name: "fiscalYear", value: (_l, r) => fiscalYearOf(r.record) ?? "" },
];

export const LIST_HEADER: readonly string[] = LIST_COLUMNS.map((c) => c.name);

export const AIDLIST = defineFunction({
  name: "AIDLIST",
  description:
    "The matching records as a table: a header row, then id, date, recipient, theme, kind, amount, currency, USD, JPY, fiscalYear.",
  parameters: [place, year, theme, kind("all")],
  example: '=AIDLIST("Viet Nam")',
  spills: true,
  measure: "list",
  run: (ledger, args) => {
    const rows: CellValue[][] = [[...LIST_HEADER]];
    for (const r of ledger.index.list(queryOf(args)))
      rows.push(LIST_COLUMNS.map((c) => c.value(ledger, r)));
    return ok(rows);
  },
});

export const AIDSOURCE = defineFunction({
  name: "AIDSOURCE",
  description: "Where a record's figure is stated: document, section and the evidence phrase.",
  parameters: [id],
  example: '=AIDSOURCE("ticad6-peace-stability-2016")',
  spills: false,
  measure: "source",
  run: (ledger, args) => {
    const r = ledger.record(args.id);
    if (!r) {
      const near = nearestNames(
        args.id,
        new Map([...ledger.ids].map((i) => [normalizeName(i), i]))
      );
      return fail("NA", messages().noRecordWithId(args.id) + didYouMean(near));
    }
    const s = r.record;
    return ok(`${s.sourceTitle} [${s.sourceFile}], ${s.sourceSection}: "${s.evidence}"`);
  },
});

function reportFor(
  ledger: AidLedger,
  year: YearFilter
): Result<DocumentRate & { jpyPerUsd: NonNullable<DocumentRate["jpyPerUsd"]> }> {
  const doc = reportCovering(ledger, year);
  const asked =
    year.year === null
      ? null
      : year.fiscal
        ? messages().fiscalYearName(year.year)
        : String(year.year);
  if (!doc) {
    return fail(
      "NA",
      asked === null
        ? messages().noDatedRecords
        : messages().noReportCovers(asked, ledger.rates.describeCoverage())
    );
  }
  if (!doc.jpyPerUsd) return fail("NA", messages().noReportRate(doc.title, asked));
  return ok({ ...doc, jpyPerUsd: doc.jpyPerUsd });
}

/** The rate between two currencies in the report covering `year`: to-units per from-unit, exact. */
function conversionRate(
  ledger: AidLedger,
  args: Pick<RoleValues, "from" | "to" | "year">
): Result<Fraction> {
  const doc = reportFor(ledger, args.year);
  if (!doc.ok) return doc;
  const jpyPerUsd = doc.value.jpyPerUsd;
  return ok(
    args.from === args.to ? fraction(1n) : args.from === "USD" ? jpyPerUsd : reciprocal(jpyPerUsd)
  );
}

export const AIDRATE = defineFunction({
  name: "AIDRATE",
  description:
    "Units of one currency per unit of another at the rate a report states (the median of its stated pairs).",
  parameters: [from, to, rateYear],
  example: '=AIDRATE("USD","JPY",2016)',
  spills: false,
  measure: "rate",
  run: (ledger, args) => {
    const rate = conversionRate(ledger, args);
    return rate.ok ? ok(fractionToDecimal(rate.value).toNumber()) : rate;
  },
});

/** Rounded once, to the target currency's minor unit. */
export const AIDCONVERT = defineFunction({
  name: "AIDCONVERT",
  description:
    "Converts an amount at the rate a report states, rounded to the target currency's minor unit.",
  parameters: [amount, from, to, rateYear],
  example: '=AIDCONVERT(1000000,"USD","JPY",2016)',
  spills: false,
  measure: "rate",
  run: (ledger, args) => {
    const rate = conversionRate(ledger, args);
    if (!rate.ok) return rate;
    const exact = multiply(args.amount, rate.value);
    const minor = exactAmount(roundToMinor(exact, args.to), args.to);
    return minor.ok ? ok(minorToNumber(minor.value, args.to)) : minor;
  },
});

/**
 * AIDVERSION(): the one-line status of the data the functions answer from ("Bundled data, 33
 * records from 2 reports, loaded 29 Nov 2026 12:18"), so a printed report says which data it used.
 * `status` comes from the ledger's store; without it, what the ledger holds ("33 records from 2 reports").
 */
export const AIDVERSION = defineFunction({
  name: "AIDVERSION",
  description:
    "Which data the functions answer from, in one line: where it came from, how many records and reports, and when it was loaded.",
  parameters: [],
  example: "=AIDVERSION()",
  spills: false,
  measure: "status",
  run: (ledger, _args, env) => ok(env.status ?? describeContents(ledger)),
});
