/**
 * Independent exact arithmetic for the fuzz suite's oracles: decimal text to a BigInt fraction,
 * rounding half away from zero, and formatting, written here from scratch (no decimal.js, no
 * code from src/domain/money), so an answer is checked against a second computation.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** "12.50" -> 1250/100; "-3" -> -3/1; "1.5e+21" -> 1500000000000000000000/1. Null for anything else. */
export function parseExact(text: string): Ratio | null {
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const [, sign, int, frac = "", exp = "0"] = m;
  let num = BigInt(`${int || "0"}${frac}`);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return { num: sign === "-" ? -num : num, den };
}

/** A JavaScript number as the exact decimal it prints as (0.1 is 1/10). */
export function numberExact(n: number): Ratio {
  const r = parseExact(String(n));
  if (!r) throw new Error(`not a finite number: ${n}`);
  return r;
}

export const times = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.num, den: a.den * b.den });

/** The integer nearest to a ratio, halves away from zero. */
export function roundHalfAway(r: Ratio): bigint {
  const neg = r.num < 0n !== r.den < 0n;
  const n = r.num < 0n ? -r.num : r.num;
  const d = r.den < 0n ? -r.den : r.den;
  const q = (2n * n + d) / (2n * d);
  return neg ? -q : q;
}

/** Minor units as the decimal string of the major unit: 1250 cents -> "12.50". */
export function minorText(minor: bigint, digits: number): string {
  const neg = minor < 0n;
  const s = (neg ? -minor : minor).toString().padStart(digits + 1, "0");
  const text = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return neg ? `-${text}` : text;
}

/**
 * The minor units a plain decimal amount ("14.6", "1000") stands for, or null when it is not a
 * plain decimal (digits, one optional "." with digits after it) or has more decimals than `digits`.
 */
export function amountMinor(text: string, digits: number): bigint | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return null;
  return BigInt(m[1]!) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, "0") || "0");
}

/**
 * Excel's ROUND(value, digits) of a cell's number, in minor units: the number as a cell shows it
 * (15 significant digits), rounded half away from zero. 2.675 (the double 2.67499999…) gives 268.
 */
export function cellRound(value: number, digits: number): bigint {
  return roundHalfAway(
    times(numberExact(Number(value.toPrecision(15))), { num: 10n ** BigInt(digits), den: 1n })
  );
}
