/**
 * The index's scratch table while it builds one place: one Float64Array holding, for every
 * (year, theme, kind) slot, a run of `lanes` numbers side by side (count, people, money sums).
 * Keeping a slot's numbers together means one or two cache lines per update instead of one miss
 * per number. Its size is years x themes x kinds, whatever the number of places or records: the
 * occupied slots are copied into SparseSlots and the table is cleared for the next place.
 *
 * Lanes from `firstExactLane` on hold exact non-negative integer sums (minor units). A double holds
 * integers exactly up to 2^53; an addition that would pass that moves the value into a sparse bigint
 * carry, so no sum is ever rounded, whatever the size of the dataset.
 */
export class SlotTable {
  readonly cells: Float64Array;
  private readonly carry = new Map<number, bigint>();

  constructor(
    readonly slots: number,
    readonly lanes: number,
    private readonly firstExactLane: number
  ) {
    this.cells = new Float64Array(slots * lanes);
  }

  /** Adds to a plain lane (counts, people: far below 2^53). */
  addPlain(slot: number, lane: number, value: number): void {
    this.cells[slot * this.lanes + lane]! += value;
  }

  /** Adds a non-negative integer to an exact lane. */
  addExact(slot: number, lane: number, value: number): void {
    this.addAt(slot * this.lanes + lane, value);
  }

  /** Adds a non-negative bigint (a sum already past 2^53) to an exact lane. */
  addBig(slot: number, lane: number, value: bigint): void {
    const i = slot * this.lanes + lane;
    this.carry.set(i, (this.carry.get(i) ?? 0n) + value);
  }

  private addAt(i: number, value: number): void {
    const current = this.cells[i]!;
    if (current > Number.MAX_SAFE_INTEGER - value) {
      this.carry.set(i, (this.carry.get(i) ?? 0n) + BigInt(current) + BigInt(value));
      this.cells[i] = 0;
    } else {
      this.cells[i] = current + value;
    }
  }

  plain(slot: number, lane: number): number {
    return this.cells[slot * this.lanes + lane]!;
  }

  exact(slot: number, lane: number): bigint {
    const i = slot * this.lanes + lane;
    const carried = this.carry.get(i);
    const value = BigInt(this.cells[i]!);
    return carried === undefined ? value : carried + value;
  }

  /** True when some sum went past 2^53 and is carried as a bigint: read exact lanes with exact(). */
  get carries(): boolean {
    return this.carry.size > 0;
  }

  /** Zeroes every lane of a slot (and, once per place, call clearCarry). */
  reset(slot: number): void {
    this.cells.fill(0, slot * this.lanes, (slot + 1) * this.lanes);
  }

  clearCarry(): void {
    this.carry.clear();
  }

  isZero(slot: number, lane: number): boolean {
    const i = slot * this.lanes + lane;
    return this.cells[i] === 0 && !this.carry.has(i);
  }

  /** Adds every lane of slot `source` into slot `target`. */
  addSlot(target: number, source: number): void {
    const { cells, lanes, firstExactLane } = this;
    const t = target * lanes;
    const s = source * lanes;
    for (let lane = 0; lane < firstExactLane; lane++) cells[t + lane]! += cells[s + lane]!;
    for (let lane = firstExactLane; lane < lanes; lane++) {
      const v = cells[s + lane]!;
      if (v !== 0) {
        const current = cells[t + lane]!;
        if (current > Number.MAX_SAFE_INTEGER - v) this.addAt(t + lane, v);
        else cells[t + lane] = current + v;
      }
    }
    if (this.carry.size > 0) {
      for (let lane = firstExactLane; lane < lanes; lane++) {
        const carried = this.carry.get(s + lane);
        if (carried !== undefined)
          this.carry.set(t + lane, (this.carry.get(t + lane) ?? 0n) + carried);
      }
    }
  }
}
