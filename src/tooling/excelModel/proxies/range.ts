import { type Box, boxColumns, boxRows, intersect, qualifiedAddress } from "../addresses";
import { contentFromInput } from "../cellInput";
import { MESSAGES, ModelError } from "../errors";
import { shiftFormula } from "../formulaText";
import { mergeCells, mergedAreasIn, unmergeCells } from "../guards";
import { formatNumber } from "../numberFormat";
import type { ModelContext } from "../requestContext";
import type { CellContent, Scalar, SheetState } from "../workbookState";
import { ClientObject, type Resolver, scalarText } from "./clientObject";
import { MergedAreasProxy, WorksheetProxy } from "./worksheet";

const MAX_ROW_INDEX = 1_048_575;

export interface RangeTarget {
  readonly sheet: SheetState;
  readonly box: Box;
}

function matrix(value: unknown, box: Box, property: string, broadcastOne: boolean): unknown[][] {
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

export class RangeProxy extends ClientObject<RangeTarget> {
  constructor(context: ModelContext, resolver: Resolver<RangeTarget>, orNull = false) {
    super(context, "Range", resolver, orNull);
  }

  protected override alive(t: RangeTarget): boolean {
    return this.context.host.state.sheets.includes(t.sheet);
  }

  protected override where(): string {
    try {
      const t = this.target();
      return ` ${qualifiedAddress(t.sheet.name, t.box)}`;
    } catch {
      return "";
    }
  }

  protected properties(): readonly string[] {
    return [
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
  }

  protected read(t: RangeTarget, property: string): unknown {
    const state = this.context.host.state;
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
        this.context.requireSet("ExcelApi", "1.12", "Range.hasSpill");
        for (let r = t.box.top; r <= t.box.bottom; r++)
          for (let c = t.box.left; c <= t.box.right; c++)
            if (state.spillBox(t.sheet, r, c)) return true;
        return false;
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get hasSpill(): boolean {
    return this.get("hasSpill");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  set values(value: unknown[][]) {
    this.set("values", value, (t) => this.writeInputs(t, matrix(value, t.box, "values", false)));
  }

  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(value: unknown[][]) {
    this.set("formulas", value, (t) =>
      this.writeInputs(t, matrix(value, t.box, "formulas", false))
    );
  }

  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this.set("numberFormat", value, (t) => {
      const formats = matrix(value, t.box, "numberFormat", true);
      const state = this.context.host.state;
      const block = formats.map((line, r) =>
        line.map((f, c): CellContent | null | undefined => {
          if (f === null || f === undefined) return undefined;
          const old = state.content(t.sheet, t.box.top + r, t.box.left + c);
          const next: CellContent = { ...old, format: scalarText(f) };
          return next;
        })
      );
      state.writeBlock(t.sheet, t.box.top, t.box.left, block, "format");
    });
  }

  private writeInputs(t: RangeTarget, inputs: unknown[][]): void {
    const state = this.context.host.state;
    const block = inputs.map((line, r) =>
      line.map((input, c) =>
        contentFromInput(input, state.content(t.sheet, t.box.top + r, t.box.left + c))
      )
    );
    state.writeBlock(t.sheet, t.box.top, t.box.left, block);
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet).instantiate(
      "Range.worksheet",
      () => ""
    );
  }

  private derived(member: string, f: (t: RangeTarget) => Box, orNull = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this.target();
        const box = f(t);
        if (box.top < 0 || box.left < 0)
          throw new ModelError("InvalidArgument", MESSAGES.invalidArgument);
        return { sheet: t.sheet, box };
      },
      orNull
    ).instantiate(`Range.${member}`, () => this.where());
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived("getCell", (t) => ({
      top: t.box.top + row,
      left: t.box.left + column,
      bottom: t.box.top + row,
      right: t.box.left + column,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived("getResizedRange", (t) => {
      const box = { ...t.box, bottom: t.box.bottom + deltaRows, right: t.box.right + deltaColumns };
      if (box.bottom < box.top || box.right < box.left)
        throw new ModelError("InvalidArgument", MESSAGES.invalidArgument);
      return box;
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived("getOffsetRange", (t) => ({
      top: t.box.top + rowOffset,
      left: t.box.left + columnOffset,
      bottom: t.box.bottom + rowOffset,
      right: t.box.right + columnOffset,
    }));
  }

  getRow(row: number): RangeProxy {
    return this.derived("getRow", (t) => ({
      ...t.box,
      top: t.box.top + row,
      bottom: t.box.top + row,
    }));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this.derived("getRowsBelow", (t) => ({
      ...t.box,
      top: t.box.bottom + 1,
      bottom: t.box.bottom + count,
    }));
  }

  getRowsAbove(count = 1): RangeProxy {
    return this.derived("getRowsAbove", (t) => ({
      ...t.box,
      top: t.box.top - count,
      bottom: t.box.top - 1,
    }));
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this.derived("getColumnsAfter", (t) => ({
      ...t.box,
      left: t.box.right + 1,
      right: t.box.right + count,
    }));
  }

  getColumnsBefore(count = 1): RangeProxy {
    return this.derived("getColumnsBefore", (t) => ({
      ...t.box,
      left: t.box.left - count,
      right: t.box.left - 1,
    }));
  }

  getLastRow(): RangeProxy {
    return this.derived("getLastRow", (t) => ({ ...t.box, top: t.box.bottom }));
  }

  getLastColumn(): RangeProxy {
    return this.derived("getLastColumn", (t) => ({ ...t.box, left: t.box.right }));
  }

  /** The block both ranges cover, or a null object when they do not meet (ExcelApi 1.4). */
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this.target();
        const o =
          typeof other === "string" ? this.context.resolveAddress(other, t.sheet) : other.target();
        if (o.sheet !== t.sheet) return null;
        const box = intersect(t.box, o.box);
        return box ? { sheet: t.sheet, box } : null;
      },
      true
    ).instantiate("Range.getIntersectionOrNullObject", () => this.where());
  }

  /** The smallest block holding both ranges. */
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derived("getBoundingRect", (t) => {
      const o =
        typeof other === "string" ? this.context.resolveAddress(other, t.sheet) : other.target();
      return {
        top: Math.min(t.box.top, o.box.top),
        left: Math.min(t.box.left, o.box.left),
        bottom: Math.max(t.box.bottom, o.box.bottom),
        right: Math.max(t.box.right, o.box.right),
      };
    });
  }

  getColumn(column: number): RangeProxy {
    return this.derived("getColumn", (t) => ({
      ...t.box,
      left: t.box.left + column,
      right: t.box.left + column,
    }));
  }

  /** ExcelApi 1.2 (guards.ts). */
  merge(_across = false): void {
    this.call("merge", [], (t) => mergeCells(this.context.host.state, t.sheet, t.box));
  }
  unmerge(): void {
    this.call("unmerge", [], (t) => unmergeCells(t.sheet, t.box));
  }
  /** ExcelApi 1.13: areas whose top-left cell is in this range (office-js #3611). */
  getMergedAreasOrNullObject(): MergedAreasProxy {
    return new MergedAreasProxy(this.context, () => {
      this.context.requireSet("ExcelApi", "1.13", "Range.getMergedAreasOrNullObject");
      const t = this.target();
      const boxes = mergedAreasIn(t.sheet, t.box);
      return boxes.length > 0 ? { sheet: t.sheet, boxes } : null;
    }).instantiate("Range.getMergedAreasOrNullObject", () => this.where());
  }

  /** ExcelApi 1.12. */
  getSpillParentOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        this.context.requireSet("ExcelApi", "1.12", "Range.getSpillParentOrNullObject");
        const t = this.target();
        const at = this.context.host.state.spillParent(t.sheet, t.box.top, t.box.left);
        return at
          ? { sheet: t.sheet, box: { top: at.row, left: at.col, bottom: at.row, right: at.col } }
          : null;
      },
      true
    ).instantiate("Range.getSpillParentOrNullObject", () => this.where());
  }

  /** ExcelApi 1.12. */
  getSpillingToRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        this.context.requireSet("ExcelApi", "1.12", "Range.getSpillingToRangeOrNullObject");
        const t = this.target();
        const box = this.context.host.state.spillBox(t.sheet, t.box.top, t.box.left);
        return box ? { sheet: t.sheet, box } : null;
      },
      true
    ).instantiate("Range.getSpillingToRangeOrNullObject", () => this.where());
  }

  /**
   * Range.copyFrom (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)):
   * the destination grows from its top-left cell to the source's size (tiled when it is a larger
   * multiple); relative references in copied formulas move with them; skipBlanks leaves the
   * destination where the source is empty; transpose swaps rows and columns.
   */
  copyFrom(
    source: RangeProxy | string,
    copyType: "All" | "Formulas" | "Values" | "Formats" = "All",
    skipBlanks = false,
    transpose = false
  ): void {
    this.call(
      "copyFrom",
      [typeof source === "string" ? source : "(range)", copyType, skipBlanks, transpose],
      (dest) => {
        this.context.requireSet("ExcelApi", "1.9", "Range.copyFrom");
        const state = this.context.host.state;
        const src =
          typeof source === "string"
            ? this.context.resolveAddress(source, dest.sheet)
            : source.target();
        const srcRows = boxRows(src.box);
        const srcCols = boxColumns(src.box);
        const [h, w] = transpose ? [srcCols, srcRows] : [srcRows, srcCols];
        const destRows = boxRows(dest.box);
        const destCols = boxColumns(dest.box);
        const tileRows = destRows % h === 0 && destRows > h ? destRows / h : 1;
        const tileCols = destCols % w === 0 && destCols > w ? destCols / w : 1;
        // Read everything first: source and destination may overlap.
        const cells: { content: CellContent | undefined; value: Scalar }[][] = [];
        for (let r = 0; r < srcRows; r++) {
          const line = [];
          for (let c = 0; c < srcCols; c++) {
            const row = src.box.top + r;
            const col = src.box.left + c;
            line.push({
              content: state.content(src.sheet, row, col),
              value: state.value(src.sheet, row, col),
            });
          }
          cells.push(line);
        }
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
            const formula =
              from.content?.formula !== undefined
                ? shiftFormula(
                    from.content.formula,
                    destRow - (src.box.top + sr),
                    destCol - (src.box.left + sc)
                  )
                : undefined;
            const contents: CellContent =
              formula !== undefined
                ? { formula }
                : from.content?.value !== undefined
                  ? { value: from.content.value }
                  : {};
            let next: CellContent;
            switch (copyType) {
              case "Values":
                next = {
                  ...old,
                  formula: undefined,
                  value: from.value === "" ? undefined : from.value,
                };
                break;
              case "Formulas":
                next = { ...contents, format: old?.format };
                break;
              case "Formats":
                next = { ...old, format: from.content?.format };
                break;
              default:
                next = { ...contents, format: from.content?.format };
            }
            line.push(clean(next));
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
    );
  }

  /** Range.clear(applyTo): "All" (default), "Contents" or "Formats". */
  clear(
    applyTo:
      "All" | "Contents" | "Formats" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents" = "All"
  ): void {
    this.call("clear", [applyTo], (t) => {
      const state = this.context.host.state;
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
    });
  }

  select(): void {
    this.call("select", [], (t) => this.context.host.select(t.sheet, t.box, t.box.top, t.box.left));
  }

  /**
   * Range.delete("Up"): the cells below move up and formulas are adjusted. Other shifts are not
   * modelled (they fail with a message saying so). A table's rows go through TableRow.delete.
   */
  delete(shift: "Up" | "Left"): void {
    this.call("delete", [shift], (t) => {
      if (shift !== "Up")
        throw new ModelError(
          "InvalidArgument",
          `The model deletes with shift "Up" only, not "${shift}".`
        );
      const state = this.context.host.state;
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
    });
  }
}

function clean(c: CellContent): CellContent | null {
  const out: { formula?: string; value?: Scalar; format?: string } = {};
  if (c.formula !== undefined) out.formula = c.formula;
  else if (c.value !== undefined) out.value = c.value;
  if (c.format !== undefined && c.format !== "General") out.format = c.format;
  return Object.keys(out).length === 0 ? null : out;
}
