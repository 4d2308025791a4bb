/**
 * The task pane's view of a workbook: the one narrow interface it talks through. The Excel
 * adapter (src/host/excel) implements it with the Excel JavaScript API; the workbench preview
 * implements it over a formula engine. Plain data in and out: no Office types here.
 */

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

export type PivotResult =
  { readonly created: true } | { readonly created: false; readonly reason: string };

/** The active cell: where it is, and its formula (null when it holds a plain value). */
export interface Selection {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string | null;
}

export interface WriteProgress {
  readonly done: number;
  readonly total: number;
}

export interface WorkbookPort {
  /**
   * Replaces the pane's tables, all or nothing: every table is written in full before any visible
   * sheet changes, and the identity is stored with them. Other sheets are never touched. On failure
   * it rejects and the previous tables stand.
   */
  writeTables(
    tables: readonly TableSpec[],
    identity: DatasetIdentity,
    onProgress?: (p: WriteProgress) => void
  ): Promise<void>;
  /** A table by its name, or null when the workbook has none. */
  readTable(table: string): Promise<TableData | null>;
  readIdentity(): Promise<DatasetIdentity | null>;
  /** Stores the identity alone, after the user's own edits to the tables were taken in. */
  writeIdentity(identity: DatasetIdentity): Promise<void>;
  /** Adds a PivotTable, or says why it cannot (e.g. the host lacks the PivotTable API). */
  addPivotTable(spec: PivotSpec): Promise<PivotResult>;
  /** Makes every formula, the AID functions included, compute again. */
  recalculate(): Promise<void>;
  /** Calls back after the user changes cells of one of these tables; returns a function that stops watching. */
  watchTables(
    tables: readonly string[],
    onChange: (table: string) => void
  ): Promise<() => Promise<void>>;
  /** Calls back when the selection moves. */
  watchSelection(onChange: () => void): Promise<() => Promise<void>>;
  getSelection(): Promise<Selection>;
  /** Reads cell values by sheet-qualified or plain address (of the active sheet), for explaining formulas with references. */
  readCells(addresses: readonly string[]): Promise<SheetCell[]>;
  /** Puts a formula into the active cell. */
  insertFormula(formula: string): Promise<void>;
}
