/**
 * The task pane's WorkbookPort over the workbench's HyperFormula workbook, so the pane runs
 * unchanged outside Excel. It keeps the Excel adapter's promises (src/host/excel/excelWorkbook.ts):
 * tables replaced all or nothing, data landing as data, the identity stored with the tables, change
 * events for the user's edits only. What it cannot do, a PivotTable, it says in the grid.
 */
import type { RawCellContent } from "hyperformula";
import {
  type DatasetIdentity,
  type PivotResult,
  type PivotSpec,
  type Selection,
  type SheetCell,
  type TableData,
  type TableSpec,
  type InsertResult,
  type TableLocation,
  type WorkbookPort,
  type WriteOptions,
  type WriteReport,
  toSafeCell,
} from "../domain";
import { splitReference } from "../host/excel/cells";
import { type CellPosition, type Spreadsheet, addressOf, toSheetCell } from "./spreadsheet";

export const NO_PIVOT_TABLES =
  "The workbench has no PivotTables; in Excel the Summary sheet holds one.";

/** Excel's rule for sheet names, so a table that Excel would refuse fails here too. */
const SHEET_NAME = /^[^/\\?*:[\]]{1,31}$/;

interface TableAt {
  readonly sheet: string;
  readonly columns: number;
}

interface TableWatcher {
  readonly tables: ReadonlySet<string>;
  readonly onChange: (table: string) => void;
}

export interface WorkbenchWorkbookDeps {
  readonly spreadsheet: Spreadsheet;
  /** Recomputes every formula, the AID functions included (refreshAidEngine). */
  readonly recalculate: () => void;
  /** Lets the page paint between the steps of a long write; a test may pass one that resolves at once. */
  readonly yieldToPage?: () => Promise<void>;
}

export class WorkbenchWorkbook implements WorkbookPort {
  private identity: DatasetIdentity | null = null;
  private readonly tables = new Map<string, TableAt>();
  private readonly tableWatchers = new Set<TableWatcher>();
  private readonly sheet: Spreadsheet;
  private readonly recalculateAll: () => void;
  private readonly yieldToPage: () => Promise<void>;

  constructor(deps: WorkbenchWorkbookDeps) {
    this.sheet = deps.spreadsheet;
    this.recalculateAll = deps.recalculate;
    this.yieldToPage =
      deps.yieldToPage ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    this.sheet.onUserEdit((at) => this.userEdited(at));
  }

  /**
   * Converts every table first (the step that can fail on bad input, and the one progress counts),
   * then replaces the sheets in one engine batch. If the batch throws, every sheet it touched gets
   * its previous contents back and sheets it added are removed.
   */
  async writeTables(
    tables: readonly TableSpec[],
    identity: DatasetIdentity,
    options: WriteOptions = {}
  ): Promise<WriteReport> {
    const onProgress = options.onProgress;
    const maxRows = this.sheet.engine.getConfig().maxRows;
    const sheets = new Set<string>();
    const contents: RawCellContent[][][] = [];
    for (const [i, spec] of tables.entries()) {
      contents.push(sheetContent(spec, maxRows, sheets));
      onProgress?.({ done: i + 1, total: tables.length });
      await this.yieldToPage();
    }

    const engine = this.sheet.engine;
    const previous = tables.map((spec) => {
      const id = engine.getSheetId(spec.sheet);
      return id === undefined ? null : engine.getSheetSerialized(id);
    });
    try {
      engine.batch(() => {
        tables.forEach((spec, i) =>
          engine.setSheetContent(this.sheet.ensureSheet(spec.sheet), contents[i]!)
        );
      });
    } catch (e) {
      this.restore(tables, previous);
      throw new Error(`Writing the tables failed (${messageOf(e)}); the previous tables stand.`);
    }
    for (const spec of tables) {
      this.tables.set(spec.table, { sheet: spec.sheet, columns: spec.columns.length });
      this.sheet.setTableFormats(
        spec.sheet,
        spec.columns.map((c) => c.format)
      );
    }
    this.identity = identity;
    this.sheet.changed();
    return {
      created: [],
      refreshed: tables.map((t) => ({ table: t.table, sheet: t.sheet, rows: t.rows.length })),
    };
  }

  locateTables(names: readonly string[]): Promise<(TableLocation | null)[]> {
    return Promise.resolve(
      names.map((name) => {
        const at = this.tables.get(name);
        return at && this.sheet.sheetNames().includes(at.sheet)
          ? { table: name, sheet: at.sheet, rows: this.sheet.size(at.sheet).rows - 1 }
          : null;
      })
    );
  }

  /** Puts back what the sheets held before a failed write. */
  private restore(
    tables: readonly TableSpec[],
    previous: readonly (RawCellContent[][] | null)[]
  ): void {
    const engine = this.sheet.engine;
    engine.batch(() => {
      tables.forEach((spec, i) => {
        const id = engine.getSheetId(spec.sheet);
        if (id === undefined) return;
        const before = previous[i];
        if (before) engine.setSheetContent(id, before);
        else engine.removeSheet(id);
      });
    });
    this.sheet.changed();
  }

  /** The table's header (row 1) and every row below it that the sheet uses, over the table's columns. */
  readTable(table: string): Promise<TableData | null> {
    const location = this.tables.get(table);
    if (!location || !this.sheet.sheetNames().includes(location.sheet))
      return Promise.resolve(null);
    const { rows } = this.sheet.size(location.sheet);
    const read = (row: number) =>
      Array.from({ length: location.columns }, (_, col) =>
        toSheetCell(this.sheet.value({ sheet: location.sheet, row, col }))
      );
    const header = read(0).map((h) => (h === null ? "" : String(h)));
    const body: SheetCell[][] = [];
    for (let row = 1; row < rows; row++) body.push(read(row));
    return Promise.resolve({ header, rows: body });
  }

  readIdentity(): Promise<DatasetIdentity | null> {
    return Promise.resolve(this.identity);
  }

  writeIdentity(identity: DatasetIdentity): Promise<void> {
    this.identity = identity;
    return Promise.resolve();
  }

  /** No PivotTable engine here: the Summary sheet says so rather than showing a fake one. */
  ensurePivotTable(spec: PivotSpec): Promise<PivotResult> {
    const id = this.sheet.ensureSheet(spec.sheet);
    this.sheet.engine.setSheetContent(id, [[toSafeCell(NO_PIVOT_TABLES)]]);
    this.sheet.setTableFormats(spec.sheet, null);
    this.sheet.changed();
    return Promise.resolve({ created: false, reason: NO_PIVOT_TABLES });
  }

  watchTables(
    tables: readonly string[],
    onChange: (table: string) => void
  ): Promise<() => Promise<void>> {
    const watcher: TableWatcher = { tables: new Set(tables), onChange };
    this.tableWatchers.add(watcher);
    return Promise.resolve(() => {
      this.tableWatchers.delete(watcher);
      return Promise.resolve();
    });
  }

  watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    const stop = this.sheet.onSelectionChange(onChange);
    return Promise.resolve(() => {
      stop();
      return Promise.resolve();
    });
  }

  getSelection(): Promise<Selection> {
    const at = this.sheet.selection;
    return Promise.resolve({
      sheet: at.sheet,
      address: addressOf(at.row, at.col),
      formula: this.sheet.formula(at),
    });
  }

  /** Displayed values ("Sheet!A1", or "A1" on the active sheet; a block reads its top-left cell); null for what does not exist. */
  readCells(addresses: readonly string[]): Promise<SheetCell[]> {
    return Promise.resolve(
      addresses.map((address) => {
        const ref = splitReference(address);
        const sheet = ref?.sheet ?? this.sheet.selection.sheet;
        if (!ref || !this.sheet.sheetNames().includes(sheet)) return null;
        const [topLeft] = this.sheet.block(sheet, ref.address);
        return toSheetCell(this.sheet.value(topLeft));
      })
    );
  }

  /** As if the user typed the formula into the selected cell. */
  insertFormula(formula: string, options: { overwrite?: boolean } = {}): Promise<InsertResult> {
    const at = this.sheet.selection;
    const address = addressOf(at.row, at.col);
    const current = this.sheet.input(at);
    if (!options.overwrite && current !== "")
      return Promise.resolve({ inserted: false, address, occupiedBy: current });
    this.sheet.typeInto(at, formula);
    return Promise.resolve({ inserted: true, address });
  }

  /** The user changed a cell: the watchers of the table on that sheet hear of it, as Excel's onChanged. */
  private userEdited(at: CellPosition): void {
    for (const [table, location] of this.tables) {
      if (location.sheet !== at.sheet) continue;
      for (const watcher of [...this.tableWatchers])
        if (watcher.tables.has(table)) watcher.onChange(table);
    }
  }
}

/** A table as sheet contents: the header in row 1, data from row 2, every value as data (toSafeCell). */
function sheetContent(spec: TableSpec, maxRows: number, seen: Set<string>): RawCellContent[][] {
  if (!SHEET_NAME.test(spec.sheet) || /^'|'$/.test(spec.sheet))
    throw new Error(`Table ${spec.table}: "${spec.sheet}" is not a valid sheet name.`);
  if (seen.has(spec.sheet))
    throw new Error(`Table ${spec.table}: sheet ${spec.sheet} is used twice.`);
  seen.add(spec.sheet);
  if (spec.rows.length + 1 > maxRows)
    throw new Error(
      `Table ${spec.table}: ${spec.rows.length} rows do not fit in a sheet of ${maxRows} rows.`
    );
  const columns = spec.columns.length;
  const rows = spec.rows.map((row, i) => {
    if (row.length !== columns)
      throw new Error(
        `Table ${spec.table}: row ${i + 1} has ${row.length} cells for ${columns} columns.`
      );
    return row.map((value) => toSafeCell(value));
  });
  return [spec.columns.map((c) => toSafeCell(c.name)), ...rows];
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
