import type { LedgerRecord } from "../dataset/ledgerRecord";
import { COMMITTED_KINDS, KINDS } from "../dataset/schema";
import type { Currency } from "../money/money";
import { normalizeName } from "../places/names";
import { type Place, type PlaceDirectory, isNamedRecipient, placeKeys } from "../places/taxonomy";
import { SlotTable } from "./slotTable";

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

const COUNT_LANE = 0;
const PEOPLE_LANE = 1;
const USD_LANE = 2;
const JPY_LANE = 3;
const PENDING_LANE = 4;
/** The lane of a document's amounts that need its rate to reach `target`. */
const pendingLane = (doc: number, target: Currency) =>
  PENDING_LANE + 2 * doc + (target === "USD" ? 0 : 1);

/** The set of slots that hold something, in the order first marked, so roll-ups skip the empty table. */
class TouchedSlots {
  private readonly seen: Uint8Array;
  private list = new Int32Array(1024);
  length = 0;

  constructor(size: number) {
    this.seen = new Uint8Array(size);
  }

  mark(slot: number): void {
    if (this.seen[slot] !== 0) return;
    this.seen[slot] = 1;
    if (this.length === this.list.length) {
      const grown = new Int32Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.length++] = slot;
  }

  at(i: number): number {
    return this.list[i]!;
  }
}

/**
 * The precomputed answers behind the AID functions: every combination of place (including its
 * ancestors and "*"), year (or any), theme (or any) and kind filter gets one slot holding the
 * record count, the people count and exact money sums. A query is a few map lookups and a read,
 * so it costs the same at a million records as at ten. Money that needs a document's rate is kept
 * per document, unconverted, so a rate added later needs no rebuild and is applied exactly once.
 *
 * Build: each record is written once per place into its exact (year, theme, kind) slot; then three
 * passes over the dense table fill the "committed"/"all", "any theme" and "any year" slots. The
 * table spans the places, years and themes that occur in the data.
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
  /** Lanes per slot: count, people, USD, JPY, then per document the amounts pending its rate, to USD and to JPY. */
  private readonly table: SlotTable;
  /** Record positions per place id (offsets into postingList), for lists: their cost is the size of the answer. */
  private readonly postingStart: Int32Array;
  private readonly postingList: Int32Array;

  constructor(
    readonly records: readonly LedgerRecord[],
    private readonly places: PlaceDirectory
  ) {
    const n = records.length;
    // Pass 1: intern every dimension once per record; records with the same place signature share their place ids.
    const recordPlaces: Int32Array[] = new Array<Int32Array>(n);
    // region -> subregion -> country -> organization -> place ids; nested maps hash the records' own strings, no new ones.
    const bySignature = new Map<string, Map<string, Map<string, Map<string, Int32Array>>>>();
    const year = new Int32Array(n);
    const theme = new Int32Array(n);
    const kind = new Int32Array(n);
    const docOf = new Int32Array(n);
    const kindIds = new Map<string, number>(KINDS.map((k, i) => [k, i]));
    for (let i = 0; i < n; i++) {
      const r = records[i]!.record;
      // Groups and recipients depend only on the country and a named recipient: part of the signature.
      const org = isNamedRecipient(r.recipientType) ? r.recipient : "";
      let bySub = bySignature.get(r.region);
      if (!bySub)
        bySignature.set(
          r.region,
          (bySub = new Map<string, Map<string, Map<string, Int32Array>>>())
        );
      let byCountry = bySub.get(r.subregion ?? "");
      if (!byCountry)
        bySub.set(r.subregion ?? "", (byCountry = new Map<string, Map<string, Int32Array>>()));
      let byOrg = byCountry.get(r.country ?? "");
      if (!byOrg) byCountry.set(r.country ?? "", (byOrg = new Map<string, Int32Array>()));
      let places = byOrg.get(org);
      if (!places) byOrg.set(org, (places = this.placesOf(records[i]!)));
      recordPlaces[i] = places;
      const y = records[i]!.countingYear;
      if (y !== null && !this.yearIds.has(y)) this.yearIds.set(y, this.yearIds.size + 1);
      year[i] = y === null ? 0 : this.yearIds.get(y)!;
      let t = this.themeIds.get(r.theme);
      if (t === undefined) this.themeIds.set(r.theme, (t = this.themeIds.size + 1));
      theme[i] = t;
      kind[i] = kindIds.get(r.kind)!;
      let d = this.docIds.get(r.sourceFile);
      if (d === undefined) {
        this.docIds.set(r.sourceFile, (d = this.docIds.size));
        this.docNames.push(r.sourceFile);
      }
      docOf[i] = d;
    }
    this.years = this.yearIds.size + 1;
    this.themes = this.themeIds.size + 1;
    const P = this.placeIds.size;
    const stride = this.years * this.themes * this.kinds;
    const size = P * stride;
    this.table = new SlotTable(size, PENDING_LANE + 2 * this.docNames.length, USD_LANE);
    const table = this.table;
    const touched = new TouchedSlots(size);

    // Pass 2: each record into its exact slot, once per place.
    const placeCount = new Int32Array(P);
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      const inner = (year[i]! * this.themes + theme[i]!) * this.kinds + kind[i]!;
      const people = r.countsPeople && r.record.people !== null ? r.record.people : 0;
      // Which lane the amount goes to in each target currency: stated in it, its stated equivalent, or pending its document's rate.
      let usdLane = -1;
      let jpyLane = -1;
      let usdValue = 0;
      let jpyValue = 0;
      if (r.countsMoney && r.amount) {
        const amount = Number(r.amount.minor);
        const equivalent = r.equivalent ? Number(r.equivalent.minor) : -1;
        if (r.amount.currency === "USD") {
          usdLane = USD_LANE;
          usdValue = amount;
          jpyLane = equivalent >= 0 ? JPY_LANE : pendingLane(docOf[i]!, "JPY");
          jpyValue = equivalent >= 0 ? equivalent : amount;
        } else {
          jpyLane = JPY_LANE;
          jpyValue = amount;
          usdLane = equivalent >= 0 ? USD_LANE : pendingLane(docOf[i]!, "USD");
          usdValue = equivalent >= 0 ? equivalent : amount;
        }
      }
      const places = recordPlaces[i]!;
      for (let j = 0; j < places.length; j++) {
        const p = places[j]!;
        placeCount[p]!++;
        const slot = p * stride + inner;
        touched.mark(slot);
        table.addPlain(slot, COUNT_LANE, 1);
        if (people !== 0) table.addPlain(slot, PEOPLE_LANE, people);
        if (usdLane >= 0) {
          table.addExact(slot, usdLane, usdValue);
          table.addExact(slot, jpyLane, jpyValue);
        }
      }
    }
    this.rollUp(touched);

    // Postings: record positions grouped by place, in dataset order.
    this.postingStart = new Int32Array(P + 1);
    for (let p = 0; p < P; p++) this.postingStart[p + 1] = this.postingStart[p]! + placeCount[p]!;
    this.postingList = new Int32Array(this.postingStart[P]!);
    const fill = this.postingStart.slice(0, P);
    for (let i = 0; i < n; i++) for (const p of recordPlaces[i]!) this.postingList[fill[p]!++] = i;
  }

  /**
   * Fills the slots that combine others, visiting only slots that hold something: kind classes
   * ("all", "committed"), then any theme, then any year (row 0 already holds records with no year).
   */
  private rollUp(touched: TouchedSlots): void {
    const table = this.table;
    const [T, K, Y] = [this.themes, this.kinds, this.years];
    const committed = new Uint8Array(KINDS.length);
    for (const k of COMMITTED_KINDS) committed[KINDS.indexOf(k)] = 1;
    for (let i = 0, n = touched.length; i < n; i++) {
      const slot = touched.at(i);
      const k = slot % K;
      table.addSlot(slot - k + ALL_SLOT, slot);
      touched.mark(slot - k + ALL_SLOT);
      if (committed[k] === 1) {
        table.addSlot(slot - k + COMMITTED_SLOT, slot);
        touched.mark(slot - k + COMMITTED_SLOT);
      }
    }
    for (let i = 0, n = touched.length; i < n; i++) {
      const slot = touched.at(i);
      const t = Math.floor(slot / K) % T;
      if (t > 0) {
        table.addSlot(slot - t * K, slot);
        touched.mark(slot - t * K);
      }
    }
    for (let i = 0, n = touched.length; i < n; i++) {
      const slot = touched.at(i);
      const y = Math.floor(slot / (K * T)) % Y;
      if (y > 0) table.addSlot(slot - y * K * T, slot);
    }
  }

  /**
   * The place ids a record counts under: "*", its region, subregion, country, recipient
   * organization or fund, and every group it belongs to (by member country, by the group or its
   * fund as recipient). Each once: a record is never counted twice under one place.
   */
  private placesOf(r: LedgerRecord): Int32Array {
    const keys = [placeKeys.region(r.record.region)];
    if (r.record.subregion !== null) keys.push(placeKeys.subregion(r.record.subregion));
    if (r.record.country !== null) keys.push(placeKeys.country(r.record.country));
    if (r.record.recipientType === "organization" || r.record.recipientType === "fund")
      keys.push(this.places.recipientKey(r.record.recipient));
    for (const g of this.places.groupsOf(r.record)) keys.push(g.key);
    const ids = new Int32Array(keys.length + 1);
    keys.forEach((key, i) => {
      let id = this.placeIds.get(key);
      if (id === undefined) this.placeIds.set(key, (id = this.placeIds.size));
      ids[i + 1] = id;
    });
    return ids;
  }

  /** The slot of a query, or -1 when no record can match (a valid place or year the data does not mention). */
  slotOf(query: Query): number {
    const p = this.placeIds.get(query.place.key);
    const y = query.year === null ? 0 : this.yearIds.get(query.year);
    const t = query.theme === null ? 0 : this.themeIds.get(query.theme);
    if (p === undefined || y === undefined || t === undefined) return -1;
    const k =
      query.kind === "all"
        ? ALL_SLOT
        : query.kind === "committed"
          ? COMMITTED_SLOT
          : KINDS.indexOf(query.kind);
    return ((p * this.years + y) * this.themes + t) * this.kinds + k;
  }

  count(query: Query): number {
    const slot = this.slotOf(query);
    return slot < 0 ? 0 : this.table.plain(slot, COUNT_LANE);
  }

  peopleCount(query: Query): number {
    const slot = this.slotOf(query);
    return slot < 0 ? 0 : this.table.plain(slot, PEOPLE_LANE);
  }

  money(query: Query, target: Currency): MoneyCell {
    const slot = this.slotOf(query);
    if (slot < 0) return { direct: 0n, pending: [] };
    const pending: { document: string; minor: bigint }[] = [];
    for (let doc = 0; doc < this.docNames.length; doc++) {
      const lane = pendingLane(doc, target);
      if (!this.table.isZero(slot, lane))
        pending.push({ document: this.docNames[doc]!, minor: this.table.exact(slot, lane) });
    }
    return { direct: this.table.exact(slot, target === "USD" ? USD_LANE : JPY_LANE), pending };
  }

  /** The matching records, in dataset order. */
  list(query: Query): LedgerRecord[] {
    const p = this.placeIds.get(query.place.key);
    if (p === undefined) return [];
    const out: LedgerRecord[] = [];
    for (let i = this.postingStart[p]!; i < this.postingStart[p + 1]!; i++) {
      const r = this.records[this.postingList[i]!]!;
      if (matches(r, query)) out.push(r);
    }
    return out;
  }

  /** Size of the precomputed table, for the benchmark. */
  get slots(): number {
    return this.table.slots;
  }

  /** Bytes held by the precomputed table, for the benchmark. */
  get tableBytes(): number {
    return this.table.cells.byteLength;
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
      place.names.has(normalizeName(r.record.recipient))) ||
    (place.kind === "group" &&
      ((r.record.country !== null && place.members.has(r.record.country)) ||
        (isNamedRecipient(r.record.recipientType) &&
          place.recipientNames.has(normalizeName(r.record.recipient)))));
  if (!placeOk) return false;
  if (query.year !== null && r.countingYear !== query.year) return false;
  if (query.theme !== null && r.record.theme !== query.theme) return false;
  return (
    query.kind === "all" ||
    r.record.kind === query.kind ||
    (query.kind === "committed" && COMMITTED_KINDS.includes(r.record.kind))
  );
}
