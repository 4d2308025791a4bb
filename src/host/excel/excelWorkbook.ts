import { messageOf, messages } from "../../domain/messages/catalog";
import {
  DEFAULT_CHUNK_BUDGET_BYTES,
  type CalculationMode,
  type DatasetIdentity,
  type ChartResult,
  type ChartSpec,
  type InsertResult,
  type LostUserValue,
  type NewSheetCell,
  type SheetSnapshot,
  type PivotResult,
  type PivotSpec,
  type Selection,
  type SheetCell,
  type TableData,
  type TableLocation,
  type TableSpec,
  type CalculationPort,
  type SelectionPort,
  type SheetFeaturesPort,
  type TableWriter,
  type WorkbookReader,
  type WriteOptions,
  type WorkbookFormulas,
  type WriteReport,
  serializedSize,
} from "../../domain";
import { splitReference, withoutSheet } from "../../domain/workbook/a1";
import { fromWorkbookCell } from "./cells";
import { IDENTITY_SETTING, identityFromSetting, identityToSetting } from "./identitySetting";
import { watchSelectionChanges, watchTableChanges } from "./events";
import { readCalculationMode, repairAidFormulas } from "./workbookHealth";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookDeps {
  /** Production: `(batch) => Excel.run(batch)`. */
  readonly run: ExcelRun;
  /** Production: `Office.context.requirements.isSetSupported`. */
  readonly supports: (set: string, version: string) => boolean;
  /** Bytes of cell values per request, in writes and in reads; under Excel's 5 MB limit. */
  readonly chunkBudgetBytes?: number;
  /** A token unique to each write (names its hidden sheets); tests pass a fixed one. */
  readonly token?: () => string;
}

/**
 * The table writer, its own chunk ("writer", webpack.config.js LAZY_CHUNKS) with the PivotTable
 * and the formula reader the review uses: only a write or the review before one needs them, so
 * the page does not load them at start.
 */
const loadWriter = () => import(/* webpackChunkName: "writer" */ "./tableWriter");

/**
 * Sheet reads and additions (the active sheet, a briefing copy, a record's row, the chart): the
 * "sheets" chunk, loaded at the first such action.
 */
const loadSheets = () => import(/* webpackChunkName: "sheets" */ "./sheets");

/** Read sizing before any row was seen: an estimate per cell, and a small first read to measure. */
const READ_BYTES_PER_CELL = 64;
const FIRST_READ_ROWS = 100;

/** Every workbook port over the Excel JavaScript API. Touches no Office global until a method runs. */
export class ExcelWorkbook
  implements WorkbookReader, TableWriter, SelectionPort, SheetFeaturesPort, CalculationPort
{
  private readonly run: ExcelRun;
  private readonly supports: (set: string, version: string) => boolean;
  private readonly budget: number;
  private readonly token: () => string;

  constructor(deps: ExcelWorkbookDeps) {
    this.run = deps.run;
    this.supports = deps.supports;
    this.budget = deps.chunkBudgetBytes ?? DEFAULT_CHUNK_BUDGET_BYTES;
    this.token =
      deps.token ?? (() => Date.now().toString(36) + Math.random().toString(36).slice(2, 6));
  }

  /** Refresh in place, all or nothing: see tableWriter.ts. */
  async writeTables(
    tables: readonly TableSpec[],
    identity: DatasetIdentity,
    options?: WriteOptions
  ): Promise<WriteReport> {
    const { writeTablesToExcel } = await loadWriter();
    return writeTablesToExcel(
      { run: this.run, supports: this.supports, budget: this.budget, token: this.token() },
      tables,
      identity,
      options
    );
  }

  /** For the review: the user's values a write of `tables` would delete (see tableWriter.ts). */
  async previewLostUserValues(tables: readonly TableSpec[]): Promise<LostUserValue[]> {
    const { previewLostUserValues } = await loadWriter();
    return previewLostUserValues(this.run, tables);
  }

  locateTables(tables: readonly string[]): Promise<(TableLocation | null)[]> {
    return this.run(async (context) => {
      const found = tables.map((name) => context.workbook.tables.getItemOrNullObject(name));
      await context.sync();
      const details = found.map((t) =>
        t.isNullObject
          ? null
          : { sheet: t.worksheet.load("name"), body: t.getDataBodyRange().load("rowCount") }
      );
      await context.sync();
      return details.map((d, i) =>
        d ? { table: tables[i]!, sheet: d.sheet.name, rows: d.body.rowCount } : null
      );
    });
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

  async ensurePivotTable(spec: PivotSpec): Promise<PivotResult> {
    const { ensurePivot } = await import(/* webpackChunkName: "writer" */ "./pivot");
    if (!this.supports("ExcelApi", "1.8"))
      return { created: false, reason: messages().noPivotApi, unsupported: true };
    try {
      await this.run((context) => ensurePivot(context, spec));
      return { created: true };
    } catch (e) {
      return { created: false, reason: messageOf(e) };
    }
  }

  watchTables(
    tables: readonly string[],
    onChange: (table: string) => void
  ): Promise<() => Promise<void>> {
    return watchTableChanges(this.run, this.supports, tables, onChange);
  }

  watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    if (!this.supports("ExcelApi", "1.9")) return Promise.resolve(async () => {});
    return watchSelectionChanges(this.run, onChange);
  }

  /** The active cell; inside a spill, its anchor's formula (Range.getSpillParentOrNullObject, ExcelApi 1.12). */
  getSelection(): Promise<Selection> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("address, formulas");
      const sheet = cell.worksheet.load("name");
      const parent = this.supports("ExcelApi", "1.12")
        ? cell.getSpillParentOrNullObject().load("address, formulas")
        : null;
      await context.sync();
      const address = withoutSheet(cell.address);
      const own = formulaOf(cell.formulas[0]?.[0]);
      if (!own && parent && !parent.isNullObject) {
        const anchor = withoutSheet(parent.address);
        const formula = formulaOf(parent.formulas[0]?.[0]);
        if (formula && anchor !== address) return { sheet: sheet.name, address, formula, anchor };
      }
      return { sheet: sheet.name, address, formula: own };
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

  insertFormula(formula: string, options: { overwrite?: boolean } = {}): Promise<InsertResult> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell().load("address, formulas");
      await context.sync();
      const address = withoutSheet(cell.address);
      const current: unknown = cell.formulas[0]?.[0];
      if (!options.overwrite && current !== "" && current !== null && current !== undefined)
        return {
          inserted: false,
          address,
          occupiedBy: typeof current === "string" ? current : JSON.stringify(current),
        };
      cell.formulas = [[formula]];
      await context.sync();
      return { inserted: true, address };
    });
  }

  async readActiveSheet(): Promise<SheetSnapshot> {
    const { readActiveSheet } = await loadSheets();
    return readActiveSheet(this.run);
  }

  async addSheet(name: string, rows: readonly (readonly NewSheetCell[])[]): Promise<string> {
    const { addSheetWithRows } = await loadSheets();
    return addSheetWithRows(this.run, name, rows, this.budget);
  }

  async selectTableRow(table: string, column: string, value: string): Promise<boolean> {
    const { selectTableRow } = await loadSheets();
    return selectTableRow(this.run, table, column, value);
  }

  async ensureChart(spec: ChartSpec): Promise<ChartResult> {
    const { ensureChart } = await loadSheets();
    return ensureChart(this.run, this.supports, spec);
  }

  readCalculationMode(): Promise<CalculationMode> {
    return readCalculationMode(this.run);
  }

  repairAidFormulas(): Promise<readonly string[]> {
    return repairAidFormulas(this.run);
  }

  async readWorkbookFormulas(tables: readonly string[]): Promise<WorkbookFormulas> {
    const { readWorkbookFormulas } = await import(
      /* webpackChunkName: "writer" */ "./formulaReferences"
    );
    return readWorkbookFormulas(this.run, tables, this.budget);
  }
}

/** The port over the running Excel: the Office globals are read only when a method is called. */
export function createExcelWorkbook(): ExcelWorkbook {
  return new ExcelWorkbook({
    // A batch that arrives while the user edits a cell waits for the edit to end instead of
    // failing with InvalidOperationInCellEditMode (Microsoft Learn, Excel.RunOptions.delayForCellEdit).
    run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
}

function formulaOf(value: unknown): string | null {
  return typeof value === "string" && value.startsWith("=") ? value : null;
}
