/*
 * A1-style addresses, as Excel writes them in formulas and range addresses: shared by the Excel
 * adapter (src/host/excel), the Excel model (src/tooling/excelModel) and the workbench, so that
 * tooling reads addresses by the same rules as the adapter without importing the host.
 */

/** Column letters of a zero-based column index: 0 -> A, 26 -> AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1-style address of a block, from zero-based indexes: (1, 0, 2, 3) -> "A2:C3". */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetters(column)}${row + 1}`;
  const end = `${columnLetters(column + columns - 1)}${row + rows}`;
  return rows === 1 && columns === 1 ? start : `${start}:${end}`;
}

/** "Sheet1!B2" -> "B2", "'My sheet'!B2" -> "B2". */
export function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

const CELL_OR_BLOCK = /^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/i;

/**
 * Splits a reference as it appears in a formula: "Sheet1!$A$1", "'My sheet'!A1:B2" or "A1" (the
 * active sheet). null when it is not a plain cell or block address, so it is never sent to Excel.
 */
export function splitReference(
  reference: string
): { sheet: string | null; address: string } | null {
  const bang = reference.lastIndexOf("!");
  const address = reference.slice(bang + 1).replace(/\$/g, "");
  if (!CELL_OR_BLOCK.test(address)) return null;
  if (bang < 0) return { sheet: null, address };
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet ? { sheet, address } : null;
}

/** Zero-based column index of column letters: A -> 0, AA -> 26 (either case). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;

/** Zero-based row and column of a cell address ("C4" and "$C$4" are row 3, column 2); null when it is not one. */
export function cellIndex(address: string): { row: number; col: number } | null {
  const m = CELL.exec(address);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : null;
}

/** A block, zero-based and inclusive. */
export interface Block {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The block of a cell or block address without its sheet ("B2:C4", "$B$2", "C4:B2"), corners in
 * either order; null when it is not one.
 */
export function blockIndex(address: string): Block | null {
  const [first = "", last = first, extra] = address.split(":");
  const a = cellIndex(first);
  const b = cellIndex(last);
  if (!a || !b || extra !== undefined) return null;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}
