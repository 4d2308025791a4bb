import type { Ref } from "react";
import { ROW_HEIGHT, widthStyle } from "./gridLayout";
import { type CellPosition, type Spreadsheet, addressOf } from "./spreadsheet";

export interface GridRowProps {
  readonly spreadsheet: Spreadsheet;
  readonly row: number;
  readonly widths: readonly number[];
  readonly selected: CellPosition;
  /** Frozen rows (freezePanes.freezeRows) stay in view under the column letters. */
  readonly frozen: number;
  /** Given to the selected cell, so the grid can scroll it into view. */
  readonly selectedCell: Ref<HTMLTableCellElement>;
  readonly onEdit: () => void;
}

/** One row of the grid: its number, then each cell's displayed value (errors as their code, with the message as the tooltip). */
export function GridRow({
  spreadsheet,
  row,
  widths,
  selected,
  frozen,
  selectedCell,
  onEdit,
}: GridRowProps) {
  const cells = widths.map((width, col) => {
    const at = { sheet: selected.sheet, row, col };
    const shown = spreadsheet.display(at);
    const isSelected = row === selected.row && col === selected.col;
    const classes = [`cell-${shown.kind}`];
    if (spreadsheet.isTableHeader(at)) classes.push("table-header");
    if (isSelected) classes.push("selected");
    return (
      <td
        key={col}
        ref={isSelected ? selectedCell : undefined}
        className={classes.join(" ")}
        data-cell={addressOf(row, col)}
        style={widthStyle(width)}
        title={shown.message}
        aria-selected={isSelected}
        onMouseDown={() => spreadsheet.select(selected.sheet, row, col)}
        onDoubleClick={() => onEdit()}
      >
        {shown.text}
      </td>
    );
  });
  return (
    <tr
      className={row < frozen ? "frozen" : undefined}
      style={row < frozen ? { top: ROW_HEIGHT * (row + 1) } : undefined}
    >
      <th scope="row" className={row === selected.row ? "current" : undefined}>
        {row + 1}
      </th>
      {cells}
    </tr>
  );
}
