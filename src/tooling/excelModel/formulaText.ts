/**
 * Formula text as the user wrote it, walked reference by reference, so the model can do what Excel
 * does to formulas and HyperFormula does not: keep structured references (`AidFacts[AmountUSD]`)
 * as written while giving the engine A1 ranges, follow a renamed sheet or table, turn references
 * to a deleted sheet or table into #REF!, and shift relative references when cells are copied.
 */
import { columnIndex, columnLetters } from "../../domain/workbook/a1";

/** A structured reference, parsed: `Table[[#Data],[A]:[B]]`, `[@A]`, `Table[#All]`. */
export interface StructuredRef {
  /** Null for a reference without a table name (`[@Col]` inside the table). */
  readonly table: string | null;
  readonly area: "data" | "all" | "headers" | "thisRow";
  /** First and last column names, or null for every column. */
  readonly columns: readonly [string, string] | null;
}

/** What to replace each reference with; return undefined to keep the text as written. */
export interface FormulaVisitor {
  /** `Sheet!A1:B2` (sheet null for `#REF!A1`, a reference whose sheet was deleted). */
  sheetRef?(sheet: string | null, reference: string, text: string): string | undefined;
  structured?(ref: StructuredRef, text: string): string | undefined;
  /** A cell or block reference with no sheet: `A1`, `$B$2`, `A1:B2`. */
  cell?(reference: string): string | undefined;
}

const IDENT_CHAR = /[A-Za-z0-9_.\\$]/;
const REFERENCE =
  /^(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;

/** The text of a bracketed group starting at `start` ("[...]" with nesting), or null when unbalanced. */
function bracketEnd(text: string, start: number): number | null {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" && i + 1 < text.length) {
      i++; // an escaped character inside a column name
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return null;
}

const AREAS: Readonly<Record<string, StructuredRef["area"]>> = {
  "#data": "data",
  "#all": "all",
  "#headers": "headers",
  "#this row": "thisRow",
};

/** Parses the bracketed part of a structured reference ("[A]", "[[#Data],[A]:[B]]", "[@A]"). */
export function parseSpecifier(table: string | null, bracketed: string): StructuredRef | null {
  let inner = bracketed.slice(1, -1).trim();
  let area: StructuredRef["area"] = "data";
  if (inner.startsWith("@")) {
    area = "thisRow";
    inner = inner.slice(1).trim();
    if (inner === "") return { table, area, columns: null };
    if (!inner.startsWith("[")) inner = `[${inner}]`;
  }
  if (inner === "") return { table, area, columns: null };
  if (!inner.startsWith("[")) {
    const special = AREAS[inner.toLowerCase()];
    if (special) return { table, area: special, columns: null };
    return { table, area, columns: [unescape(inner), unescape(inner)] };
  }
  // A list of bracketed items: areas, then one column or a column span.
  const items: string[] = [];
  let i = 0;
  while (i < inner.length) {
    const ch = inner[i]!;
    if (ch === "[") {
      const end = bracketEnd(inner, i);
      if (end === null) return null;
      items.push(inner.slice(i + 1, end));
      i = end + 1;
    } else if (ch === "," || ch === " ") i++;
    else if (ch === ":") {
      items.push(":");
      i++;
    } else return null;
  }
  let columns: [string, string] | null = null;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const special = AREAS[item.toLowerCase()];
    if (special) {
      area = special;
      continue;
    }
    if (item === ":") continue;
    if (items[k + 1] === ":" && items[k + 2] !== undefined) {
      columns = [unescape(item), unescape(items[k + 2]!)];
      k += 2;
    } else columns = [unescape(item), unescape(item)];
  }
  return { table, area, columns };
}

function unescape(name: string): string {
  return name.replace(/'(.)/g, "$1").trim();
}

/** Rewrites a formula ("=..."), calling the visitor for each reference outside string literals. */
export function mapFormula(formula: string, visitor: FormulaVisitor): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const token = scanToken(formula, i, visitor);
    out += token.out;
    i = token.next;
  }
  return out;
}

/** One token of a formula: the text it becomes and where the next token starts. */
interface Token {
  readonly out: string;
  readonly next: number;
}

function scanToken(formula: string, i: number, visitor: FormulaVisitor): Token {
  const ch = formula[i]!;
  if (ch === '"') {
    const end = closingQuote(formula, i, '"');
    return { out: formula.slice(i, end + 1), next: end + 1 };
  }
  if (ch === "'") return scanQuotedSheet(formula, i, visitor);
  if (formula.startsWith("#REF!", i)) {
    return sheetReference(formula, i, i + 4, null, visitor) ?? { out: "#REF!", next: i + 5 };
  }
  if (ch === "[") {
    const structured = structuredReference(formula, i, i, null, visitor);
    if (structured) return structured;
  }
  if (IDENT_CHAR.test(ch) && (i === 0 || !IDENT_CHAR.test(formula[i - 1]!)))
    return scanWord(formula, i, visitor);
  return { out: ch, next: i + 1 };
}

/** The index of the quote closing the one at `start` (a doubled quote is an escaped one). */
function closingQuote(formula: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < formula.length) {
    if (formula[j] === quote) {
      if (formula[j + 1] === quote) j += 2;
      else break;
    } else j++;
  }
  return j;
}

/** A quoted sheet name: 'My sheet'!A1 (or a quoted name that is not followed by a reference). */
function scanQuotedSheet(formula: string, i: number, visitor: FormulaVisitor): Token {
  const end = closingQuote(formula, i, "'");
  if (formula[end + 1] === "!") {
    const sheet = formula.slice(i + 1, end).replace(/''/g, "'");
    const reference = sheetReference(formula, i, end + 1, sheet, visitor);
    if (reference) return reference;
  }
  return { out: formula.slice(i, end + 1), next: end + 1 };
}

/** `Sheet!A1:B2` from `start`, with the "!" at `bang`; null when no reference follows it. */
function sheetReference(
  formula: string,
  start: number,
  bang: number,
  sheet: string | null,
  visitor: FormulaVisitor
): Token | null {
  const ref = REFERENCE.exec(formula.slice(bang + 1));
  if (!ref) return null;
  const next = bang + 1 + ref[0].length;
  const text = formula.slice(start, next);
  return { out: visitor.sheetRef?.(sheet, ref[0], text) ?? text, next };
}

/** `Table[...]` from `start`, its bracket at `bracket`; null when the brackets do not close. */
function structuredReference(
  formula: string,
  start: number,
  bracket: number,
  table: string | null,
  visitor: FormulaVisitor
): Token | null {
  const end = bracketEnd(formula, bracket);
  if (end === null) return null;
  const text = formula.slice(start, end + 1);
  const ref = parseSpecifier(table, formula.slice(bracket, end + 1));
  return { out: (ref && visitor.structured?.(ref, text)) ?? text, next: end + 1 };
}

/** A name: a sheet before "!", a table before "[", a cell or block reference, or any other word. */
function scanWord(formula: string, i: number, visitor: FormulaVisitor): Token {
  let j = i;
  while (j < formula.length && IDENT_CHAR.test(formula[j]!)) j++;
  const word = formula.slice(i, j);
  if (formula[j] === "!") {
    const reference = sheetReference(formula, i, j, word, visitor);
    if (reference) return reference;
  }
  if (formula[j] === "[") {
    const structured = structuredReference(formula, i, j, word, visitor);
    if (structured) return structured;
  }
  if (CELL.test(word) && formula[j] !== "(") return scanCell(formula, word, j, visitor);
  return { out: word, next: j };
}

function scanCell(formula: string, word: string, j: number, visitor: FormulaVisitor): Token {
  // "A1:B2" is one reference.
  const second = formula[j] === ":" ? /^\$?[A-Za-z]{1,3}\$?\d+/.exec(formula.slice(j + 1)) : null;
  const after = second ? formula[j + 1 + second[0].length] : undefined;
  if (second && (after === undefined || !IDENT_CHAR.test(after))) {
    const reference = `${word}:${second[0]}`;
    return { out: visitor.cell?.(reference) ?? reference, next: j + 1 + second[0].length };
  }
  return { out: visitor.cell?.(word) ?? word, next: j };
}

/** Whether a formula has a structured reference (so it must be re-translated when tables change). */
export function hasStructuredReference(formula: string): boolean {
  let found = false;
  mapFormula(formula, {
    structured: () => {
      found = true;
      return undefined;
    },
  });
  return found;
}

/** Whether a formula calls one of the AID functions (optionally namespaced, `AID.AIDTOTAL`). */
export function callsAid(formula: string): boolean {
  return /(^|[^A-Za-z0-9_.])(AID\.)?AID[A-Z]+\s*\(/i.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

/** A relative cell reference moved by rows and columns; "$" parts stay. Off the grid gives #REF!. */
export function shiftCell(reference: string, rows: number, columns: number): string {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(reference);
  if (!m) return reference;
  let col = columnIndex(m[2]!);
  let row = Number(m[4]) - 1;
  if (!m[1]) col += columns;
  if (!m[3]) row += rows;
  if (row < 0 || col < 0) return "#REF!";
  return `${m[1]}${columnLetters(col)}${m[3]}${row + 1}`;
}

/** Every relative reference in a formula moved, as Excel adjusts a copied formula. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  const shiftRange = (reference: string) =>
    reference
      .split(":")
      .map((part) => (CELL.test(part) ? shiftCell(part, rows, columns) : part))
      .join(":");
  return mapFormula(formula, {
    cell: (reference) => shiftRange(reference),
    sheetRef: (_sheet, reference, text) =>
      text.slice(0, text.length - reference.length) + shiftRange(reference),
  });
}

function parseCellRef(part: string): { row: number; col: number; text: string } | null {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(part);
  if (!m) return null;
  return { row: Number(m[4]) - 1, col: columnIndex(m[2]!), text: part };
}

function withRow(part: string, row: number): string {
  return part.replace(/\d+$/, String(row + 1));
}

/**
 * A reference after rows `top`..`bottom` of columns `left`..`right` were deleted with the cells
 * below moving up, as Excel adjusts formulas: references below move up, a block that loses some of
 * its rows shrinks, a reference to deleted cells only is #REF!. References that reach outside those
 * columns are left as they are.
 */
export function adjustForDeletedRows(
  reference: string,
  top: number,
  bottom: number,
  left: number,
  right: number
): string {
  const parts = reference.split(":");
  const cells = parts.map(parseCellRef);
  if (cells.some((c) => c === null) || cells.length > 2) return reference;
  const [a, b] = [cells[0]!, cells[cells.length - 1]!];
  if (Math.min(a.col, b.col) < left || Math.max(a.col, b.col) > right) return reference;
  const n = bottom - top + 1;
  const r1 = Math.min(a.row, b.row);
  const r2 = Math.max(a.row, b.row);
  if (r1 >= top && r2 <= bottom) return "#REF!";
  const move = (r: number) => (r > bottom ? r - n : r);
  const newTop = r1 >= top && r1 <= bottom ? top : move(r1);
  const newBottom = r2 >= top && r2 <= bottom ? top - 1 : move(r2);
  if (cells.length === 1) return withRow(a.text, newTop);
  const [first, last] = a.row <= b.row ? [a, b] : [b, a];
  return `${withRow(first.text, newTop)}:${withRow(last.text, newBottom)}`;
}
