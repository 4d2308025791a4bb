import { messages } from "../../domain/messages/catalog";
import {
  type RowAlignment,
  type SheetCell,
  type TableSpec,
  WorkbookWriteError,
} from "../../domain";
import type { StagingPlan } from "./staging";

/**
 * How the pane's columns map onto an existing table's columns, found by header name: the user may
 * have added columns of their own (kept as they are) or moved ours. A run is a block of ours that
 * lies side by side in both: one copy request per run.
 */
export interface ColumnRun {
  /** First column of the run in the staged block (the spec's order). */
  readonly staged: number;
  /** First column of the run in the table. */
  readonly table: number;
  readonly count: number;
}

/** A table that exists: where it is now, and what the refresh does to it. */
export interface InPlacePlan {
  readonly plan: StagingPlan;
  readonly sheet: string;
  /** Zero-based row and column of the header's first cell. */
  readonly top: number;
  readonly left: number;
  /** The table's width once upgraded (the user's own columns and `addedColumns` included). */
  readonly width: number;
  /** The width the table has now, before `addedColumns` are appended. */
  readonly oldWidth: number;
  /** Our columns the table lacks (written by an older version), appended at its right end. */
  readonly addedColumns: readonly string[];
  /** Body rows before and after (at least one: an Excel table always has a body row). */
  readonly oldBody: number;
  readonly newBody: number;
  readonly runs: readonly ColumnRun[];
  /** Which rows stay, change, go and come, matched by key. */
  readonly alignment: RowAlignment;
  /** The rows staged for this table: the changed rows in table order, then the appended ones. */
  readonly staged: readonly SheetCell[][];
  readonly chunks: readonly SheetCell[][][];
  /** Rows below the table backed up with it: deleting rows moves them up, a rollback moves them back. */
  readonly below: number;
  /** The first body row's formulas, read when every record goes and that row is emptied. */
  readonly firstRowFormulas: readonly unknown[] | null;
}

/** A table that does not exist yet: created on a sheet of its own. */
export interface CreatePlan {
  readonly plan: StagingPlan;
  readonly sheet: string;
}

/**
 * Our columns a table lacks that the writer appends at its right end: a workbook written before a
 * version added a column (Facts' FiscalYear) is upgraded, not refused. A version adds columns
 * last (so the others keep their addresses), so only missing columns that end the spec's list are
 * an upgrade; a gap before a column the table has means a column was renamed or deleted, and so
 * does a missing key column (every row would lose its record): columnRuns refuses those, naming them.
 */
export function missingOwnColumns(spec: TableSpec, header: readonly string[]): string[] {
  const held = new Set(header.map((h) => h.trim().toLowerCase()));
  const key = new Set(spec.key ?? spec.columns.map((c) => c.name));
  const lastHeld = spec.columns.reduce((at, c, i) => (held.has(c.name.toLowerCase()) ? i : at), -1);
  const missing = spec.columns.filter((c) => !held.has(c.name.toLowerCase()));
  const trailing = spec.columns.slice(lastHeld + 1);
  if (missing.length !== trailing.length || trailing.some((c) => key.has(c.name))) return [];
  return trailing.map((c) => c.name);
}

/** Maps the spec's columns onto the table's header. A column of ours that is missing stops the write. */
export function columnRuns(spec: TableSpec, header: readonly string[]): ColumnRun[] {
  const position = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing: string[] = [];
  const at = spec.columns.map((c) => {
    const i = position.get(c.name.toLowerCase());
    if (i === undefined) missing.push(c.name);
    return i ?? -1;
  });
  if (missing.length > 0)
    throw new WorkbookWriteError("unchanged", messages().columnsMissing(spec.table, missing));
  const runs: ColumnRun[] = [];
  for (let s = 0; s < at.length; s++) {
    const last = runs[runs.length - 1];
    if (last && last.staged + last.count === s && last.table + last.count === at[s])
      runs[runs.length - 1] = { ...last, count: last.count + 1 };
    else runs.push({ staged: s, table: at[s]!, count: 1 });
  }
  return runs;
}

/** A sheet name not yet used (case-insensitive, as Excel compares them): "Facts", else "Facts (2)". */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted.slice(0, 31 - ` (${n})`.length)} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
