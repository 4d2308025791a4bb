import type { CellPosition, Spreadsheet } from "./spreadsheet";

/** Rows and columns drawn beyond the used range, so there is room to type; and the most drawn. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 4;
const MIN_ROWS = 50;
const MIN_COLUMNS = 14;
export const MAX_ROWS = 1000;
export const MAX_COLUMNS = 100;
/** Row height in pixels (workbench.html's .grid td height): where frozen rows stick. */
export const ROW_HEIGHT = 22;

export const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/** Column widths in pixels: wide enough for the longest text shown, as Excel's AutoFit does, within bounds. */
const CHAR_WIDTH = 8.5;
const MIN_WIDTH = 64;
const MAX_WIDTH = 360;

/** How many rows and columns the grid draws: the used range, room to type, and the selection. */
export function drawnSize(
  used: { rows: number; columns: number },
  selected: CellPosition
): { rowCount: number; columnCount: number } {
  return {
    rowCount: clamp(Math.max(used.rows + SPARE_ROWS, selected.row + 5), MIN_ROWS, MAX_ROWS),
    columnCount: clamp(
      Math.max(used.columns + SPARE_COLUMNS, selected.col + 3),
      MIN_COLUMNS,
      MAX_COLUMNS
    ),
  };
}

/** Each column as wide as its longest shown text (header row included), so numbers are never cut. */
export function columnWidths(
  spreadsheet: Spreadsheet,
  sheet: string,
  usedRows: number,
  columnCount: number
): number[] {
  return Array.from({ length: columnCount }, (_, col) => {
    let chars = 0;
    for (let row = 0; row < Math.min(usedRows, MAX_ROWS); row++)
      chars = Math.max(chars, spreadsheet.display({ sheet, row, col }).text.length);
    return clamp(Math.ceil(chars * CHAR_WIDTH) + 16, MIN_WIDTH, MAX_WIDTH);
  });
}

/** A fixed column width, as a cell's style. */
export function widthStyle(pixels: number | undefined) {
  const px = `${pixels}px`;
  return { width: px, minWidth: px, maxWidth: px };
}
