import type { SheetCell } from "./port";

/**
 * Text that a spreadsheet would take for a formula or command if written as is: a leading "=",
 * "+", "-" or "@", or a control character (tab, line break, ...). Such text is written with a
 * leading apostrophe, the spreadsheet's own "this is text" marker: the cell shows and returns the
 * text unchanged, and nothing is evaluated.
 */
const FORMULA_TRIGGER = /^[=+\-@\u0000-\u001f\u007f]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** The value to write so that data lands as data. Numbers, booleans and empty cells pass through. */
export function toSafeCell(value: SheetCell): SheetCell {
  return typeof value === "string" && isFormulaLike(value) ? `'${value}` : value;
}
