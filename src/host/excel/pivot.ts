import { type PivotSpec, TABLES } from "../../domain";

export const NO_PIVOT_API =
  "This version of Excel has no PivotTable API (ExcelApi 1.8). Use Insert > PivotTable on the Facts table.";

/** Replaces the pivot's sheet with a titled PivotTable summing one field by two others (ExcelApi 1.8). */
export async function addPivot(context: Excel.RequestContext, spec: PivotSpec): Promise<void> {
  const sheets = context.workbook.worksheets;
  const old = sheets.getItemOrNullObject(spec.sheet);
  await context.sync();
  if (!old.isNullObject) old.delete();
  const sheet = sheets.add(spec.sheet);
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
