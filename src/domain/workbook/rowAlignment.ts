import type { SheetCell, TableSpec } from "./port";

/**
 * How a write lines the new rows up with the rows a table already holds: by each row's key (the
 * columns named by `TableSpec.key`, all of ours when it names none). A record already in the table
 * keeps its row, so the user's sort order and whatever they put beside it in a column of their own
 * stay with it; only a record whose cells changed is written; a removed record's row is deleted; a
 * new record is appended below the others.
 */
export interface RowAlignment {
  /** Body rows (zero-based, in the table as it is) whose record is gone, ascending. */
  readonly removed: readonly number[];
  /** Body rows kept whose cells change: the row, the new row (index in spec.rows), the spec columns that differ. */
  readonly changed: readonly RowChange[];
  /** spec.rows indices of the records the table does not hold yet, in the spec's order. */
  readonly appended: readonly number[];
  /** Body rows that stay (changed or not). */
  readonly kept: number;
  /** Values in the user's own columns on rows that are deleted: they go with their record. */
  readonly lostUserValues: readonly LostUserValue[];
}

export interface RowChange {
  readonly row: number;
  readonly source: number;
  readonly columns: readonly number[];
}

export interface LostUserValue {
  readonly table: string;
  /** The record's key as shown ("ODA-2016-01"; parts joined by " / "). */
  readonly key: string;
  readonly column: string;
  readonly value: SheetCell;
}

/** A cell's value as compared: a number, TRUE/FALSE, text; an empty cell and null are both "". */
function comparable(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string" || typeof v === "number") return String(v);
  return JSON.stringify(v);
}

/** The key of each row, made unique by its occurrence ("a", "a#2") so duplicates pair up in order. */
function keysOf(rows: readonly (readonly unknown[])[], at: readonly number[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = JSON.stringify(at.map((i) => comparable(row[i])));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** The key columns' positions in the spec. */
export function keyColumns(spec: TableSpec): number[] {
  if (!spec.key || spec.key.length === 0) return spec.columns.map((_, i) => i);
  return spec.key.map((name) => {
    const i = spec.columns.findIndex((c) => c.name === name);
    if (i < 0)
      throw new Error(`Table ${spec.table}: key column ${name} is not one of its columns.`);
    return i;
  });
}

/**
 * Aligns `spec.rows` with a table's body as read (`body`, the table's whole width); `columnAt[c]`
 * is where spec column c sits in the table. A body row with nothing in our columns (the empty row
 * an Excel table keeps when it has no data) matches no record.
 */
export function alignRows(
  spec: TableSpec,
  header: readonly string[],
  columnAt: readonly number[],
  body: readonly (readonly unknown[])[]
): RowAlignment {
  const keyAt = keyColumns(spec);
  const oldKeys = keysOf(
    body,
    keyAt.map((c) => columnAt[c]!)
  );
  const newKeys = keysOf(spec.rows, keyAt);
  const oldRow = new Map<string, number>();
  oldKeys.forEach((k, i) => {
    const blank = columnAt.every((c) => comparable(body[i]![c]) === "");
    if (!blank) oldRow.set(k, i);
  });
  const claimed = new Set<number>();
  const changed: RowChange[] = [];
  const appended: number[] = [];
  newKeys.forEach((k, source) => {
    const row = oldRow.get(k);
    if (row === undefined) {
      appended.push(source);
      return;
    }
    claimed.add(row);
    const columns = spec.columns
      .map((_, c) => c)
      .filter((c) => comparable(body[row]![columnAt[c]!]) !== comparable(spec.rows[source]![c]));
    if (columns.length > 0) changed.push({ row, source, columns });
  });
  changed.sort((a, b) => a.row - b.row);
  const removed = body.map((_, i) => i).filter((i) => !claimed.has(i));
  const ours = new Set(columnAt);
  const lostUserValues: LostUserValue[] = [];
  for (const i of removed)
    header.forEach((column, c) => {
      const value = body[i]![c];
      if (ours.has(c) || comparable(value) === "") return;
      lostUserValues.push({
        table: spec.table,
        key: keyAt.map((k) => comparable(body[i]![columnAt[k]!])).join(" / "),
        column,
        value: value as SheetCell,
      });
    });
  return { removed, changed, appended, kept: body.length - removed.length, lostUserValues };
}
