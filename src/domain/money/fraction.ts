/**
 * Exact rational numbers on bigint. Rates implied by a report ("$500 million (approximately
 * ¥52 billion)") and their medians are fractions; keeping them exact means a total is rounded
 * once, at the end, and never drifts with the order of the records.
 */
export interface Fraction {
  /** Numerator; carries the sign. */
  readonly num: bigint;
  /** Denominator; always positive. */
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

/** Builds a reduced fraction; throws on a zero denominator (a programming error, never user input). */
export function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError("fraction: zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

export function divide(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError("fraction: division by zero");
  return fraction(a.num * b.den, a.den * b.num);
}

export function reciprocal(a: Fraction): Fraction {
  return divide({ num: 1n, den: 1n }, a);
}

/** -1, 0 or 1. */
export function compare(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Rounds to the nearest integer, halves away from zero: the rule of Excel's ROUND.
 * This is the one rounding step every money result goes through.
 */
export function roundHalfAwayFromZero(a: Fraction): bigint {
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const q = n / a.den;
  const r = n % a.den;
  const rounded = 2n * r >= a.den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** The median of a non-empty list: the middle value, or the mean of the two middle values. */
export function median(values: readonly Fraction[]): Fraction {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort(compare);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return divide(add(sorted[mid - 1]!, sorted[mid]!), fraction(2n));
}
