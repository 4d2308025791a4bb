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
