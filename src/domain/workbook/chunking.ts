import { messages } from "../messages/catalog";
import type { SheetCell } from "./port";

/**
 * Excel on the web refuses a request or response over 5 MB (RequestPayloadSizeLimitExceeded).
 * Writes are split into chunks whose serialized values stay well under that, leaving room for
 * the request's own envelope (addresses, formats, the other operations in the batch).
 */
export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * What a request carries besides the chunk's values: the batch's operations, addresses, object
 * paths and the JSON around them. A chunk's request has a handful of operations; 1 MiB is far more
 * than they take, and what is left (4 MiB) holds the values and their number formats.
 */
export const REQUEST_ENVELOPE_BYTES = 1024 * 1024;
export const DEFAULT_CHUNK_BUDGET_BYTES = EXCEL_REQUEST_LIMIT_BYTES - REQUEST_ENVELOPE_BYTES;

/** UTF-8 size of a row as it travels: a JSON array of values. */
export function serializedSize(row: readonly SheetCell[]): number {
  const json = JSON.stringify(row);
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Splits rows into consecutive chunks of at most `budget` serialized bytes (and `maxRows` rows),
 * each row counting `extraPerRow` more bytes for what travels with it (its number formats).
 * A single row larger than the budget is refused: no request could carry it.
 */
export function chunkRows<T extends readonly SheetCell[]>(
  rows: readonly T[],
  budget = DEFAULT_CHUNK_BUDGET_BYTES,
  maxRows = 50_000,
  extraPerRow = 0
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 2;
  rows.forEach((row, i) => {
    const rowSize = serializedSize(row) + 1 + extraPerRow;
    if (rowSize + 2 > budget) throw new RangeError(messages().rowTooLarge(i + 1, rowSize, budget));
    if (current.length > 0 && (size + rowSize > budget || current.length >= maxRows)) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(row);
    size += rowSize;
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}
