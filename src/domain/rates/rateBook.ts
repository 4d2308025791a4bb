import type { LedgerRecord } from "../dataset/ledgerRecord";
import type { Checked, Problem } from "../dataset/problems";
import { messages } from "../messages/catalog";
import { normalizeName } from "../places/names";
import { type Fraction, compare, divide, fraction, median } from "../money/fraction";
import {
  type Amount,
  fractionToDecimal,
  parsePositiveDecimal,
  toMajorFraction,
} from "../money/money";

/** A record that states both currencies: "$500 million (approximately ¥52 billion)". */
export interface StatedPair {
  readonly recordId: string;
  readonly usd: Amount;
  readonly jpy: Amount;
  readonly jpyPerUsd: Fraction;
}

/** A rate the user supplies for a document that states none (e.g. a row of the Rates sheet). */
export interface UserRate {
  readonly document: string;
  /** Yen per US dollar, as a decimal string such as "110.5". */
  readonly jpyPerUsd: string;
  readonly note?: string | null;
}

export type RateBasis = "stated-median" | "user" | "none";

/** The rate that converts one document's single-currency records, and how it was derived. */
export interface DocumentRate {
  readonly document: string;
  readonly title: string;
  /** The years its records count in (announced or FY), which is what "the report covering a year" means. */
  readonly covers: { readonly from: number; readonly to: number } | null;
  readonly pairs: readonly StatedPair[];
  readonly jpyPerUsd: Fraction | null;
  readonly basis: RateBasis;
  readonly derivation: string;
}

/** Formats a rate for people: up to 6 decimal places, trailing zeros dropped. */
export function formatRate(rate: Fraction): string {
  return fractionToDecimal(rate).toDecimalPlaces(6).toString();
}

export function pairOf(r: LedgerRecord): StatedPair | null {
  if (!r.amount || !r.equivalent) return null;
  const [usd, jpy] =
    r.amount.currency === "USD" ? [r.amount, r.equivalent] : [r.equivalent, r.amount];
  return {
    recordId: r.record.id,
    usd,
    jpy,
    jpyPerUsd: divide(toMajorFraction(jpy), toMajorFraction(usd)),
  };
}

/** Pairs listed in a derivation; past that, the text says how many more (the Rates table lists all). */
const LISTED_PAIRS = 12;

function describe(pairs: readonly StatedPair[], rate: Fraction): string {
  const shown =
    pairs.length <= LISTED_PAIRS
      ? [...pairs].sort((a, b) => compare(a.jpyPerUsd, b.jpyPerUsd))
      : pairs.slice(0, LISTED_PAIRS);
  const more = pairs.length > LISTED_PAIRS ? `, and ${pairs.length - LISTED_PAIRS} more` : "";
  const listed = shown.map((p) => `${formatRate(p.jpyPerUsd)} (${p.recordId})`).join(", ") + more;
  const rule =
    pairs.length === 1
      ? "the only pair"
      : pairs.length % 2 === 1
        ? "the middle value"
        : "the mean of the two middle values";
  return `Median of ${pairs.length} stated JPY/USD pair${pairs.length === 1 ? "" : "s"} [${listed}]: ${rule}, ${formatRate(rate)} JPY per USD.`;
}

/**
 * The rates of a dataset. Each document's default rate is the median of the JPY-per-USD rates its
 * own stated pairs imply; a document that states no pair has no rate unless the user supplies one.
 * A user rate for a document that states its own is refused: the tool converts at the reports' rates.
 */
export class RateBook {
  private readonly byDocument: ReadonlyMap<string, DocumentRate>;

  constructor(readonly documents: readonly DocumentRate[]) {
    this.byDocument = new Map(documents.map((d) => [d.document, d]));
  }

  get(document: string): DocumentRate | undefined {
    return this.byDocument.get(document);
  }

  /**
   * The report covering a year: of the documents whose records count in that year, the one whose
   * coverage ends latest (then by file name). With no year, the latest report of all.
   */
  forYear(year: number | null): DocumentRate | undefined {
    const candidates = this.documents.filter(
      (d) => d.covers && (year === null || (d.covers.from <= year && year <= d.covers.to))
    );
    candidates.sort((a, b) => b.covers!.to - a.covers!.to || a.document.localeCompare(b.document));
    return candidates[0];
  }

  /** "2006-2010 (004_...txt), 2013-2016 (000_...txt)": for messages. */
  describeCoverage(): string {
    return this.documents
      .filter((d) => d.covers)
      .map((d) => `${d.covers!.from}-${d.covers!.to} (${d.title})`)
      .join("; ");
  }
}

/** The first and last year, by a loop: a spread of a large array would overflow the call stack. */
function yearRange(years: readonly number[]): { from: number; to: number } | null {
  if (years.length === 0) return null;
  let from = years[0]!;
  let to = from;
  for (const y of years) {
    if (y < from) from = y;
    if (y > to) to = y;
  }
  return { from, to };
}

/**
 * The file name of the document a person named: by its file name, or by its title (case, accents
 * and extra spaces ignored). Undefined when no document of the dataset has that name.
 */
export function resolveDocument(
  typed: string,
  documents: ReadonlyMap<string, { readonly title: string }>
): string | undefined {
  const name = typed.trim();
  if (documents.has(name)) return name;
  const key = normalizeName(name);
  for (const [file, d] of documents) if (normalizeName(d.title) === key) return file;
  for (const file of documents.keys()) if (normalizeName(file) === key) return file;
  return undefined;
}

export function deriveRates(
  records: readonly LedgerRecord[],
  userRates: readonly UserRate[] = []
): Checked<RateBook> {
  const docs = documentsOf(records);
  const { problems, supplied } = suppliedRates(userRates, docs);
  if (problems.length > 0) return { ok: false, problems };
  const documents: DocumentRate[] = [...docs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([document, d]) => documentRate(document, d, supplied.get(document)));
  return { ok: true, value: new RateBook(documents) };
}

/** What the rates are derived from, per source document: its title, stated pairs and years. */
interface DocumentFacts {
  readonly title: string;
  readonly pairs: StatedPair[];
  readonly years: number[];
}

interface SuppliedRate {
  readonly rate: Fraction;
  readonly note: string;
}

function documentsOf(records: readonly LedgerRecord[]): Map<string, DocumentFacts> {
  const docs = new Map<string, DocumentFacts>();
  for (const r of records) {
    const doc = docs.get(r.record.sourceFile) ?? {
      title: r.record.sourceTitle,
      pairs: [],
      years: [],
    };
    docs.set(r.record.sourceFile, doc);
    const pair = pairOf(r);
    if (pair) doc.pairs.push(pair);
    if (r.countingYear !== null) doc.years.push(r.countingYear);
  }
  return docs;
}

/** The user's rates by document file, each checked: a known document that states no rate, given once. */
function suppliedRates(
  userRates: readonly UserRate[],
  docs: ReadonlyMap<string, DocumentFacts>
): { problems: Problem[]; supplied: Map<string, SuppliedRate> } {
  const problems: Problem[] = [];
  const supplied = new Map<string, SuppliedRate>();
  userRates.forEach((u, i) => {
    const at = (field: string, message: string) => problems.push({ row: i + 1, field, message });
    // A person names a document by its title; its file name is accepted too.
    const file = resolveDocument(u.document, docs);
    const doc = file === undefined ? undefined : docs.get(file);
    const rate = parsePositiveDecimal(u.jpyPerUsd.trim());
    const m = messages();
    if (!doc || file === undefined)
      at(
        "document",
        m.unknownRateDocument(u.document, [...new Set([...docs.values()].map((d) => d.title))])
      );
    else if (doc.pairs.length > 0) at("document", m.statesOwnRate(doc.title, doc.pairs.length));
    else if (supplied.has(file)) at("document", m.rateAlreadyGiven(doc.title));
    if (!rate) at("jpyPerUsd", m.rateNotPositive(u.jpyPerUsd));
    if (doc && file !== undefined && doc.pairs.length === 0 && rate && !supplied.has(file))
      supplied.set(file, { rate, note: u.note ?? "" });
  });
  return { problems, supplied };
}

/** A document's rate: the median of the pairs it states, else the user's, else none. */
function documentRate(
  document: string,
  d: DocumentFacts,
  user: SuppliedRate | undefined
): DocumentRate {
  const covers = yearRange(d.years);
  if (d.pairs.length > 0) {
    const rate = median(d.pairs.map((p) => p.jpyPerUsd));
    return {
      document,
      title: d.title,
      covers,
      pairs: d.pairs,
      jpyPerUsd: rate,
      basis: "stated-median" as const,
      derivation: describe(d.pairs, rate),
    };
  }
  if (user) {
    const note = user.note ? ` (${user.note})` : "";
    return {
      document,
      title: d.title,
      covers,
      pairs: [],
      jpyPerUsd: user.rate,
      basis: "user" as const,
      derivation: `Supplied by the user: ${formatRate(user.rate)} JPY per USD${note}. The document states no pair.`,
    };
  }
  return {
    document,
    title: d.title,
    covers,
    pairs: [],
    jpyPerUsd: null,
    basis: "none" as const,
    derivation:
      "The document states no amount in both currencies, so it has no rate. Supply one to convert its records.",
  };
}

/** Exact conversion of minor units between USD and JPY at a JPY-per-USD rate; not rounded. */
export function convertMinor(minor: bigint, from: "USD" | "JPY", rate: Fraction): Fraction {
  const f = convertMinorUnreduced(minor, from, rate);
  return fraction(f.num, f.den);
}

/** The same value as convertMinor, not reduced to lowest terms (for sums that are rounded right after). */
export function convertMinorUnreduced(
  minor: bigint,
  from: "USD" | "JPY",
  rate: Fraction
): Fraction {
  // cents -> yen: cents / 100 * rate; yen -> cents: yen / rate * 100.
  return from === "USD"
    ? { num: minor * rate.num, den: 100n * rate.den }
    : { num: minor * 100n * rate.den, den: rate.num };
}
