import type { LedgerRecord } from "../dataset/ledgerRecord";
import { fiscalYearOf } from "../dates/fiscalYear";
import { COMMITTED_KINDS, KINDS } from "../dataset/schema";
import type { Currency } from "../money/money";
import { normalizeName } from "../places/names";
import { type Place, type PlaceDirectory, isNamedRecipient, placeKeys } from "../places/taxonomy";
import { SlotTable } from "./slotTable";
import { SparseSlots } from "./sparseSlots";

/** A kind argument: one kind, "committed" (pledge, contribution, grant, loan) or "all". "cumulative" is both a kind and a class. */
export const KIND_FILTERS = [...KINDS, "committed", "all"] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
const COMMITTED_SLOT = KINDS.length;
const ALL_SLOT = KINDS.length + 1;

/** What the AID functions filter on. Null year or theme means "any". */
export interface Query {
  readonly place: Place;
  readonly year: number | null;
  /** True when `year` is a fiscal year (年度, src/domain/dates/fiscalYear.ts); absent or false: the counting year. */
  readonly fiscal?: boolean;
  readonly theme: string | null;
  readonly kind: KindFilter;
}

/** The year a record counts in for an index: its counting year, or its fiscal year. */
type YearOf = (r: LedgerRecord) => number | null;
const countingYear: YearOf = (r) => r.countingYear;
const fiscalYear: YearOf = (r) => fiscalYearOf(r.record);

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
/** What a record's amount is in one target currency: none, stated (or its stated equivalent), or pending its document's rate. */
const NO_MONEY = 0;
const STATED = 1;
const PENDING = 2;

/** The set of slots of the scratch table that hold something, in the order first marked. */
class TouchedSlots {
  private readonly seen: Uint8Array;
  readonly list: Int32Array;
  length = 0;

  constructor(size: number) {
    this.seen = new Uint8Array(size);
    this.list = new Int32Array(size);
  }

  mark(slot: number): void {
    if (this.seen[slot] !== 0) return;
    this.seen[slot] = 1;
    this.list[this.length++] = slot;
  }

  /** Forgets every mark. */
  forget(): void {
    for (let i = 0; i < this.length; i++) this.seen[this.list[i]!] = 0;
    this.length = 0;
  }

  /** The marked slots in increasing order, then forgets them. */
  drainSorted(): Int32Array {
    const out = this.list.slice(0, this.length).sort();
    for (let i = 0; i < out.length; i++) this.seen[out[i]!] = 0;
    this.length = 0;
    return out;
  }
}

/** Per record, what the build needs, interned once: its slot within a place, its document, people and money. */
interface RecordColumns {
  /** (year, theme, kind) packed: the slot a record occupies within each of its places. */
  readonly inner: Int32Array;
  readonly doc: Int32Array;
  readonly people: Float64Array;
  /** NO_MONEY, STATED or PENDING, and the value, per target currency. */
  readonly usdHow: Uint8Array;
  readonly jpyHow: Uint8Array;
  readonly usdValue: Float64Array;
  readonly jpyValue: Float64Array;
}

/**
 * The precomputed answers behind the AID functions: every combination of place (including its
 * ancestors, its groups and "*"), year (or any), theme (or any) and kind filter that some record
 * reaches holds the record count, the people count and exact money sums. A query is a few map
 * lookups and a binary search within its place, so it costs the same at a million records as at
 * ten. Money that needs a document's rate is kept per document, unconverted, so a rate added later
 * needs no rebuild and is applied exactly once.
 *
 * Memory follows the data: only combinations that occur are stored (SparseSlots). The build goes
 * place by place: the place's records (its postings) are added into a small scratch table of one
 * place's (year, theme, kind) slots, which is rolled up ("committed"/"all", any theme, any year),
 * copied out sparsely and cleared. Groups are places like regions: their postings are computed
 * here, so asking for a group scans nothing.
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
  private readonly store: SparseSlots;
  /** Record positions per place id (offsets into postingList), for lists: their cost is the size of the answer. */
  private readonly postingStart: Int32Array;
  private readonly postingList: Int32Array;

  constructor(
    readonly records: readonly LedgerRecord[],
    private readonly places: PlaceDirectory,
    private readonly yearOf: YearOf = countingYear
  ) {
    const n = records.length;
    const ids = { year: new Int32Array(n), theme: new Int32Array(n), doc: new Int32Array(n) };
    const recordPlaces = this.internPlaces(ids);
    this.years = this.yearIds.size + 1;
    this.themes = this.themeIds.size + 1;
    const columns = this.internColumns(ids);
    const P = this.placeIds.size;
    [this.postingStart, this.postingList] = postingsOf(recordPlaces, P);
    this.store = this.fill(columns, P);
  }

  /** Pass 1: each record's place ids (records with the same place signature share them), and its year, theme and document ids. */
  private internPlaces(ids: {
    readonly year: Int32Array;
    readonly theme: Int32Array;
    readonly doc: Int32Array;
  }): Int32Array[] {
    const records = this.records;
    const n = records.length;
    const recordPlaces: Int32Array[] = new Array<Int32Array>(n);
    // region -> subregion -> country -> named recipient -> place ids; nested maps hash the records' own strings, no new ones.
    const bySignature = new Map<string, Map<string, Map<string, Map<string, Int32Array>>>>();
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
      const y = this.yearOf(records[i]!);
      if (y !== null) {
        let id = this.yearIds.get(y);
        if (id === undefined) this.yearIds.set(y, (id = this.yearIds.size + 1));
        ids.year[i] = id;
      }
      let t = this.themeIds.get(r.theme);
      if (t === undefined) this.themeIds.set(r.theme, (t = this.themeIds.size + 1));
      ids.theme[i] = t;
      let d = this.docIds.get(r.sourceFile);
      if (d === undefined) {
        this.docIds.set(r.sourceFile, (d = this.docIds.size));
        this.docNames.push(r.sourceFile);
      }
      ids.doc[i] = d;
    }
    return recordPlaces;
  }

  /** Pass 2: per record, its slot within a place, people, and which lane its amount goes to in each currency. */
  private internColumns(ids: {
    readonly year: Int32Array;
    readonly theme: Int32Array;
    readonly doc: Int32Array;
  }): RecordColumns {
    const records = this.records;
    const n = records.length;
    const c = {
      inner: ids.year,
      doc: ids.doc,
      people: new Float64Array(n),
      usdHow: new Uint8Array(n),
      jpyHow: new Uint8Array(n),
      usdValue: new Float64Array(n),
      jpyValue: new Float64Array(n),
    };
    const kindIds = new Map<string, number>(KINDS.map((k, i) => [k, i]));
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      // The year ids become the packed slot, in place: one array fewer.
      c.inner[i] =
        (ids.year[i]! * this.themes + ids.theme[i]!) * this.kinds + kindIds.get(r.record.kind)!;
      c.people[i] = r.countsPeople && r.record.people !== null ? r.record.people : 0;
      if (r.countsMoney && r.amount) {
        // Stated in the target currency, its stated equivalent, or pending its document's rate.
        const amount = Number(r.amount.minor);
        const equivalent = r.equivalent ? Number(r.equivalent.minor) : -1;
        const usd = r.amount.currency === "USD";
        const other = equivalent >= 0 ? equivalent : amount;
        const otherHow = equivalent >= 0 ? STATED : PENDING;
        c.usdHow[i] = usd ? STATED : otherHow;
        c.usdValue[i] = usd ? amount : other;
        c.jpyHow[i] = usd ? otherHow : STATED;
        c.jpyValue[i] = usd ? other : amount;
      } else {
        c.usdHow[i] = NO_MONEY;
        c.jpyHow[i] = NO_MONEY;
      }
    }
    return c;
  }

  /** Pass 3: place by place, the records into the scratch table, rolled up, copied out sparsely. */
  private fill(c: RecordColumns, P: number): SparseSlots {
    const size = this.years * this.themes * this.kinds;
    const docs = this.docNames.length;
    const scratch = new SlotTable(size, PENDING_LANE + 2 * docs, USD_LANE);
    const touched = new TouchedSlots(size);
    const slots = this.countSlots(touched, c.inner, P);
    // Pending entries: about one or two per slot when documents state few pairs; grown if more.
    const store = new SparseSlots(P, slots, Math.ceil(slots * 1.5));
    // The hot loop (one step per record and place) reads typed arrays held in locals.
    const { inner, people, usdHow, jpyHow, usdValue, jpyValue, doc } = c;
    const { cells, lanes } = scratch;
    const [starts, list] = [this.postingStart, this.postingList];
    const MAX = Number.MAX_SAFE_INTEGER;
    // "*" (place 0) is not filled from its records: it is the sum of the regions, done last.
    for (let p = 1; p < P; p++) {
      for (let j = starts[p]!, end = starts[p + 1]!; j < end; j++) {
        const i = list[j]!;
        const slot = inner[i]!;
        touched.mark(slot);
        const base = slot * lanes;
        cells[base + COUNT_LANE]! += 1;
        cells[base + PEOPLE_LANE]! += people[i]!;
        const how = usdHow[i]!;
        if (how === NO_MONEY) continue;
        const pending = PENDING_LANE + 2 * doc[i]!;
        const usdLane = base + (how === STATED ? USD_LANE : pending);
        const jpyLane = base + (jpyHow[i] === STATED ? JPY_LANE : pending + 1);
        const u = usdValue[i]!;
        const y = jpyValue[i]!;
        // Past 2^53 the table carries the sum into a bigint (rare: the slow path).
        if (cells[usdLane]! > MAX - u) scratch.addExact(slot, usdLane - base, u);
        else cells[usdLane]! += u;
        if (cells[jpyLane]! > MAX - y) scratch.addExact(slot, jpyLane - base, y);
        else cells[jpyLane]! += y;
      }
      this.rollUp(scratch, touched);
      this.copyOut(p, scratch, touched, store, docs);
    }
    this.sumRegions(scratch, touched, store);
    this.copyOut(0, scratch, touched, store, docs);
    store.finish();
    return store;
  }

  /** The place ids of the regions: every record is under exactly one, so "*" is their sum. */
  private regionPlaces(): Set<number> {
    const out = new Set<number>();
    for (const [key, id] of this.placeIds) if (key.startsWith("region:")) out.add(id);
    return out;
  }

  /** "*" as the sum of the regions' slots, already rolled up: no record is visited again. */
  private sumRegions(scratch: SlotTable, touched: TouchedSlots, store: SparseSlots): void {
    for (const region of this.regionPlaces()) {
      const [from, to] = store.rangeOf(region);
      for (let s = from; s < to; s++) {
        const slot = store.key(s);
        touched.mark(slot);
        scratch.addPlain(slot, COUNT_LANE, store.count(s));
        scratch.addPlain(slot, PEOPLE_LANE, store.peopleOf(s));
        this.addBig(scratch, slot, USD_LANE, store.exact(s, 0));
        this.addBig(scratch, slot, JPY_LANE, store.exact(s, 1));
        store.forEachPending(s, (code, minor) =>
          this.addBig(scratch, slot, PENDING_LANE + code, minor)
        );
      }
    }
  }

  private addBig(scratch: SlotTable, slot: number, lane: number, value: bigint): void {
    if (value <= BigInt(Number.MAX_SAFE_INTEGER)) scratch.addExact(slot, lane, Number(value));
    else scratch.addBig(slot, lane, value);
  }

  /** Copies a place's slots from the scratch table into the store, in key order, and clears them. */
  private copyOut(
    p: number,
    scratch: SlotTable,
    touched: TouchedSlots,
    store: SparseSlots,
    docs: number
  ): void {
    const { cells, lanes } = scratch;
    // Sums past 2^53 (rare) are read as bigints; otherwise the doubles are copied as they are.
    const carried = scratch.carries;
    store.beginPlace(p);
    const slots = touched.drainSorted();
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      const base = slot * lanes;
      store.push(slot, cells[base + COUNT_LANE]!, cells[base + PEOPLE_LANE]!);
      store.setMoney(
        cells[base + USD_LANE]!,
        cells[base + JPY_LANE]!,
        carried ? scratch.exact(slot, USD_LANE) : null,
        carried ? scratch.exact(slot, JPY_LANE) : null
      );
      for (let d = 0; d < 2 * docs; d++) {
        const v = cells[base + PENDING_LANE + d]!;
        if (carried) {
          if (!scratch.isZero(slot, PENDING_LANE + d))
            store.pushPending(d, 0, scratch.exact(slot, PENDING_LANE + d));
        } else if (v !== 0) store.pushPending(d, v, null);
      }
      scratch.reset(slot);
    }
    scratch.clearCarry();
  }

  /** How many slots the places will hold: the same marks as the fill, with no sums (so the store is allocated once). */
  private countSlots(touched: TouchedSlots, inner: Int32Array, P: number): number {
    const [starts, list] = [this.postingStart, this.postingList];
    const regions = this.regionPlaces();
    const everywhere = new TouchedSlots(touched.list.length);
    let total = 0;
    for (let p = 1; p < P; p++) {
      for (let j = starts[p]!, end = starts[p + 1]!; j < end; j++) touched.mark(inner[list[j]!]!);
      this.rollUp(null, touched);
      total += touched.length;
      if (regions.has(p))
        for (let i = 0; i < touched.length; i++) everywhere.mark(touched.list[i]!);
      touched.forget();
    }
    return total + everywhere.length;
  }

  /**
   * Fills the slots that combine others, visiting only slots that hold something: kind classes
   * ("all", "committed"), then any theme, then any year (row 0 already holds records with no year).
   * With no table, only marks which slots will hold something.
   */
  private rollUp(table: SlotTable | null, touched: TouchedSlots): void {
    const { all, committed, anyTheme, anyYear } = (this.targets ??= this.rollUpTargets());
    for (let i = 0, n = touched.length; i < n; i++) {
      const slot = touched.list[i]!;
      table?.addSlot(all[slot]!, slot);
      touched.mark(all[slot]!);
      const c = committed[slot]!;
      if (c >= 0) {
        table?.addSlot(c, slot);
        touched.mark(c);
      }
    }
    for (const target of [anyTheme, anyYear]) {
      for (let i = 0, n = touched.length; i < n; i++) {
        const slot = touched.list[i]!;
        const t = target[slot]!;
        if (t >= 0) {
          table?.addSlot(t, slot);
          touched.mark(t);
        }
      }
    }
  }

  private targets: Record<"all" | "committed" | "anyTheme" | "anyYear", Int32Array> | undefined;

  /**
   * For every slot of a place, the slots its sums roll up into (-1 for none): its kind's class
   * ("all"; "committed" for the four committed kinds), the same slot with any theme, with any year.
   */
  private rollUpTargets(): Record<"all" | "committed" | "anyTheme" | "anyYear", Int32Array> {
    const [T, K] = [this.themes, this.kinds];
    const size = this.years * T * K;
    const committedKind = new Uint8Array(K);
    for (const k of COMMITTED_KINDS) committedKind[KINDS.indexOf(k)] = 1;
    const out = {
      all: new Int32Array(size),
      committed: new Int32Array(size).fill(-1),
      anyTheme: new Int32Array(size).fill(-1),
      anyYear: new Int32Array(size).fill(-1),
    };
    for (let slot = 0; slot < size; slot++) {
      const k = slot % K;
      const t = Math.floor(slot / K) % T;
      const y = Math.floor(slot / (K * T));
      out.all[slot] = slot - k + ALL_SLOT;
      if (committedKind[k] === 1) out.committed[slot] = slot - k + COMMITTED_SLOT;
      if (t > 0) out.anyTheme[slot] = slot - t * K;
      if (y > 0) out.anyYear[slot] = slot - y * K * T;
    }
    return out;
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

  private fiscalIndex: AidIndex | undefined;

  /**
   * The index that answers a query: this one, or for a fiscal year the same precomputed slots
   * keyed by fiscal year, built on the first fiscal-year query (a workbook that asks none pays nothing).
   */
  private indexFor(query: Query): AidIndex {
    if (query.fiscal !== true || this.yearOf === fiscalYear) return this;
    return (this.fiscalIndex ??= new AidIndex(this.records, this.places, fiscalYear));
  }

  /** The slot of a query in this index's store (by its own year basis), or -1 when no record matches it. */
  private slotOf(query: Query): number {
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
    return this.store.find(p, (y * this.themes + t) * this.kinds + k);
  }

  count(query: Query): number {
    const index = this.indexFor(query);
    if (index !== this) return index.count(query);
    const slot = this.slotOf(query);
    return slot < 0 ? 0 : this.store.count(slot);
  }

  peopleCount(query: Query): number {
    const index = this.indexFor(query);
    if (index !== this) return index.peopleCount(query);
    const slot = this.slotOf(query);
    return slot < 0 ? 0 : this.store.peopleOf(slot);
  }

  money(query: Query, target: Currency): MoneyCell {
    const index = this.indexFor(query);
    if (index !== this) return index.money(query, target);
    const slot = this.slotOf(query);
    if (slot < 0) return { direct: 0n, pending: [] };
    const currency = target === "USD" ? 0 : 1;
    const pending: { document: string; minor: bigint }[] = [];
    this.store.forPending(slot, currency, (doc, minor) => {
      if (minor !== 0n) pending.push({ document: this.docNames[doc]!, minor });
    });
    return { direct: this.store.exact(slot, currency), pending };
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

  /** Combinations stored (those that occur), for the benchmark. */
  get slots(): number {
    return this.store.slots;
  }

  /** Bytes held by the index's typed arrays: the sparse slots and the postings. */
  get bytes(): number {
    return this.store.bytes + this.postingStart.byteLength + this.postingList.byteLength;
  }
}

/** Record positions grouped by place id, in dataset order: [start offsets (P + 1), positions]. */
function postingsOf(recordPlaces: readonly Int32Array[], P: number): [Int32Array, Int32Array] {
  const count = new Int32Array(P);
  for (const places of recordPlaces) for (let j = 0; j < places.length; j++) count[places[j]!]!++;
  const start = new Int32Array(P + 1);
  for (let p = 0; p < P; p++) start[p + 1] = start[p]! + count[p]!;
  const list = new Int32Array(start[P]!);
  const fill = start.slice(0, P);
  for (let i = 0; i < recordPlaces.length; i++) {
    const places = recordPlaces[i]!;
    for (let j = 0; j < places.length; j++) list[fill[places[j]!]!++] = i;
  }
  return [start, list];
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
  if (
    query.year !== null &&
    (query.fiscal === true ? fiscalYearOf(r.record) : r.countingYear) !== query.year
  )
    return false;
  if (query.theme !== null && r.record.theme !== query.theme) return false;
  return (
    query.kind === "all" ||
    r.record.kind === query.kind ||
    (query.kind === "committed" && COMMITTED_KINDS.includes(r.record.kind))
  );
}
