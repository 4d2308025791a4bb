/**
 * The workbench's view of its workbook: an ExcelModel (src/tooling/excelModel), which the shipped
 * Excel adapter drives through `model.run` and which the grid shows. Everything the grid, the
 * formula bar and the test API do goes through the model's user API, so change and selection
 * events fire as they do in Excel. No DOM here.
 *
 * HyperFormula (inside the model) is GPLv3: this file is development tooling, built into the
 * workbench page only (never into the add-in bundles).
 */
import { type CellValue, DetailedCellError } from "hyperformula";
import type { SheetCell } from "../domain";
import { columnLetters } from "../domain/workbook/a1";
import { type Box, parseBox, splitSheet } from "../tooling/excelModel/addresses";
import type { ExcelModel } from "../tooling/excelModel";
import { formatNumber } from "../tooling/excelModel/numberFormat";

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

/** The workbook behind the workbench page, as the grid and the test API see it. */
export class Spreadsheet {
  constructor(readonly model: ExcelModel) {}

  /** Increases on every change: the grid's snapshot for useSyncExternalStore. */
  get version(): number {
    return this.model.version;
  }

  /** Calls back after any change (values, sheets, selection). Returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => this.model.subscribe(listener);

  /** Every sheet in tab order (hidden ones included). */
  sheetNames(): string[] {
    return this.model.read.sheetNames();
  }

  /** The sheets a user sees as tabs. */
  visibleSheetNames(): string[] {
    return this.model.read
      .sheets()
      .filter((s) => s.visibility === "Visible")
      .map((s) => s.name);
  }

  private sheetState(sheet: string) {
    const found = this.model.state.findSheet(sheet);
    if (!found)
      throw new Error(
        `The workbench has no sheet "${sheet}"; it has ${this.sheetNames().join(", ")}.`
      );
    return found;
  }

  /** The active sheet and its active cell. */
  get selection(): CellPosition {
    const { sheet, address } = this.model.read.activeCell();
    const box = parseBox(address)!;
    return { sheet, row: box.top, col: box.left };
  }

  /** Moves the selection (and activates the sheet), as a click in the grid does. */
  select(sheet: string, row: number, col: number): void {
    this.model.user.select(sheet, addressOf(Math.max(0, row), Math.max(0, col)));
  }

  /** Activates a sheet with the cell last selected on it. */
  activate(sheet: string): void {
    this.model.user.activate(sheet);
  }

  /** A cell by address ("B2", or "Sheet!B2" to name the sheet) on `sheet` unless the address names one. */
  position(sheet: string, address: string): CellPosition {
    const [from] = this.block(sheet, address);
    return from;
  }

  /** The cells of a block ("A1:C3") or one cell ("B2"), as [top-left, bottom-right]. */
  block(sheet: string, address: string): [CellPosition, CellPosition] {
    const split = splitSheet(address);
    const name = split.sheet ?? sheet;
    const box: Box | null = parseBox(split.address);
    if (!box) throw new Error(`"${address}" is not a cell or block address.`);
    const real = this.sheetState(name).name;
    return [
      { sheet: real, row: box.top, col: box.left },
      { sheet: real, row: box.bottom, col: box.right },
    ];
  }

  /** The engine's value (errors with their message). */
  value(at: CellPosition): CellValue {
    return this.model.state.rawValue(this.sheetState(at.sheet), at.row, at.col) as CellValue;
  }

  /** The cell's formula ("=..."), or null when it holds a plain value. */
  formula(at: CellPosition): string | null {
    return this.model.state.content(this.sheetState(at.sheet), at.row, at.col)?.formula ?? null;
  }

  /** What the formula bar shows: the formula, or the value as typed (text that would be re-typed keeps its apostrophe). */
  input(at: CellPosition): string {
    const content = this.model.state.content(this.sheetState(at.sheet), at.row, at.col);
    if (!content) return "";
    if (content.formula !== undefined) return content.formula;
    const v = content.value;
    if (v === undefined) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "number") return String(v);
    // Text that typing would turn into something else gets Excel's apostrophe.
    return /^[=+\-@']|^\s*(true|false)\s*$|^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/i.test(v)
      ? `'${v}`
      : v;
  }

  /** Rows and columns in use on a sheet (from A1). */
  size(sheet: string): { rows: number; columns: number } {
    const box = this.model.state.usedBox(this.sheetState(sheet));
    return box ? { rows: box.bottom + 1, columns: box.right + 1 } : { rows: 0, columns: 0 };
  }

  /** Whether a cell is in a table's header row. */
  isTableHeader(at: CellPosition): boolean {
    const sheet = this.sheetState(at.sheet);
    const table = this.model.state.tableAt(sheet, at.row, at.col);
    return table !== null && table.box.top === at.row;
  }

  /** Rows frozen at the top of a sheet. */
  frozenRows(sheet: string): number {
    return this.sheetState(sheet).frozenRows;
  }

  display(at: CellPosition): CellDisplay {
    const value = this.value(at);
    if (value instanceof DetailedCellError)
      return { text: value.value, kind: "error", message: value.message || value.value };
    if (value === null || value === "") return { text: "", kind: "empty" };
    if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", kind: "boolean" };
    if (typeof value === "number") {
      const format = this.model.state.numberFormat(this.sheetState(at.sheet), at.row, at.col);
      return { text: formatNumber(value, format), kind: "number" };
    }
    return { text: value, kind: "text" };
  }

  /**
   * Writes what a user typed into a cell ("" clears it): "=..." is a formula, "'..." text, a
   * number a number, as in Excel; the model fires the change events the pane listens to.
   */
  typeInto(at: CellPosition, typed: string): void {
    this.model.user.type(at.sheet, addressOf(at.row, at.col), typed);
  }
}
