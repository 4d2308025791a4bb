/** What setting `Range.values`, `formulas` and `numberFormat` writes. */
import { type Box, boxColumns, boxRows } from "../addresses";
import { contentFromInput } from "../cellInput";
import { MESSAGES, ModelError } from "../errors";
import type { CellContent, WorkbookState } from "../workbookState";
import { scalarText } from "./clientObject";
import type { RangeTarget } from "./range";

/** The block a property write gives, one entry per cell of `box`. */
export function matrix(
  value: unknown,
  box: Box,
  property: string,
  broadcastOne: boolean
): unknown[][] {
  const rows = boxRows(box);
  const cols = boxColumns(box);
  // A single value (not an array) applies to every cell (OfficeDev/office-js-docs-pr #2013).
  if (!Array.isArray(value))
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
  const arr = value as unknown[][];
  // A 1x1 array is broadcast for numberFormat (OfficeDev/office-js-docs-pr #5400).
  if (broadcastOne && arr.length === 1 && Array.isArray(arr[0]) && arr[0].length === 1)
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => arr[0]![0]));
  if (arr.length !== rows || arr.some((r) => !Array.isArray(r) || r.length !== cols))
    // OfficeDev/office-js #1025: InvalidArgument with this message, errorLocation "Range.values".
    throw new ModelError("InvalidArgument", `${MESSAGES.dimensions} (${property})`);
  return arr;
}

/** Writes typed inputs (values or formulas) over the range, keeping each cell's format. */
export function writeInputs(state: WorkbookState, t: RangeTarget, inputs: unknown[][]): void {
  const block = inputs.map((line, r) =>
    line.map((input, c) =>
      contentFromInput(input, state.content(t.sheet, t.box.top + r, t.box.left + c))
    )
  );
  state.writeBlock(t.sheet, t.box.top, t.box.left, block);
}

/** Sets each cell's number format; a null or undefined entry leaves that cell as it is. */
export function writeNumberFormats(
  state: WorkbookState,
  t: RangeTarget,
  formats: unknown[][]
): void {
  const block = formats.map((line, r) =>
    line.map((f, c): CellContent | null | undefined => {
      if (f === null || f === undefined) return undefined;
      const old = state.content(t.sheet, t.box.top + r, t.box.left + c);
      const next: CellContent = { ...old, format: scalarText(f) };
      return next;
    })
  );
  state.writeBlock(t.sheet, t.box.top, t.box.left, block, "format");
}
