import Papa from "papaparse";
import { fromText } from "./cellText";
import { type FieldName, RECORD_FIELDS } from "./fields";
import type { FieldRow, RawRows } from "./io";
import type { Checked, Problem } from "./problems";
import { echo } from "../limits";
import { messages } from "../messages/catalog";

/*
 * CSV, read and written with papaparse. Only a CSV file being read or written needs this module:
 * the pane imports it when a CSV is loaded (parseDatasetTextAsync), so papaparse is not among the
 * scripts the pane page loads at start (webpack.config.js, README "Bundle").
 */

/** A CSV dataset's text (byte-order mark already dropped) as rows, each with its 1-based line. */
export function parseCsv(text: string): Checked<RawRows> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const problems: Problem[] = parsed.errors.map((e) => ({
    row: (e.row ?? 0) + 1,
    field: "(file)",
    message: `CSV: ${e.message}`,
  }));
  const table = parsed.data;
  const header = table[0] ?? [];
  const known = new Map<string, (typeof RECORD_FIELDS)[number]>(
    RECORD_FIELDS.map((f) => [f.name, f])
  );
  const columns = new Map<string, number>();
  header.forEach((name, c) => {
    const trimmed = name.trim();
    if (!known.has(trimmed))
      problems.push({
        row: 0,
        line: 1,
        field: echo(name),
        message: messages().unknownColumn(
          echo(name),
          RECORD_FIELDS.map((f) => f.name)
        ),
        code: "unknown-column",
      });
    const first = columns.get(trimmed);
    if (first !== undefined)
      problems.push({
        row: 0,
        line: 1,
        field: echo(trimmed),
        message: messages().columnTwice(echo(trimmed), first + 1, c + 1),
      });
    else columns.set(trimmed, c);
  });
  for (const f of RECORD_FIELDS) {
    if (f.required && !header.map((h) => h.trim()).includes(f.name))
      problems.push({
        row: 0,
        line: 1,
        field: f.name,
        message: messages().requiredColumnMissing,
        code: "missing-column",
      });
  }
  if (problems.length) return { ok: false, problems };

  const columnOf = columnsOf(header);
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  // Papaparse gives rows, not lines: count the line breaks inside quoted cells to keep line numbers true.
  let line = 1 + (header.join(",").match(/\n/g)?.length ?? 0);
  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    line += 1;
    const startLine = line;
    for (const c of cells) for (let i = c.indexOf("\n"); i >= 0; i = c.indexOf("\n", i + 1)) line++;
    if (cells.length === 1 && cells[0]!.trim() === "") continue;
    const rowNumber = rows.length + 1;
    if (cells.length !== header.length) {
      problems.push({
        row: rowNumber,
        line: startLine,
        field: "(record)",
        message: messages().cellCount(cells.length, header.length),
      });
    }
    const row = rowOfCells(cells, columnOf);
    if (row === null) cellProblems(header, known, cells, rowNumber, startLine, problems);
    rows.push(row ?? {});
    lines.push(startLine);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { rows, lines } };
}

/** Each field's column (index in the header), or -1 when the file has no such column. */
type Columns = Readonly<Record<FieldName, number>>;

function columnsOf(header: readonly string[]): Columns {
  const trimmed = header.map((h) => h.trim());
  return Object.fromEntries(RECORD_FIELDS.map((f) => [f.name, trimmed.indexOf(f.name)])) as Record<
    FieldName,
    number
  >;
}

/** A cell that does not read as its field's type (fromText says why). */
const UNREADABLE = Symbol("unreadable");
let unreadableCells = 0;

/** A text cell: trimmed, empty as null; a field whose column the file lacks stays out of the row. */
function textCell(cells: readonly string[], column: number): unknown {
  if (column < 0) return undefined;
  const t = (cells[column] ?? "").trim();
  return t === "" ? null : t;
}
function integerCell(cells: readonly string[], column: number): unknown {
  if (column < 0) return undefined;
  const t = (cells[column] ?? "").trim();
  if (t === "") return null;
  if (/^-?\d+$/.test(t)) return Number(t);
  unreadableCells++;
  return UNREADABLE;
}
function booleanCell(cells: readonly string[], column: number): unknown {
  if (column < 0) return undefined;
  const lower = (cells[column] ?? "").trim().toLowerCase();
  if (lower === "") return null;
  if (lower === "true") return true;
  if (lower === "false") return false;
  unreadableCells++;
  return UNREADABLE;
}

/**
 * One CSV row as the fields of a record (what fromText makes of each cell), built as one object
 * literal: 100,000 rows then share one shape and no cell makes an object of its own. Null when a
 * cell does not read as its type; cellProblems then says which, in column order.
 */
function rowOfCells(cells: readonly string[], c: Columns): Record<string, unknown> | null {
  unreadableCells = 0;
  const row: Record<FieldName, unknown> = {
    id: textCell(cells, c.id),
    sourceFile: textCell(cells, c.sourceFile),
    sourceTitle: textCell(cells, c.sourceTitle),
    sourceSection: textCell(cells, c.sourceSection),
    evidence: textCell(cells, c.evidence),
    donor: textCell(cells, c.donor),
    announced: textCell(cells, c.announced),
    fiscalYear: integerCell(cells, c.fiscalYear),
    periodFrom: integerCell(cells, c.periodFrom),
    periodTo: integerCell(cells, c.periodTo),
    kind: textCell(cells, c.kind),
    amount: textCell(cells, c.amount),
    currency: textCell(cells, c.currency),
    approximate: booleanCell(cells, c.approximate),
    equivalentAmount: textCell(cells, c.equivalentAmount),
    equivalentCurrency: textCell(cells, c.equivalentCurrency),
    recipient: textCell(cells, c.recipient),
    recipientType: textCell(cells, c.recipientType),
    region: textCell(cells, c.region),
    subregion: textCell(cells, c.subregion),
    country: textCell(cells, c.country),
    channel: textCell(cells, c.channel),
    theme: textCell(cells, c.theme),
    crsPurpose: textCell(cells, c.crsPurpose),
    people: integerCell(cells, c.people),
    quantity: integerCell(cells, c.quantity),
    unit: textCell(cells, c.unit),
    partOf: textCell(cells, c.partOf),
    notes: textCell(cells, c.notes),
  };
  return unreadableCells === 0 ? row : null;
}

function cellProblems(
  header: readonly string[],
  known: ReadonlyMap<string, (typeof RECORD_FIELDS)[number]>,
  cells: readonly string[],
  row: number,
  line: number,
  problems: Problem[]
): void {
  header.forEach((name, c) => {
    const field = known.get(name.trim())!;
    const converted = fromText(field, cells[c] ?? "");
    if ("error" in converted)
      problems.push({ row, line, field: field.name, message: converted.error });
  });
}

/**
 * The dataset as CSV (RFC 4180, header row with the field names). Booleans print as TRUE/FALSE,
 * null as an empty cell. Takes records, or candidates whose blanks a person still has to fill.
 */
export function toCsv(records: readonly FieldRow[]): string {
  const rows = records.map((r) =>
    RECORD_FIELDS.map((f) => {
      const v = r[f.name];
      return v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    })
  );
  return (
    Papa.unparse({ fields: RECORD_FIELDS.map((f) => f.name), data: rows }, { newline: "\n" }) + "\n"
  );
}
