import {
  type GrowthObstacle,
  type SizeChange,
  WorkbookWriteError,
  filteredTableText,
  mergedCellsText,
  protectedSheetText,
  protectedWorkbookText,
} from "../../domain";
import { blockAddress, blockIndex, withoutSheet } from "../../domain/workbook/a1";
import type { InPlacePlan } from "./tablePlans";

/*
 * Before anything is staged, the writer looks for what would make its commit fail part way, and
 * refuses with nothing changed, naming the obstacle and what to do:
 *
 *   - a protected workbook structure: staging adds hidden sheets (Workbook.protection, ExcelApi 1.7:
 *     https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection);
 *   - a protected sheet holding a table the write changes (WorksheetProtection.protected,
 *     ExcelApi 1.2: https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection);
 *     writes to it fail with AccessDenied (Excel.ErrorCodes:
 *     https://learn.microsoft.com/javascript/api/excel/excel.errorcodes; office-js #6784);
 *   - a filtered table the write must resize or delete rows from (Table.autoFilter,
 *     AutoFilter.isDataFiltered "has filter criteria", ExcelApi 1.9:
 *     https://learn.microsoft.com/javascript/api/excel/excel.autofilter); issue 13 found
 *     FilteredRangeConflict, or hidden rows deleted with the visible ones;
 *   - merged cells in the rows a table grows into or in the cells below it that a row delete moves
 *     up (MergedRangeConflict in Excel.ErrorCodes). Range.getMergedAreasOrNullObject (ExcelApi
 *     1.13) returns only areas whose top-left cell is in the range (office-js #3611), so the range
 *     asked about starts at the sheet's first row and column and the answer is intersected here.
 *
 * A sort state is no obstacle: the writer matches rows by key and never reorders them, and only a
 * filter hides rows (AutoFilter.clearCriteria clears "the filter criteria and sort state", so the
 * two are kept apart there too). What lies in the rows a table grows into (a spill, another
 * table, a PivotTable, data) is found by the writer's emptiness check, named by `growthObstacle`.
 */

/** Rows a table gains beyond its current body, and whether rows are deleted from it. */
export function sizeChangeOf(p: InPlacePlan): { added: number; deletes: boolean } {
  const emptied = p.alignment.kept === 0 ? 1 : 0;
  return {
    added: p.alignment.appended.length - emptied,
    deletes: p.alignment.removed.length > emptied,
  };
}

const changeOf = (p: InPlacePlan): SizeChange => ({
  added: p.alignment.appended.length,
  removed: p.alignment.removed.length,
});

function obstacle(p: InPlacePlan, address: string) {
  return { table: p.plan.spec.table, sheet: p.sheet, address };
}

const tableAddress = (p: InPlacePlan) => blockAddress(p.top, p.left, 1 + p.oldBody, p.width);

export async function refuseObstacles(
  context: Excel.RequestContext,
  supports: (set: string, version: string) => boolean,
  inPlace: readonly InPlacePlan[]
): Promise<void> {
  const workbook = context.workbook;
  const book = supports("ExcelApi", "1.7") ? workbook.protection.load("protected") : null;
  const writes = inPlace.filter((p) => p.staged.length > 0 || p.alignment.removed.length > 0);
  const sheets = writes.map((p) =>
    workbook.worksheets.getItem(p.sheet).protection.load("protected")
  );
  const resizing = inPlace.filter((p) => {
    const { added, deletes } = sizeChangeOf(p);
    return added > 0 || deletes;
  });
  const filters = supports("ExcelApi", "1.9")
    ? resizing.map((p) =>
        workbook.tables.getItem(p.plan.spec.table).autoFilter.load("isDataFiltered")
      )
    : [];
  await context.sync();

  if (book?.protected) throw new WorkbookWriteError("unchanged", protectedWorkbookText());
  writes.forEach((p, i) => {
    if (sheets[i]!.protected)
      throw new WorkbookWriteError("unchanged", protectedSheetText(obstacle(p, tableAddress(p))));
  });
  filters.forEach((f, i) => {
    const p = resizing[i]!;
    if (f.isDataFiltered)
      throw new WorkbookWriteError(
        "unchanged",
        filteredTableText(obstacle(p, tableAddress(p)), changeOf(p))
      );
  });

  // The rows that move: those a table grows into, and those below it that a delete moves up.
  // Empty merged cells count too, and a used range need not reach them: a delete looks at every
  // row below the table.
  const regions = resizing.map((p) => {
    const { added, deletes } = sizeChangeOf(p);
    const first = p.top + 1 + p.oldBody;
    const last = deletes ? SHEET_ROWS - 1 : first + added - 1;
    return { p, first, last };
  });
  const asked = regions
    .filter((r) => r.last >= r.first)
    .map((r) => ({
      ...r,
      merged: workbook.worksheets
        .getItem(r.p.sheet)
        .getRangeByIndexes(0, 0, r.last + 1, r.p.left + r.p.width)
        .getMergedAreasOrNullObject()
        .load("address"),
    }));
  if (asked.length === 0) return;
  await context.sync();
  for (const { p, first, last, merged } of asked) {
    if (merged.isNullObject) continue;
    const hit = areasOf(merged.address).find(
      (a) =>
        a.top <= last && a.bottom >= first && a.left <= p.left + p.width - 1 && a.right >= p.left
    );
    if (hit)
      throw new WorkbookWriteError(
        "unchanged",
        mergedCellsText(obstacle(p, hit.address), changeOf(p))
      );
  }
}

/** Rows in a worksheet (Excel's limit: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
const SHEET_ROWS = 1_048_576;

/** "Sheet1!A1:B4, Sheet1!D1:D4" (RangeAreas.address) as zero-based boxes. */
function areasOf(
  address: string
): { top: number; left: number; bottom: number; right: number; address: string }[] {
  return address.split(",").flatMap((part) => {
    const local = withoutSheet(part.trim());
    const block = blockIndex(local);
    return block ? [{ ...block, address: local.replace(/\$/g, "") }] : [];
  });
}

/**
 * What holds the first non-empty cell found below a table: the spilled result of a dynamic-array
 * formula (Range.getSpillParentOrNullObject, ExcelApi 1.12:
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspillparentornullobject-member(1)),
 * another table, or plain data.
 */
export async function growthObstacle(
  context: Excel.RequestContext,
  supports: (set: string, version: string) => boolean,
  sheetName: string,
  row: number,
  col: number
): Promise<GrowthObstacle> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const cell = sheet.getRangeByIndexes(row, col, 1, 1);
  const parent = supports("ExcelApi", "1.12")
    ? cell.getSpillParentOrNullObject().load("address")
    : null;
  const tables = sheet.tables.load("items/name");
  await context.sync();
  if (parent && !parent.isNullObject) return { kind: "spill", formulaAt: parent.address };
  const ranges = tables.items.map((t) => ({
    name: t.name,
    range: t.getRange().load("rowIndex, columnIndex, rowCount, columnCount"),
  }));
  await context.sync();
  const table = ranges.find(
    ({ range: r }) =>
      row >= r.rowIndex &&
      row < r.rowIndex + r.rowCount &&
      col >= r.columnIndex &&
      col < r.columnIndex + r.columnCount
  );
  return table ? { kind: "table", name: table.name } : { kind: "data" };
}
