import { boxColumns, boxRows } from "./addresses";
import { shiftFormula } from "./formulaText";
import type { CellContent, Scalar, TableState, WorkbookState } from "./workbookState";

/**
 * The user sorting a table by one column (the header's filter button, Sort A to Z / Z to A): whole
 * rows move, the user's own columns with them; numbers before text, blanks last in both orders
 * (Microsoft Support, "Sort data in a range or table":
 * https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654).
 * A formula moves with its row: its relative references shift by the rows it moved, which leaves
 * row-relative references ([@column], A5 on row 5) pointing at their own row. Stable for equal keys.
 */
export function sortTableRows(
  state: WorkbookState,
  table: TableState,
  column: string,
  order: "ascending" | "descending"
): void {
  const { box, sheet } = table;
  const header = Array.from({ length: boxColumns(box) }, (_, c) =>
    String(state.content(sheet, box.top, box.left + c)?.value ?? "")
  );
  const at = header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
  if (at < 0) throw new Error(`Table ${table.name} has no column ${column}.`);
  // A Total Row stays where it is, below the sorted rows.
  const rows = Array.from({ length: boxRows(box) - 1 - (table.showTotals ? 1 : 0) }, (_, r) => {
    const row = box.top + 1 + r;
    const cells = header.map((_, c) => state.content(sheet, row, box.left + c) ?? null);
    return { row, cells, key: state.value(sheet, row, box.left + at) };
  });
  const rank = (v: Scalar) => (v === null || v === "" ? 2 : typeof v === "number" ? 0 : 1);
  const sign = order === "ascending" ? 1 : -1;
  const sorted = rows
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => {
      const [ra, rb] = [rank(a.key), rank(b.key)];
      if (ra !== rb) return ra - rb;
      if (ra === 2) return a.i - b.i;
      const d =
        typeof a.key === "number" && typeof b.key === "number"
          ? a.key - b.key
          : String(a.key).localeCompare(String(b.key), undefined, { sensitivity: "base" });
      return d * sign || a.i - b.i;
    });
  const block = sorted.map((r, to) =>
    r.cells.map((cell): CellContent | null =>
      cell?.formula ? { ...cell, formula: shiftFormula(cell.formula, to - r.i, 0) } : cell
    )
  );
  state.writeBlock(sheet, box.top + 1, box.left, block);
}
