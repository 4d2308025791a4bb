import type { AidLedger } from "../ledger";
import { compare } from "../money/fraction";
import { formatMinor } from "../money/money";
import { type DocumentRate, formatRate } from "../rates/rateBook";
import type { DatasetIdentity } from "../workbook/port";

/** How times are written in statuses: the runtime's zone unless told (tests and servers pass one). */
export interface StatusOptions {
  /** An IANA zone such as "UTC" or "Asia/Tokyo"; default the runtime's own. */
  readonly timeZone?: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "29 Nov 2026 12:18": day, short month, year and 24-hour time, the same in every locale. */
export function formatStatusTime(time: Date, options: StatusOptions = {}): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  const month = MONTHS[Number(part("month")) - 1] ?? part("month");
  return `${Number(part("day"))} ${month} ${part("year")} ${part("hour")}:${part("minute")}`;
}

function timeOf(iso: string, options: StatusOptions): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : formatStatusTime(time, options);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "33 records from 2 reports": what the functions answer from. */
export function describeContents(ledger: AidLedger): string {
  return `${plural(ledger.records.length, "record", "records")} from ${plural(ledger.rates.documents.length, "report", "reports")}`;
}

/**
 * Which data a workbook's functions answer from, in one line a person can read and a report can
 * print (AIDVERSION):
 * - nothing loaded: "Bundled data, 33 records from 2 reports (not yet loaded into this workbook)";
 * - loaded: "Bundled data, 33 records from 2 reports, loaded 29 Nov 2026 12:18"; a file or an
 *   address is named ("Data from the file update.json, ...");
 * - after the user's own edits of the tables: "Data edited in this workbook since 29 Nov 2026
 *   12:18, 34 records from 2 reports".
 * `now` is the time of a status that has no load time of its own (nothing loaded): unused today,
 * kept so a caller can say "as of".
 */
export function describeDataStatus(
  identity: DatasetIdentity | null,
  ledger: AidLedger,
  now?: Date,
  options: StatusOptions = {}
): string {
  const contents = describeContents(ledger);
  if (!identity) {
    const asOf = now ? `, as of ${formatStatusTime(now, options)}` : "";
    return `Bundled data, ${contents} (not yet loaded into this workbook${asOf})`;
  }
  const when = timeOf(identity.loadedAt, options);
  if (identity.source === "workbook")
    return `Data edited in this workbook since ${when}, ${contents}`;
  return `${originOf(identity.source)}, ${contents}, loaded ${when}`;
}

function originOf(source: string): string {
  if (source === "bundled") return "Bundled data";
  if (source.startsWith("file:")) return `Data from the file ${source.slice(5)}`;
  if (source.startsWith("url:")) return `Data from ${source.slice(4)}`;
  return `Data from ${source}`;
}

/** One stated pair in a rate's table: the record, its two figures and the rate they imply. */
export interface RatePairRow {
  readonly recordId: string;
  /** "500,000,000.00 USD" style texts, exact. */
  readonly usd: string;
  readonly jpy: string;
  /** Yen per dollar, up to 6 decimals. */
  readonly jpyPerUsd: string;
  /** True for the pair (or the two pairs) the median is read from. */
  readonly middle: boolean;
}

/** How a document's rate was derived, as a sentence and a small table of its stated pairs. */
export interface RateExplanation {
  readonly document: string;
  readonly title: string;
  readonly rate: string | null;
  readonly sentence: string;
  /** The rate book's own account: "Median of 4 stated pairs: ...". */
  readonly derivation: string;
  readonly pairs: readonly RatePairRow[];
}

const grouped = (text: string) => {
  const [whole, decimals] = text.split(".");
  const withCommas = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return decimals === undefined || /^0+$/.test(decimals) ? withCommas : `${withCommas}.${decimals}`;
};

/**
 * A document's rate in plain words: "The White Paper ... states 4 amounts in both currencies. Their
 * rates, from lowest to highest, are 100.277778, 103.888889, 104 and 116.666667 yen per dollar; the
 * rate is the average of the middle two, 103.944444 yen per dollar." Titles, never file names.
 */
export function explainDocumentRate(doc: DocumentRate): RateExplanation {
  const sorted = [...doc.pairs].sort((a, b) => compare(a.jpyPerUsd, b.jpyPerUsd));
  const n = sorted.length;
  const middle = new Set(n === 0 ? [] : n % 2 === 1 ? [(n - 1) / 2] : [n / 2 - 1, n / 2]);
  const pairs = sorted.map((p, i) => ({
    recordId: p.recordId,
    usd: `$${grouped(formatMinor(p.usd.minor, "USD"))}`,
    jpy: `¥${grouped(formatMinor(p.jpy.minor, "JPY"))}`,
    jpyPerUsd: formatRate(p.jpyPerUsd),
    middle: middle.has(i),
  }));
  const rate = doc.jpyPerUsd ? formatRate(doc.jpyPerUsd) : null;
  let sentence: string;
  if (doc.basis === "user") {
    sentence = `${doc.title} states no amount in both currencies; the rate of ${rate} yen per dollar was given in the Rates table of this workbook.`;
  } else if (doc.basis === "none" || !rate) {
    sentence = `${doc.title} states no amount in both currencies, so it has no rate: its yen figures cannot be shown in dollars (nor its dollar figures in yen) until you give a rate for it in the Rates table.`;
  } else if (n === 1) {
    sentence = `${doc.title} states one amount in both currencies, which implies ${rate} yen per dollar: that is its rate.`;
  } else {
    const list = pairs.map((p) => p.jpyPerUsd);
    const listed = `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
    const rule = n % 2 === 1 ? "the middle one" : "the average of the middle two";
    sentence = `${doc.title} states ${n} amounts in both currencies. The rates they imply, from lowest to highest, are ${listed} yen per dollar; its rate is ${rule}, ${rate} yen per dollar.`;
  }
  return {
    document: doc.document,
    title: doc.title,
    rate,
    sentence,
    derivation: doc.derivation,
    pairs,
  };
}

/** A document whose rate a refresh changes: "103.944444 → 103.888889". */
export interface RateChange {
  readonly document: string;
  readonly title: string;
  /** Yen per dollar before and after; null where the document has no rate (or is not in that dataset). */
  readonly from: string | null;
  readonly to: string | null;
  /** "White Paper ...: 103.944444 → 103.888889 yen per dollar; every conversion of its records changes." */
  readonly sentence: string;
}

/** The document rates that differ between two ledgers (exact comparison), in document order. */
export function compareDocumentRates(before: AidLedger, after: AidLedger): RateChange[] {
  const docs = new Map<string, string>();
  for (const d of [...before.rates.documents, ...after.rates.documents])
    docs.set(d.document, d.title);
  const changes: RateChange[] = [];
  for (const [document, title] of [...docs].sort(([a], [b]) => a.localeCompare(b))) {
    const a = before.rates.get(document)?.jpyPerUsd ?? null;
    const b = after.rates.get(document)?.jpyPerUsd ?? null;
    if (a && b && compare(a, b) === 0) continue;
    if (!a && !b) continue;
    const from = a ? formatRate(a) : null;
    const to = b ? formatRate(b) : null;
    const sentence =
      from && to
        ? `${title}: ${from} → ${to} yen per dollar; every conversion of its records changes.`
        : to
          ? `${title}: no rate → ${to} yen per dollar; its records can now be converted.`
          : `${title}: ${from} yen per dollar → no rate; its records can no longer be converted.`;
    changes.push({ document, title, from, to, sentence });
  }
  return changes;
}
