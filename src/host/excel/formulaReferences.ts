import type { CellFormula, TableExtent, WorkbookFormulas } from "../../domain";
import { columnLetters } from "../../domain/workbook/a1";
import type { ExcelRun } from "./excelWorkbook";

/** A formula's text is short; this sizes the row blocks read (the response limit is per request). */
const FORMULA_BYTES_PER_CELL = 64;

/**
 * Every sheet's formulas, read from its used range (Worksheet.getUsedRangeOrNullObject, ExcelApi
 * 1.4) in row blocks that keep each response under `budget` bytes, and where the named tables'
 * header and data rows are. One Excel.run: a fixed number of requests per sheet plus one per block.
 */
export function readWorkbookFormulas(
  run: ExcelRun,
  tableNames: readonly string[],
  budget: number
): Promise<WorkbookFormulas> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const found = tableNames.map((name) => context.workbook.tables.getItemOrNullObject(name));
    await context.sync();
    const used = sheets.items.map((sheet) => ({
      sheet,
      range: sheet.getUsedRangeOrNullObject().load("rowIndex, columnIndex, rowCount, columnCount"),
    }));
    const parts = found.map((t) =>
      t.isNullObject
        ? null
        : {
            sheet: t.worksheet.load("name"),
            header: t.getHeaderRowRange().load("values, rowIndex, columnIndex"),
            body: t.getDataBodyRange().load("rowCount"),
          }
    );
    await context.sync();
    const formulas: CellFormula[] = [];
    for (const { sheet, range } of used) {
      if (range.isNullObject) continue;
      const rows = Math.max(1, Math.floor(budget / (range.columnCount * FORMULA_BYTES_PER_CELL)));
      for (let start = 0; start < range.rowCount; start += rows) {
        const count = Math.min(rows, range.rowCount - start);
        const block = sheet
          .getRangeByIndexes(range.rowIndex + start, range.columnIndex, count, range.columnCount)
          .load("formulas");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        block.formulas.forEach((row, r) =>
          row.forEach((formula: unknown, c) => {
            if (typeof formula !== "string" || !formula.startsWith("=")) return;
            const address = `${columnLetters(range.columnIndex + c)}${range.rowIndex + start + r + 1}`;
            formulas.push({ sheet: sheet.name, address, formula });
          })
        );
      }
    }
    const tables: TableExtent[] = [];
    parts.forEach((p, i) => {
      if (!p) return;
      tables.push({
        table: tableNames[i]!,
        sheet: p.sheet.name,
        headers: (p.header.values[0] ?? []).map((h) => String(h)),
        headerRow: p.header.rowIndex,
        firstColumn: p.header.columnIndex,
        rows: p.body.rowCount,
      });
    });
    return { formulas, tables };
  });
}
