import { messageOf, messages } from "../messages/catalog";
import Papa from "papaparse";
import { type FieldName, RECORD_FIELDS } from "./fields";
import type { Checked, Problem } from "./problems";
import type { CommitmentRecord } from "./schema";
import { MAX_FILE_BYTES, echo } from "../limits";

/** What a dataset file holds before validation: rows of fields, and where each row sits in the text. */
export interface RawRows {
  readonly rows: readonly Record<string, unknown>[];
  /** 1-based text line of each row (CSV only). */
  readonly lines?: readonly number[];
}

export type DatasetFormat = "json" | "csv";

/** Guesses the format from a file name, else from the first character. */
export function detectFormat(text: string, fileName?: string): DatasetFormat {
  if (fileName?.toLowerCase().endsWith(".csv")) return "csv";
  if (fileName?.toLowerCase().endsWith(".json")) return "json";
  return /^\s*[[{]/.test(text) ? "json" : "csv";
}

/**
 * Parses a dataset file's text into rows. A leading byte-order mark is dropped (JSON and CSV
 * alike); text holding NUL characters is refused as UTF-16 read as UTF-8; text longer than
 * MAX_FILE_BYTES characters is refused before parsing.
 */
export function parseDatasetText(text: string, format: DatasetFormat): Checked<RawRows> {
  const refused = textFileProblem(text);
  if (refused) return { ok: false, problems: [refused] };
  const body = text.replace(/^\uFEFF/, "");
  return format === "json" ? parseJson(body) : parseCsv(body);
}

function textFileProblem(text: string): Problem | null {
  if (text.length > MAX_FILE_BYTES)
    return {
      row: 0,
      field: "(file)",
      message: messages().fileOverLimit(MAX_FILE_BYTES, MAX_FILE_BYTES / 2 ** 20),
    };
  const nul = text.indexOf("\u0000");
  if (nul >= 0)
    return {
      row: 0,
      line: lineAt(text, nul),
      field: "(file)",
      // eslint-disable-next-line no-control-regex -- NUL bytes are what marks UTF-16 read as UTF-8
      message: /^\uFFFD\uFFFD|^[\uFEFF\uFFFE]|^.\u0000|^\u0000./s.test(text)
        ? messages().wideEncodingFile(null)
        : messages().nulCharacter(nul + 1),
    };
  return null;
}

/** The 1-based line of character `index` of `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function parseJson(text: string): Checked<RawRows> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          row: 0,
          field: "(file)",
          message: messages().notValidJson(messageOf(e)),
          code: "not-json",
        },
      ],
    };
  }
  if (!Array.isArray(data))
    return {
      ok: false,
      problems: [
        {
          row: 0,
          field: "(file)",
          message: messages().notRecordList,
          code: "not-records",
        },
      ],
    };
  const problems: Problem[] = [...duplicateJsonKeys(text)];
  data.forEach((row, i) => {
    if (typeof row !== "object" || row === null || Array.isArray(row))
      problems.push({
        row: i + 1,
        field: "(record)",
        message: messages().recordNotObject,
      });
  });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, value: { rows: data as Record<string, unknown>[] } };
}

/**
 * Keys given twice in one JSON object: JSON.parse keeps the last, silently, so a record with two
 * "amount" keys would mean whichever came second. One linear pass over text already known to be
 * valid JSON, tracking strings, nesting and lines.
 */
function duplicateJsonKeys(text: string): Problem[] {
  const problems: Problem[] = [];
  // One entry per open object or array: its keys so far (objects) and the record it belongs to.
  const stack: { keys: Set<string> | null; record: number }[] = [];
  let line = 1;
  let records = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") line++;
    else if (c === "{" || c === "[") {
      const record = stack.length === 1 ? ++records : (stack[stack.length - 1]?.record ?? 0);
      stack.push({ keys: c === "{" ? new Set() : null, record });
      expectKey = c === "{";
    } else if (c === "}" || c === "]") {
      stack.pop();
      expectKey = false;
    } else if (c === ",") {
      expectKey = (stack[stack.length - 1]?.keys ?? null) !== null;
    } else if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key))
          problems.push({
            row: top.record,
            line,
            field: echo(key),
            message: messages().keyTwice(echo(key)),
          });
        top.keys.add(key);
      }
      expectKey = false;
      i = j;
    }
  }
  return problems;
}

/**
 * Converts one text cell to its field's type. Empty means absent. Returns a reason for a value
 * that cannot be that type, so the row, field and reason can be reported.
 */
export function fromText(
  field: (typeof RECORD_FIELDS)[number],
  text: string
): { value: unknown } | { error: string } {
  const t = text.trim();
  if (t === "") return { value: null };
  switch (field.type) {
    case "integer":
      return /^-?\d+$/.test(t)
        ? { value: Number(t) }
        : { error: messages().notWholeNumber(echo(text)) };
    case "boolean": {
      const lower = t.toLowerCase();
      if (lower === "true") return { value: true };
      if (lower === "false") return { value: false };
      return { error: messages().notTrueOrFalse(echo(text)) };
    }
    default:
      return { value: t };
  }
}

function parseCsv(text: string): Checked<RawRows> {
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

/** The dataset as pretty JSON: an array of flat records with every field, nulls included. */
export function toJson(records: readonly CommitmentRecord[]): string {
  return JSON.stringify(records.map(orderFields), null, 2) + "\n";
}

function orderFields(r: CommitmentRecord): Record<FieldName, unknown> {
  const out = {} as Record<FieldName, unknown>;
  for (const f of RECORD_FIELDS) out[f.name] = r[f.name];
  return out;
}

/** A row with every field, some perhaps still blank (null): a record, or a candidate to complete. */
export type FieldRow = { readonly [K in FieldName]: string | number | boolean | null };

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
