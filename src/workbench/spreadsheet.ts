/**
 * The workbench's workbook: a HyperFormula engine plus what a spreadsheet window adds to it, the
 * active sheet, the selected cell, how table columns are shown, and who to tell when something
 * changes. The grid renders it, WorkbenchWorkbook exposes it to the task pane, and the test API
 * reads it. No DOM here.
 *
 * HyperFormula is GPLv3: this file is development tooling, built into the workbench page only
 * (never into the add-in bundles).
 */
import {
  type CellValue,
  DetailedCellError,
  type HyperFormula,
  type RawCellContent,
} from "hyperformula";
import type { ColumnFormat, SheetCell } from "../domain";
import { columnLetters } from "../host/excel/cells";

/** A cell by sheet name and zero-based row and column. */
export interface CellPosition {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** What a cell shows in the grid. */
export interface CellDisplay {
  readonly text: string;
  readonly kind: "empty" | "number" | "text" | "boolean" | "error";
  /** For an error: its message (shown as the cell's tooltip). */
  readonly message?: string;
}

type UserEditListener = (position: CellPosition) => void;

/** "A1" for row 0, column 0. */
export function addressOf(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The value of a cell as the pane and the tests read it: errors as their code ("#N/A"), empty as null. */
export function toSheetCell(value: CellValue): SheetCell {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === "") return null;
  return value;
}

/** Significant digits Excel keeps; longer binary fractions are shown rounded to them, as Excel's General does. */
const SIGNIFICANT_DIGITS = 15;

const grouped = (fractionDigits: number) =>
  new Intl.NumberFormat("en-US", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
const USD = grouped(2);
const JPY = grouped(0);

/**
 * A number as Excel shows it with the number format the Excel adapter gives the column
 * (src/host/excel/formats.ts): usd "#,##0.00", jpy "#,##0", integer and year "0", else General.
 */
export function formatNumber(value: number, format: ColumnFormat | undefined): string {
  switch (format) {
    case "usd":
      return USD.format(value);
    case "jpy":
      return JPY.format(value);
    case "integer":
    case "year":
      return Math.round(value).toString();
    default:
      return Number.isInteger(value)
        ? String(value)
        : String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
  }
}

/** The workbook behind the workbench page. Every change goes through it, so the grid and the watchers hear of it. */
export class Spreadsheet {
  private revision = 0;
  private active: string;
  private readonly selections = new Map<string, { row: number; col: number }>();
  private readonly formats = new Map<string, readonly ColumnFormat[]>();
  private readonly listeners = new Set<() => void>();
  private readonly editListeners = new Set<UserEditListener>();
  private readonly selectionListeners = new Set<() => void>();

  constructor(readonly engine: HyperFormula) {
    const first = engine.getSheetNames()[0];
    this.active = first ?? engine.addSheet("Sheet1");
    // Whatever else changes the engine (a recalculation, a sheet added), the grid shows it.
    engine.on("valuesUpdated", () => this.changed());
    engine.on("sheetAdded", () => this.changed());
    engine.on("sheetRemoved", () => this.changed());
  }

  /** Increases on every change: the grid's snapshot for useSyncExternalStore. */
  get version(): number {
    return this.revision;
  }

  /** Calls back after any change (values, sheets, selection). Returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Calls back after the user (the grid, the formula bar, the test API) changed a cell. */
  onUserEdit(listener: UserEditListener): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  /** Calls back when the selected cell or the active sheet changes. */
  onSelectionChange(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** Tells the grid to draw again (after changes the engine does not announce, such as a rebuild). */
  changed(): void {
    this.revision++;
    for (const listener of [...this.listeners]) listener();
  }

  sheetNames(): string[] {
    return this.engine.getSheetNames();
  }

  /** The engine's id of a sheet; throws with the sheet's name when there is none. */
  sheetId(sheet: string): number {
    const id = this.engine.getSheetId(sheet);
    if (id === undefined)
      throw new Error(
        `The workbench has no sheet "${sheet}"; it has ${this.sheetNames().join(", ")}.`
      );
    return id;
  }

  /** The id of a sheet, adding the sheet when it does not exist yet. */
  ensureSheet(sheet: string): number {
    return this.engine.getSheetId(sheet) ?? this.sheetId(this.engine.addSheet(sheet));
  }

  /** The active sheet and its selected cell. */
  get selection(): CellPosition {
    const { row, col } = this.selections.get(this.active) ?? { row: 0, col: 0 };
    return { sheet: this.active, row, col };
  }

  /** Moves the selection (and activates the sheet), as a click in the grid does. */
  select(sheet: string, row: number, col: number): void {
    this.sheetId(sheet);
    const before = this.selection;
    this.active = sheet;
    this.selections.set(sheet, { row: Math.max(0, row), col: Math.max(0, col) });
    const after = this.selection;
    if (before.sheet === after.sheet && before.row === after.row && before.col === after.col)
      return;
    this.changed();
    for (const listener of [...this.selectionListeners]) listener();
  }

  /** Activates a sheet with the cell last selected on it. */
  activate(sheet: string): void {
    const { row, col } = this.selections.get(sheet) ?? { row: 0, col: 0 };
    this.select(sheet, row, col);
  }

  /** A cell by address ("B2", or "Sheet!B2" to name the sheet) on `sheet` unless the address names one. */
  position(sheet: string, address: string): CellPosition {
    const at = this.engine.simpleCellAddressFromString(address, this.sheetId(sheet));
    const name = at ? this.engine.getSheetName(at.sheet) : undefined;
    if (!at || name === undefined) throw new Error(`"${address}" is not a cell address.`);
    return { sheet: name, row: at.row, col: at.col };
  }

  /** The cells of a block ("A1:C3") or one cell ("B2"), as [top-left, bottom-right]. */
  block(sheet: string, address: string): [CellPosition, CellPosition] {
    if (!address.includes(":")) {
      const one = this.position(sheet, address);
      return [one, one];
    }
    const range = this.engine.simpleCellRangeFromString(address, this.sheetId(sheet));
    const name = range ? this.engine.getSheetName(range.start.sheet) : undefined;
    if (!range || name === undefined)
      throw new Error(`"${address}" is not a cell or block address.`);
    return [
      { sheet: name, row: range.start.row, col: range.start.col },
      { sheet: name, row: range.end.row, col: range.end.col },
    ];
  }

  value(at: CellPosition): CellValue {
    return this.engine.getCellValue({ sheet: this.sheetId(at.sheet), row: at.row, col: at.col });
  }

  /** The cell's formula ("=..."), or null when it holds a plain value. */
  formula(at: CellPosition): string | null {
    return (
      this.engine.getCellFormula({ sheet: this.sheetId(at.sheet), row: at.row, col: at.col }) ??
      null
    );
  }

  /** What the formula bar shows: the formula, or the value as typed (text that would be re-typed keeps its apostrophe). */
  input(at: CellPosition): string {
    const raw: RawCellContent = this.engine.getCellSerialized({
      sheet: this.sheetId(at.sheet),
      row: at.row,
      col: at.col,
    });
    if (raw === null || raw === undefined) return "";
    if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
    if (raw instanceof Date) return raw.toISOString();
    return String(raw);
  }

  /** Rows and columns in use on a sheet. */
  size(sheet: string): { rows: number; columns: number } {
    const { height, width } = this.engine.getSheetDimensions(this.sheetId(sheet));
    return { rows: height, columns: width };
  }

  /** Number formats of a table's columns (row 1 is its header), or null for a sheet that holds no table. */
  setTableFormats(sheet: string, formats: readonly ColumnFormat[] | null): void {
    if (formats) this.formats.set(sheet, formats);
    else this.formats.delete(sheet);
  }

  /** Whether row 1 of the sheet is a table's header. */
  hasTable(sheet: string): boolean {
    return this.formats.has(sheet);
  }

  display(at: CellPosition): CellDisplay {
    const value = this.value(at);
    if (value instanceof DetailedCellError)
      return { text: value.value, kind: "error", message: value.message || value.value };
    if (value === null || value === "") return { text: "", kind: "empty" };
    if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", kind: "boolean" };
    if (typeof value === "number") {
      const format = at.row > 0 ? this.formats.get(at.sheet)?.[at.col] : undefined;
      return { text: formatNumber(value, format), kind: "number" };
    }
    return { text: value, kind: "text" };
  }

  /**
   * Writes what a user typed into a cell ("" clears it): "=..." is a formula, "'..." text, a
   * number a number, as in Excel. Then tells the edit listeners (the pane's table watchers).
   * Throws when the engine refuses (for example a cell inside another formula's spilled array).
   */
  typeInto(at: CellPosition, typed: string): void {
    const address = { sheet: this.sheetId(at.sheet), row: at.row, col: at.col };
    if (!this.engine.isItPossibleToSetCellContents(address))
      throw new Error(
        `${at.sheet}!${addressOf(at.row, at.col)} cannot be changed: it is part of another cell's array result.`
      );
    this.engine.setCellContents(address, typed === "" ? null : typed);
    this.changed();
    for (const listener of [...this.editListeners]) listener(at);
  }
}
