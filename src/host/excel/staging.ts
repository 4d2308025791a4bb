import { type SheetCell, type TableSpec, chunkRows } from "../../domain";
import { toWorkbookCell } from "./cells";

/** A table ready to stage: its cells converted for Excel and cut into request-sized chunks. */
export interface StagingPlan {
  readonly spec: TableSpec;
  /** Hidden sheet the table is written to before it replaces the visible one. */
  readonly sheet: string;
  /** Temporary table name: the final one still belongs to the old table until the commit. */
  readonly table: string;
  readonly header: SheetCell[];
  readonly chunks: SheetCell[][][];
  readonly rows: number;
  readonly columns: number;
}

const SHEET_NAME_MAX = 31;
const STAGING_SUFFIX = "~new";

export function stagingSheetName(sheet: string): string {
  return sheet.slice(0, SHEET_NAME_MAX - STAGING_SUFFIX.length) + STAGING_SUFFIX;
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
  return tables.map((spec) => {
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
      sheet: stagingSheetName(spec.sheet),
      table: `${spec.table}_staging_${token}`,
      header: spec.columns.map((c) => toWorkbookCell(c.name)),
      chunks,
      rows: rows.length,
      columns,
    };
  });
}
