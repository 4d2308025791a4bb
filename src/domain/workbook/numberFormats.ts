import type { ColumnFormat } from "./port";

/**
 * Excel number format per column format; null leaves the column General.
 * - text: General, not "@": a number the user types into the column later stays a number. Text
 *   that Excel would re-type is written with an apostrophe instead (see toWorkbookCell).
 * - boolean: General shows TRUE/FALSE.
 * - integer, year: "0"; a year reads 2016, not 2,016.
 * - usd: two decimals with thousands separators; jpy: whole yen.
 * - rate: General. The Commitments table uses it for amounts stated in either currency as well as
 *   for JPY/USD rates; General shows every stated digit, where a fixed count of decimals would
 *   pad whole amounts or round rates.
 */
const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string | null>> = {
  text: null,
  boolean: null,
  integer: "0",
  year: "0",
  usd: "#,##0.00",
  jpy: "#,##0",
  rate: null,
};

export function numberFormatOf(format: ColumnFormat): string | null {
  return NUMBER_FORMATS[format];
}
