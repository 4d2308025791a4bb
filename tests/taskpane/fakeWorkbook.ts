import { alignRows } from "../../src/domain";
import type {
  CalculationMode,
  ChartResult,
  ChartSpec,
  DatasetIdentity,
  NewSheetCell,
  SheetSnapshot,
  InsertResult,
  PivotResult,
  PivotSpec,
  Selection,
  SheetCell,
  TableData,
  TableLocation,
  TableSpec,
  CellFormula,
  LostUserValue,
  WorkbookFormulas,
  CalculationPort,
  SelectionPort,
  SheetFeaturesPort,
  TableWriter,
  WorkbookReader,
  WriteOptions,
  WriteReport,
} from "../../src/domain";

/**
 * An in-memory workbook behind every workbook port, for testing the session and the pane without
 * Excel. It keeps tables by name, can be told to fail a write, and records what was asked of it.
 */
export class FakeWorkbook
  implements WorkbookReader, TableWriter, SelectionPort, SheetFeaturesPort, CalculationPort
{
  tables = new Map<string, TableData>();
  identity: DatasetIdentity | null = null;
  pivots: PivotSpec[] = [];
  failNextWrite: Error | null = null;
  /** Writes that stopped because beforeCommit said the workbook changed. */
  stoppedBeforeCommit = 0;
  pivotSupported = true;
  selection: Selection = { sheet: "Sheet1", address: "A1", formula: null };
  cells = new Map<string, SheetCell>();
  inserted: string[] = [];
  /** While set, a write reports its first step, then waits for this before writing (see holdNextWrite). */
  writeGate: Promise<void> | null = null;
  /** While set, a table read takes its snapshot, then waits for this before answering (see holdNextRead). */
  readGate: Promise<void> | null = null;
  /** Cells of the active sheet, for insertFormula: address to what the cell holds. */
  sheetCells = new Map<string, string>();
  private tableWatchers: ((table: string) => void)[] = [];
  private selectionWatchers: (() => void)[] = [];

  async writeTables(
    tables: readonly TableSpec[],
    identity: DatasetIdentity,
    options: WriteOptions = {}
  ): Promise<WriteReport> {
    for (const [i] of tables.entries()) {
      options.onProgress?.({ done: i + 1, total: tables.length });
      if (i === 0 && this.writeGate) await this.writeGate;
    }
    if (this.failNextWrite) {
      const e = this.failNextWrite;
      this.failNextWrite = null;
      throw e;
    }
    if (options.beforeCommit && !options.beforeCommit()) {
      this.stoppedBeforeCommit++;
      const { WorkbookWriteError } = await import("../../src/domain");
      throw new WorkbookWriteError(
        "unchanged",
        "Nothing was changed: the tables were edited meanwhile."
      );
    }
    const report: WriteReport = {
      created: tables
        .filter((t) => !this.tables.has(t.table))
        .map((t) => ({ table: t.table, sheet: t.sheet, rows: t.rows.length })),
      refreshed: tables
        .filter((t) => this.tables.has(t.table))
        .map((t) => ({ table: t.table, sheet: t.sheet, rows: t.rows.length })),
    };
    for (const t of tables)
      this.tables.set(t.table, {
        header: t.columns.map((c) => c.name),
        rows: t.rows.map((r) => [...r]),
      });
    this.identity = identity;
    return report;
  }
  /** The same alignment as the Excel writer's, over the tables as held (user columns included). */
  previewLostUserValues(tables: readonly TableSpec[]): Promise<LostUserValue[]> {
    return Promise.resolve(
      tables.flatMap((spec) => {
        const held = this.tables.get(spec.table);
        const at = spec.columns.map((c) => held?.header.indexOf(c.name) ?? -1);
        if (!held || at.some((i) => i < 0)) return [];
        return alignRows(spec, held.header, at, held.rows).lostUserValues;
      })
    );
  }
  locateTables(names: readonly string[]): Promise<(TableLocation | null)[]> {
    return Promise.resolve(
      names.map((name) => {
        const t = this.tables.get(name);
        return t ? { table: name, sheet: name, rows: t.rows.length } : null;
      })
    );
  }
  async readTable(table: string): Promise<TableData | null> {
    const snapshot = this.tables.get(table) ?? null;
    if (this.readGate) await this.readGate;
    return snapshot;
  }
  readIdentity(): Promise<DatasetIdentity | null> {
    return Promise.resolve(this.identity);
  }
  writeIdentity(identity: DatasetIdentity): Promise<void> {
    this.identity = identity;
    return Promise.resolve();
  }
  ensurePivotTable(spec: PivotSpec): Promise<PivotResult> {
    if (!this.pivotSupported)
      return Promise.resolve({ created: false, reason: "PivotTables need ExcelApi 1.8" });
    this.pivots.push(spec);
    return Promise.resolve({ created: true });
  }
  watchTables(
    _tables: readonly string[],
    onChange: (table: string) => void
  ): Promise<() => Promise<void>> {
    this.tableWatchers.push(onChange);
    return Promise.resolve(() => {
      this.tableWatchers = this.tableWatchers.filter((w) => w !== onChange);
      return Promise.resolve();
    });
  }
  watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    this.selectionWatchers.push(onChange);
    return Promise.resolve(() => {
      this.selectionWatchers = this.selectionWatchers.filter((w) => w !== onChange);
      return Promise.resolve();
    });
  }
  getSelection(): Promise<Selection> {
    return Promise.resolve(this.selection);
  }
  readCells(addresses: readonly string[]): Promise<SheetCell[]> {
    return Promise.resolve(addresses.map((a) => this.cells.get(a) ?? null));
  }
  insertFormula(formula: string, options: { overwrite?: boolean } = {}): Promise<InsertResult> {
    const address = this.selection.address;
    const current = this.sheetCells.get(address);
    if (current !== undefined && !options.overwrite)
      return Promise.resolve({ inserted: false, address, occupiedBy: current });
    this.inserted.push(formula);
    this.sheetCells.set(address, formula);
    return Promise.resolve({ inserted: true, address });
  }

  sheets = new Map<string, readonly (readonly NewSheetCell[])[]>();
  charts: ChartSpec[] = [];
  selectedRow: { table: string; value: string } | null = null;
  readActiveSheet(): Promise<SheetSnapshot> {
    return Promise.resolve({
      sheet: this.selection.sheet,
      cells: [...this.sheetCells].map(([address, text]) => ({
        address,
        formula: text.startsWith("=") ? text : null,
        value: this.cells.get(address) ?? (text.startsWith("=") ? null : text),
      })),
    });
  }
  addSheet(name: string, rows: readonly (readonly NewSheetCell[])[]): Promise<string> {
    let free = name;
    for (let n = 2; this.sheets.has(free); n++) free = `${name} (${n})`;
    this.sheets.set(free, rows);
    return Promise.resolve(free);
  }
  selectTableRow(table: string, column: string, value: string): Promise<boolean> {
    const t = this.tables.get(table);
    const c = t?.header.indexOf(column) ?? -1;
    if (!t || c < 0 || !t.rows.some((r) => r[c] === value)) return Promise.resolve(false);
    this.selectedRow = { table, value };
    return Promise.resolve(true);
  }
  ensureChart(spec: ChartSpec): Promise<ChartResult> {
    this.charts = [...this.charts.filter((c) => c.name !== spec.name), spec];
    return Promise.resolve({ created: true });
  }

  /** Test helpers: a user edit of one cell of a table, then the change event. */
  editCell(table: string, row: number, column: string, value: SheetCell): void {
    const t = this.tables.get(table)!;
    const rows = t.rows.map((r) => [...r]);
    rows[row]![t.header.indexOf(column)] = value;
    this.tables.set(table, { header: t.header, rows });
    for (const w of this.tableWatchers) w(table);
  }
  select(selection: Selection): void {
    this.selection = selection;
    for (const w of this.selectionWatchers) w();
  }
  /** Test helper: the next write stops after its first step until the returned function is called. */
  holdNextWrite(): () => void {
    let release: () => void = () => undefined;
    this.writeGate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.writeGate = null;
      release();
    };
  }
  /** Test helper: the next table reads take their snapshot, then wait until the returned function is called. */
  holdReads(): () => void {
    let release: () => void = () => undefined;
    this.readGate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.readGate = null;
      release();
    };
  }
  /** Test helper: a user's edit whose change event the host never sends (row deletion, paste on some hosts). */
  /** Test helper: a column of the user's own at the table's right end, empty. */
  addUserColumn(table: string, column: string): void {
    const t = this.tables.get(table)!;
    this.tables.set(table, { header: [...t.header, column], rows: t.rows.map((r) => [...r, ""]) });
  }
  editCellSilently(table: string, row: number, column: string, value: SheetCell): void {
    const t = this.tables.get(table)!;
    const rows = t.rows.map((r) => [...r]);
    rows[row]![t.header.indexOf(column)] = value;
    this.tables.set(table, { header: t.header, rows });
  }
  get selectionWatcherCount(): number {
    return this.selectionWatchers.length;
  }
  get watcherCount(): number {
    return this.tableWatchers.length;
  }
  /** Excel's calculation mode, as the session reads it. */
  calculationMode: CalculationMode = "Automatic";
  readCalculationMode(): Promise<CalculationMode> {
    return Promise.resolve(this.calculationMode);
  }
  /** Cells that show #NAME? for an AID formula (a workbook saved without the add-in). */
  nameErrors: string[] = [];
  repairAidFormulas(): Promise<readonly string[]> {
    const repaired = this.nameErrors;
    this.nameErrors = [];
    return Promise.resolve(repaired);
  }
  /** The user's formulas anywhere in the workbook; each table sits at A1 of a sheet named as the table. */
  formulas: CellFormula[] = [];
  failFormulaRead: Error | null = null;
  formulaReads = 0;
  readWorkbookFormulas(names: readonly string[]): Promise<WorkbookFormulas> {
    this.formulaReads++;
    if (this.failFormulaRead) return Promise.reject(this.failFormulaRead);
    const tables = names.flatMap((name) => {
      const t = this.tables.get(name);
      return t
        ? [
            {
              table: name,
              sheet: name,
              headers: t.header,
              headerRow: 0,
              firstColumn: 0,
              rows: t.rows.length,
            },
          ]
        : [];
    });
    return Promise.resolve({ formulas: this.formulas, tables });
  }
}
