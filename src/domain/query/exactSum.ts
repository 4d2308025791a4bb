/**
 * An array of exact non-negative integer sums (minor units) kept in doubles for speed. A double
 * holds integers exactly up to 2^53; an addition that would pass that moves the value into a
 * sparse bigint carry, so no sum is ever rounded, whatever the size of the dataset.
 */
export class ExactSums {
  readonly values: Float64Array;
  private readonly carry = new Map<number, bigint>();

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  add(slot: number, amount: number): void {
    const current = this.values[slot]!;
    if (current > Number.MAX_SAFE_INTEGER - amount) {
      this.carry.set(slot, (this.carry.get(slot) ?? 0n) + BigInt(current) + BigInt(amount));
      this.values[slot] = 0;
    } else {
      this.values[slot] = current + amount;
    }
  }

  get(slot: number): bigint {
    const carried = this.carry.get(slot);
    const value = BigInt(this.values[slot]!);
    return carried === undefined ? value : carried + value;
  }

  isZero(slot: number): boolean {
    return this.values[slot] === 0 && !this.carry.has(slot);
  }
}
