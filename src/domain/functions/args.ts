import { didYouMean, messages } from "../messages/catalog";
import { type Fraction, fraction } from "../money/fraction";
import { type Currency, isCurrency, numberToFraction, plainNumber } from "../money/money";
import {
  MAX_AMOUNT_MINOR,
  MAX_AMOUNT_TEXT,
  MAX_EXACT_ANSWER,
  MAX_NAME_LENGTH,
  echo,
} from "../limits";
import { textProblem } from "../places/names";
import type { Place } from "../places/taxonomy";
import { KIND_FILTERS, type KindFilter } from "../query/aidIndex";
import type { AidLedger } from "../ledger";
import { type Result, fail, ok } from "./result";

/** What a cell can pass to a function. Omitted optional arguments arrive as null or undefined, empty text as "". */
export type CellInput = string | number | boolean | null | undefined;

export function isOmitted(value: CellInput): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** A value as the user typed it, for a message: numbers in plain digits, text quoted. */
export function describe(value: CellInput): string {
  if (typeof value === "number") return plainNumber(value);
  return typeof value === "string" ? `"${echo(value)}"` : String(value);
}

/**
 * Why a text argument naming something (a place, a theme, an id) is refused before any lookup:
 * longer than MAX_NAME_LENGTH, or holding control or invisible characters, or letters of scripts
 * that names do not mix. Null when it may be looked up.
 */
export function nameArgumentProblem(value: string, name: string): Result<never> | null {
  if (value.length > MAX_NAME_LENGTH)
    return fail("VALUE", messages().nameTooLong(name, value.length, MAX_NAME_LENGTH));
  const problem = textProblem(value, "name");
  return problem ? fail("VALUE", messages().nameRefused(name, describe(value), problem)) : null;
}

export function parsePlace(ledger: AidLedger, value: CellInput): Result<Place> {
  if (typeof value !== "string" || value.trim() === "") {
    return fail("VALUE", messages().placeMustBeText(describe(value)));
  }
  const refused = nameArgumentProblem(value, "place");
  if (refused) return refused;
  const place = ledger.places.resolve(value);
  if (place) return ok(place);
  const near = ledger.places.suggest(value);
  return fail("NA", messages().unknownPlace(echo(value), didYouMean(near)));
}

/** A year: a whole number from 1900 to 2200, or text holding one ("2016"). Omitted means any year. */
export function parseYear(value: CellInput, name = "year"): Result<number | null> {
  if (isOmitted(value)) return ok(null);
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d{4}\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(n) || n < 1900 || n > 2200) {
    return fail("VALUE", messages().yearMustBe(name, describe(value)));
  }
  return ok(n);
}

export function parseCurrency(
  value: CellInput,
  name: string,
  fallback?: Currency
): Result<Currency> {
  if (isOmitted(value) && fallback) return ok(fallback);
  const code = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (isCurrency(code)) return ok(code);
  return fail("VALUE", messages().currencyMustBe(name, describe(value)));
}

export function parseTheme(ledger: AidLedger, value: CellInput): Result<string | null> {
  if (isOmitted(value)) return ok(null);
  if (typeof value !== "string") return fail("VALUE", messages().themeMustBeText(describe(value)));
  const refused = nameArgumentProblem(value, "theme");
  if (refused) return refused;
  const theme = ledger.themes.resolve(value);
  if (theme) return ok(theme.id);
  const near = ledger.themes.suggest(value);
  const themes = ledger.themes.themes.map((t) => t.id).join(", ");
  return fail("NA", messages().unknownThemeArgument(echo(value), didYouMean(near), themes));
}

export function parseKind(value: CellInput, fallback: KindFilter): Result<KindFilter> {
  if (isOmitted(value)) return ok(fallback);
  const kind = typeof value === "string" ? value.trim().toLowerCase() : "";
  if ((KIND_FILTERS as readonly string[]).includes(kind)) return ok(kind as KindFilter);
  const kinds = KIND_FILTERS.map((k) => `"${k}"`).join(", ");
  return fail("VALUE", messages().kindMustBe(kinds, describe(value)));
}

/**
 * Text a number argument may be: a plain decimal ("1000000", "-14.6", "1.5e6" is not), as a cell
 * holding a number shows it. JavaScript's Number() would also take "0x10", "0b101", "0o17",
 * "Infinity" and "1e400"; none of those is a figure a budget officer types.
 */
const PLAIN_DECIMAL = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/**
 * A finite number at most MAX_EXACT_ANSWER in size, or text that is a plain decimal number in
 * that range. Anything larger could not come back from a cell exactly, so it is refused here
 * rather than answered approximately (or as Infinity).
 */
export function parseNumber(value: CellInput, name: string): Result<number> {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.length <= 64 && PLAIN_DECIMAL.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n)) return fail("VALUE", messages().numberMustBe(name, describe(value)));
  if (Math.abs(n) > MAX_EXACT_ANSWER)
    return fail("VALUE", messages().numberTooLarge(name, MAX_EXACT_ANSWER, describe(value)));
  return ok(n);
}

/**
 * A number argument as an exact fraction: a number as it prints (0.1 is 1/10), and text as the
 * decimal it spells, digit for digit. Text is never turned into a double first: "…312.44" near
 * 2^49 would become "…312.5" and round the other way.
 */
export function parseExactNumber(value: CellInput, name: string): Result<Fraction> {
  const n = parseNumber(value, name);
  if (!n.ok) return n;
  if (typeof value !== "string") return ok(numberToFraction(n.value));
  const [, sign, whole = "", decimals = ""] = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(value)!;
  const num = BigInt(`${whole}${decimals}` || "0");
  return ok(fraction(sign === "-" ? -num : num, 10n ** BigInt(decimals.length)));
}

export function parseText(value: CellInput, name: string): Result<string> {
  if (typeof value !== "string" || value.trim() === "")
    return fail("VALUE", messages().textMustBe(name, describe(value)));
  const refused = nameArgumentProblem(value, name);
  if (refused) return refused;
  return ok(value.trim());
}

/**
 * An amount in minor units that a cell holds exactly (at most MAX_AMOUNT_MINOR, 15 digits), or a
 * #VALUE! saying it is too large: a converted or summed amount beyond that is never rounded into a cell.
 */
export function exactAmount(minor: bigint, currency: Currency): Result<bigint> {
  const size = minor < 0n ? -minor : minor;
  return size <= MAX_AMOUNT_MINOR
    ? ok(minor)
    : fail("VALUE", messages().amountTooLarge(currency, MAX_AMOUNT_TEXT[currency]));
}

/**
 * A whole-number answer (a count, people, minor units already rounded) that a cell holds exactly,
 * or a #VALUE! saying the answer is too large to show exactly: never a rounded figure.
 */
export function exactAnswer(value: number, what: string): Result<number> {
  return Math.abs(value) <= MAX_EXACT_ANSWER
    ? ok(value)
    : fail("VALUE", messages().answerTooLarge(what, value.toExponential(3), MAX_EXACT_ANSWER));
}
