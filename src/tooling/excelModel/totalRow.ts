import { boxColumns } from "./addresses";
import { ModelError } from "./errors";
import type { TableState, WorkbookState } from "./workbookState";

/**
 * The user turning a table's Total Row on or off (Table Design > Total Row; Table.showTotals,
 * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-showtotals-member):
 * a row below the body, inside the table's range, "Total" in its first cell; the data body range
 * leaves it out. Turning it on needs the row below the table empty, as the model reads Excel's
 * prompt to move cells; it is refused otherwise. Stricter than Excel in one way: table row
 * deletes and resizes are not modelled with a Total Row (the writer refuses them first), and
 * structured references still take in the Total Row (Excel's [#Data] leaves it out).
 */
export function setTotalRow(state: WorkbookState, table: TableState, on: boolean): void {
  if ((table.showTotals ?? false) === on) return;
  const width = boxColumns(table.box);
  if (on) {
    const row = table.box.bottom + 1;
    for (let c = 0; c < width; c++)
      if (state.value(table.sheet, row, table.box.left + c) !== "")
        throw new ModelError("InvalidOperation", "The row below the table is not empty.");
    table.box = { ...table.box, bottom: row };
    table.showTotals = true;
    state.tablesChanged();
    state.writeBlock(table.sheet, row, table.box.left, [
      Array.from({ length: width }, (_, c) => (c === 0 ? { value: "Total" } : null)),
    ]);
  } else {
    const row = table.box.bottom;
    state.writeBlock(table.sheet, row, table.box.left, [Array.from({ length: width }, () => null)]);
    table.box = { ...table.box, bottom: row - 1 };
    table.showTotals = false;
    state.tablesChanged();
  }
}
