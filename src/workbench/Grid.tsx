import { type KeyboardEvent, type Ref, useEffect, useRef, useSyncExternalStore } from "react";
import { columnLetters } from "../domain/workbook/a1";
import { type Spreadsheet, addressOf } from "./spreadsheet";

/** Rows and columns drawn beyond the used range, so there is room to type; and the most drawn. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 4;
const MIN_ROWS = 50;
const MIN_COLUMNS = 14;
const MAX_ROWS = 1000;
const MAX_COLUMNS = 100;
/** Row height in pixels (workbench.html's .grid td height): where frozen rows stick. */
const ROW_HEIGHT = 22;

export interface GridProps {
  readonly spreadsheet: Spreadsheet;
  /** Start editing the selected cell in the formula bar, optionally replacing its content with `text`. */
  readonly onEdit: (text?: string) => void;
  readonly ref?: Ref<HTMLDivElement>;
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/** Column widths in pixels: wide enough for the longest text shown, as Excel's AutoFit does, within bounds. */
const CHAR_WIDTH = 8.5;
const MIN_WIDTH = 64;
const MAX_WIDTH = 360;

/**
 * The active sheet as a table: column letters, row numbers, each cell's displayed value (errors as
 * their code, with the message as the tooltip). Click selects; double-click, F2 or typing edits in
 * the formula bar; arrow keys, Tab and Enter (down; Shift+Enter up) move, as in Excel; Delete clears.
 */
export function Grid({ spreadsheet, onEdit, ref }: GridProps) {
  useSyncExternalStore(spreadsheet.subscribe, () => spreadsheet.version);
  const selected = spreadsheet.selection;
  const used = spreadsheet.size(selected.sheet);
  const rowCount = clamp(Math.max(used.rows + SPARE_ROWS, selected.row + 5), MIN_ROWS, MAX_ROWS);
  const columnCount = clamp(
    Math.max(used.columns + SPARE_COLUMNS, selected.col + 3),
    MIN_COLUMNS,
    MAX_COLUMNS
  );
  const selectedCell = useRef<HTMLTableCellElement>(null);
  // Frozen rows (freezePanes.freezeRows) stay in view under the column letters.
  const frozen = spreadsheet.frozenRows(selected.sheet);

  useEffect(() => {
    selectedCell.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selected.sheet, selected.row, selected.col]);

  const move = (rows: number, columns: number) =>
    spreadsheet.select(
      selected.sheet,
      clamp(selected.row + rows, 0, MAX_ROWS - 1),
      clamp(selected.col + columns, 0, MAX_COLUMNS - 1)
    );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, event.shiftKey ? -1 : 1],
      Enter: [event.shiftKey ? -1 : 1, 0],
    };
    const step = moves[event.key];
    if (step) {
      move(...step);
    } else if (event.key === "F2") {
      onEdit();
    } else if (event.key === "Delete" || event.key === "Backspace") {
      spreadsheet.typeInto(selected, "");
    } else if (event.key.length === 1) {
      onEdit(event.key);
    } else return;
    event.preventDefault();
  };

  // Each column as wide as its longest shown text (header row included), so numbers are never cut.
  const widths = Array.from({ length: columnCount }, (_, col) => {
    let chars = 0;
    for (let row = 0; row < Math.min(used.rows, MAX_ROWS); row++)
      chars = Math.max(chars, spreadsheet.display({ sheet: selected.sheet, row, col }).text.length);
    return clamp(Math.ceil(chars * CHAR_WIDTH) + 16, MIN_WIDTH, MAX_WIDTH);
  });
  const widthOf = (col: number) => {
    const px = `${widths[col]}px`;
    return { width: px, minWidth: px, maxWidth: px };
  };

  const rows = [];
  for (let row = 0; row < rowCount; row++) {
    const cells = [];
    for (let col = 0; col < columnCount; col++) {
      const at = { sheet: selected.sheet, row, col };
      const shown = spreadsheet.display(at);
      const isSelected = row === selected.row && col === selected.col;
      const classes = [`cell-${shown.kind}`];
      if (spreadsheet.isTableHeader(at)) classes.push("table-header");
      if (isSelected) classes.push("selected");
      cells.push(
        <td
          key={col}
          ref={isSelected ? selectedCell : undefined}
          className={classes.join(" ")}
          data-cell={addressOf(row, col)}
          style={widthOf(col)}
          title={shown.message}
          aria-selected={isSelected}
          onMouseDown={() => spreadsheet.select(selected.sheet, row, col)}
          onDoubleClick={() => onEdit()}
        >
          {shown.text}
        </td>
      );
    }
    rows.push(
      <tr
        key={row}
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

  return (
    <div
      ref={ref}
      className="grid"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={`Cells of ${selected.sheet}; selected ${addressOf(selected.row, selected.col)}`}
    >
      <table aria-label={`Sheet ${selected.sheet}`}>
        <thead>
          <tr>
            <th className="corner" aria-hidden="true" />
            {Array.from({ length: columnCount }, (_, col) => (
              <th
                key={col}
                scope="col"
                style={widthOf(col)}
                className={col === selected.col ? "current" : undefined}
              >
                {columnLetters(col)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      {used.rows > rowCount && (
        <p className="grid-note">
          Showing the first {rowCount} of {used.rows} rows.
        </p>
      )}
    </div>
  );
}
