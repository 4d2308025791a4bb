import type {
  DatasetIdentity,
  PivotResult,
  PivotSpec,
  Selection,
  SheetCell,
  TableData,
  TableSpec,
  WorkbookPort,
  WriteProgress,
} from "../../src/domain";

/**
 * An in-memory workbook behind the WorkbookPort, for testing the session and the pane without
 * Excel. It keeps tables by name, can be told to fail a write, and records what was asked of it.
 */
export class FakeWorkbook implements WorkbookPort {
  tables = new Map<string, TableData>();
  identity: DatasetIdentity | null = null;
  pivots: PivotSpec[] = [];
  recalculations = 0;
  failNextWrite: Error | null = null;
  pivotSupported = true;
  selection: Selection = { sheet: "Sheet1", address: "A1", formula: null };
  cells = new Map<string, SheetCell>();
  inserted: string[] = [];
  /** While set, a write reports its first step, then waits for this before writing (see holdNextWrite). */
  writeGate: Promise<void> | null = null;
  private tableWatchers: ((table: string) => void)[] = [];
  private selectionWatchers: (() => void)[] = [];

  async writeTables(
    tables: readonly TableSpec[],
    identity: DatasetIdentity,
    onProgress?: (p: WriteProgress) => void
  ): Promise<void> {
    if (this.failNextWrite) {
      const e = this.failNextWrite;
      this.failNextWrite = null;
      throw e;
    }
    for (const [i] of tables.entries()) {
      onProgress?.({ done: i + 1, total: tables.length });
      if (i === 0 && this.writeGate) await this.writeGate;
    }
    for (const t of tables)
      this.tables.set(t.table, {
        header: t.columns.map((c) => c.name),
        rows: t.rows.map((r) => [...r]),
      });
    this.identity = identity;
  }
  async readTable(table: string): Promise<TableData | null> {
    return this.tables.get(table) ?? null;
  }
  async readIdentity(): Promise<DatasetIdentity | null> {
    return this.identity;
  }
  async writeIdentity(identity: DatasetIdentity): Promise<void> {
    this.identity = identity;
  }
  async addPivotTable(spec: PivotSpec): Promise<PivotResult> {
    if (!this.pivotSupported) return { created: false, reason: "PivotTables need ExcelApi 1.8" };
    this.pivots.push(spec);
    return { created: true };
  }
  async recalculate(): Promise<void> {
    this.recalculations++;
  }
  async watchTables(
    _tables: readonly string[],
    onChange: (table: string) => void
  ): Promise<() => Promise<void>> {
    this.tableWatchers.push(onChange);
    return async () => void (this.tableWatchers = this.tableWatchers.filter((w) => w !== onChange));
  }
  async watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    this.selectionWatchers.push(onChange);
    return async () =>
      void (this.selectionWatchers = this.selectionWatchers.filter((w) => w !== onChange));
  }
  async getSelection(): Promise<Selection> {
    return this.selection;
  }
  async readCells(addresses: readonly string[]): Promise<SheetCell[]> {
    return addresses.map((a) => this.cells.get(a) ?? null);
  }
  async insertFormula(formula: string): Promise<void> {
    this.inserted.push(formula);
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
  get selectionWatcherCount(): number {
    return this.selectionWatchers.length;
  }
  get watcherCount(): number {
    return this.tableWatchers.length;
  }
}
