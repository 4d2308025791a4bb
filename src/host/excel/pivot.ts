import { type PivotSpec, TABLES } from "../../domain";
import { freeSheetName } from "./tablePlans";

/**
 * Refreshes the PivotTable when it exists, wherever the user moved it, keeping their layout
 * changes; otherwise adds it on a sheet of its own (ExcelApi 1.8). A PivotTable does not follow its
 * source's new rows until it is refreshed (Microsoft Learn, "Work with PivotTables using the Excel
 * JavaScript API": PivotTable.refresh). The sheet is never deleted: a chart or formula of the user's
 * on it keeps working.
 */
export async function ensurePivot(context: Excel.RequestContext, spec: PivotSpec): Promise<void> {
  const existing = context.workbook.pivotTables.getItemOrNullObject(spec.name);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  if (!existing.isNullObject) {
    existing.refresh();
    await context.sync();
    return;
  }
  const sheet = sheets.add(freeSheetName(spec.sheet, new Set(sheets.items.map((s) => s.name))));
  sheet.getRange("A1").values = [[pivotTitle(spec)]];
  const pivot = sheet.pivotTables.add(
    spec.name,
    context.workbook.tables.getItem(spec.sourceTable),
    sheet.getRange("A3")
  );
  pivot.rowHierarchies.add(pivot.hierarchies.getItem(spec.rowField));
  pivot.columnHierarchies.add(pivot.hierarchies.getItem(spec.columnField));
  const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(spec.dataField));
  data.summarizeBy = "Sum";
  data.numberFormat = "#,##0";
  await context.sync();
}

/** Names the source by its sheet where it is one of Aid Ledger's tables: "...; Facts table". */
function pivotTitle(spec: PivotSpec): string {
  const source =
    Object.values(TABLES).find((t) => t.table === spec.sourceTable)?.sheet ?? spec.sourceTable;
  return `Aid Ledger: sum of ${spec.dataField} by ${spec.rowField} and ${spec.columnField}; ${source} table`;
}
