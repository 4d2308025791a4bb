import type { SheetCell } from "./port";

/**
 * Text that a spreadsheet would take for a formula or command if written as is: a leading "=",
 * "+", "-" or "@", or a control character (tab, line break, ...).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must catch
const FORMULA_TRIGGER = /^[=+\-@\u0000-\u001f\u007f]/;

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
