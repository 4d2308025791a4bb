import { answer, type ExcelCell } from "./answer";

/*
 * The Excel custom functions. This file is only what Excel shows and registers: the JSDoc below is
 * the product copy of each function (custom-functions-metadata turns it into functions.json), and
 * each body is one call to the shared edge, `answer`. What the functions mean lives in
 * src/domain/functions; the argument and function descriptions repeat the catalog's words (a test
 * keeps them equal).
 */

export { ledgerStore } from "./store";

/**
 * Total amount of the matching commitments, converted at the rates the reports state. Example: =AIDTOTAL("Africa",2016) is 2420000000 (US dollars committed to Africa in 2016).
 * @customfunction AIDTOTAL
 * @param place A region, subregion, country (name, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] The year a record counts in: its fiscal year when stated, else the year announced. Omit for all years.
 * @param [currency] "USD" (default) or "JPY".
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "committed".
 * @returns The total, in the chosen currency.
 */
export function aidTotal(
  place: string,
  year?: unknown,
  currency?: string,
  theme?: string,
  kind?: string
): number {
  return answer("AIDTOTAL", [place, year, currency, theme, kind]);
}

/**
 * Number of matching records. Example: =AIDCOUNT("Southeast Asia",,"maritime") counts the maritime records for Southeast Asia, all years.
 * @customfunction AIDCOUNT
 * @param place A region, subregion, country (name, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] The year a record counts in: its fiscal year when stated, else the year announced. Omit for all years.
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "all".
 * @returns The number of records.
 */
export function aidCount(place: string, year?: unknown, theme?: string, kind?: string): number {
  return answer("AIDCOUNT", [place, year, theme, kind]);
}

/**
 * People to be trained or developed under the matching records, never counting a stated part twice. Example: =AIDPEOPLE("Africa",2016) is 9696500.
 * @customfunction AIDPEOPLE
 * @param place A region, subregion, country (name, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] The year a record counts in: its fiscal year when stated, else the year announced. Omit for all years.
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "all".
 * @returns The number of people.
 */
export function aidPeople(place: string, year?: unknown, theme?: string, kind?: string): number {
  return answer("AIDPEOPLE", [place, year, theme, kind]);
}

/**
 * The matching records as a table: a header row, then id, date, recipient, theme, kind, amount, currency, USD, JPY. Example: =AIDLIST("Viet Nam") spills the records for Viet Nam.
 * @customfunction AIDLIST
 * @param place A region, subregion, country (name, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] The year a record counts in: its fiscal year when stated, else the year announced. Omit for all years.
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "all".
 * @returns A spilled table; a converted amount with no stated rate is #N/A with the reason.
 */
export function aidList(place: string, year?: unknown, theme?: string, kind?: string): unknown[][] {
  const table: ExcelCell[][] = answer("AIDLIST", [place, year, theme, kind]);
  return table;
}

/**
 * Where a record's figure is stated: document, section and the evidence phrase. Example: =AIDSOURCE("ticad6-peace-stability-2016").
 * @customfunction AIDSOURCE
 * @param id A record id, as in the first column of AIDLIST.
 * @returns The document title and file, the section, and the phrase that states the figure.
 */
export function aidSource(id: string): string {
  return answer("AIDSOURCE", [id]);
}

/**
 * Units of one currency per unit of another at the rate a report states (the median of its stated pairs). Example: =AIDRATE("USD","JPY",2016) is 103.9444 yen per dollar.
 * @customfunction AIDRATE
 * @param from "USD" or "JPY".
 * @param to "USD" or "JPY".
 * @param [year] Use the rate of the report covering this year. Omit for the latest report.
 * @returns Units of `to` per unit of `from`.
 */
export function aidRate(from: string, to: string, year?: unknown): number {
  return answer("AIDRATE", [from, to, year]);
}

/**
 * Converts an amount at the rate a report states, rounded to the target currency's minor unit. Example: =AIDCONVERT(1000000,"USD","JPY",2016) is 103944444.
 * @customfunction AIDCONVERT
 * @param amount The amount to convert.
 * @param from "USD" or "JPY".
 * @param to "USD" or "JPY".
 * @param [year] Use the rate of the report covering this year. Omit for the latest report.
 * @returns The converted amount.
 */
export function aidConvert(amount: number, from: string, to: string, year?: unknown): number {
  return answer("AIDCONVERT", [amount, from, to, year]);
}

// Registered here, not by custom-functions-metadata-plugin's loader (webpack.config.js turns that
// off), so the bundle also loads where there is no CustomFunctions global: a browser, a test.
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("AIDTOTAL", aidTotal);
  CustomFunctions.associate("AIDCOUNT", aidCount);
  CustomFunctions.associate("AIDPEOPLE", aidPeople);
  CustomFunctions.associate("AIDLIST", aidList);
  CustomFunctions.associate("AIDSOURCE", aidSource);
  CustomFunctions.associate("AIDRATE", aidRate);
  CustomFunctions.associate("AIDCONVERT", aidConvert);
}
