/**
 * `window.aidWorkbench`: what end-to-end tests (and a developer in the browser console) use to
 * read and drive the workbench's workbook (an ExcelModel) without clicking through the grid. Every
 * change goes through the model's user API, so the pane hears of it as it would in Excel.
 */
import type { SheetCell } from "../domain";
import { DetailedCellError } from "hyperformula";
import { type CellPosition, type Spreadsheet, toSheetCell } from "./spreadsheet";

/** A table as the tests see it: where it is now. */
export interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  /** "Facts!A1:P34". */
  readonly address: string;
  readonly columns: string[];
}

/** A chart as the tests see it: its source block ("Facts!A1:B10"), null once its sheet was deleted. */
export interface ChartInfo {
  readonly name: string;
  readonly sheet: string;
  readonly type: string;
  readonly source: string | null;
}

export interface AidWorkbenchApi {
  /** Sheet names in tab order (hidden sheets included). */
  sheetNames(): string[];
  /** Sheet names, visibility and frozen rows, in tab order. */
  sheets(): { name: string; visibility: string; frozenRows: number }[];
  /** The workbook's tables. */
  tables(): TableInfo[];
  /** The workbook's charts. */
  charts(): ChartInfo[];
  /** The workbook's PivotTables: name, sheet, the block their values fill, source, whether broken. */
  pivotTables(): {
    name: string;
    sheet: string;
    address: string | null;
    source: string;
    broken: boolean;
  }[];
  /** The workbook's settings (the identity the pane stored, for example). */
  settings(): Record<string, unknown>;
  /** As the user: rename a sheet (formulas that refer to it follow). */
  renameSheet(sheet: string, name: string): void;
  /** As the user: drag a sheet's tab to a zero-based position. */
  moveSheet(sheet: string, position: number): void;
  /** As the user: add a sheet at the end. */
  addSheet(name: string): void;
  /** As the user: delete a sheet (formulas that refer to it become #REF!). */
  deleteSheet(sheet: string): void;
  /** As the user: insert a chart over a block ("Facts!A1:B10") on a sheet. */
  createChart(sheet: string, type: string, source: string, name?: string): void;
  /** As the user: insert a PivotTable over a table at a cell. */
  createPivotTable(
    name: string,
    sourceTable: string,
    sheet: string,
    address: string,
    layout: { rows: string[]; columns?: string[]; values: string[] }
  ): void;
  /** As the user: refresh a PivotTable (Data > Refresh). */
  refreshPivotTable(name: string): void;
  /** As the user: add a column to a table's right, with a formula for every row (a calculated column). */
  addTableColumn(table: string, name: string, formula?: string): void;
  /** As the user: paste a block of values at a cell ("A1"), as Ctrl+V of copied cells does. */
  paste(
    sheet: string,
    address: string,
    rows: readonly (readonly (string | number | boolean)[])[]
  ): void;
  /** As the user: Insert > Table over a block with headers, named `name`. */
  addTable(sheet: string, address: string, name?: string): void;
  /** As the user: sort a table by one column; whole rows move (the model's tableSort.ts). */
  sortTable(table: string, column: string, order: "ascending" | "descending"): void;
  /** As the user: turn a table's Total Row on or off (the model's totalRow.ts). */
  showTotals(table: string, on: boolean): void;
  /** As the user: filter a table to the rows whose column holds one of the values; none clears it. */
  filterTable(table: string, column: string, values: readonly string[]): void;
  /** As the user: protect or unprotect a sheet (Review > Protect Sheet). */
  protectSheet(sheet: string, on: boolean): void;
  /**
   * Displayed values of a block ("A1:C3") or one cell ("B2") as a 2-D array, or of the sheet's whole
   * used range when the address is left out: numbers as numbers, errors as their code ("#N/A"),
   * empty cells as null.
   */
  values(sheet: string, address?: string): SheetCell[][];
  /** The message of the error a cell shows, or null when it shows no error. */
  errorMessage(sheet: string, address: string): string | null;
  /** The formula a cell holds ("=..."), or null for a plain value. */
  formula(sheet: string, address: string): string | null;
  /** Types into a cell as a user would (a formula, a number, text): the pane's table watchers hear of it. */
  setFormula(sheet: string, address: string, formula: string): void;
  /** Selects a cell, activating its sheet, as a click in the grid does. */
  select(sheet: string, address: string): void;
  /** Resolves when the task pane is mounted and its session has started; rejects if starting failed. */
  ready(): Promise<void>;
  /** As the user: Formulas > Calculation Options (in Manual, AID cells change only on calculation). */
  setCalculationMode(mode: "Automatic" | "AutomaticExceptTables" | "Manual"): void;
  /** As the user: Calculate Now (F9). */
  calculateNow(): void;
  /** As a colleague without the add-in: save the workbook, leaving every AID cell as #NAME?. */
  saveWithoutAddin(): number;
  /** Save and reopen: resolves when the pane's new session has started (read the workbook). */
  reopen(): Promise<void>;
  /**
   * Records what a cell shows after every change of the workbook from now on (its value now
   * first); call the returned function to stop and get them, to check a value never shown.
   */
  recordValues(sheet: string, address: string): () => SheetCell[];
}

/** What the workbench page does for the test API beyond the model (a new runtime on reopen). */
export interface WorkbenchHooks {
  readonly reopen: () => Promise<void>;
}

declare global {
  interface Window {
    aidWorkbench?: AidWorkbenchApi;
  }
}

export function createTestApi(
  spreadsheet: Spreadsheet,
  started: Promise<void>,
  hooks: WorkbenchHooks
): AidWorkbenchApi {
  return {
    ...workbookReads(spreadsheet),
    ...userActions(spreadsheet),
    ready: () => started,
    reopen: () => hooks.reopen(),
  };
}

/** What the user can do to the workbook, each through the model's user API. */
type UserActions = Pick<
  AidWorkbenchApi,
  | "renameSheet"
  | "moveSheet"
  | "addSheet"
  | "deleteSheet"
  | "createChart"
  | "createPivotTable"
  | "refreshPivotTable"
  | "addTableColumn"
  | "paste"
  | "addTable"
  | "sortTable"
  | "showTotals"
  | "filterTable"
  | "protectSheet"
  | "setFormula"
  | "select"
  | "setCalculationMode"
  | "calculateNow"
  | "saveWithoutAddin"
>;

/** What the tests read of the workbook (nothing here changes it). */
type WorkbookReads = Omit<AidWorkbenchApi, keyof UserActions | "ready" | "reopen">;

function workbookReads(spreadsheet: Spreadsheet): WorkbookReads {
  return {
    sheetNames: () => spreadsheet.sheetNames(),
    sheets: () =>
      spreadsheet.model.read
        .sheets()
        .map(({ name, visibility, frozenRows }) => ({ name, visibility, frozenRows })),
    tables: () =>
      spreadsheet.model.read
        .tables()
        .map(({ name, sheet, address, columns }) => ({ name, sheet, address, columns })),
    charts: () =>
      spreadsheet.model.read
        .charts()
        .map(({ name, sheet, type, source }) => ({ name, sheet, type, source })),
    pivotTables: () => spreadsheet.model.read.pivots(),
    settings: () => spreadsheet.model.read.settings(),
    values: (sheet, address) => blockValues(spreadsheet, sheet, address),
    errorMessage(sheet, address) {
      const value = spreadsheet.value(spreadsheet.position(sheet, address));
      return value instanceof DetailedCellError ? value.message : null;
    },
    formula: (sheet, address) => spreadsheet.formula(spreadsheet.position(sheet, address)),
    recordValues(sheet, address) {
      const at = spreadsheet.position(sheet, address);
      const seen: SheetCell[] = [toSheetCell(spreadsheet.value(at))];
      const stop = spreadsheet.subscribe(() => seen.push(toSheetCell(spreadsheet.value(at))));
      return () => {
        stop();
        return seen;
      };
    },
  };
}

/** AidWorkbenchApi.values: a block, one cell, or the whole used range when `address` is left out. */
function blockValues(spreadsheet: Spreadsheet, sheet: string, address?: string): SheetCell[][] {
  let from: CellPosition;
  let to: CellPosition;
  if (address === undefined) {
    const { rows, columns } = spreadsheet.size(sheet);
    if (rows === 0 || columns === 0) return [];
    [from, to] = [
      { sheet, row: 0, col: 0 },
      { sheet, row: rows - 1, col: columns - 1 },
    ];
  } else [from, to] = spreadsheet.block(sheet, address);
  const out: SheetCell[][] = [];
  for (let row = from.row; row <= to.row; row++) {
    const line: SheetCell[] = [];
    for (let col = from.col; col <= to.col; col++)
      line.push(toSheetCell(spreadsheet.value({ sheet: from.sheet, row, col })));
    out.push(line);
  }
  return out;
}

function userActions(spreadsheet: Spreadsheet): UserActions {
  const user = spreadsheet.model.user;
  return {
    renameSheet: (sheet, name) => user.renameSheet(sheet, name),
    moveSheet: (sheet, position) => user.moveSheet(sheet, position),
    addSheet: (name) => user.addSheet(name),
    deleteSheet: (sheet) => user.deleteSheet(sheet),
    createChart: (sheet, type, source, name) => user.createChart(sheet, type, source, name),
    createPivotTable: (name, sourceTable, sheet, address, layout) =>
      user.createPivotTable(name, sourceTable, sheet, address, layout),
    refreshPivotTable: (name) => user.refreshPivotTable(name),
    addTableColumn: (table, name, formula) => user.addTableColumn(table, name, formula),
    paste: (sheet, address, rows) => user.paste(sheet, address, rows),
    addTable: (sheet, address, name) => user.addTable(sheet, address, name),
    sortTable: (table, column, order) => user.sortTable(table, column, order),
    showTotals: (table, on) => user.showTotals(table, on),
    filterTable: (table, column, values) => user.filterTable(table, column, values),
    protectSheet: (sheet, on) => user.protectSheet(sheet, on),
    setFormula(sheet, address, formula) {
      spreadsheet.typeInto(spreadsheet.position(sheet, address), formula);
    },
    select(sheet, address) {
      const at = spreadsheet.position(sheet, address);
      spreadsheet.select(at.sheet, at.row, at.col);
    },
    setCalculationMode: (mode) => user.setCalculationMode(mode),
    calculateNow: () => user.calculateNow(),
    saveWithoutAddin: () => user.saveWithoutAddin(),
  };
}
