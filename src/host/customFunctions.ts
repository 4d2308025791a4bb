import { streamAnswer } from "./answer";

/*
 * The Excel custom functions. This file is only what Excel shows and registers: the JSDoc below is
 * the product copy of each function (custom-functions-metadata turns it into functions.json), and
 * each body is one call to the shared edge, `streamAnswer`. What the functions mean lives in
 * src/domain/functions; the argument and function descriptions repeat the catalog's words (a test
 * keeps them equal).
 *
 * Every function is a streaming function (`@streaming`): it answers at once and answers again each
 * time the ledger changes (a load, a refresh, an accepted edit, a user rate), so every AID cell in
 * this workbook, a cell that showed an error and an AIDLIST spill included, shows the current data
 * without recalculating the workbook, or any other open workbook. Recalculation requests are not
 * dependable for custom functions (office-js #1462, #3234, #4502: cells in an error state are not
 * always re-run); a streaming result needs none. Streaming functions may return dynamic arrays
 * (office-js #1220). Excel calls `onCanceled` when the cell's formula is removed or changed; the
 * subscription ends there. No function is also `@cancelable`: Microsoft Learn (custom-functions-json,
 * custom-functions-json-autogeneration, custom-functions-web-reqs) says a function cannot be both,
 * and a streaming invocation's own `onCanceled` does the cleanup. Microsoft Learn: "Make a streaming function" (custom-functions-web-reqs)
 * and CustomFunctions.StreamingInvocation (CustomFunctionsRuntime 1.1).
 */

export { ledgerStore } from "./store";

/**
 * Total amount of the matching commitments, converted at the rates the reports state. Example: =AIDTOTAL("Africa",2016) is 2420000000 (US dollars committed to Africa in 2016).
 * @customfunction AIDTOTAL
 * @streaming
 * @param place A region, subregion, country (name in English or Japanese, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] A year (2016: the fiscal year a record states, else the year announced), or a fiscal year "FY2016" or "2016年度" (1 April to 31 March). Omit for all years.
 * @param [currency] "USD" (default) or "JPY".
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "committed".
 * @returns The total, in the chosen currency.
 */
export function aidTotal(
  place: string,
  year: unknown,
  currency: string | undefined,
  theme: string | undefined,
  kind: string | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  streamAnswer("AIDTOTAL", [place, year, currency, theme, kind], invocation);
}

/**
 * Number of matching records. Example: =AIDCOUNT("Southeast Asia",,"maritime") counts the maritime records for Southeast Asia, all years.
 * @customfunction AIDCOUNT
 * @streaming
 * @param place A region, subregion, country (name in English or Japanese, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] A year (2016: the fiscal year a record states, else the year announced), or a fiscal year "FY2016" or "2016年度" (1 April to 31 March). Omit for all years.
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "all".
 * @returns The number of records.
 */
export function aidCount(
  place: string,
  year: unknown,
  theme: string | undefined,
  kind: string | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  streamAnswer("AIDCOUNT", [place, year, theme, kind], invocation);
}

/**
 * People to be trained or developed under the matching records, never counting a stated part twice. Example: =AIDPEOPLE("Africa",2016) is 9696500.
 * @customfunction AIDPEOPLE
 * @streaming
 * @param place A region, subregion, country (name in English or Japanese, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] A year (2016: the fiscal year a record states, else the year announced), or a fiscal year "FY2016" or "2016年度" (1 April to 31 March). Omit for all years.
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "all".
 * @returns The number of people.
 */
export function aidPeople(
  place: string,
  year: unknown,
  theme: string | undefined,
  kind: string | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  streamAnswer("AIDPEOPLE", [place, year, theme, kind], invocation);
}

/**
 * The matching records as a table: a header row, then id, date, recipient, theme, kind, amount, currency, USD, JPY, fiscalYear. Example: =AIDLIST("Viet Nam") spills the records for Viet Nam.
 * @customfunction AIDLIST
 * @streaming
 * @param place A region, subregion, country (name in English or Japanese, alias or ISO code), recipient organization, or "*" for all.
 * @param [year] A year (2016: the fiscal year a record states, else the year announced), or a fiscal year "FY2016" or "2016年度" (1 April to 31 March). Omit for all years.
 * @param [theme] A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.
 * @param [kind] "committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "all".
 * @returns A spilled table; a converted amount with no stated rate is #N/A with the reason.
 */
export function aidList(
  place: string,
  year: unknown,
  theme: string | undefined,
  kind: string | undefined,
  invocation: CustomFunctions.StreamingInvocation<unknown[][]>
): void {
  streamAnswer("AIDLIST", [place, year, theme, kind], invocation);
}

/**
 * Where a record's figure is stated: document, section and the evidence phrase. Example: =AIDSOURCE("ticad6-peace-stability-2016").
 * @customfunction AIDSOURCE
 * @streaming
 * @param id A record id, as in the first column of AIDLIST.
 * @returns The document title and file, the section, and the phrase that states the figure.
 */
export function aidSource(
  id: string,
  invocation: CustomFunctions.StreamingInvocation<string>
): void {
  streamAnswer("AIDSOURCE", [id], invocation);
}

/**
 * Units of one currency per unit of another at the rate a report states (the median of its stated pairs). Example: =AIDRATE("USD","JPY",2016) is 103.9444 yen per dollar.
 * @customfunction AIDRATE
 * @streaming
 * @param from "USD" or "JPY".
 * @param to "USD" or "JPY".
 * @param [year] Use the rate of the report covering this year, or this fiscal year ("FY2016", "2016年度"). Omit for the latest report.
 * @returns Units of `to` per unit of `from`.
 */
export function aidRate(
  from: string,
  to: string,
  year: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  streamAnswer("AIDRATE", [from, to, year], invocation);
}

/**
 * Converts an amount at the rate a report states, rounded to the target currency's minor unit. Example: =AIDCONVERT(1000000,"USD","JPY",2016) is 103944444.
 * @customfunction AIDCONVERT
 * @streaming
 * @param amount The amount to convert.
 * @param from "USD" or "JPY".
 * @param to "USD" or "JPY".
 * @param [year] Use the rate of the report covering this year, or this fiscal year ("FY2016", "2016年度"). Omit for the latest report.
 * @returns The converted amount.
 */
export function aidConvert(
  amount: number,
  from: string,
  to: string,
  year: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  streamAnswer("AIDCONVERT", [amount, from, to, year], invocation);
}

/**
 * Which data the functions answer from, in one line: where it came from, how many records and reports, and when it was loaded. Example: =AIDVERSION() is "Bundled data, 33 records from 2 reports, loaded 29 Nov 2026 12:18".
 * @customfunction AIDVERSION
 * @streaming
 * @returns The data's status, as the task pane's Data tab shows it.
 */
export function aidVersion(invocation: CustomFunctions.StreamingInvocation<string>): void {
  streamAnswer("AIDVERSION", [], invocation);
}

// Registered here, guarded, so the bundle also loads where there is no CustomFunctions global (a
// browser, a test). functions.json is generated from the JSDoc above by `npm run metadata`.
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("AIDTOTAL", aidTotal);
  CustomFunctions.associate("AIDCOUNT", aidCount);
  CustomFunctions.associate("AIDPEOPLE", aidPeople);
  CustomFunctions.associate("AIDLIST", aidList);
  CustomFunctions.associate("AIDSOURCE", aidSource);
  CustomFunctions.associate("AIDRATE", aidRate);
  CustomFunctions.associate("AIDCONVERT", aidConvert);
  CustomFunctions.associate("AIDVERSION", aidVersion);
}
