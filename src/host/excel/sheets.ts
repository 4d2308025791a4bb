import { messages } from "../../domain/messages/catalog";
import {
  type ChartResult,
  type ChartSpec,
  type NewSheetCell,
  type SheetCell,
  type SheetSnapshot,
  chunkRows,
  toSafeCell,
  messageOf,
} from "../../domain";
import { blockAddress, columnLetters, splitReference } from "../../domain/workbook/a1";
import { fromWorkbookCell } from "./cells";
import type { ExcelRun } from "./excelWorkbook";
import { freeSheetName } from "./tablePlans";

/** The active sheet's used cells: formulas and displayed values, read in one request each. */
export function readActiveSheet(run: ExcelRun): Promise<SheetSnapshot> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
    const used = sheet.getUsedRangeOrNullObject().load("rowIndex, columnIndex, formulas, values");
    await context.sync();
    if (used.isNullObject) return { sheet: sheet.name, cells: [] };
    const cells = used.formulas.flatMap((row, r) =>
      row.flatMap((formula: unknown, c) => {
        const value = fromWorkbookCell(used.values[r]?.[c]);
        const text = typeof formula === "string" && formula.startsWith("=") ? formula : null;
        if (text === null && value === null) return [];
        return [
          {
            address: `${columnLetters(used.columnIndex + c)}${used.rowIndex + r + 1}`,
            formula: text,
            value,
          },
        ];
      })
    );
    return { sheet: sheet.name, cells };
  });
}

/**
 * A new sheet with these rows from A1. Written through `formulas`, so a formula lands as one, and
 * every value goes through toSafeCell: text that looks like a formula, a number or a date gets
 * Excel's text marker and stays data (a value set through `formulas` is entered as if typed, and a
 * leading apostrophe makes it text: Microsoft Learn, "Set and get range values, text, or formulas
 * using the Excel JavaScript API"). Chunked under the request limit like the tables.
 */
export async function addSheetWithRows(
  run: ExcelRun,
  name: string,
  rows: readonly (readonly NewSheetCell[])[],
  budget: number
): Promise<string> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const cells: SheetCell[][] = rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row[c] ?? null;
      if (cell !== null && typeof cell === "object") return cell.formula;
      return cell === null ? "" : toSafeCell(cell);
    })
  );
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const free = freeSheetName(name, new Set(sheets.items.map((s) => s.name)));
    const sheet = sheets.add(free);
    let row = 0;
    for (const chunk of chunkRows(cells, budget)) {
      sheet.getRange(blockAddress(row, 0, chunk.length, width)).formulas = chunk;
      // One request per chunk, each under Excel's request size limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      row += chunk.length;
    }
    sheet.activate();
    await context.sync();
    return free;
  });
}

/** Selects the table row whose `column` holds `value` (Range.select, ExcelApi 1.1). */
export function selectTableRow(
  run: ExcelRun,
  table: string,
  column: string,
  value: string
): Promise<boolean> {
  return run(async (context) => {
    const found = context.workbook.tables.getItemOrNullObject(table);
    await context.sync();
    if (found.isNullObject) return false;
    const header = found.getHeaderRowRange().load("values");
    const body = found.getDataBodyRange().load("values, rowIndex, columnIndex");
    const sheet = found.worksheet;
    await context.sync();
    const c = (header.values[0] ?? []).findIndex((h) => String(h) === column);
    const r = c < 0 ? -1 : body.values.findIndex((row) => String(row[c]) === value);
    if (r < 0) return false;
    sheet.activate();
    sheet
      .getRangeByIndexes(body.rowIndex + r, body.columnIndex, 1, body.values[0]!.length)
      .select();
    await context.sync();
    return true;
  });
}

/**
 * The chart's data block, then the chart over it: an old chart of that name is removed first, so a
 * refresh rebuilds it from the current data (ChartCollection.add, ExcelApi 1.1; getItemOrNullObject,
 * ExcelApi 1.4). The data block's old rows are cleared, so a smaller table leaves nothing behind.
 */
export async function ensureChart(
  run: ExcelRun,
  supports: (set: string, version: string) => boolean,
  spec: ChartSpec
): Promise<ChartResult> {
  if (!supports("ExcelApi", "1.4"))
    return {
      created: false,
      reason: messages().noChartLookup,
      unsupported: true,
    };
  const at = splitReference(spec.dataAt);
  if (!at) return { created: false, reason: messages().notACellAddress(spec.dataAt) };
  // The sheet and the charts it had, so that a chart a failed batch added is removed (below).
  const seen: { sheet: string | null; before: readonly string[] } = { sheet: null, before: [] };
  try {
    await run(async (context) => {
      // Beside its PivotTable, wherever the user moved it (PivotTableCollection, ExcelApi 1.8).
      const pivot =
        spec.pivot && supports("ExcelApi", "1.8")
          ? context.workbook.pivotTables.getItemOrNullObject(spec.pivot)
          : null;
      await context.sync();
      const pivotSheet = pivot && !pivot.isNullObject ? pivot.worksheet.load("name") : null;
      if (pivotSheet) await context.sync();
      const name = pivotSheet ? pivotSheet.name : spec.sheet;
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) throw new Error(messages().noSuchSheet(name));
      const old = sheet.charts.getItemOrNullObject(spec.name);
      const anchor = sheet.getRange(at.address).load("rowIndex, columnIndex");
      const charts = sheet.charts.load("items/name");
      await context.sync();
      seen.sheet = name;
      seen.before = charts.items.map((c) => c.name);
      if (!old.isNullObject) old.delete();
      const width = spec.header.length;
      // Rows the block may have held before (a larger dataset) are cleared with it.
      sheet.getRangeByIndexes(anchor.rowIndex, anchor.columnIndex, 200, width).clear("Contents");
      const block = sheet.getRangeByIndexes(
        anchor.rowIndex,
        anchor.columnIndex,
        spec.rows.length + 1,
        width
      );
      block.values = [
        spec.header.map((h) => toSafeCell(h)),
        ...spec.rows.map((r) => r.map((v) => (v === null ? "" : toSafeCell(v)))),
      ];
      const chart = sheet.charts.add("ColumnClustered", block, "Columns");
      chart.name = spec.name;
      chart.title.text = spec.title;
      const [from, to] = spec.position.split(":");
      chart.setPosition(from!, to);
      await context.sync();
    });
    return { created: true };
  } catch (e) {
    if (seen.sheet) await removeChartsAddedSince(run, seen.sheet, seen.before);
    return { created: false, reason: messageOf(e) };
  }
}

/**
 * A batch is not a transaction (Microsoft Learn, "Call Excel JavaScript APIs" / context.sync): when
 * it fails after ChartCollection.add, the chart stays, unnamed ("Chart 1"), and the next try would
 * add a second one. Charts the sheet did not have before are removed; best effort.
 */
async function removeChartsAddedSince(
  run: ExcelRun,
  sheet: string,
  before: readonly string[]
): Promise<void> {
  try {
    await run(async (context) => {
      const charts = context.workbook.worksheets.getItem(sheet).charts.load("items/name");
      await context.sync();
      for (const c of charts.items) if (!before.includes(c.name)) c.delete();
      await context.sync();
    });
  } catch {
    // The failure worth reporting is the chart's; the next refresh tries again.
  }
}
