import {
  DEFAULT_CHUNK_BUDGET_BYTES,
  type DatasetIdentity,
  type PivotResult,
  type PivotSpec,
  SUMMARY_PIVOT,
  type Selection,
  type SheetCell,
  type TableData,
  type TableSpec,
  type WorkbookPort,
  type WriteProgress,
  serializedSize,
} from "../../domain";
import { blockAddress, fromWorkbookCell, splitReference, withoutSheet } from "./cells";
import { numberFormatOf } from "./formats";
import { IDENTITY_SETTING, identityFromSetting, identityToSetting } from "./identitySetting";
import { watchSelectionChanges, watchTableChanges } from "./events";
import { NO_PIVOT_API, addPivot } from "./pivot";
import { type StagingPlan, planStaging } from "./staging";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookDeps {
  /** Production: `(batch) => Excel.run(batch)`. */
  readonly run: ExcelRun;
  /** Production: `Office.context.requirements.isSetSupported`. */
  readonly supports: (set: string, version: string) => boolean;
  /** Bytes of cell values per request, in writes and in reads; under Excel's 5 MB limit. */
  readonly chunkBudgetBytes?: number;
}

/** Read sizing before any row was seen: an estimate per cell, and a small first read to measure. */
const READ_BYTES_PER_CELL = 64;
const FIRST_READ_ROWS = 100;

/** The WorkbookPort over the Excel JavaScript API. Touches no Office global until a method runs. */
export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly supports: (set: string, version: string) => boolean;
  private readonly budget: number;

  constructor(deps: ExcelWorkbookDeps) {
    this.run = deps.run;
    this.supports = deps.supports;
    this.budget = deps.chunkBudgetBytes ?? DEFAULT_CHUNK_BUDGET_BYTES;
  }

  /**
   * Stage, then commit: every table is written in full to a hidden sheet first, so a failure at any
   * point before the commit leaves the visible tables as they were.
   */
  async writeTables(
    tables: readonly TableSpec[],
    identity: DatasetIdentity,
    onProgress?: (p: WriteProgress) => void
  ): Promise<void> {
    const plans = planStaging(tables, this.budget, Date.now().toString(36));
    const total = plans.reduce((n, p) => n + p.chunks.length, 0);
    let step = `preparing the staging sheets for ${plans.map((p) => p.spec.table).join(", ")}`;
    // Nothing refers to a staging sheet yet; the caller recalculates after the commit.
    const suspendCalculation = this.supports("ExcelApi", "1.6");
    try {
      await this.run(async (context) => {
        const staged = await this.addStagingSheets(context, plans);
        let done = 0;
        for (const { plan, sheet } of staged) {
          let row = 1;
          for (const [i, chunk] of plan.chunks.entries()) {
            step = `table ${plan.spec.table} (sheet ${plan.spec.sheet}), chunk ${i + 1} of ${plan.chunks.length} (data rows ${row} to ${row + chunk.length - 1})`;
            if (suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
            sheet.getRange(blockAddress(row, 0, chunk.length, plan.columns)).values = chunk;
            // One request per chunk is the point: each must stay under Excel's request size limit.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            row += chunk.length;
            onProgress?.({ done: ++done, total });
          }
        }
        step = "creating the staging tables";
        for (const { plan, sheet } of staged) {
          sheet.tables.add(
            sheet.getRange(blockAddress(0, 0, plan.rows + 1, plan.columns)),
            true
          ).name = plan.table;
        }
        await context.sync();
      });
    } catch (e) {
      await this.dropStaging(plans);
      throw new Error(`Writing the new tables failed at ${step}: ${messageOf(e)}`);
    }
    try {
      await this.run((context) => this.commit(context, plans, identity));
    } catch (e) {
      const kept = plans.map((p) => p.sheet).join(", ");
      throw new Error(
        `The new tables were written but replacing the old ones failed: ${messageOf(e)}. The workbook may be partly updated; the staging sheets (${kept}) were kept.`
      );
    }
  }

  private async addStagingSheets(
    context: Excel.RequestContext,
    plans: readonly StagingPlan[]
  ): Promise<{ plan: StagingPlan; sheet: Excel.Worksheet }[]> {
    const sheets = context.workbook.worksheets;
    // A failed write may have left staging sheets behind; their names must be free.
    const leftovers = plans.map((p) => sheets.getItemOrNullObject(p.sheet));
    await context.sync();
    for (const s of leftovers) if (!s.isNullObject) s.delete();
    const staged = plans.map((plan) => {
      const sheet = sheets.add(plan.sheet);
      sheet.visibility = "Hidden";
      sheet.getRange(blockAddress(0, 0, 1, plan.columns)).values = [plan.header];
      plan.spec.columns.forEach((column, c) => {
        const format = numberFormatOf(column.format);
        // A 1x1 array applies to every cell of the (bounded) range: one small request per column.
        if (format && plan.rows > 0)
          sheet.getRange(blockAddress(1, c, plan.rows, 1)).numberFormat = [[format]];
      });
      return { plan, sheet };
    });
    // Once, not per chunk (repeated calls make the window flicker): the new sheets' tabs must not show.
    this.suspendScreenUpdating(context);
    await context.sync();
    return staged;
  }

  /** The only batch that changes what the user sees: one sync, after every table was staged. */
  private async commit(
    context: Excel.RequestContext,
    plans: readonly StagingPlan[],
    identity: DatasetIdentity
  ): Promise<void> {
    const sheets = context.workbook.worksheets;
    const old = plans.map((p) => sheets.getItemOrNullObject(p.spec.sheet));
    // The old PivotTable reads the old Facts table: it goes with it, rather than left broken.
    const summary = plans.some((p) => p.spec.table === SUMMARY_PIVOT.sourceTable)
      ? sheets.getItemOrNullObject(SUMMARY_PIVOT.sheet)
      : null;
    await context.sync();
    this.suspendScreenUpdating(context);
    plans.forEach((plan, i) => {
      const sheet = sheets.getItem(plan.sheet);
      sheet.visibility = "Visible"; // first, so the workbook always keeps a visible sheet
      const previous = old[i];
      if (previous && !previous.isNullObject) previous.delete();
      sheet.name = plan.spec.sheet;
      sheet.tables.getItem(plan.table).name = plan.spec.table;
      if (this.supports("ExcelApi", "1.7")) sheet.freezePanes.freezeRows(1);
    });
    if (summary && !summary.isNullObject) summary.delete();
    context.workbook.settings.add(IDENTITY_SETTING, identityToSetting(identity));
    await context.sync();
  }

  /** Best effort: the error worth reporting is the write's, not this one's. */
  private async dropStaging(plans: readonly StagingPlan[]): Promise<void> {
    try {
      await this.run(async (context) => {
        const found = plans.map((p) => context.workbook.worksheets.getItemOrNullObject(p.sheet));
        await context.sync();
        for (const s of found) if (!s.isNullObject) s.delete();
        await context.sync();
      });
    } catch {
      // Hidden leftovers are removed by the next write.
    }
  }

  private suspendScreenUpdating(context: Excel.RequestContext): void {
    if (this.supports("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Reads the body in row blocks sized from the widest row seen so far, to keep each response under the limit. */
  readTable(name: string): Promise<TableData | null> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      await context.sync();
      if (table.isNullObject) return null;
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowIndex, columnIndex, rowCount, columnCount");
      const sheet = table.worksheet;
      await context.sync();
      const rows: SheetCell[][] = [];
      let rowBytes = body.columnCount * READ_BYTES_PER_CELL;
      for (let start = 0; start < body.rowCount;) {
        const fit = Math.max(1, Math.floor(this.budget / rowBytes));
        const count = Math.min(
          body.rowCount - start,
          start === 0 ? Math.min(fit, FIRST_READ_ROWS) : fit
        );
        const block = sheet
          .getRangeByIndexes(body.rowIndex + start, body.columnIndex, count, body.columnCount)
          .load("values");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const raw of block.values) {
          rowBytes = Math.max(rowBytes, serializedSize(raw as SheetCell[]));
          rows.push(raw.map(fromWorkbookCell));
        }
        start += count;
      }
      return { header: (header.values[0] ?? []).map((h) => String(h)), rows };
    });
  }

  readIdentity(): Promise<DatasetIdentity | null> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(IDENTITY_SETTING);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? null : identityFromSetting(setting.value);
    });
  }

  writeIdentity(identity: DatasetIdentity): Promise<void> {
    return this.run(async (context) => {
      context.workbook.settings.add(IDENTITY_SETTING, identityToSetting(identity));
      await context.sync();
    });
  }

  async addPivotTable(spec: PivotSpec): Promise<PivotResult> {
    if (!this.supports("ExcelApi", "1.8")) return { created: false, reason: NO_PIVOT_API };
    try {
      await this.run((context) => addPivot(context, spec));
      return { created: true };
    } catch (e) {
      return { created: false, reason: messageOf(e) };
    }
  }

  recalculate(): Promise<void> {
    return this.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }

  watchTables(
    tables: readonly string[],
    onChange: (table: string) => void
  ): Promise<() => Promise<void>> {
    if (!this.supports("ExcelApi", "1.7")) return Promise.resolve(async () => {});
    return watchTableChanges(this.run, tables, onChange);
  }

  watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    if (!this.supports("ExcelApi", "1.9")) return Promise.resolve(async () => {});
    return watchSelectionChanges(this.run, onChange);
  }

  getSelection(): Promise<Selection> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("address, formulas");
      const sheet = cell.worksheet.load("name");
      await context.sync();
      const formula: unknown = cell.formulas[0]?.[0];
      return {
        sheet: sheet.name,
        address: withoutSheet(cell.address),
        formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
      };
    });
  }

  readCells(addresses: readonly string[]): Promise<SheetCell[]> {
    const refs = addresses.map(splitReference);
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const named = new Map<string, Excel.Worksheet>();
      for (const ref of refs)
        if (ref?.sheet && !named.has(ref.sheet))
          named.set(ref.sheet, worksheets.getItemOrNullObject(ref.sheet));
      if (named.size > 0) await context.sync();
      const active = worksheets.getActiveWorksheet();
      const cells = refs.map((ref) => {
        if (!ref) return null;
        const sheet = ref.sheet === null ? active : named.get(ref.sheet);
        // Only the looked-up sheets carry isNullObject; a sheet that does not exist reads as empty.
        if (!sheet || (ref.sheet !== null && sheet.isNullObject)) return null;
        return sheet.getRange(ref.address).getCell(0, 0).load("values");
      });
      await context.sync();
      return cells.map((cell) => (cell ? fromWorkbookCell(cell.values[0]?.[0]) : null));
    });
  }

  insertFormula(formula: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.getActiveCell().formulas = [[formula]];
      await context.sync();
    });
  }
}

/** The port over the running Excel: the Office globals are read only when a method is called. */
export function createExcelWorkbook(): ExcelWorkbook {
  return new ExcelWorkbook({
    run: (batch) => Excel.run(batch),
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
