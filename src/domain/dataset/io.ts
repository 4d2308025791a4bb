import Papa from "papaparse";
import { type FieldName, RECORD_FIELDS } from "./fields";
import type { Checked, Problem } from "./problems";
import type { CommitmentRecord } from "./schema";

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

export function parseDatasetText(text: string, format: DatasetFormat): Checked<RawRows> {
  return format === "json" ? parseJson(text) : parseCsv(text);
}

function parseJson(text: string): Checked<RawRows> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ row: 0, field: "(file)", message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
  if (!Array.isArray(data))
    return {
      ok: false,
      problems: [{ row: 0, field: "(file)", message: "expected a JSON array of records" }],
    };
  const problems: Problem[] = [];
  data.forEach((row, i) => {
    if (typeof row !== "object" || row === null || Array.isArray(row))
      problems.push({
        row: i + 1,
        field: "(record)",
        message: "each record must be a JSON object",
      });
  });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, value: { rows: data as Record<string, unknown>[] } };
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
        : { error: `"${text}" is not a whole number` };
    case "boolean": {
      const lower = t.toLowerCase();
      if (lower === "true") return { value: true };
      if (lower === "false") return { value: false };
      return { error: `"${text}" is not TRUE or FALSE` };
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
  header.forEach((name) => {
    if (!known.has(name.trim()))
      problems.push({
        row: 0,
        line: 1,
        field: name,
        message: `unknown column "${name}"; columns are ${RECORD_FIELDS.map((f) => f.name).join(", ")}`,
      });
  });
  for (const f of RECORD_FIELDS) {
    if (f.required && !header.map((h) => h.trim()).includes(f.name))
      problems.push({ row: 0, line: 1, field: f.name, message: "required column is missing" });
  }
  if (problems.length) return { ok: false, problems };

  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  // Papaparse gives rows, not lines: count the line breaks inside quoted cells to keep line numbers true.
  let line = 1 + (header.join(",").match(/\n/g)?.length ?? 0);
  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    line += 1;
    const startLine = line;
    line += cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    if (cells.length === 1 && cells[0]!.trim() === "") continue;
    const row: Record<string, unknown> = {};
    const rowNumber = rows.length + 1;
    if (cells.length !== header.length) {
      problems.push({
        row: rowNumber,
        line: startLine,
        field: "(record)",
        message: `has ${cells.length} cells; the header has ${header.length}`,
      });
    }
    header.forEach((name, c) => {
      const field = known.get(name.trim())!;
      const converted = fromText(field, cells[c] ?? "");
      if ("error" in converted)
        problems.push({
          row: rowNumber,
          line: startLine,
          field: field.name,
          message: converted.error,
        });
      else row[field.name] = converted.value;
    });
    rows.push(row);
    lines.push(startLine);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { rows, lines } };
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
