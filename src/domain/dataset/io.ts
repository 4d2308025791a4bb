import { messageOf, messages } from "../messages/catalog";
import { parseCsv } from "./csv";
import { type FieldName, RECORD_FIELDS } from "./fields";
import type { Checked, Problem } from "./problems";
import type { CommitmentRecord } from "./schema";
import { MAX_FILE_BYTES, echo } from "../limits";

export { fromText } from "./cellText";
export { toCsv } from "./csv";

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

/**
 * parseDatasetText for the pane: the same answer, with the CSV reader (papaparse) loaded only when
 * a CSV is read, as a chunk of its own (webpack.config.js), so the page does not load it at start.
 */
export async function parseDatasetTextAsync(
  text: string,
  format: DatasetFormat
): Promise<Checked<RawRows>> {
  const refused = textFileProblem(text);
  if (refused) return { ok: false, problems: [refused] };
  const body = text.replace(/^\uFEFF/, "");
  if (format === "json") return parseJson(body);
  const csv = await import(/* webpackChunkName: "csv" */ "./csv");
  return csv.parseCsv(body);
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
