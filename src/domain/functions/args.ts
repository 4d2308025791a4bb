import { type Currency, isCurrency } from "../money/money";
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

function describe(value: CellInput): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

export function parsePlace(ledger: AidLedger, value: CellInput): Result<Place> {
  if (typeof value !== "string" || value.trim() === "") {
    return fail(
      "VALUE",
      `place must be text: a region, subregion, country, recipient organization, or "*" for all; got ${describe(value)}`
    );
  }
  const place = ledger.places.resolve(value);
  if (place) return ok(place);
  const near = ledger.places.suggest(value);
  return fail(
    "NA",
    `Unknown place "${value}".${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(", ")}?` : ""} Use a region, subregion, country (name, alias or ISO code), recipient organization, or "*".`
  );
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
    return fail(
      "VALUE",
      `${name} must be a year such as 2016 (a whole number from 1900 to 2200); got ${describe(value)}`
    );
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
  return fail(
    "VALUE",
    `${name} must be "USD" or "JPY" (the currencies the reports state); got ${describe(value)}`
  );
}

export function parseTheme(ledger: AidLedger, value: CellInput): Result<string | null> {
  if (isOmitted(value)) return ok(null);
  if (typeof value !== "string")
    return fail("VALUE", `theme must be text such as "counter-terrorism"; got ${describe(value)}`);
  const theme = ledger.themes.resolve(value);
  if (theme) return ok(theme.id);
  const near = ledger.themes.suggest(value);
  return fail(
    "NA",
    `Unknown theme "${value}".${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(", ")}?` : ""} Themes: ${ledger.themes.themes.map((t) => t.id).join(", ")}.`
  );
}

export function parseKind(value: CellInput, fallback: KindFilter): Result<KindFilter> {
  if (isOmitted(value)) return ok(fallback);
  const kind = typeof value === "string" ? value.trim().toLowerCase() : "";
  if ((KIND_FILTERS as readonly string[]).includes(kind)) return ok(kind as KindFilter);
  return fail(
    "VALUE",
    `kind must be one of ${KIND_FILTERS.map((k) => `"${k}"`).join(", ")}; got ${describe(value)}`
  );
}

/** A finite number, or text that is one. */
export function parseNumber(value: CellInput, name: string): Result<number> {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n)) return fail("VALUE", `${name} must be a number; got ${describe(value)}`);
  return ok(n);
}

export function parseText(value: CellInput, name: string): Result<string> {
  if (typeof value !== "string" || value.trim() === "")
    return fail("VALUE", `${name} must be text; got ${describe(value)}`);
  return ok(value.trim());
}
