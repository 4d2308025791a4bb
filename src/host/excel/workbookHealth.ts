import { type CalculationMode, hasAidCall } from "../../domain";
import { columnLetters } from "../../domain/workbook/a1";
import type { ExcelRun } from "./excelWorkbook";

/**
 * Application.calculationMode (ExcelApi 1.1 for get): "Automatic", "AutomaticExceptTables" or
 * "Manual"; a runtime property, not saved in the workbook
 * (https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member).
 * No event reports a change of it: the pane reads it again when it gets focus.
 */
export function readCalculationMode(run: ExcelRun): Promise<CalculationMode> {
  return run(async (context) => {
    const application = context.workbook.application.load("calculationMode");
    await context.sync();
    const mode = String(application.calculationMode);
    return mode === "Manual" || mode === "AutomaticExceptTables" ? mode : "Automatic";
  });
}

/**
 * Re-enters every AID formula that shows #NAME?. A workbook saved by an Excel without the add-in
 * keeps #NAME? in those cells after the add-in loads, until each formula is entered again
 * (office-js #6355, #6611, #4007, #5865); setting `formulas` to the same text enters it again.
 * Only such cells are written. Returns their sheet-qualified addresses.
 */
export function repairAidFormulas(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const used = sheets.items.map((sheet) => ({
      sheet,
      range: sheet.getUsedRangeOrNullObject().load("rowIndex, columnIndex, formulas, values"),
    }));
    await context.sync();
    const repaired: string[] = [];
    for (const { sheet, range } of used) {
      if (range.isNullObject) continue;
      range.formulas.forEach((row, r) =>
        row.forEach((formula: unknown, c) => {
          if (typeof formula !== "string" || !hasAidCall(formula)) return;
          if (range.values[r]?.[c] !== "#NAME?") return;
          const address = `${columnLetters(range.columnIndex + c)}${range.rowIndex + r + 1}`;
          sheet.getRange(address).formulas = [[formula]];
          repaired.push(`${sheet.name}!${address}`);
        })
      );
    }
    if (repaired.length > 0) await context.sync();
    return repaired;
  });
}
