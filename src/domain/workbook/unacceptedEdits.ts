import type { SheetCell, TableSpec } from "./port";
import { alignRows, keyColumns } from "./rowAlignment";
import { sheetRow } from "./tables";

/**
 * A value the user typed in Commitments that is not taken in (their edits have problems, so the
 * ledger keeps the data as last accepted), and what a write of new data would do to it.
 */
export interface ReplacedEdit {
  /** The sheet row, as Edits not taken in names it. */
  readonly line: number;
  /** The id the row holds now. */
  readonly key: string;
  readonly column: string;
  readonly typed: SheetCell;
  /** The data's value the write puts in its place; null when the row goes (the data has no record with its id). */
  readonly replacement: SheetCell | null;
}

const blank = (v: SheetCell | undefined) => v === null || v === undefined || v === "";

/**
 * The user's edits a write of `next` would replace, read with the write's own alignment
 * (alignRows) over the table as it is (`header`, `rows`: its whole width). An edit is a cell of
 * ours that differs from `accepted` (the Commitments table of the ledger the functions answer
 * from), or any filled cell of ours on a row whose id that ledger lacks. It is replaced when the
 * write rewrites that cell, or deletes its row; an edit the write leaves as it is is not listed.
 */
export function replacedEdits(
  accepted: TableSpec,
  next: TableSpec,
  header: readonly string[],
  rows: readonly (readonly SheetCell[])[]
): ReplacedEdit[] {
  const names = accepted.columns.map((c) => c.name);
  // A column of ours the table lacks is at -1: its cells read as empty, as the writer reads it.
  const columnAt = names.map((n) => header.indexOf(n));
  const edited = new Map<number, Set<number>>();
  const was = alignRows(accepted, header, columnAt, rows);
  for (const change of was.changed) edited.set(change.row, new Set(change.columns));
  for (const row of was.removed) {
    const filled = names.map((_, c) => c).filter((c) => !blank(rows[row]![columnAt[c]!]));
    if (filled.length > 0) edited.set(row, new Set(filled));
  }
  if (edited.size === 0) return [];
  const will = alignRows(next, header, columnAt, rows);
  const replaced: { row: number; column: number; replacement: SheetCell | null }[] = [];
  for (const row of will.removed)
    for (const column of edited.get(row) ?? []) replaced.push({ row, column, replacement: null });
  for (const change of will.changed)
    for (const column of change.columns)
      if (edited.get(change.row)?.has(column))
        replaced.push({
          row: change.row,
          column,
          replacement: next.rows[change.source]![column] ?? null,
        });
  const key = keyColumns(accepted).map((c) => columnAt[c]!);
  return replaced
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map(({ row, column, replacement }) => ({
      line: sheetRow(row),
      key: key.map((c) => String(rows[row]![c] ?? "")).join(" / "),
      column: names[column]!,
      typed: rows[row]![columnAt[column]!] ?? null,
      replacement,
    }));
}
