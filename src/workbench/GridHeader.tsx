import { columnLetters } from "../domain/workbook/a1";
import { widthStyle } from "./gridLayout";

export interface GridHeaderProps {
  readonly widths: readonly number[];
  /** The selected cell's column, highlighted. */
  readonly selectedColumn: number;
}

/** The grid's header row: a corner, then the column letters. */
export function GridHeader({ widths, selectedColumn }: GridHeaderProps) {
  return (
    <tr>
      <th className="corner" aria-hidden="true" />
      {widths.map((width, col) => (
        <th
          key={col}
          scope="col"
          style={widthStyle(width)}
          className={col === selectedColumn ? "current" : undefined}
        >
          {columnLetters(col)}
        </th>
      ))}
    </tr>
  );
}
