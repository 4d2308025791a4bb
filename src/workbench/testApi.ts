/**
 * `window.aidWorkbench`: what end-to-end tests (and a developer in the browser console) use to
 * read and drive the workbench's spreadsheet without clicking through the grid.
 */
import type { SheetCell } from "../domain";
import { DetailedCellError } from "hyperformula";
import { type CellPosition, type Spreadsheet, toSheetCell } from "./spreadsheet";

export interface AidWorkbenchApi {
  /** Sheet names in tab order. */
  sheetNames(): string[];
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
}

declare global {
  interface Window {
    aidWorkbench?: AidWorkbenchApi;
  }
}

export function createTestApi(spreadsheet: Spreadsheet, started: Promise<void>): AidWorkbenchApi {
  return {
    sheetNames: () => spreadsheet.sheetNames(),
    values(sheet, address) {
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
    },
    errorMessage(sheet, address) {
      const value = spreadsheet.value(spreadsheet.position(sheet, address));
      return value instanceof DetailedCellError ? value.message : null;
    },
    formula: (sheet, address) => spreadsheet.formula(spreadsheet.position(sheet, address)),
    setFormula(sheet, address, formula) {
      spreadsheet.typeInto(spreadsheet.position(sheet, address), formula);
    },
    select(sheet, address) {
      const at = spreadsheet.position(sheet, address);
      spreadsheet.select(at.sheet, at.row, at.col);
    },
    ready: () => started,
  };
}
