/**
 * The index's answers, stored sparsely: only the (place, year, theme, kind) slots that some record
 * reaches. Slots are appended place by place (in any order of places), each place's slots in
 * increasing order of their key (year, theme and kind packed into one integer), so finding a slot
 * is one binary search within its place: about a dozen comparisons, whatever the size of the data.
 *
 * Per slot: a count, people and the exact USD and JPY sums (minor units), then a short run of
 * "pending" entries: per document, the amounts that need that document's rate to reach USD or
 * JPY. Exact sums are non-negative integers held in doubles up to 2^53; a larger one is stored as
 * NaN with its value in a bigint map, so no sum is ever rounded.
 */
export class SparseSlots {
  private readonly keys: Int32Array;
  private readonly counts: Int32Array;
  private readonly people: Float64Array;
  private readonly usd: Float64Array;
  private readonly jpy: Float64Array;
  private readonly pendingStart: Int32Array;
  private pendingCode: Uint16Array;
  private pendingValue: Float64Array;
  /** Index in usd (even) or jpy (odd) as 2 * slot + currency, or -(entry + 1) for a pending entry. */
  private readonly big = new Map<number, bigint>();
  /** Per place, its first slot and one past its last (a place with no slots has start = end = 0). */
  private readonly placeStart: Int32Array;
  private readonly placeEnd: Int32Array;
  private size = 0;
  private pendings = 0;
  private place = -1;

  /**
   * `slots` is the exact number of slots that will be pushed (counted beforehand), so each array
   * is allocated once at its final size: growing and trimming large buffers costs more than the
   * build itself on a big heap (each allocation can start a full garbage collection).
   */
  constructor(places: number, slots: number, pendingHint: number) {
    this.placeStart = new Int32Array(places);
    this.placeEnd = new Int32Array(places);
    this.keys = new Int32Array(slots);
    this.counts = new Int32Array(slots);
    this.people = new Float64Array(slots);
    this.usd = new Float64Array(slots);
    this.jpy = new Float64Array(slots);
    this.pendingStart = new Int32Array(slots + 1);
    this.pendingCode = new Uint16Array(Math.max(16, pendingHint));
    this.pendingValue = new Float64Array(Math.max(16, pendingHint));
  }

  /** Starts the slots of `place` (each place once, in any order); the previous place ends. */
  beginPlace(place: number): void {
    this.endPlace();
    this.place = place;
    this.placeStart[place] = this.size;
  }

  private endPlace(): void {
    if (this.place >= 0) this.placeEnd[this.place] = this.size;
  }

  /** The positions of a place's slots: [first, one past the last]. */
  rangeOf(place: number): [number, number] {
    const end = place === this.place ? this.size : this.placeEnd[place]!;
    return [this.placeStart[place]!, end];
  }

  key(slot: number): number {
    return this.keys[slot]!;
  }

  /** Every pending entry of a slot, both currencies: `code` is 2 * document + currency. */
  forEachPending(slot: number, visit: (code: number, minor: bigint) => void): void {
    for (let e = this.pendingStart[slot]!, end = this.pendingStart[slot + 1]!; e < end; e++) {
      const v = this.pendingValue[e]!;
      visit(this.pendingCode[e]!, v === v ? BigInt(v) : this.big.get(-(e + 1))!);
    }
  }

  /** Appends a slot of the current place (keys increasing), then call setMoney. */
  push(key: number, count: number, people: number): void {
    const s = this.size;
    if (s === this.keys.length) throw new Error("SparseSlots: more slots pushed than counted");
    this.keys[s] = key;
    this.counts[s] = count;
    this.people[s] = people;
    this.pendingStart[s] = this.pendings;
    this.size = s + 1;
    this.pendingStart[s + 1] = this.pendings;
  }

  /** The exact USD and JPY sums of the slot pushed last: the doubles, or (when carried) the bigints. */
  setMoney(usd: number, jpy: number, usdBig: bigint | null, jpyBig: bigint | null): void {
    const s = this.size - 1;
    this.usd[s] = usdBig === null ? usd : this.keep(usdBig, 2 * s);
    this.jpy[s] = jpyBig === null ? jpy : this.keep(jpyBig, 2 * s + 1);
  }

  /** Adds a pending entry to the slot pushed last: `code` is 2 * document + (0 to USD, 1 to JPY). */
  pushPending(code: number, value: number, big: bigint | null): void {
    const e = this.pendings;
    if (e === this.pendingCode.length) this.growPending();
    this.pendingCode[e] = code;
    this.pendingValue[e] = big === null ? value : this.keep(big, -(e + 1));
    this.pendings = e + 1;
    this.pendingStart[this.size] = this.pendings;
  }

  /** A bigint sum as a double when it fits exactly, else NaN with the bigint kept aside. */
  private keep(value: bigint, bigKey: number): number {
    if (value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
    this.big.set(bigKey, value);
    return NaN;
  }

  /** Ends the build: every slot counted was pushed; the pending arrays are trimmed when much too long. */
  finish(): void {
    this.endPlace();
    if (this.size !== this.keys.length)
      throw new Error("SparseSlots: fewer slots pushed than counted");
    if (this.pendingCode.length > this.pendings * 1.25 + 16) {
      this.pendingCode = this.pendingCode.slice(0, this.pendings);
      this.pendingValue = this.pendingValue.slice(0, this.pendings);
    }
  }

  /** The position of the slot (place, key), or -1 when no record reaches it. */
  find(place: number, key: number): number {
    let lo = this.placeStart[place]!;
    let hi = this.placeEnd[place]! - 1;
    const keys = this.keys;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  count(slot: number): number {
    return this.counts[slot]!;
  }

  peopleOf(slot: number): number {
    return this.people[slot]!;
  }

  /** The exact sum of amounts in USD (currency 0) or JPY (1), in minor units. */
  exact(slot: number, currency: 0 | 1): bigint {
    const v = currency === 0 ? this.usd[slot]! : this.jpy[slot]!;
    return v === v ? BigInt(v) : this.big.get(2 * slot + currency)!;
  }

  /** Calls `visit` for every pending entry of a slot whose code is 2 * document + `currency`. */
  forPending(
    slot: number,
    currency: 0 | 1,
    visit: (document: number, minor: bigint) => void
  ): void {
    for (let e = this.pendingStart[slot]!, end = this.pendingStart[slot + 1]!; e < end; e++) {
      const code = this.pendingCode[e]!;
      if ((code & 1) !== currency) continue;
      const v = this.pendingValue[e]!;
      visit(code >> 1, v === v ? BigInt(v) : this.big.get(-(e + 1))!);
    }
  }

  /** Slots held (combinations that occur). */
  get slots(): number {
    return this.size;
  }

  /** Bytes held by the typed arrays (the bigint map holds sums past 2^53 only, and is not counted). */
  get bytes(): number {
    return [
      this.keys,
      this.counts,
      this.people,
      this.usd,
      this.jpy,
      this.pendingStart,
      this.pendingCode,
      this.pendingValue,
      this.placeStart,
      this.placeEnd,
    ].reduce((n, a) => n + a.byteLength, 0);
  }

  private growPending(): void {
    const code = new Uint16Array(Math.ceil(this.pendingCode.length * 1.5));
    code.set(this.pendingCode);
    this.pendingCode = code;
    const value = new Float64Array(code.length);
    value.set(this.pendingValue);
    this.pendingValue = value;
  }
}
