/**
 * A1 addresses for the Excel model: parsing "A1", "B2:C3", "Sheet!A1", "'My sheet'!A1:B2", and
 * formatting them back the way Excel's `Range.address` does (sheet name quoted when it must be).
 */
import { columnIndex, columnLetters } from "../../domain/workbook/a1";

/** A block of cells by zero-based, inclusive row and column bounds. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;

function parseCell(text: string): { row: number; col: number } | null {
  const m = CELL.exec(text.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]!);
  if (row >= MAX_ROWS || col >= MAX_COLUMNS) return null;
  return { row, col };
}

/** "B2" or "B2:C3" (either corner first) as a box; null when it is not a bounded cell or block address. */
export function parseBox(address: string): Box | null {
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]!);
  const b = parts.length === 2 ? parseCell(parts[1]!) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Splits "Sheet!A1", "'It''s'!A1" or "A1" into the sheet name (null when absent) and the address. */
export function splitSheet(reference: string): { sheet: string | null; address: string } {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: reference };
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: reference.slice(bang + 1) };
}

/** "A1" or "A1:C3" of a box, without the sheet. */
export function boxAddress(box: Box): string {
  const start = `${columnLetters(box.left)}${box.top + 1}`;
  if (box.top === box.bottom && box.left === box.right) return start;
  return `${start}:${columnLetters(box.right)}${box.bottom + 1}`;
}

/** "$A$1:$C$3": the absolute form used when structured references are translated for the engine. */
export function absoluteAddress(box: Box): string {
  const start = `$${columnLetters(box.left)}$${box.top + 1}`;
  if (box.top === box.bottom && box.left === box.right) return start;
  return `${start}:$${columnLetters(box.right)}$${box.bottom + 1}`;
}

const PLAIN_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const LOOKS_LIKE_REFERENCE = /^([A-Za-z]{1,3}\d+|R\d*C\d*|R|C)$/i;

/**
 * A sheet name as it appears in an address or a formula: quoted ('My sheet', with ' doubled) when
 * it has anything but letters, digits, underscores and periods, starts with a digit, or reads as a
 * cell reference, as Excel writes it.
 */
export function quoteSheet(name: string): string {
  return PLAIN_SHEET_NAME.test(name) && !LOOKS_LIKE_REFERENCE.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2" or "'My sheet'!A1": what Excel returns for `Range.address`. */
export function qualifiedAddress(sheet: string, box: Box): string {
  return `${quoteSheet(sheet)}!${boxAddress(box)}`;
}

export function boxRows(box: Box): number {
  return box.bottom - box.top + 1;
}

export function boxColumns(box: Box): number {
  return box.right - box.left + 1;
}

export function intersect(a: Box, b: Box): Box | null {
  const box = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return box.top <= box.bottom && box.left <= box.right ? box : null;
}

export function contains(outer: Box, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}
