/**
 * Formulas that refer to a table's rows by a fixed address ending at its last row
 * (`=SUM(Facts!L2:L34)`). Rows a refresh appends land below that address, so the formula misses
 * them; the table's structured reference (`AidFacts[AmountUSD]`) grows with the table.
 */
import { columnIndex, columnLetters } from "./a1";

/** A formula in a cell, as read from the workbook. */
export interface CellFormula {
  readonly sheet: string;
  /** A1 address of the cell, without sheet: "B4". */
  readonly address: string;
  readonly formula: string;
}

/** Where a table's header and data rows are. Indexes are zero-based, as Excel.Range reports them. */
export interface TableExtent {
  readonly table: string;
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly headerRow: number;
  readonly firstColumn: number;
  /** Data rows below the header (a Total Row not counted). */
  readonly rows: number;
}

export interface FixedAddressReference {
  /** The formula's cell, sheet-qualified: "Sheet1!B4". */
  readonly cell: string;
  /** The address it uses, sheet-qualified: "Facts!L2:L34". */
  readonly reference: string;
  readonly table: string;
  /** What would follow the table: "AidFacts[AmountUSD]". */
  readonly structured: string;
}

/** Whether the check ran: a failed read of the formulas is said, not taken for "none found". */
export type FixedAddressCheck =
  | { readonly kind: "checked"; readonly found: readonly FixedAddressReference[] }
  | { readonly kind: "failed"; readonly reason: string };

interface RangeReference {
  readonly sheet: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

// A cell or block, optionally sheet-qualified ('My sheet'!$A$1:$B$2). The lookarounds keep it from
// matching inside names (LOG10(, Table1, ABC123_x) .
const REFERENCE =
  /(?<![\w.$'!])(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![\w.(!])/g;

/** A sheet name as a formula writes it: quoted when it is not a plain name. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][\w.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** Blanks string literals and bracketed parts (structured references), keeping positions. */
function withoutLiterals(formula: string): string {
  let text = formula.replace(/"(?:[^"]|"")*"/g, (s) => " ".repeat(s.length));
  for (let previous = ""; previous !== text;) {
    previous = text;
    text = text.replace(/\[[^[\]]*\]/g, (s) => " ".repeat(s.length));
  }
  return text;
}

/** The block references (two corners) in a formula; single cells and whole columns are left out. */
export function blockReferences(formula: string): RangeReference[] {
  const found: RangeReference[] = [];
  for (const m of withoutLiterals(formula).matchAll(REFERENCE)) {
    const [, quoted, c1, r1, c2, r2] = m;
    const sheet =
      quoted === undefined
        ? null
        : quoted.startsWith("'")
          ? quoted.slice(1, -1).replace(/''/g, "'")
          : quoted;
    const [a, b] = [columnIndex(c1!), columnIndex(c2!)];
    const [top, bottom] = [Number(r1) - 1, Number(r2) - 1];
    if (top < 0 || bottom < 0) continue;
    found.push({
      sheet,
      top: Math.min(top, bottom),
      bottom: Math.max(top, bottom),
      left: Math.min(a, b),
      right: Math.max(a, b),
    });
  }
  return found;
}

/**
 * A header as a structured reference writes it: an apostrophe escapes [ ] # and itself
 * (escape-column-character in [MS-OE376] 3.2.3.1.1 Structure References,
 * https://learn.microsoft.com/openspecs/office_standards/ms-oe376/bcd72180-31a3-423b-8f83-d224b2286da3).
 */
function escapedHeader(header: string): string {
  return header.replace(/['[\]#]/g, (ch) => `'${ch}`);
}

function structuredReference(
  extent: TableExtent,
  fromHeader: boolean,
  left: number,
  right: number
): string {
  const first = escapedHeader(extent.headers[left - extent.firstColumn]!);
  const last = escapedHeader(extent.headers[right - extent.firstColumn]!);
  const columns = left === right ? `[${first}]` : `[${first}]:[${last}]`;
  if (fromHeader) return `${extent.table}[[#Headers],[#Data],${columns}]`;
  return left === right ? `${extent.table}[${first}]` : `${extent.table}[${columns}]`;
}

/**
 * The formulas' block references that lie in one of these tables' columns, start at its header or
 * first data row and end at its last data row, on the table's sheet (an unqualified reference is on
 * the formula's own sheet). Each is named with the structured reference that would follow the table.
 */
export function findFixedAddressReferences(
  formulas: readonly CellFormula[],
  tables: readonly TableExtent[]
): FixedAddressReference[] {
  const found: FixedAddressReference[] = [];
  const seen = new Set<string>();
  for (const f of formulas) {
    for (const ref of blockReferences(f.formula)) {
      const sheet = ref.sheet ?? f.sheet;
      const extent = tables.find(
        (t) =>
          t.rows > 0 &&
          t.sheet.toLowerCase() === sheet.toLowerCase() &&
          ref.bottom === t.headerRow + t.rows &&
          (ref.top === t.headerRow || ref.top === t.headerRow + 1) &&
          ref.left >= t.firstColumn &&
          ref.right < t.firstColumn + t.headers.length
      );
      if (!extent) continue;
      const cell = `${sheetPrefix(f.sheet)}!${f.address}`;
      const corners =
        `${columnLetters(ref.left)}${ref.top + 1}:` +
        `${columnLetters(ref.right)}${ref.bottom + 1}`;
      const reference = `${sheetPrefix(extent.sheet)}!${corners}`;
      if (seen.has(`${cell} ${reference}`)) continue;
      seen.add(`${cell} ${reference}`);
      found.push({
        cell,
        reference,
        table: extent.table,
        structured: structuredReference(extent, ref.top === extent.headerRow, ref.left, ref.right),
      });
    }
  }
  return found;
}
