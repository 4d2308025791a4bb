import { type Box, intersect, qualifiedAddress } from "../addresses";
import { MESSAGES, ModelError } from "../errors";
import { mergeCells, mergedAreasIn, unmergeCells } from "../guards";
import type { ModelContext } from "../requestContext";
import type { SheetState } from "../workbookState";
import { ClientObject, type Resolver } from "./clientObject";
import { type ClearApplyTo, type CopyType, clearCells, copyCells, deleteCells } from "./rangeEdits";
import { RANGE_PROPERTIES, readRange } from "./rangeReads";
import { matrix, writeInputs, writeNumberFormats } from "./rangeWrites";
import { MergedAreasProxy, WorksheetProxy } from "./worksheet";

export interface RangeTarget {
  readonly sheet: SheetState;
  readonly box: Box;
}

/**
 * Range: the proxy (navigation, loads, queued calls); what its reads, writes and edits do to the
 * cells is in rangeReads.ts, rangeWrites.ts and rangeEdits.ts.
 */
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
    return RANGE_PROPERTIES;
  }

  protected read(t: RangeTarget, property: string): unknown {
    return readRange(this.context, t, property);
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
    this.set("values", value, (t) =>
      writeInputs(this.context.host.state, t, matrix(value, t.box, "values", false))
    );
  }

  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(value: unknown[][]) {
    this.set("formulas", value, (t) =>
      writeInputs(this.context.host.state, t, matrix(value, t.box, "formulas", false))
    );
  }

  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this.set("numberFormat", value, (t) =>
      writeNumberFormats(this.context.host.state, t, matrix(value, t.box, "numberFormat", true))
    );
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

  /** Range.copyFrom (ExcelApi 1.9): see copyCells for what the model copies. */
  copyFrom(
    source: RangeProxy | string,
    copyType: CopyType = "All",
    skipBlanks = false,
    transpose = false
  ): void {
    this.call(
      "copyFrom",
      [typeof source === "string" ? source : "(range)", copyType, skipBlanks, transpose],
      (dest) => {
        this.context.requireSet("ExcelApi", "1.9", "Range.copyFrom");
        const src =
          typeof source === "string"
            ? this.context.resolveAddress(source, dest.sheet)
            : source.target();
        copyCells(this.context.host.state, src, dest, copyType, skipBlanks, transpose);
      }
    );
  }

  /** Range.clear(applyTo): "All" (default), "Contents" or "Formats". */
  clear(applyTo: ClearApplyTo = "All"): void {
    this.call("clear", [applyTo], (t) => clearCells(this.context.host.state, t, applyTo));
  }

  select(): void {
    this.call("select", [], (t) => this.context.host.select(t.sheet, t.box, t.box.top, t.box.left));
  }

  /** Range.delete: see deleteCells for the shifts the model supports. */
  delete(shift: "Up" | "Left"): void {
    this.call("delete", [shift], (t) => deleteCells(this.context.host.state, t, shift));
  }
}
