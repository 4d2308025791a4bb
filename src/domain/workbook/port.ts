/**
 * The task pane's view of a workbook, as narrow ports by concern: data intake (WorkbookReader),
 * tables (TableWriter), sheet features (SelectionPort, SheetFeaturesPort) and the calculation
 * environment (CalculationPort). The Excel adapter (src/host/excel) implements them all with the
 * Excel JavaScript API (the workbench runs it over the Excel model). Plain data in and out: no
 * Office types here.
 */

import type { CellFormula, TableExtent } from "./fixedAddress";
import type { LostUserValue } from "./rowAlignment";

/** A cell value as the pane writes or reads it. null is an empty cell. */
export type SheetCell = string | number | boolean | null;

/** How a column is shown. Maps to a number format in each adapter. */
export type ColumnFormat = "text" | "integer" | "year" | "usd" | "jpy" | "rate" | "boolean";

export interface ColumnSpec {
  readonly name: string;
  readonly format: ColumnFormat;
}

/** One table the pane owns: a sheet of its own holding one Excel table with a frozen header. */
export interface TableSpec {
  readonly sheet: string;
  /** Excel table name: letters, digits and underscores, starting with a letter. */
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly SheetCell[])[];
  /**
   * The columns that identify a row (the record's id, a fact's id, a rate's document, entry and
   * record): a write keeps each record on the row that holds it. All of ours when absent.
   */
  readonly key?: readonly string[];
}

/** A table as read back from the workbook. */
export interface TableData {
  readonly header: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/** What is loaded in a workbook: stored in the workbook, so reopening it answers from its own data. */
export interface DatasetIdentity {
  /** "bundled", "file:<name>", "url:<address>", or "workbook" after the user's own edits. */
  readonly source: string;
  /** The add-in version that wrote it, for the bundled dataset; the file's name otherwise. */
  readonly version: string;
  /** Fingerprint of the records (see contentHash). */
  readonly contentHash: string;
  /** ISO 8601 time of the load. */
  readonly loadedAt: string;
  readonly records: number;
}

/** A PivotTable over a source table: rows by one field, columns by another, summing a third. */
export interface PivotSpec {
  readonly sheet: string;
  readonly name: string;
  readonly sourceTable: string;
  readonly rowField: string;
  readonly columnField: string;
  readonly dataField: string;
}

/** `unsupported`: this Excel lacks the API, so there is no PivotTable to go stale (said once, at load). */
export type PivotResult =
  | { readonly created: true }
  | { readonly created: false; readonly reason: string; readonly unsupported?: true };

/**
 * The active cell: where it is, and the formula that computes it (null when it holds a plain
 * value). A cell inside a spilled array reports its anchor's formula, with the anchor's address.
 */
export interface Selection {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string | null;
  /** The address of the cell that holds the formula, when the selected cell is part of its spill. */
  readonly anchor?: string;
}

export interface WriteProgress {
  readonly done: number;
  readonly total: number;
}

/** Where one of the pane's tables is, found by its table name wherever the user moved it. */
export interface TableLocation {
  readonly table: string;
  /** The sheet that holds it now (the user may have renamed it). */
  readonly sheet: string;
  /** Data rows (below the header). */
  readonly rows: number;
}

export interface WriteOptions {
  readonly onProgress?: (p: WriteProgress) => void;
  /**
   * Asked after every new row is staged and before anything the user can see changes: false stops
   * the write there, with nothing changed (the workbook was edited since the write was prepared).
   */
  readonly beforeCommit?: () => boolean;
}

/** What a successful write did, table by table. */
export interface WriteReport {
  /** Tables that did not exist and were created, each on a sheet of its own. */
  readonly created: readonly TableLocation[];
  /** Tables whose contents were replaced in place. */
  readonly refreshed: readonly TableLocation[];
  /** Per table refreshed in place: rows written (changed or appended) and rows deleted. */
  readonly rowsWritten?: readonly { table: string; written: number; deleted: number }[];
  /** Values in the user's own columns that went with their removed record's row (see lostUserValueText). */
  readonly lostUserValues?: readonly LostUserValue[];
}

/**
 * A write that failed, and the state it left: "unchanged" (it stopped before any visible change),
 * "restored" (a visible change failed part way and every table was put back as it was), or
 * "partial" (putting it back failed too; `detail` names what holds what).
 */
export class WorkbookWriteError extends Error {
  constructor(
    readonly state: "unchanged" | "restored" | "partial",
    message: string
  ) {
    super(message);
    this.name = "WorkbookWriteError";
  }
}

/** What inserting a formula did: put it in, or found the cell holding something. */
export type InsertResult =
  | { readonly inserted: true; readonly address: string }
  | { readonly inserted: false; readonly address: string; readonly occupiedBy: string };

/** One used cell of a sheet, as the briefing copy and the diff read it. */
export interface SheetCellSnapshot {
  readonly address: string;
  /** "=..." for a formula cell, else null. */
  readonly formula: string | null;
  /** What the cell shows: a number, text, a boolean, an error code ("#N/A"), or null for empty. */
  readonly value: SheetCell;
}

/** The active sheet's used cells, row by row. */
export interface SheetSnapshot {
  readonly sheet: string;
  readonly cells: readonly SheetCellSnapshot[];
}

/** A cell to write on a new sheet: a value (always landing as data) or a formula. */
export type NewSheetCell = SheetCell | { readonly formula: string };

/** A native chart over a block of data the pane writes beside it (ExcelApi 1.1 charts). */
export interface ChartSpec {
  /** The sheet, unless `pivot` names a PivotTable: then the sheet that holds it (wherever the user moved it). */
  readonly sheet: string;
  readonly pivot?: string;
  readonly name: string;
  readonly title: string;
  /** Top-left cell of the data block, e.g. "M3"; the chart is placed to its left. */
  readonly dataAt: string;
  /** Header row (first cell names the categories), then one row per category. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
  /** Where the chart is placed: "H3:L20". */
  readonly position: string;
}

export type ChartResult =
  | { readonly created: true }
  | { readonly created: false; readonly reason: string; readonly unsupported?: true };

/** Data intake: reading the pane's tables and what was loaded, and watching them for the user's edits. */
export interface WorkbookReader {
  /** A table by its name, or null when the workbook has none. */
  readTable(table: string): Promise<TableData | null>;
  /** Where each named table is, or null for a table the workbook does not have. */
  locateTables(tables: readonly string[]): Promise<(TableLocation | null)[]>;
  readIdentity(): Promise<DatasetIdentity | null>;
  /**
   * Calls back when the user changes cells of one of these tables. The add-in's own writes and
   * format-only changes do not call back. Returns a function that stops watching.
   */
  watchTables(
    tables: readonly string[],
    onChange: (table: string) => void
  ): Promise<() => Promise<void>>;
  /**
   * Every formula in the workbook (each sheet's used range, read once) and where these tables'
   * header and data rows are; a table the workbook lacks is left out.
   */
  readWorkbookFormulas(tables: readonly string[]): Promise<WorkbookFormulas>;
}

/** Tables: writing the pane's tables, all or nothing, and the identity stored with them. */
export interface TableWriter {
  /**
   * Replaces the contents of the pane's tables, all or nothing, and stores the identity with them.
   * A table that exists (found by its name, on whatever sheet) is refreshed in place: its sheet, the
   * sheet's name and position, the user's formulas, charts and PivotTables over it and every cell
   * outside it stay as they were. A table that does not exist is created on a sheet of its own.
   * Rejects with a WorkbookWriteError that says what state the workbook is in.
   */
  writeTables(
    tables: readonly TableSpec[],
    identity: DatasetIdentity,
    options?: WriteOptions
  ): Promise<WriteReport>;
  /**
   * For the review before a write: the values in the user's own columns that writing `tables`
   * would delete with their records' rows ("your MyNote on X goes with it").
   */
  previewLostUserValues?(tables: readonly TableSpec[]): Promise<readonly LostUserValue[]>;
  /** Stores the identity alone, after the user's own edits to the tables were taken in. */
  writeIdentity(identity: DatasetIdentity): Promise<void>;
}

/** Sheet features of the active cell: where the selection is, what it refers to, putting a formula in, going to a record. */
export interface SelectionPort {
  getSelection(): Promise<Selection>;
  /** Calls back when the selection moves. */
  watchSelection(onChange: () => void): Promise<() => Promise<void>>;
  /** Reads cell values by sheet-qualified or plain address (of the active sheet), for explaining formulas with references. */
  readCells(addresses: readonly string[]): Promise<SheetCell[]>;
  /** Puts a formula into the active cell; unless `overwrite`, only when the cell is empty. */
  insertFormula(formula: string, options?: { overwrite?: boolean }): Promise<InsertResult>;
  /** Selects the row of a table whose `column` holds `value`; false when no row does. */
  selectTableRow(table: string, column: string, value: string): Promise<boolean>;
}

/** Sheet features beyond the tables: the active sheet's cells, new sheets (the briefing copy), the Summary's PivotTable and chart, repairing AID cells. */
export interface SheetFeaturesPort {
  /** The active sheet's used cells (formulas and what they show). */
  readActiveSheet(): Promise<SheetSnapshot>;
  /**
   * Adds a sheet named `name` (or the first free "name (2)"...) holding these rows from A1, and
   * returns its name. No existing sheet is touched.
   */
  addSheet(name: string, rows: readonly (readonly NewSheetCell[])[]): Promise<string>;
  /**
   * Adds the PivotTable, or refreshes it when it exists (a refresh keeps the user's layout changes),
   * or says why it cannot (e.g. the host lacks the PivotTable API).
   */
  ensurePivotTable(spec: PivotSpec): Promise<PivotResult>;
  /** Writes the chart's data and (re)builds the chart by its name; says why not where it cannot. */
  ensureChart(spec: ChartSpec): Promise<ChartResult>;
  /**
   * Enters again every AID formula that shows #NAME? (the workbook was saved by an Excel without
   * the add-in); returns the cells repaired, sheet-qualified ("Sheet1!B4").
   */
  repairAidFormulas(): Promise<readonly string[]>;
}

/** The calculation environment: Excel's calculation mode. */
export interface CalculationPort {
  /** Excel's calculation mode: in Manual, AID cells show new answers only when Excel calculates. */
  readCalculationMode(): Promise<CalculationMode>;
}

/**
 * The whole adapter: every port the Excel adapter (ExcelWorkbook) implements. Each part of the
 * session asks only for the ports of its own concern.
 */
export type WorkbookPort = WorkbookReader &
  TableWriter &
  SelectionPort &
  SheetFeaturesPort &
  CalculationPort;

export interface WorkbookFormulas {
  readonly formulas: readonly CellFormula[];
  readonly tables: readonly TableExtent[];
}

/** Application.calculationMode's values. */
export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";
