import { type SheetCell, type TableSpec, chunkRows, messageOf } from "../../domain";
import { toWorkbookCell } from "./cells";
import { numberFormatOf } from "../../domain/workbook/numberFormats";

/** A table ready to stage: its cells converted for Excel and cut into request-sized chunks. */
export interface StagingPlan {
  readonly spec: TableSpec;
  /** Hidden sheet the new rows are written to before they replace the table's contents. */
  readonly sheet: string;
  /** Hidden sheet that keeps the table's old contents until the write is done, to put back on failure. */
  readonly backup: string;
  readonly header: SheetCell[];
  /** Every new row, converted for Excel. */
  readonly cells: SheetCell[][];
  /** Every new row in request-sized chunks (what a created table is staged from). */
  readonly chunks: SheetCell[][][];
  readonly rows: number;
  readonly columns: number;
}

/** Prefix of the hidden sheets a write uses; a later write removes any a failed one left behind. */
export const STAGING_PREFIX = "AidLedger~";

/** A staging sheet (new rows), as opposed to a backup (old contents), which a message may name. */
export function isStagingSheet(name: string): boolean {
  return name.startsWith(STAGING_PREFIX) && /~new\d+$/.test(name);
}

/**
 * The plans with hidden-sheet names no sheet of the workbook has: a backup a failed write kept
 * (a message names it) may hold a name this write would otherwise use; it is never reused.
 */
export function withFreeNames(
  plans: readonly StagingPlan[],
  taken: Iterable<string>
): StagingPlan[] {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const free = (p: StagingPlan, n: number) => ({
    sheet: p.sheet.replace("~new", `${n}~new`),
    backup: p.backup.replace("~old", `${n}~old`),
  });
  return plans.map((p) => {
    if (!used.has(p.sheet.toLowerCase()) && !used.has(p.backup.toLowerCase())) return p;
    for (let n = 2; ; n++) {
      const names = free(p, n);
      if (!used.has(names.sheet.toLowerCase()) && !used.has(names.backup.toLowerCase()))
        return { ...p, ...names };
    }
  });
}

/**
 * Names of the hidden sheets of one write: unique to it (the token), so two writes can never
 * collide on a fixed name, and at most 31 characters.
 */
export function stagingSheetNames(token: string, index: number): { sheet: string; backup: string } {
  return {
    sheet: `${STAGING_PREFIX}${token}~new${index}`,
    backup: `${STAGING_PREFIX}${token}~old${index}`,
  };
}

/**
 * Bytes a row's number formats add to its request: each formatted column is sent as a 2-D array
 * with one format per cell (office-js-docs-pr#5400: `numberFormat` takes an array matching the
 * range; a single value is documented only for a whole row or column).
 */
export function formatBytesPerRow(spec: TableSpec): number {
  return spec.columns.reduce((n, c) => {
    const format = numberFormatOf(c.format);
    return format ? n + JSON.stringify([format]).length + 1 : n;
  }, 0);
}

/**
 * Plans every table before anything is sent, so a row that is malformed or too big for one request
 * fails the write while the workbook is still untouched.
 */
export function planStaging(
  tables: readonly TableSpec[],
  budgetBytes: number,
  token: string
): StagingPlan[] {
  return tables.map((spec, index) => {
    const columns = spec.columns.length;
    const rows = spec.rows.map((row, i) => {
      if (row.length !== columns)
        throw new Error(
          `Table ${spec.table}: row ${i + 1} has ${row.length} cells for ${columns} columns.`
        );
      return row.map(toWorkbookCell);
    });
    let chunks: SheetCell[][][];
    try {
      chunks = chunkRows(rows, budgetBytes, undefined, formatBytesPerRow(spec));
    } catch (e) {
      throw new Error(`Table ${spec.table}: ${messageOf(e)}`);
    }
    return {
      spec,
      ...stagingSheetNames(token.slice(0, 12), index),
      header: spec.columns.map((c) => toWorkbookCell(c.name)),
      cells: rows,
      chunks,
      rows: rows.length,
      columns,
    };
  });
}
