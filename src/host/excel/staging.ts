import { type SheetCell, type TableSpec, chunkRows } from "../../domain";
import { toWorkbookCell } from "./cells";

/** A table ready to stage: its cells converted for Excel and cut into request-sized chunks. */
export interface StagingPlan {
  readonly spec: TableSpec;
  /** Hidden sheet the new rows are written to before they replace the table's contents. */
  readonly sheet: string;
  /** Hidden sheet that keeps the table's old contents until the write is done, to put back on failure. */
  readonly backup: string;
  readonly header: SheetCell[];
  readonly chunks: SheetCell[][][];
  readonly rows: number;
  readonly columns: number;
}

/** Prefix of the hidden sheets a write uses; a later write removes any a failed one left behind. */
export const STAGING_PREFIX = "AidLedger~";

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
      chunks = chunkRows(rows, budgetBytes);
    } catch (e) {
      throw new Error(`Table ${spec.table}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return {
      spec,
      ...stagingSheetNames(token.slice(0, 12), index),
      header: spec.columns.map((c) => toWorkbookCell(c.name)),
      chunks,
      rows: rows.length,
      columns,
    };
  });
}
