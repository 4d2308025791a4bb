import { type KeyboardEvent, type Ref, useEffect, useRef, useSyncExternalStore } from "react";
import { GridHeader } from "./GridHeader";
import { GridRow } from "./GridRow";
import { MAX_COLUMNS, MAX_ROWS, clamp, columnWidths, drawnSize } from "./gridLayout";
import { type CellPosition, type Spreadsheet, addressOf } from "./spreadsheet";

export interface GridProps {
  readonly spreadsheet: Spreadsheet;
  /** Start editing the selected cell in the formula bar, optionally replacing its content with `text`. */
  readonly onEdit: (text?: string) => void;
  readonly ref?: Ref<HTMLDivElement>;
}

/**
 * The active sheet as a table: column letters, row numbers, each cell's displayed value (errors as
 * their code, with the message as the tooltip). Click selects; double-click, F2 or typing edits in
 * the formula bar; arrow keys, Tab and Enter (down; Shift+Enter up) move, as in Excel; Delete clears.
 */
export function Grid({ spreadsheet, onEdit, ref }: GridProps) {
  useSyncExternalStore(spreadsheet.subscribe, () => spreadsheet.version);
  const selected = spreadsheet.selection;
  const used = spreadsheet.size(selected.sheet);
  const { rowCount, columnCount } = drawnSize(used, selected);
  const selectedCell = useRef<HTMLTableCellElement>(null);
  const frozen = spreadsheet.frozenRows(selected.sheet);

  useEffect(() => {
    selectedCell.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selected.sheet, selected.row, selected.col]);

  const widths = columnWidths(spreadsheet, selected.sheet, used.rows, columnCount);
  const rows = Array.from({ length: rowCount }, (_, row) => (
    <GridRow
      key={row}
      spreadsheet={spreadsheet}
      row={row}
      widths={widths}
      selected={selected}
      frozen={frozen}
      selectedCell={selectedCell}
      onEdit={() => onEdit()}
    />
  ));

  return (
    <div
      ref={ref}
      className="grid"
      tabIndex={0}
      onKeyDown={(event) => onGridKey(event, spreadsheet, selected, onEdit)}
      aria-label={`Cells of ${selected.sheet}; selected ${addressOf(selected.row, selected.col)}`}
    >
      <table aria-label={`Sheet ${selected.sheet}`}>
        <thead>
          <GridHeader widths={widths} selectedColumn={selected.col} />
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

/** Arrow keys, Tab and Enter move; F2 or a typed character edits; Delete and Backspace clear. */
function onGridKey(
  event: KeyboardEvent<HTMLDivElement>,
  spreadsheet: Spreadsheet,
  selected: CellPosition,
  onEdit: (text?: string) => void
): void {
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
    spreadsheet.select(
      selected.sheet,
      clamp(selected.row + step[0], 0, MAX_ROWS - 1),
      clamp(selected.col + step[1], 0, MAX_COLUMNS - 1)
    );
  } else if (event.key === "F2") {
    onEdit();
  } else if (event.key === "Delete" || event.key === "Backspace") {
    spreadsheet.typeInto(selected, "");
  } else if (event.key.length === 1) {
    onEdit(event.key);
  } else return;
  event.preventDefault();
}
