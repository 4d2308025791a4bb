/** What `Range.load` reads: addresses, sizes, and the cell blocks (values, formulas, text...). */
import { boxColumns, boxRows, qualifiedAddress } from "../addresses";
import { formatNumber } from "../numberFormat";
import type { ModelContext } from "../requestContext";
import type { RangeTarget } from "./range";

/** The scalar properties `Range.load()` with no argument loads. */
export const RANGE_PROPERTIES: readonly string[] = [
  "address",
  "addressLocal",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
  "hasSpill",
  "valueTypes",
];

/** A range property's current value in the workbook. */
export function readRange(context: ModelContext, t: RangeTarget, property: string): unknown {
  const state = context.host.state;
  const each = (f: (row: number, col: number) => unknown) => {
    const out: unknown[][] = [];
    for (let r = t.box.top; r <= t.box.bottom; r++) {
      const line: unknown[] = [];
      for (let c = t.box.left; c <= t.box.right; c++) line.push(f(r, c));
      out.push(line);
    }
    return out;
  };
  switch (property) {
    case "address":
    case "addressLocal":
      return qualifiedAddress(t.sheet.name, t.box);
    case "values":
      return each((r, c) => state.value(t.sheet, r, c));
    case "formulas":
      return each((r, c) => state.formula(t.sheet, r, c));
    case "numberFormat":
      return each((r, c) => state.numberFormat(t.sheet, r, c));
    case "text":
      return each((r, c) => {
        const v = state.value(t.sheet, r, c);
        if (typeof v === "number") return formatNumber(v, state.numberFormat(t.sheet, r, c));
        if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
        return v;
      });
    case "rowIndex":
      return t.box.top;
    case "columnIndex":
      return t.box.left;
    case "rowCount":
      return boxRows(t.box);
    case "columnCount":
      return boxColumns(t.box);
    case "cellCount":
      return boxRows(t.box) * boxColumns(t.box);
    case "valueTypes":
      return each((r, c) => {
        const v = state.value(t.sheet, r, c);
        if (v === "") return "Empty";
        if (typeof v === "number") return "Double";
        if (typeof v === "boolean") return "Boolean";
        return state.isError(t.sheet, r, c) ? "Error" : "String";
      });
    case "hasSpill":
      context.requireSet("ExcelApi", "1.12", "Range.hasSpill");
      for (let r = t.box.top; r <= t.box.bottom; r++)
        for (let c = t.box.left; c <= t.box.right; c++)
          if (state.spillBox(t.sheet, r, c)) return true;
      return false;
    default:
      return undefined;
  }
}
