import { type Box, boxColumns, boxRows } from "./addresses";
import { ModelError } from "./errors";
import type { SheetState, TableState, WorkbookState } from "./workbookState";

/*
 * What stands in the way of a write or of a table changing size: a filter on a table, a protected
 * sheet or workbook, merged cells. The model refuses as Excel's error codes say (Excel.ErrorCodes:
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes — AccessDenied,
 * FilteredRangeConflict, MergedRangeConflict). Which operation raises which code is not spelled out
 * by Microsoft; the model is deliberately strict (refuses where Excel might instead act on hidden
 * rows), so code that passes here does not depend on Excel's leniency.
 */

function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ---- filters ------------------------------------------------------------------------------------

/**
 * The user filtering a table by one column's values (the header's filter button;
 * AutoFilter.apply with `filterOn: "Values"`, ExcelApi 1.9:
 * https://learn.microsoft.com/javascript/api/excel/excel.autofilter). Rows whose value is not one of
 * `values` are hidden; `isDataFiltered` is true while any criteria apply.
 */
export function filterTableRows(
  state: WorkbookState,
  table: TableState,
  column: string,
  values: readonly string[]
): void {
  const at = columnOffset(state, table, column);
  const others = (table.filter ?? []).filter((f) => f.column !== at);
  table.filter = [...others, { column: at, values: values.map((v) => v.toLowerCase()) }];
}

/** AutoFilter.clearCriteria: every row shows again. */
export function clearTableFilter(table: TableState): void {
  delete table.filter;
}

export function isDataFiltered(table: TableState): boolean {
  return (table.filter ?? []).length > 0;
}

/** Sheet rows of the table's body that its filter hides. */
export function hiddenRows(state: WorkbookState, table: TableState): number[] {
  const criteria = table.filter ?? [];
  if (criteria.length === 0) return [];
  const hidden: number[] = [];
  const last = table.box.bottom - (table.showTotals ? 1 : 0);
  for (let row = table.box.top + 1; row <= last; row++) {
    const shown = criteria.every((f) =>
      f.values.includes(String(state.value(table.sheet, row, table.box.left + f.column)).toLowerCase())
    );
    if (!shown) hidden.push(row);
  }
  return hidden;
}

function columnOffset(state: WorkbookState, table: TableState, column: string): number {
  for (let c = 0; c < boxColumns(table.box); c++)
    if (
      String(state.value(table.sheet, table.box.top, table.box.left + c)).toLowerCase() ===
      column.toLowerCase()
    )
      return c;
  throw new ModelError("InvalidArgument", `Table ${table.name} has no column ${column}.`);
}

/**
 * A filtered table does not change size: Excel either refuses (FilteredRangeConflict) or, for row
 * deletes, takes hidden rows with the visible ones (issue 13's finding); the model always refuses.
 */
export function checkNotFiltered(table: TableState): void {
  if (isDataFiltered(table))
    throw new ModelError(
      "FilteredRangeConflict",
      `The table ${table.name} is filtered: it cannot grow or lose rows until its filter is cleared.`
    );
}

// ---- protection ---------------------------------------------------------------------------------

/**
 * WorksheetProtection (ExcelApi 1.2: https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection):
 * `protect()` fails on a sheet already protected (the page says so; office-js #6784 reports the
 * code as AccessDenied). Every cell counts as locked (Excel's default), so any write to a protected
 * sheet fails with AccessDenied.
 */
export function setSheetProtection(sheet: SheetState, on: boolean): void {
  if (on && sheet.protected)
    throw new ModelError("AccessDenied", "The worksheet is already protected.");
  sheet.protected = on;
}

export function checkSheetWritable(sheet: SheetState): void {
  if (sheet.protected)
    throw new ModelError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`
    );
}

/** WorkbookProtection (ExcelApi 1.7): a protected structure takes no new, deleted or renamed sheets. */
export function checkStructureWritable(state: WorkbookState): void {
  if (state.structureProtected)
    throw new ModelError("AccessDenied", "The workbook's structure is protected.");
}

// ---- merged cells -------------------------------------------------------------------------------

/** Range.merge (ExcelApi 1.2): the block becomes one merged area; only its top-left value stays. */
export function mergeCells(state: WorkbookState, sheet: SheetState, box: Box): void {
  if (state.tables.some((t) => t.sheet === sheet && intersects(t.box, box)))
    throw new ModelError("InvalidOperation", "Cells in a table cannot be merged.");
  const merged = (sheet.merged ?? []).filter((m) => !intersects(m, box));
  sheet.merged = [...merged, box];
  const block = Array.from({ length: boxRows(box) }, (_, r) =>
    Array.from({ length: boxColumns(box) }, (_, c) => (r === 0 && c === 0 ? undefined : null))
  );
  state.writeBlock(sheet, box.top, box.left, block);
}

export function unmergeCells(sheet: SheetState, box: Box): void {
  sheet.merged = (sheet.merged ?? []).filter((m) => !intersects(m, box));
}

/**
 * Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas whose top-left cell lies in
 * the range; a merge that only reaches into it is not returned (office-js #3611, by design).
 */
export function mergedAreasIn(sheet: SheetState, box: Box): Box[] {
  return (sheet.merged ?? []).filter(
    (m) => m.top >= box.top && m.top <= box.bottom && m.left >= box.left && m.left <= box.right
  );
}

/** A table growing into, or cells moving through, a merged area: MergedRangeConflict. */
export function checkNoMerge(sheet: SheetState, box: Box): void {
  const hit = (sheet.merged ?? []).find((m) => intersects(m, box));
  if (hit)
    throw new ModelError(
      "MergedRangeConflict",
      "This operation can't be done on merged cells in the way."
    );
}
