import type { LedgerRecord } from "../dataset/ledgerRecord";
import { COMMITTED_KINDS, type Kind, KINDS } from "../dataset/schema";
import type { Currency } from "../money/money";
import { type Place, placeKeys } from "../places/taxonomy";
import { ExactSums } from "./exactSum";

/** A kind argument: one kind, "committed" (pledge, contribution, grant, loan) or "all". "cumulative" is both a kind and a class. */
export const KIND_FILTERS = [...KINDS, "committed", "all"] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
const COMMITTED_SLOT = KINDS.length;
const ALL_SLOT = KINDS.length + 1;

/** What the AID functions filter on. Null year or theme means "any". */
export interface Query {
  readonly place: Place;
  readonly year: number | null;
  readonly theme: string | null;
  readonly kind: KindFilter;
}

/** The money a query matched in one target currency, before rates are applied. */
export interface MoneyCell {
  /** Exact minor units of the target currency: amounts stated in it, or stated equivalents in it. */
  readonly direct: bigint;
  /** Per document, minor units of the other currency that need that document's rate. */
  readonly pending: readonly { readonly document: string; readonly minor: bigint }[];
}

const OTHER: Readonly<Record<Currency, Currency>> = { USD: "JPY", JPY: "USD" };

/**
 * The precomputed answers behind the AID functions: every combination of place (including its
 * ancestors and "*"), year (or any), theme (or any) and kind filter gets one slot holding the
 * record count, the people count and exact money sums. A query is a few map lookups and a read,
 * so it costs the same at a million records as at ten. Money that needs a document's rate is kept
 * per document, unconverted, so a rate added later needs no rebuild and is applied exactly once.
 *
 * Memory is (places x years x themes x kinds) slots over the values that occur in the data.
 */
export class AidIndex {
  private readonly placeIds = new Map<string, number>([["*", 0]]);
  private readonly yearIds = new Map<number, number>();
  private readonly themeIds = new Map<string, number>();
  private readonly docIds = new Map<string, number>();
  private readonly docNames: string[] = [];
  private readonly years: number;
  private readonly themes: number;
  private readonly kinds = KINDS.length + 2;
  private readonly counts: Float64Array;
  private readonly people: Float64Array;
  private readonly direct: Record<Currency, ExactSums>;
  /** pending[target][docId], allocated only for documents that have such amounts. */
  private readonly pending: Record<Currency, (ExactSums | undefined)[]> = { USD: [], JPY: [] };
  /** Record positions per place id, for lists (whose cost is the size of the answer anyway). */
  private readonly postings: number[][] = [[]];

  constructor(readonly records: readonly LedgerRecord[]) {
    const recordPlaces: number[][] = records.map((r) => this.placesOf(r));
    for (const r of records) {
      if (r.countingYear !== null && !this.yearIds.has(r.countingYear)) this.yearIds.set(r.countingYear, this.yearIds.size + 1);
      if (!this.themeIds.has(r.record.theme)) this.themeIds.set(r.record.theme, this.themeIds.size + 1);
      if (!this.docIds.has(r.record.sourceFile)) {
        this.docIds.set(r.record.sourceFile, this.docIds.size);
        this.docNames.push(r.record.sourceFile);
      }
    }
    this.years = this.yearIds.size + 1;
    this.themes = this.themeIds.size + 1;
    const size = this.placeIds.size * this.years * this.themes * this.kinds;
    this.counts = new Float64Array(size);
    this.people = new Float64Array(size);
    this.direct = { USD: new ExactSums(size), JPY: new ExactSums(size) };
    for (let p = this.postings.length; p < this.placeIds.size; p++) this.postings.push([]);

    const yearSlots = [0, 0];
    const themeSlots = [0, 0];
    const kindSlots = [0, 0, 0];
    records.forEach((r, position) => {
      const places = recordPlaces[position]!;
      for (const p of places) this.postings[p]!.push(position);
      const yearCount = r.countingYear === null ? 1 : 2;
      yearSlots[1] = r.countingYear === null ? 0 : this.yearIds.get(r.countingYear)!;
      themeSlots[1] = this.themeIds.get(r.record.theme)!;
      const kind = KINDS.indexOf(r.record.kind);
      kindSlots[0] = ALL_SLOT;
      kindSlots[1] = kind;
      kindSlots[2] = COMMITTED_SLOT;
      const kindCount = COMMITTED_KINDS.includes(r.record.kind) ? 3 : 2;
      const money = r.countsMoney ? this.moneyOf(r) : null;
      const people = r.countsPeople && r.record.people !== null ? r.record.people : 0;
      for (const p of places) {
        for (let yi = 0; yi < yearCount; yi++) {
          for (let ti = 0; ti < 2; ti++) {
            const base = ((p * this.years + yearSlots[yi]!) * this.themes + themeSlots[ti]!) * this.kinds;
            for (let ki = 0; ki < kindCount; ki++) {
              const slot = base + kindSlots[ki]!;
              this.counts[slot]! += 1;
              if (people !== 0) this.people[slot]! += people;
              if (money) {
                for (const m of money) m.sums.add(slot, m.minor);
              }
            }
          }
        }
      }
    });
  }

  /** The place ids a record counts under: "*", its region, subregion, country and recipient organization or fund. */
  private placesOf(r: LedgerRecord): number[] {
    const keys = [placeKeys.region(r.record.region)];
    if (r.record.subregion !== null) keys.push(placeKeys.subregion(r.record.subregion));
    if (r.record.country !== null) keys.push(placeKeys.country(r.record.country));
    if (r.record.recipientType === "organization" || r.record.recipientType === "fund") keys.push(placeKeys.recipient(r.record.recipient));
    const ids = [0];
    for (const key of keys) {
      let id = this.placeIds.get(key);
      if (id === undefined) {
        id = this.placeIds.size;
        this.placeIds.set(key, id);
      }
      ids.push(id);
    }
    return ids;
  }

  /** Where a record's amount goes for each target currency: the amount, its stated equivalent, or pending its document's rate. */
  private moneyOf(r: LedgerRecord): { sums: ExactSums; minor: number }[] | null {
    if (!r.amount) return null;
    const out: { sums: ExactSums; minor: number }[] = [];
    for (const target of ["USD", "JPY"] as const) {
      if (r.amount.currency === target) out.push({ sums: this.direct[target], minor: Number(r.amount.minor) });
      else if (r.equivalent?.currency === target) out.push({ sums: this.direct[target], minor: Number(r.equivalent.minor) });
      else {
        const doc = this.docIds.get(r.record.sourceFile)!;
        const sums = (this.pending[target][doc] ??= new ExactSums(this.counts.length));
        out.push({ sums, minor: Number(r.amount.minor) });
      }
    }
    return out;
  }

  /** The slot of a query, or -1 when no record can match (a valid place or year the data does not mention). */
  slotOf(query: Query): number {
    const p = this.placeIds.get(query.place.key);
    const y = query.year === null ? 0 : this.yearIds.get(query.year);
    const t = query.theme === null ? 0 : this.themeIds.get(query.theme);
    if (p === undefined || y === undefined || t === undefined) return -1;
    const k = query.kind === "all" ? ALL_SLOT : query.kind === "committed" ? COMMITTED_SLOT : KINDS.indexOf(query.kind as Kind);
    return ((p * this.years + y) * this.themes + t) * this.kinds + k;
  }

  count(query: Query): number {
    const slot = this.slotOf(query);
    return slot < 0 ? 0 : this.counts[slot]!;
  }

  peopleCount(query: Query): number {
    const slot = this.slotOf(query);
    return slot < 0 ? 0 : this.people[slot]!;
  }

  money(query: Query, target: Currency): MoneyCell {
    const slot = this.slotOf(query);
    if (slot < 0) return { direct: 0n, pending: [] };
    const pending: { document: string; minor: bigint }[] = [];
    this.pending[target].forEach((sums, doc) => {
      if (sums && !sums.isZero(slot)) pending.push({ document: this.docNames[doc]!, minor: sums.get(slot) });
    });
    return { direct: this.direct[target].get(slot), pending };
  }

  /** The matching records, in dataset order. */
  list(query: Query): LedgerRecord[] {
    const p = this.placeIds.get(query.place.key);
    if (p === undefined) return [];
    return this.postings[p]!.map((i) => this.records[i]!).filter((r) => matches(r, query));
  }

  /** Size of the precomputed table, for the benchmark. */
  get slots(): number {
    return this.counts.length;
  }

  /** The currency a pending amount is stated in, for messages. */
  static sourceCurrency(target: Currency): Currency {
    return OTHER[target];
  }
}

/** The filter as a plain predicate: what the index precomputes, and what tests compare it with. */
export function matches(r: LedgerRecord, query: Query): boolean {
  const place = query.place;
  const placeOk =
    place.kind === "all" ||
    (place.kind === "region" && r.record.region === place.name) ||
    (place.kind === "subregion" && r.record.subregion === place.name) ||
    (place.kind === "country" && r.record.country === place.country.iso2) ||
    (place.kind === "recipient" &&
      (r.record.recipientType === "organization" || r.record.recipientType === "fund") &&
      placeKeys.recipient(r.record.recipient) === place.key);
  if (!placeOk) return false;
  if (query.year !== null && r.countingYear !== query.year) return false;
  if (query.theme !== null && r.record.theme !== query.theme) return false;
  return query.kind === "all" || r.record.kind === query.kind || (query.kind === "committed" && COMMITTED_KINDS.includes(r.record.kind));
}
