import { dateLabelOf } from "../dataset/ledgerRecord";
import { fiscalYearOf } from "../dates/fiscalYear";
import { parseYearFilter } from "../dates/yearArgument";
import type { AidLedger } from "../ledger";
import { type Fraction, fraction, multiply, reciprocal } from "../money/fraction";
import { type Currency, fractionToDecimal, minorToNumber, roundToMinor } from "../money/money";
import { nearestNames, normalizeName } from "../places/names";
import type { KindFilter, Query } from "../query/aidIndex";
import type { DocumentRate } from "../rates/rateBook";
import { describeContents } from "../status/dataStatus";
import {
  type CellInput,
  exactAmount,
  exactAnswer,
  parseCurrency,
  parseKind,
  parseExactNumber,
  parsePlace,
  parseText,
  parseTheme,
  parseYear,
} from "./args";
import { type CellValue, type Result, fail, ok } from "./result";

/**
 * The meaning of every AID function, independent of Excel. The custom functions, the `aid`
 * command, the formula engine used by tooling and the task pane all call these, so a formula
 * means the same thing everywhere. Each returns a value or an AidError; none throws on input.
 */

function buildQuery(
  ledger: AidLedger,
  place: CellInput,
  year: CellInput,
  theme: CellInput,
  kind: CellInput,
  defaultKind: KindFilter
): Result<Query> {
  const p = parsePlace(ledger, place);
  if (!p.ok) return p;
  const y = parseYearFilter(year);
  if (!y.ok) return y;
  const t = parseTheme(ledger, theme);
  if (!t.ok) return t;
  const k = parseKind(kind, defaultKind);
  if (!k.ok) return k;
  return ok({ place: p.value, ...y.value, theme: t.value, kind: k.value });
}

/** AIDTOTAL(place, [year], [currency], [theme], [kind]): sum of matching amounts; kind defaults to "committed". */
export function aidTotal(
  ledger: AidLedger,
  place: CellInput,
  year?: CellInput,
  currency?: CellInput,
  theme?: CellInput,
  kind?: CellInput
): Result<number> {
  const q = buildQuery(ledger, place, year, theme, kind, "committed");
  if (!q.ok) return q;
  const c = parseCurrency(currency, "currency", "USD");
  if (!c.ok) return c;
  const total = ledger.total(q.value, c.value);
  if (!total.ok) return total;
  const exact = exactAmount(total.value, c.value);
  return exact.ok ? ok(minorToNumber(exact.value, c.value)) : exact;
}

/** AIDCOUNT(place, [year], [theme], [kind]): number of matching records; kind defaults to "all". */
export function aidCount(
  ledger: AidLedger,
  place: CellInput,
  year?: CellInput,
  theme?: CellInput,
  kind?: CellInput
): Result<number> {
  const q = buildQuery(ledger, place, year, theme, kind, "all");
  return q.ok ? ok(ledger.index.count(q.value)) : q;
}

/** AIDPEOPLE(place, [year], [theme], [kind]): people to be trained or developed; parts of a stated figure are not added again. */
export function aidPeople(
  ledger: AidLedger,
  place: CellInput,
  year?: CellInput,
  theme?: CellInput,
  kind?: CellInput
): Result<number> {
  const q = buildQuery(ledger, place, year, theme, kind, "all");
  // Each record holds at most MAX_PEOPLE and a dataset at most MAX_RECORDS, so the index's sum is
  // an integer below 2^53 (exact); a sum a cell cannot hold exactly is an error, not a rounded figure.
  return q.ok ? exactAnswer(ledger.index.peopleCount(q.value), "number of people") : q;
}

export const LIST_HEADER = [
  "id",
  "date",
  "recipient",
  "theme",
  "kind",
  "amount",
  "currency",
  "USD",
  "JPY",
  // Last, so the columns before it keep their places in formulas that index the spill.
  "fiscalYear",
] as const;

/** AIDLIST(place, [year], [theme], [kind]): a header row, then one row per matching record. */
export function aidList(
  ledger: AidLedger,
  place: CellInput,
  year?: CellInput,
  theme?: CellInput,
  kind?: CellInput
): Result<CellValue[][]> {
  const q = buildQuery(ledger, place, year, theme, kind, "all");
  if (!q.ok) return q;
  const rows: CellValue[][] = [[...LIST_HEADER]];
  for (const r of ledger.index.list(q.value)) {
    const inCurrency = (c: Currency): CellValue => {
      const v = ledger.convertRecord(r, c);
      if (v === null) return "";
      return v.ok ? minorToNumber(v.value, c) : v.error;
    };
    rows.push([
      r.record.id,
      dateLabelOf(r.record),
      r.record.recipient,
      r.record.theme,
      r.record.kind,
      r.amount ? minorToNumber(r.amount.minor, r.amount.currency) : "",
      r.amount?.currency ?? "",
      inCurrency("USD"),
      inCurrency("JPY"),
      fiscalYearOf(r.record) ?? "",
    ]);
  }
  return ok(rows);
}

/** AIDSOURCE(id): where a record's figure is stated. */
export function aidSource(ledger: AidLedger, id: CellInput): Result<string> {
  const text = parseText(id, "id");
  if (!text.ok) return text;
  const r = ledger.record(text.value);
  if (!r) {
    const near = nearestNames(
      text.value,
      new Map([...ledger.ids].map((i) => [normalizeName(i), i]))
    );
    return fail(
      "NA",
      `No record has id "${text.value}".${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(", ")}?` : ""}`
    );
  }
  const s = r.record;
  return ok(`${s.sourceTitle} [${s.sourceFile}], ${s.sourceSection}: "${s.evidence}"`);
}

function reportFor(
  ledger: AidLedger,
  year: CellInput
): Result<DocumentRate & { jpyPerUsd: NonNullable<DocumentRate["jpyPerUsd"]> }> {
  const y = parseYear(year);
  if (!y.ok) return y;
  const doc = ledger.rates.forYear(y.value);
  if (!doc) {
    return fail(
      "NA",
      y.value === null
        ? "The dataset has no dated records, so no report rate applies."
        : `No report in the dataset covers ${y.value}. Reports cover: ${ledger.rates.describeCoverage()}.`
    );
  }
  if (!doc.jpyPerUsd) {
    return fail(
      "NA",
      `"${doc.title}", the report covering ${y.value ?? "the latest year"}, states no JPY/USD rate. Add a rate for it in the Rates table.`
    );
  }
  return ok({ ...doc, jpyPerUsd: doc.jpyPerUsd });
}

/** The rate between two currencies in the report covering `year`: to-units per from-unit, exact. */
function conversionRate(
  ledger: AidLedger,
  from: CellInput,
  to: CellInput,
  year: CellInput
): Result<{ to: Currency; rate: Fraction }> {
  const f = parseCurrency(from, "from");
  if (!f.ok) return f;
  const t = parseCurrency(to, "to");
  if (!t.ok) return t;
  const doc = reportFor(ledger, year);
  if (!doc.ok) return doc;
  const jpyPerUsd = doc.value.jpyPerUsd;
  const rate =
    f.value === t.value ? fraction(1n) : f.value === "USD" ? jpyPerUsd : reciprocal(jpyPerUsd);
  return ok({ to: t.value, rate });
}

/** AIDRATE(from, to, [year]): units of `to` per unit of `from`, at the rate of the report covering `year` (default: the latest report). */
export function aidRate(
  ledger: AidLedger,
  from: CellInput,
  to: CellInput,
  year?: CellInput
): Result<number> {
  const c = conversionRate(ledger, from, to, year);
  return c.ok ? ok(fractionToDecimal(c.value.rate).toNumber()) : c;
}

/** AIDCONVERT(amount, from, to, [year]): the amount at the rate of the report covering `year`, rounded once to the target's minor unit. */
export function aidConvert(
  ledger: AidLedger,
  amount: CellInput,
  from: CellInput,
  to: CellInput,
  year?: CellInput
): Result<number> {
  const a = parseExactNumber(amount, "amount");
  if (!a.ok) return a;
  const c = conversionRate(ledger, from, to, year);
  if (!c.ok) return c;
  const exact = multiply(a.value, c.value.rate);
  const minor = exactAmount(roundToMinor(exact, c.value.to), c.value.to);
  return minor.ok ? ok(minorToNumber(minor.value, c.value.to)) : minor;
}

/**
 * AIDVERSION(): the one-line status of the data the functions answer from ("Bundled data, 33
 * records from 2 reports, loaded 29 Nov 2026 12:18"), so a printed report says which data it used.
 * `status` comes from the ledger's store; without it, what the ledger holds ("33 records from 2 reports").
 */
export function aidVersion(ledger: AidLedger, status?: string): Result<string> {
  return ok(status ?? describeContents(ledger));
}
