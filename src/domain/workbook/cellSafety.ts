import type { SheetCell } from "./port";

/**
 * Text that a spreadsheet would take for a formula or command if written as is.
 *
 * - A leading "=", "+", "-" or "@", or a control character (tab, line break, NUL, ...): Excel
 *   takes a string written through `range.values` that starts with "=", "+" or "-" as a formula
 *   (Microsoft Learn, "Set and get range values, text, or formulas using the Excel JavaScript
 *   API"); OWASP ASVS 1.2.10 adds "@", tab and NUL to the characters to mark.
 * - The same after leading white space (spaces, no-break spaces, the ideographic space U+3000):
 *   whether Excel strips them before deciding is not documented, so they are marked.
 * - The full-width forms "＝", "＋", "－", "＠" (and the small forms "﹦", "﹢", "﹣", and the minus
 *   sign "−"): Japanese and Chinese input methods type them, and Excel in those locales corrects
 *   full-width characters in a formula as it is entered (LibreOffice bug 80265 records Microsoft
 *   Office converting full-width brackets). Whether `range.values` does the same is unverified,
 *   so they are marked: over-matching costs an invisible apostrophe, under-matching a formula.
 */
const FORMULA_TRIGGER =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this must catch
  /^[\s\u3000\u00a0\u2000-\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\u2212]|^[\u0000-\u001f\u007f]/;

/**
 * Text a spreadsheet would re-type when written as if typed: anything with a digit ("2016-05"
 * becomes a date, "15210" a number, "50%" a percentage), TRUE and FALSE, error literals such as
 * "#N/A", and text that itself starts with an apostrophe (which would be taken as the marker).
 */
const RETYPED = /\d|^\s*(true|false)\s*$|^\s*#|^'/i;

export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/**
 * The value to write so that data lands as data: text that would become a formula, a number, a
 * date or a boolean gets a leading apostrophe, the spreadsheet's own "this is text" marker. The
 * cell shows and returns the text unchanged; nothing is evaluated or converted. Numbers, booleans
 * and empty cells pass through. Over-matching is harmless, under-matching is not.
 */
export function toSafeCell(value: SheetCell): SheetCell {
  return typeof value === "string" && (FORMULA_TRIGGER.test(value) || RETYPED.test(value))
    ? `'${value}`
    : value;
}
