/** What `Range.copyFrom`, `Range.clear` and `Range.delete` do to the cells. */
import { boxColumns, boxRows, intersect } from "../addresses";
import { ModelError } from "../errors";
import { shiftFormula } from "../formulaText";
import type { CellContent, Scalar, WorkbookState } from "../workbookState";
import type { RangeTarget } from "./range";

const MAX_ROW_INDEX = 1_048_575;

export type CopyType = "All" | "Formulas" | "Values" | "Formats";

export type ClearApplyTo =
  "All" | "Contents" | "Formats" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents";

/** A source cell as the copy reads it, before anything is written. */
interface SourceCell {
  readonly content: CellContent | undefined;
  readonly value: Scalar;
}

/**
 * Range.copyFrom (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)):
 * the destination grows from its top-left cell to the source's size (tiled when it is a larger
 * multiple); relative references in copied formulas move with them; skipBlanks leaves the
 * destination where the source is empty; transpose swaps rows and columns.
 */
export function copyCells(
  state: WorkbookState,
  src: RangeTarget,
  dest: RangeTarget,
  copyType: CopyType,
  skipBlanks: boolean,
  transpose: boolean
): void {
  const srcRows = boxRows(src.box);
  const srcCols = boxColumns(src.box);
  const [h, w] = transpose ? [srcCols, srcRows] : [srcRows, srcCols];
  const destRows = boxRows(dest.box);
  const destCols = boxColumns(dest.box);
  const tileRows = destRows % h === 0 && destRows > h ? destRows / h : 1;
  const tileCols = destCols % w === 0 && destCols > w ? destCols / w : 1;
  // Read everything first: source and destination may overlap.
  const cells = readSourceCells(state, src);
  const block: (CellContent | null | undefined)[][] = [];
  for (let r = 0; r < h * tileRows; r++) {
    const line: (CellContent | null | undefined)[] = [];
    for (let c = 0; c < w * tileCols; c++) {
      const sr = transpose ? c % w : r % h;
      const sc = transpose ? r % h : c % w;
      const from = cells[sr]![sc]!;
      const destRow = dest.box.top + r;
      const destCol = dest.box.left + c;
      const old = state.content(dest.sheet, destRow, destCol);
      const blank = from.content?.formula === undefined && from.content?.value === undefined;
      if (skipBlanks && blank) {
        line.push(undefined);
        continue;
      }
      const shift = { rows: destRow - (src.box.top + sr), columns: destCol - (src.box.left + sc) };
      line.push(clean(pastedContent(from, old, copyType, shift)));
    }
    block.push(line);
  }
  state.writeBlock(
    dest.sheet,
    dest.box.top,
    dest.box.left,
    block,
    copyType === "Formats" ? "format" : "values"
  );
}

function readSourceCells(state: WorkbookState, src: RangeTarget): SourceCell[][] {
  const cells: SourceCell[][] = [];
  for (let r = 0; r < boxRows(src.box); r++) {
    const line = [];
    for (let c = 0; c < boxColumns(src.box); c++) {
      const row = src.box.top + r;
      const col = src.box.left + c;
      line.push({
        content: state.content(src.sheet, row, col),
        value: state.value(src.sheet, row, col),
      });
    }
    cells.push(line);
  }
  return cells;
}

/** What one destination cell holds after the paste: `old` is what it held before. */
function pastedContent(
  from: SourceCell,
  old: CellContent | undefined,
  copyType: CopyType,
  shift: { rows: number; columns: number }
): CellContent {
  const formula =
    from.content?.formula !== undefined
      ? shiftFormula(from.content.formula, shift.rows, shift.columns)
      : undefined;
  const contents: CellContent =
    formula !== undefined
      ? { formula }
      : from.content?.value !== undefined
        ? { value: from.content.value }
        : {};
  switch (copyType) {
    case "Values":
      return { ...old, formula: undefined, value: from.value === "" ? undefined : from.value };
    case "Formulas":
      return { ...contents, format: old?.format };
    case "Formats":
      return { ...old, format: from.content?.format };
    default:
      return { ...contents, format: from.content?.format };
  }
}

/** Range.clear(applyTo): "All" (default), "Contents" or "Formats". */
export function clearCells(state: WorkbookState, t: RangeTarget, applyTo: ClearApplyTo): void {
  const block: (CellContent | null)[][] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++) {
    const line: (CellContent | null)[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) {
      const old = state.content(t.sheet, r, c);
      if (applyTo === "Formats") line.push(clean({ ...old, format: undefined }));
      else if (applyTo === "All") line.push(null);
      else line.push(clean({ format: old?.format }));
    }
    block.push(line);
  }
  state.writeBlock(
    t.sheet,
    t.box.top,
    t.box.left,
    block,
    applyTo === "Formats" ? "format" : "values"
  );
}

/**
 * Range.delete("Up"): the cells below move up and formulas are adjusted. Other shifts are not
 * modelled (they fail with a message saying so). A table's rows go through TableRow.delete.
 */
export function deleteCells(state: WorkbookState, t: RangeTarget, shift: "Up" | "Left"): void {
  if (shift !== "Up")
    throw new ModelError(
      "InvalidArgument",
      `The model deletes with shift "Up" only, not "${shift}".`
    );
  if (
    state.tables.some(
      (table) =>
        table.sheet === t.sheet && intersect(table.box, { ...t.box, bottom: MAX_ROW_INDEX })
    )
  )
    throw new ModelError(
      "InvalidOperation",
      "The model does not delete cells through or above a table; delete table rows instead."
    );
  state.deleteCellsUp(t.sheet, t.box);
}

/** The content as stored: a formula wins over a value, and a General format is no format. */
function clean(c: CellContent): CellContent | null {
  const out: { formula?: string; value?: Scalar; format?: string } = {};
  if (c.formula !== undefined) out.formula = c.formula;
  else if (c.value !== undefined) out.value = c.value;
  if (c.format !== undefined && c.format !== "General") out.format = c.format;
  return Object.keys(out).length === 0 ? null : out;
}
