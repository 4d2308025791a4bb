import Decimal from "decimal.js";
import { messages } from "../messages/catalog";
import { type Fraction, fraction, multiply, roundHalfAwayFromZero } from "./fraction";

/**
 * A private decimal.js constructor: the global `Decimal.set` stays untouched, so another library
 * in the same page cannot change how Aid Ledger rounds, and the other way round.
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type MoneyDecimal = InstanceType<typeof Money>;

/** The currencies the reports state. A rate is always JPY per USD. */
export const CURRENCIES = ["USD", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** ISO 4217 minor-unit digits: the place every money result is rounded to. */
export const MINOR_DIGITS: Readonly<Record<Currency, number>> = { USD: 2, JPY: 0 };
const MINOR_FACTOR: Readonly<Record<Currency, bigint>> = { USD: 100n, JPY: 1n };

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

/** An exact amount in integer minor units (cents, yen). */
export interface Amount {
  readonly minor: bigint;
  readonly currency: Currency;
}

const DECIMAL_TEXT = /^\d+(?:\.\d+)?$/;
const SHORT_INTEGER = /^\d{1,13}$/;

/**
 * Parses a non-negative decimal string ("408500000", "14.6") into minor units.
 * Returns a reason instead of throwing, so validation can report it against a field.
 */
export function parseAmount(text: string, currency: Currency): Amount | { readonly error: string } {
  // Whole amounts of up to 13 digits (nearly all) are exact as bigint at once; the rest go through decimal.js.
  if (SHORT_INTEGER.test(text)) return { minor: BigInt(text) * MINOR_FACTOR[currency], currency };
  if (!DECIMAL_TEXT.test(text)) {
    return { error: messages().notPlainDecimal(text) };
  }
  const value = new Money(text);
  const digits = MINOR_DIGITS[currency];
  if (value.decimalPlaces() > digits) {
    return {
      error: messages().tooManyDecimals(currency, digits, text, value.decimalPlaces()),
    };
  }
  const minor = value.times(10 ** digits);
  if (minor.greaterThan(Number.MAX_SAFE_INTEGER)) {
    return { error: messages().amountBeyondMinorUnits(text, Number.MAX_SAFE_INTEGER) };
  }
  return { minor: BigInt(minor.toFixed(0)), currency };
}

/** Minor units as an exact fraction of the major unit (12345 cents -> 12345/100 dollars). */
export function toMajorFraction(amount: Amount): Fraction {
  return fraction(amount.minor, MINOR_FACTOR[amount.currency]);
}

/** Rounds an exact major-unit value to the currency's minor unit, half away from zero. */
export function roundToMinor(majorValue: Fraction, currency: Currency): bigint {
  return roundHalfAwayFromZero(multiply(majorValue, fraction(MINOR_FACTOR[currency])));
}

/** "123.45" for 12345 USD cents; "52000000000" for yen. Exact. */
export function formatMinor(minor: bigint, currency: Currency): string {
  return new Money(minor.toString())
    .dividedBy(MINOR_FACTOR[currency].toString())
    .toFixed(MINOR_DIGITS[currency]);
}

/**
 * The only place a money value becomes a JavaScript number: at the edge, for a cell.
 * The decimal string is exact; the number is the closest double to it (Excel keeps 15 digits).
 */
export function minorToNumber(minor: bigint, currency: Currency): number {
  // A safe integer divided by 100 is correctly rounded, so it is the same double as parsing the
  // exact decimal string; beyond 2^53 go through the exact string.
  if (minor <= MAX_SAFE && minor >= -MAX_SAFE)
    return Number(minor) / Number(MINOR_FACTOR[currency]);
  return Number(formatMinor(minor, currency));
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A number as a person writes it: plain decimal digits, never an exponent (0.0000001, not "1e-7";
 * 1000000000000000000000, not "1e+21"), with the digits JavaScript's shortest form has. A cell
 * holding what the user typed as 0.0000001 reaches the add-in as the number 1e-7, and a message
 * must repeat 0.0000001. Not finite: as JavaScript prints it (NaN, Infinity).
 */
export function plainNumber(value: number): string {
  return Number.isFinite(value) ? new Money(value).toFixed() : String(value);
}

/** An exact fraction from a finite JavaScript number as it prints (0.1 is 1/10, not the binary value). */
export function numberToFraction(value: number): Fraction {
  return decimalToFraction(new Money(value));
}

function decimalToFraction(d: MoneyDecimal): Fraction {
  const [num, den] = d.toFraction() as [MoneyDecimal, MoneyDecimal];
  return fraction(BigInt(num.toFixed(0)), BigInt(den.toFixed(0)));
}

/** A fraction as a decimal.js value, for display (rates) or a cell. */
export function fractionToDecimal(value: Fraction): MoneyDecimal {
  return new Money(value.num.toString()).dividedBy(value.den.toString());
}

/** A decimal string ("103.94", "150.25") as an exact fraction; undefined if not a positive decimal. */
export function parsePositiveDecimal(text: string): Fraction | undefined {
  if (!DECIMAL_TEXT.test(text)) return undefined;
  const f = decimalToFraction(new Money(text));
  return f.num > 0n ? f : undefined;
}
