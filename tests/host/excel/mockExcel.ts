import { OfficeMockObject } from "office-addin-mock";
import { type SheetCell, serializedSize } from "../../../src/domain";

/**
 * A workbook behind office-addin-mock objects, for the Excel adapter's tests. Every object the
 * adapter gets is an OfficeMockObject, so reading a property that was not loaded and synced
 * yields the mock's error string. office-addin-mock has no model of a workbook, so this class adds
 * one: sheets with cell grids, tables, settings, an operation log tagged with the sync that
 * carried each operation, and per-sync payload sizes. Objects created by methods are outside the
 * mock's own tree; the context's sync() syncs them too, as Excel fills in every queued load.
 */

export interface Op {
  /** 1-based number of the sync that carried the operation (across all runs). */
  readonly sync: number;
  readonly kind: string;
  /** Sheet or table name at the time of the operation. */
  readonly target: string;
  readonly detail?: unknown;
}

export interface SyncRecord {
  /** Serialized size of the cell arrays written in this sync (values, formulas, number formats). */
  readonly requestBytes: number;
  /** Serialized size of the cell values read back by this sync. */
  readonly responseBytes: number;
  readonly failed: boolean;
}

interface SheetState {
  name: string;
  visibility: string;
  frozenRows: number;
  readonly grid: Map<number, SheetCell[]>;
  readonly formats: Map<string, unknown>;
}

interface TableState {
  name: string;
  readonly id: string;
  readonly sheet: SheetState;
  /** Zero-based block: header row first. */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface PivotRecord {
  readonly name: string;
  readonly sheet: string;
  readonly source: string | undefined;
  readonly destination: string | undefined;
  readonly rows: string[];
  readonly columns: string[];
  readonly data: { field: string; summarizeBy?: string; numberFormat?: string }[];
}

/** A range the adapter may write to: what it was created with, to tell the adapter's assignments apart. */
interface Tracked {
  readonly sheet: SheetState;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly address: string;
  seen: Record<"values" | "formulas" | "numberFormat", unknown>;
}

const NOT_SYNCED = "Error, context.sync() was not called";
const WRITABLE = ["values", "formulas", "numberFormat"] as const;

export class MockExcel {
  readonly ops: Op[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly settings = new Map<string, unknown>();
  readonly pivots: PivotRecord[] = [];
  /** Highest ExcelApi version the host "supports". */
  apiVersion = "1.9";
  /** The sync (1-based, counted across runs) that throws, as a dropped connection would. */
  failAtSync: number | null = null;
  activeSheet = "Sheet1";
  activeCell = { address: "A1", formula: "" as SheetCell };
  readonly tableHandlers = new Set<(event: { tableId: string }) => Promise<unknown>>();
  readonly selectionHandlers = new Set<() => Promise<unknown>>();
  runs = 0;
  private nextId = 1;
  private pendingError: string | null = null;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
  }

  readonly supports = (set: string, version: string): boolean =>
    set === "ExcelApi" && compareVersions(version, this.apiVersion) <= 0;

  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  // ----- seeding and inspection -----

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name);
  }

  seedTable(
    sheetName: string,
    tableName: string,
    header: readonly string[],
    rows: readonly (readonly SheetCell[])[]
  ): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    [header, ...rows].forEach((r, i) => sheet.grid.set(i, [...r]));
    this.tables.push({
      name: tableName,
      id: `{table-${this.nextId++}}`,
      sheet,
      row: 0,
      column: 0,
      rows: rows.length + 1,
      columns: header.length,
    });
  }

  seedCell(sheetName: string, address: string, value: SheetCell): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { row, column } = parseBlock(address);
    setCell(sheet, row, column, value);
  }

  /** The block's values as Excel would return them ("" for empty cells). */
  cells(sheetName: string, address: string): SheetCell[][] {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const b = parseBlock(address);
    return readBlock(sheet, b.row, b.column, b.rows, b.columns);
  }

  opsOf(kind: string): Op[] {
    return this.ops.filter((o) => o.kind === kind);
  }

  async fireTableChanged(tableName: string): Promise<void> {
    const table = this.table(tableName);
    for (const h of [...this.tableHandlers]) await h({ tableId: table?.id ?? tableName });
  }

  // ----- the model -----

  private addSheet(name: string): SheetState {
    const sheet: SheetState = {
      name,
      visibility: "Visible",
      frozenRows: 0,
      grid: new Map(),
      formats: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  private log(kind: string, target: string, detail?: unknown): void {
    this.ops.push({ sync: this.syncs.length + 1, kind, target, detail });
  }

  private context(): OfficeMockObject {
    const tracked: OfficeMockObject[] = [];
    const ranges = new Map<OfficeMockObject, Tracked>();
    const tableOf = new WeakMap<object, TableState>();
    const make = (data: Record<string, unknown>): OfficeMockObject => {
      const m = new OfficeMockObject(data);
      tracked.push(m);
      return m;
    };
    /** *OrNullObject: isNullObject is filled in by the next sync, as Excel does. */
    const nullable = (m: OfficeMockObject): OfficeMockObject => {
      m.load("isNullObject");
      return m;
    };

    const range = (
      sheet: SheetState,
      row: number,
      column: number,
      rows: number,
      columns: number,
      readable: boolean,
      extra: Record<string, unknown> = {}
    ): OfficeMockObject => {
      const address = blockAddress(row, column, rows, columns);
      const data: Record<string, unknown> = {
        address: `${sheet.name}!${address}`,
        rowIndex: row,
        columnIndex: column,
        rowCount: rows,
        columnCount: columns,
        getCell: (r: number, c: number) => range(sheet, row + r, column + c, 1, 1, true),
        ...extra,
      };
      // Only ranges that are read get their cells: a 50,000-row write range need not copy its block.
      if (readable) data.values = readBlock(sheet, row, column, rows, columns);
      const m = make(data);
      ranges.set(m, {
        sheet,
        row,
        column,
        rows,
        columns,
        address,
        seen: { values: m.values, formulas: m.formulas, numberFormat: m.numberFormat },
      });
      return m;
    };

    const tableObject = (table: TableState, renamable: boolean): OfficeMockObject => {
      const data: Record<string, unknown> = {
        isNullObject: false,
        id: table.id,
        getHeaderRowRange: () =>
          range(table.sheet, table.row, table.column, 1, table.columns, true),
        getDataBodyRange: () =>
          range(
            table.sheet,
            table.row + 1,
            table.column,
            Math.max(1, table.rows - 1),
            table.columns,
            true
          ),
        worksheet: {
          name: table.sheet.name,
          getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
            range(table.sheet, r, c, nr, nc, true),
        },
      };
      if (!renamable) data.name = table.name;
      const m = make(data);
      if (renamable)
        accessor(
          m,
          "name",
          () => table.name,
          (v) => (this.log("renameTable", table.name, v), (table.name = String(v)))
        );
      tableOf.set(m, table);
      return m;
    };

    const sheetObject = (sheet: SheetState): OfficeMockObject => {
      const m = make({
        isNullObject: false,
        getRange: (address: string) => {
          const b = parseBlock(address);
          return range(sheet, b.row, b.column, b.rows, b.columns, false);
        },
        getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
          range(sheet, r, c, nr, nc, true),
        delete: () => {
          this.log("deleteSheet", sheet.name);
          this.sheets.splice(this.sheets.indexOf(sheet), 1);
          for (const t of this.tables.filter((x) => x.sheet === sheet))
            this.tables.splice(this.tables.indexOf(t), 1);
        },
        tables: {
          add: (source: OfficeMockObject, hasHeaders: boolean) => {
            const r = ranges.get(source);
            if (!r || r.sheet !== sheet)
              throw new Error("tables.add: the range must be on this sheet");
            const table: TableState = {
              name: `Table${this.nextId}`,
              id: `{table-${this.nextId++}}`,
              sheet,
              row: r.row,
              column: r.column,
              rows: r.rows,
              columns: r.columns,
            };
            this.log("addTable", sheet.name, { address: r.address, hasHeaders });
            this.tables.push(table);
            return tableObject(table, true);
          },
          getItem: (name: string) => tableObject(this.tablesOn(sheet, name), true),
        },
        freezePanes: {
          freezeRows: (count: number) => {
            this.log("freezeRows", sheet.name, count);
            sheet.frozenRows = count;
          },
        },
        pivotTables: {
          add: (name: string, source: object, destination: OfficeMockObject) => {
            const pivot: PivotRecord = {
              name,
              sheet: sheet.name,
              source: tableOf.get(source)?.name,
              destination: ranges.get(destination)?.address,
              rows: [],
              columns: [],
              data: [],
            };
            this.log("addPivot", sheet.name, name);
            this.pivots.push(pivot);
            return make({
              hierarchies: { getItem: (field: string) => ({ field }) },
              rowHierarchies: { add: (h: { field: string }) => void pivot.rows.push(h.field) },
              columnHierarchies: {
                add: (h: { field: string }) => void pivot.columns.push(h.field),
              },
              dataHierarchies: {
                add: (h: { field: string }) => {
                  const data = { field: h.field };
                  pivot.data.push(data);
                  return data;
                },
              },
            });
          },
        },
      });
      accessor(
        m,
        "name",
        () => sheet.name,
        (v) => (this.log("renameSheet", sheet.name, v), (sheet.name = String(v)))
      );
      accessor(
        m,
        "visibility",
        () => sheet.visibility,
        (v) => (this.log("visibility", sheet.name, v), (sheet.visibility = String(v)))
      );
      return m;
    };

    const missing = (what: string) => {
      this.pendingError = `ItemNotFound: ${what}`;
      return make({ isNullObject: true });
    };

    const application = {
      suspendApiCalculationUntilNextSync: () => this.log("suspendCalculation", "application"),
      suspendScreenUpdatingUntilNextSync: () => this.log("suspendScreenUpdating", "application"),
      calculate: (type: string) => this.log("calculate", "application", type),
    };

    const ctx: OfficeMockObject = new OfficeMockObject({
      sync: async () => {
        this.sync(ranges);
        await OfficeMockObject.prototype.sync.call(ctx);
        for (const m of tracked) await m.sync();
        // The mock settles loaded values in promise callbacks: let them all run.
        await new Promise((resolve) => setImmediate(resolve));
        // What the sync loaded is not a write: only later assignments are.
        for (const [m, r] of ranges) for (const prop of WRITABLE) r.seen[prop] = m[prop];
      },
      application,
      workbook: {
        application,
        worksheets: {
          add: (name: string) => {
            if (this.sheet(name)) throw new Error(`a sheet named ${name} exists`);
            this.log("addSheet", name);
            return sheetObject(this.addSheet(name));
          },
          getItem: (name: string) => {
            const s = this.sheet(name);
            return s ? sheetObject(s) : missing(`sheet ${name}`);
          },
          getItemOrNullObject: (name: string) => {
            const s = this.sheet(name);
            return nullable(s ? sheetObject(s) : make({ isNullObject: true }));
          },
          getActiveWorksheet: () => sheetObject(this.sheet(this.activeSheet)!),
          onSelectionChanged: {
            add: (handler: () => Promise<unknown>) => {
              this.selectionHandlers.add(handler);
              return { context: ctx, remove: () => this.selectionHandlers.delete(handler) };
            },
          },
        },
        tables: {
          getItem: (name: string) => {
            const t = this.table(name);
            return t ? tableObject(t, false) : missing(`table ${name}`);
          },
          getItemOrNullObject: (name: string) => {
            const t = this.table(name);
            return nullable(
              t ? tableObject(t, false) : make({ isNullObject: true, name: undefined })
            );
          },
          onChanged: {
            add: (handler: (event: { tableId: string }) => Promise<unknown>) => {
              this.tableHandlers.add(handler);
              return { context: ctx, remove: () => this.tableHandlers.delete(handler) };
            },
          },
        },
        settings: {
          getItemOrNullObject: (key: string) =>
            nullable(
              make({ isNullObject: !this.settings.has(key), key, value: this.settings.get(key) })
            ),
          add: (key: string, value: unknown) => {
            this.log("setting", key, value);
            this.settings.set(key, value);
            return make({ key, value });
          },
        },
        getActiveCell: () => {
          const sheet = this.sheet(this.activeSheet)!;
          const b = parseBlock(this.activeCell.address);
          const formula = this.activeCell.formula;
          return range(sheet, b.row, b.column, 1, 1, true, {
            formulas: [[formula]],
            worksheet: { name: sheet.name },
          });
        },
      },
    });
    return ctx;
  }

  private tablesOn(sheet: SheetState, name: string): TableState {
    const t = this.tables.find((x) => x.sheet === sheet && x.name === name);
    if (!t) throw new Error(`no table ${name} on ${sheet.name}`);
    return t;
  }

  /** Sends what the batch queued: writes found on the ranges, then the failure if one is due. */
  private sync(ranges: Map<OfficeMockObject, Tracked>): void {
    const number = this.syncs.length + 1;
    const writes: { r: Tracked; prop: (typeof WRITABLE)[number]; value: unknown }[] = [];
    let requestBytes = 0;
    let responseBytes = 0;
    for (const [m, r] of ranges) {
      for (const prop of WRITABLE) {
        const value: unknown = m[prop];
        if (value !== r.seen[prop] && typeof value !== "string") {
          writes.push({ r, prop, value });
          r.seen[prop] = value;
          for (const row of value as SheetCell[][]) requestBytes += serializedSize(row);
        }
      }
      if (m.values === NOT_SYNCED)
        for (const row of readBlock(r.sheet, r.row, r.column, r.rows, r.columns))
          responseBytes += serializedSize(row);
    }
    const fail = (message: string): never => {
      this.syncs.push({ requestBytes, responseBytes, failed: true });
      throw new Error(message);
    };
    if (this.failAtSync === number) fail(`RichApi.Error: the connection was lost (sync ${number})`);
    if (this.pendingError) {
      const message = this.pendingError;
      this.pendingError = null;
      fail(message);
    }
    for (const { r, prop, value } of writes) {
      const grid = value as SheetCell[][];
      const broadcast = prop === "numberFormat" && grid.length === 1 && grid[0]?.length === 1;
      if (!broadcast && (grid.length !== r.rows || grid.some((row) => row.length !== r.columns))) {
        fail(`InvalidArgument: ${prop} of ${grid.length} rows written to ${r.address}`);
      }
      this.ops.push({
        sync: number,
        kind: prop,
        target: r.sheet.name,
        detail: { address: r.address, rows: grid.length, values: grid },
      });
      if (prop === "numberFormat") r.sheet.formats.set(r.address, grid[0]?.[0]);
      else if (prop === "formulas") this.activeCell.formula = grid[0]?.[0] ?? null;
      else
        grid.forEach((row, i) =>
          row.forEach((v, c) => setCell(r.sheet, r.row + i, r.column + c, v))
        );
    }
    this.syncs.push({ requestBytes, responseBytes, failed: false });
  }
}

/** A property the adapter only assigns: an accessor logs each assignment. Loading it would throw. */
function accessor(
  target: object,
  name: string,
  get: () => unknown,
  set: (v: unknown) => void
): void {
  Object.defineProperty(target, name, { get, set, configurable: true, enumerable: true });
}

/** How Excel stores what `values` writes: "'" marks text and is dropped; numeric and boolean text is re-typed. */
function setCell(sheet: SheetState, row: number, column: number, value: SheetCell): void {
  let stored: SheetCell = value;
  if (typeof value === "string") {
    if (value.startsWith("'")) stored = value.slice(1);
    else if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(value)) stored = Number(value);
    else if (/^\d{4}-\d{1,2}(-\d{1,2})?$/.test(value))
      stored =
        Math.round(
          Date.parse(`${value.length === 7 ? `${value}-01` : value}T00:00:00Z`) / 86_400_000
        ) + 25_569;
    else if (/^(true|false)$/i.test(value)) stored = value.toLowerCase() === "true";
  }
  const cells = sheet.grid.get(row) ?? [];
  cells[column] = stored === "" ? null : stored;
  sheet.grid.set(row, cells);
}

function readBlock(
  sheet: SheetState,
  row: number,
  column: number,
  rows: number,
  columns: number
): SheetCell[][] {
  const out: SheetCell[][] = [];
  for (let r = row; r < row + rows; r++) {
    const cells = sheet.grid.get(r);
    const line: SheetCell[] = [];
    for (let c = column; c < column + columns; c++) line.push(cells?.[c] ?? "");
    out.push(line);
  }
  return out;
}

function letters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const start = `${letters(column)}${row + 1}`;
  return rows === 1 && columns === 1
    ? start
    : `${start}:${letters(column + columns - 1)}${row + rows}`;
}

function parseCell(cell: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/i.exec(cell.replace(/\$/g, ""));
  if (!m) throw new Error(`InvalidArgument: address ${cell}`);
  const column = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, column };
}

function parseBlock(address: string): {
  row: number;
  column: number;
  rows: number;
  columns: number;
} {
  const [a, b] = address.split(":");
  const start = parseCell(a!);
  const end = b ? parseCell(b) : start;
  return {
    row: start.row,
    column: start.column,
    rows: end.row - start.row + 1,
    columns: end.column - start.column + 1,
  };
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}
