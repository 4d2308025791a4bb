import { type SheetCell, toSafeCell } from "../../domain";

/**
 * The value to write so that the cell reads back as the data (toSafeCell keeps text as text).
 * null becomes "": in a written 2-D array null means "leave this cell unchanged", and "" is also
 * the shorter payload.
 */
export function toWorkbookCell(value: SheetCell): SheetCell {
  return value === null ? "" : toSafeCell(value);
}

/** A value as read from a cell: Excel answers "" for an empty cell. */
export function fromWorkbookCell(value: unknown): SheetCell {
  if (value === "") return null;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : null;
}
