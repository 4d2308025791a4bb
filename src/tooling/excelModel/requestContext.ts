/**
 * The request side of the model: a RequestContext whose proxy objects queue requests, run in order
 * at `context.sync()`, as office.js does (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts):
 * - setting a property or calling a method queues a request; nothing happens until sync;
 * - a property can be read only after `load()` and a sync, else it throws PropertyNotLoaded
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load);
 * - `getItem` of a missing item makes the sync fail with ItemNotFound at that request;
 *   `getItemOrNullObject` gives an object whose `isNullObject` is true after the sync
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
 * Executing the queue (order, failures, limits, events) is the model's job: see excelModel.ts.
 */
import {
  type Box,
  boxAddress,
  boxColumns,
  boxRows,
  intersect,
  parseBox,
  qualifiedAddress,
  quoteSheet,
  splitSheet,
} from "./addresses";
import { contentFromInput } from "./cellInput";
import { MESSAGES, ModelError, propertyNotLoaded } from "./errors";
import type {
  CellContent,
  PivotState,
  Scalar,
  SheetState,
  TableState,
  WorkbookState,
} from "./workbookState";
import type { ChartState } from "./workbookState";
import { shiftFormula } from "./formulaText";
import {
  clearTableFilter,
  filterTableRows,
  isDataFiltered,
  mergeCells,
  mergedAreasIn,
  setSheetProtection,
  unmergeCells,
} from "./guards";
import { formatNumber } from "./numberFormat";

/** One queued request. `describe` is read when it runs (addresses are known only then). */
export interface QueuedRequest {
  /** "Class.member", as office.js's debugInfo.errorLocation. */
  readonly location: string;
  readonly describe: () => string;
  /** Bytes this request adds to the sync's payload (its arguments as JSON). */
  readonly payload: number;
  readonly run: () => void;
  /** For a load: the bytes its answer would take, measured before anything runs. */
  readonly response?: () => number;
}

export type EventKind = "tableChanged" | "worksheetChanged" | "selectionChanged";

export interface HandlerRecord {
  readonly kind: EventKind;
  readonly handler: (args: unknown) => unknown;
  /** For table.onChanged: only this table's changes. */
  readonly tableId?: string;
  removed: boolean;
}

/** What the context needs from the model that runs it. */
export interface ModelHost {
  readonly state: WorkbookState;
  supports(set: string, version: string): boolean;
  execute(requests: QueuedRequest[]): Promise<void>;
  register(record: HandlerRecord): void;
  enableEvents: boolean;
  readonly calculationMode: string;
  calculate(type: string): void;
  calculateSheet(sheet: SheetState, markAllDirty: boolean): void;
  refreshPivot(pivot: PivotState): void;
  addPivot(
    name: string,
    source: PivotState["source"],
    sheet: SheetState,
    anchor: { row: number; col: number }
  ): PivotState;
  deletePivot(pivot: PivotState): void;
  addChart(
    sheet: SheetState,
    type: string,
    source: { sheet: SheetState; box: Box },
    seriesBy: string
  ): ChartState;
  deleteChart(chart: ChartState): void;
  select(sheet: SheetState, box: Box, row: number, col: number): void;
}

/** Text of a written scalar (an object would be a caller's bug: shown as JSON, not "[object Object]"). */
function scalarText(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

const MAX_ROW_INDEX = 1_048_575;

const size = (value: unknown) => (value === undefined ? 0 : JSON.stringify(value).length);

type Resolver<T> = () => T | null;

/** The base of every proxy: lazily bound target, loaded properties, isNullObject. */
abstract class ClientObject<T> {
  private bound: { value: T | null } | null = null;
  protected readonly loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(
    readonly context: ModelContext,
    protected readonly cls: string,
    private readonly resolver: Resolver<T>,
    private readonly orNull = false
  ) {}

  /** Queues the instantiation of this proxy ("WorksheetCollection.getItem"...), where its errors surface. */
  instantiate(location: string, describe: () => string, payload = 0): this {
    this.context.queue({
      location,
      describe: () => `${location} ${describe().trim()}`.trim(),
      payload,
      run: () => {
        this.bind();
      },
    });
    return this;
  }

  private bind(): T | null {
    // Measuring a response before the sync runs: resolve without remembering or failing.
    if (this.context.dryRun) return this.bound ? this.bound.value : this.resolver();
    if (!this.bound) {
      const value = this.resolver();
      this.bound = { value };
      if (this.orNull) this.nullObject = value === null;
      if (value === null && !this.orNull)
        throw new ModelError("ItemNotFound", MESSAGES.itemNotFound);
    }
    return this.bound.value;
  }

  /** The object, at execution time; a null object or a deleted one fails the request. */
  target(): T {
    const value = this.bind();
    if (value === null) throw new ModelError("ItemNotFound", MESSAGES.itemNotFound);
    if (!this.alive(value))
      throw new ModelError("ItemNotFound", `The ${this.cls} no longer exists.`);
    return value;
  }

  /** Whether the bound object still exists (a deleted sheet or table does not). */
  protected alive(_value: T): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) {
      if (!this.orNull) return false;
      throw propertyNotLoaded("isNullObject");
    }
    return this.nullObject;
  }

  /** The names of the scalar properties `load()` with no argument loads. */
  protected abstract properties(): readonly string[];
  /** A property's current value in the workbook. */
  protected abstract read(target: T, property: string): unknown;

  load(what?: string | string[] | { select?: string | string[] }): this {
    const names = propertyList(what) ?? this.properties();
    const wanted = names.filter((n) => this.properties().includes(n));
    const unknown = names.filter((n) => !this.properties().includes(n) && !n.includes("/"));
    if (unknown.length > 0)
      throw new ModelError(
        "InvalidArgument",
        `${this.cls} has no loadable property ${unknown.join(", ")} in the model.`
      );
    this.context.queue({
      location: `${this.cls}.load`,
      describe: () => `${this.cls}.load ${wanted.join(",")}${this.where()}`,
      payload: 0,
      run: () => {
        const t = this.bind();
        if (t === null) return; // a null object loads nothing
        if (!this.alive(t))
          throw new ModelError("ItemNotFound", `The ${this.cls} no longer exists.`);
        for (const name of wanted) this.loaded.set(name, this.read(t, name));
      },
      response: () => {
        this.context.dryRun = true;
        try {
          const t = this.bind();
          return t === null ? 0 : wanted.reduce((n, name) => n + size(this.read(t, name)), 0);
        } catch {
          return 0; // not measurable before the sync (it depends on a request not yet run)
        } finally {
          this.context.dryRun = false;
        }
      },
    });
    return this;
  }

  /** " Facts!A1:B2" for a range, in request descriptions. */
  protected where(): string {
    return "";
  }

  protected get<V>(property: string): V {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as V;
  }

  /** Queues a property write. */
  protected set(property: string, value: unknown, apply: (target: T) => void): void {
    this.context.queue({
      location: `${this.cls}.${property}`,
      // "Range.values = Facts!A2:P100" for blocks; "Worksheet.name = \"Facts\" (Facts~new)" for a scalar.
      describe: () =>
        Array.isArray(value)
          ? `${this.cls}.${property} =${this.where()}`
          : `${this.cls}.${property} = ${JSON.stringify(value)} (${this.where().trim()})`,
      payload: size(value),
      run: () => apply(this.target()),
    });
  }

  /** Queues a method call. */
  protected call(method: string, args: unknown[], apply: (target: T) => void): void {
    this.context.queue({
      location: `${this.cls}.${method}`,
      describe: () => `${this.cls}.${method}${this.where()}`,
      payload: size(args),
      run: () => apply(this.target()),
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** Inside a collection's load: binds and reads the properties at once (items/name style or plain names). */
  loadNow(what: unknown): void {
    const list = propertyList(what as string | string[] | undefined);
    const names = (list ?? [...this.properties()])
      .map((n) => (n.startsWith("items/") ? n.slice(6) : n))
      .filter((n) => this.properties().includes(n));
    const chosen = names.length > 0 ? names : [...this.properties()];
    const t = this.target();
    for (const name of chosen) this.loaded.set(name, this.read(t, name));
  }
}

function propertyList(what?: string | string[] | { select?: string | string[] }): string[] | null {
  if (what === undefined) return null;
  const raw = typeof what === "string" || Array.isArray(what) ? what : what.select;
  if (raw === undefined) return null;
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A result of a method, readable after the sync (getCount). */
class ClientResult<V> {
  private set = false;
  private v: V | undefined;
  resolve(value: V): void {
    this.v = value;
    this.set = true;
  }
  get value(): V {
    if (!this.set) throw propertyNotLoaded("value");
    return this.v as V;
  }
}

/** office.js's EventHandlerResult: remove() queues the removal (sync to apply). */
class EventHandlerResult {
  constructor(
    readonly context: ModelContext,
    private readonly record: HandlerRecord
  ) {}
  remove(): void {
    this.context.queue({
      location: "EventHandlerResult.remove",
      describe: () => `EventHandlerResult.remove ${this.record.kind}`,
      payload: 0,
      run: () => {
        this.record.removed = true;
      },
    });
  }
}

class EventSource {
  constructor(
    private readonly context: ModelContext,
    private readonly kind: EventKind,
    private readonly requirement: [string, string],
    private readonly tableId?: () => string
  ) {}
  add(handler: (args: unknown) => unknown): EventHandlerResult {
    const record: HandlerRecord = { kind: this.kind, handler, removed: false };
    const result = new EventHandlerResult(this.context, record);
    this.context.queue({
      location: `${this.kind}.add`,
      describe: () => `Event ${this.kind}.add`,
      payload: 0,
      run: () => {
        if (!this.context.host.supports(...this.requirement))
          throw new ModelError("ApiNotFound", `This event needs ${this.requirement.join(" ")}.`);
        const withTable = this.tableId ? { ...record, tableId: this.tableId() } : record;
        // Same object for remove(): copy the table id onto the record itself.
        Object.assign(record, withTable);
        this.context.host.register(record);
      },
    });
    return result;
  }
}

// ---- ranges ------------------------------------------------------------------------------------

interface RangeTarget {
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

// ---- worksheets --------------------------------------------------------------------------------

export class WorksheetProxy extends ClientObject<SheetState> {
  constructor(context: ModelContext, resolver: Resolver<SheetState>, orNull = false) {
    super(context, "Worksheet", resolver, orNull);
  }

  protected override alive(t: SheetState): boolean {
    return this.context.host.state.sheets.includes(t);
  }

  protected override where(): string {
    try {
      return ` ${quoteSheet(this.target().name)}`;
    } catch {
      return "";
    }
  }

  protected properties(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected read(t: SheetState, property: string): unknown {
    switch (property) {
      case "name":
        return t.name;
      case "id":
        return t.id;
      case "position":
        return this.context.host.state.sheets.indexOf(t);
      case "visibility":
        return t.visibility;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set("name", value, (t) => this.context.host.state.renameSheet(t, value));
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.set("position", value, (t) => this.context.host.state.moveSheet(t, value));
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(value: string) {
    this.set("visibility", value, (t) =>
      this.context.host.state.setVisibility(t, value as SheetState["visibility"])
    );
  }

  delete(): void {
    this.call("delete", [], (t) => this.context.host.state.deleteSheet(t));
  }

  activate(): void {
    this.call("activate", [], (t) => {
      const state = this.context.host.state;
      state.activate(t);
      const sel = state.selections.get(t.id);
      this.context.host.select(
        t,
        sel?.box ?? { top: 0, left: 0, bottom: 0, right: 0 },
        sel?.row ?? 0,
        sel?.col ?? 0
      );
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      if (address === undefined)
        throw new ModelError(
          "InvalidArgument",
          "The model does not support the whole-sheet range."
        );
      const box = parseBox(splitSheet(address).address);
      if (!box)
        throw new ModelError("InvalidArgument", `"${address}": ${MESSAGES.invalidArgument}`);
      return { sheet, box };
    }).instantiate("Worksheet.getRange", () => `${this.where()}!${address ?? ""}`, size(address));
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
        throw new ModelError("InvalidArgument", MESSAGES.invalidArgument);
      return {
        sheet,
        box: {
          top: startRow,
          left: startColumn,
          bottom: startRow + rowCount - 1,
          right: startColumn + columnCount - 1,
        },
      };
    }).instantiate(
      "Worksheet.getRangeByIndexes",
      () => `${this.where()} ${startRow},${startColumn},${rowCount},${columnCount}`
    );
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.target();
        const box = this.context.host.state.usedBox(sheet);
        return box ? { sheet, box } : null;
      },
      true
    ).instantiate("Worksheet.getUsedRangeOrNullObject", () => this.where());
  }

  getUsedRange(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      const box = this.context.host.state.usedBox(sheet) ?? {
        top: 0,
        left: 0,
        bottom: 0,
        right: 0,
      };
      return { sheet, box };
    }).instantiate("Worksheet.getUsedRange", () => this.where());
  }

  /** Worksheet.calculate(markAllDirty) (ExcelApi 1.6): this sheet only. */
  calculate(markAllDirty: boolean): void {
    this.call("calculate", [markAllDirty], (t) => {
      this.context.requireSet("ExcelApi", "1.6", "Worksheet.calculate");
      this.context.host.calculateSheet(t, markAllDirty);
    });
  }

  get freezePanes(): {
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
    unfreeze(): void;
  } {
    const call = (method: string, apply: (t: SheetState) => void) =>
      this.context.queue({
        location: `WorksheetFreezePanes.${method}`,
        describe: () => `WorksheetFreezePanes.${method}${this.where()}`,
        payload: 0,
        run: () => {
          this.context.requireSet("ExcelApi", "1.7", `WorksheetFreezePanes.${method}`);
          apply(this.target());
        },
      });
    return {
      freezeRows: (count = 1) => call("freezeRows", (t) => (t.frozenRows = count)),
      freezeColumns: (count = 1) => call("freezeColumns", (t) => (t.frozenColumns = count)),
      unfreeze: () =>
        call("unfreeze", (t) => {
          t.frozenRows = 0;
          t.frozenColumns = 0;
        }),
    };
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, () => this.target());
  }

  /** ExcelApi 1.2 (guards.ts). */
  get protection(): WorksheetProtectionProxy {
    return new WorksheetProtectionProxy(this.context, () => this.target());
  }

  get pivotTables(): PivotTableCollectionProxy {
    return new PivotTableCollectionProxy(this.context, () => this.target());
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, () => this.target());
  }
}

export class WorksheetCollectionProxy {
  constructor(readonly context: ModelContext) {}
  private items_: WorksheetProxy[] | null = null;

  get items(): WorksheetProxy[] {
    if (!this.items_) throw propertyNotLoaded("items");
    return this.items_;
  }

  load(what?: string | string[] | { select?: string | string[] }): this {
    this.context.queue({
      location: "WorksheetCollection.load",
      describe: () => "WorksheetCollection.load items",
      payload: 0,
      run: () => {
        this.items_ = this.context.host.state.sheets.map((s) => {
          const p = new WorksheetProxy(this.context, () => s);
          p.loadNow(what);
          return p;
        });
      },
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    let added: SheetState | null = null;
    return new WorksheetProxy(this.context, () => {
      this.context.noSideEffectsInDryRun();
      added ??= this.context.host.state.addSheet(name);
      return added;
    }).instantiate("WorksheetCollection.add", () => name ?? "", size(name));
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () =>
      this.context.host.state.findSheet(key)
    ).instantiate("WorksheetCollection.getItem", () => key);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      () => this.context.host.state.findSheet(key),
      true
    ).instantiate("WorksheetCollection.getItemOrNullObject", () => key);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.host.state.active).instantiate(
      "WorksheetCollection.getActiveWorksheet",
      () => ""
    );
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.queue({
      location: "WorksheetCollection.getCount",
      describe: () => "WorksheetCollection.getCount",
      payload: 0,
      run: () => result.resolve(this.context.host.state.sheets.length),
    });
    return result;
  }

  /** ExcelApi 1.9. */
  get onChanged(): EventSource {
    return new EventSource(this.context, "worksheetChanged", ["ExcelApi", "1.9"]);
  }

  /** ExcelApi 1.9. */
  get onSelectionChanged(): EventSource {
    return new EventSource(this.context, "selectionChanged", ["ExcelApi", "1.9"]);
  }
}

// ---- tables ------------------------------------------------------------------------------------

export class TableProxy extends ClientObject<TableState> {
  constructor(context: ModelContext, resolver: Resolver<TableState>, orNull = false) {
    super(context, "Table", resolver, orNull);
  }

  protected override alive(t: TableState): boolean {
    return this.context.host.state.tables.includes(t);
  }

  protected override where(): string {
    try {
      return ` ${this.target().name}`;
    } catch {
      return "";
    }
  }

  protected properties(): readonly string[] {
    return ["name", "id", "showHeaders", "showTotals"];
  }

  protected read(t: TableState, property: string): unknown {
    if (property === "name") return t.name;
    if (property === "id") return t.id;
    if (property === "showHeaders") return true;
    if (property === "showTotals") return t.showTotals ?? false;
    return undefined;
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set("name", value, (t) => this.context.host.state.renameTable(t, value));
  }
  get id(): string {
    return this.get("id");
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet).instantiate(
      "Table.worksheet",
      () => this.where()
    );
  }

  private part(member: string, f: (t: TableState) => Box): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, box: f(t) };
    }).instantiate(`Table.${member}`, () => this.where());
  }

  getRange(): RangeProxy {
    return this.part("getRange", (t) => t.box);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", (t) => ({ ...t.box, bottom: t.box.top }));
  }
  /** Header and Total Row excluded (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getdatabodyrange-member(1)). */
  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", (t) => ({
      ...t.box,
      top: t.box.top + 1,
      bottom: t.box.bottom - (t.showTotals ? 1 : 0),
    }));
  }
  /** ExcelApi 1.1: whether the Total Row shows. */
  get showTotals(): boolean {
    return this.get("showTotals");
  }

  /** ExcelApi 1.9 (guards.ts). */
  get autoFilter(): AutoFilterProxy {
    return new AutoFilterProxy(this.context, () => this.target());
  }

  /** ExcelApi 1.13. */
  resize(range: RangeProxy | string): void {
    this.call("resize", [typeof range === "string" ? range : "(range)"], (t) => {
      this.context.requireSet("ExcelApi", "1.13", "Table.resize");
      const target =
        typeof range === "string" ? this.context.resolveAddress(range, t.sheet) : range.target();
      this.context.host.state.resizeTable(t, target.sheet, target.box);
    });
  }

  delete(): void {
    this.call("delete", [], (t) => this.context.host.state.deleteTable(t));
  }

  get columns(): TableColumnCollectionProxy {
    return new TableColumnCollectionProxy(this.context, () => this.target());
  }

  get rows(): TableRowCollectionProxy {
    return new TableRowCollectionProxy(this.context, () => this.target());
  }

  /** ExcelApi 1.7. */
  get onChanged(): EventSource {
    return new EventSource(
      this.context,
      "tableChanged",
      ["ExcelApi", "1.7"],
      () => this.target().id
    );
  }
}

export class TableCollectionProxy {
  constructor(
    readonly context: ModelContext,
    /** The sheet for worksheet.tables; null for workbook.tables. */
    private readonly sheet: (() => SheetState) | null
  ) {}
  private items_: TableProxy[] | null = null;
  private count_: number | null = null;

  private scope(): TableState[] {
    const all = this.context.host.state.tables;
    if (!this.sheet) return all;
    const s = this.sheet();
    return all.filter((t) => t.sheet === s);
  }

  private find(key: string): TableState | null {
    const t = this.context.host.state.findTable(key);
    return t && this.scope().includes(t) ? t : null;
  }

  get items(): TableProxy[] {
    if (!this.items_) throw propertyNotLoaded("items");
    return this.items_;
  }

  get count(): number {
    if (this.count_ === null) throw propertyNotLoaded("count");
    return this.count_;
  }

  load(what?: string | string[] | { select?: string | string[] }): this {
    this.context.queue({
      location: "TableCollection.load",
      describe: () => "TableCollection.load items",
      payload: 0,
      run: () => {
        const tables = this.scope();
        this.count_ = tables.length;
        this.items_ = tables.map((t) => {
          const p = new TableProxy(this.context, () => t);
          p.loadNow(what);
          return p;
        });
      },
    });
    return this;
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.queue({
      location: "TableCollection.getCount",
      describe: () => "TableCollection.getCount",
      payload: 0,
      run: () => result.resolve(this.scope().length),
    });
    return result;
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let added: TableState | null = null;
    return new TableProxy(this.context, () => {
      if (added) return added;
      this.context.noSideEffectsInDryRun();
      const state = this.context.host.state;
      const target =
        typeof address === "string"
          ? this.context.resolveAddress(address, this.sheet ? this.sheet() : state.active)
          : address.target();
      if (this.sheet && target.sheet !== this.sheet())
        throw new ModelError("InvalidArgument", "The range is not on this worksheet.");
      added = state.addTable(target.sheet, target.box, hasHeaders);
      return added;
    }).instantiate(
      "TableCollection.add",
      () => (typeof address === "string" ? address : "(range)"),
      size(address)
    );
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => this.find(key)).instantiate(
      "TableCollection.getItem",
      () => key
    );
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, () => this.find(key), true).instantiate(
      "TableCollection.getItemOrNullObject",
      () => key
    );
  }

  /** ExcelApi 1.7 (workbook.tables.onChanged). */
  get onChanged(): EventSource {
    return new EventSource(this.context, "tableChanged", ["ExcelApi", "1.7"]);
  }
}

interface ColumnTarget {
  readonly table: TableState;
  readonly offset: number;
}

export class TableColumnProxy extends ClientObject<ColumnTarget> {
  constructor(context: ModelContext, resolver: Resolver<ColumnTarget>, orNull = false) {
    super(context, "TableColumn", resolver, orNull);
  }
  protected properties(): readonly string[] {
    return ["name", "index", "id"];
  }
  protected read(t: ColumnTarget, property: string): unknown {
    if (property === "name") return this.context.host.state.columnNames(t.table)[t.offset];
    if (property === "index") return t.offset;
    if (property === "id") return t.offset + 1;
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get index(): number {
    return this.get("index");
  }
  private part(
    member: string,
    top: (t: TableState) => number,
    bottom: (t: TableState) => number
  ): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      const col = t.table.box.left + t.offset;
      return {
        sheet: t.table.sheet,
        box: { top: top(t.table), bottom: bottom(t.table), left: col, right: col },
      };
    }).instantiate(`TableColumn.${member}`, () => "");
  }
  getDataBodyRange(): RangeProxy {
    return this.part(
      "getDataBodyRange",
      (t) => t.box.top + 1,
      (t) => t.box.bottom
    );
  }
  getHeaderRowRange(): RangeProxy {
    return this.part(
      "getHeaderRowRange",
      (t) => t.box.top,
      (t) => t.box.top
    );
  }
  getRange(): RangeProxy {
    return this.part(
      "getRange",
      (t) => t.box.top,
      (t) => t.box.bottom
    );
  }
}

export class TableColumnCollectionProxy {
  constructor(
    readonly context: ModelContext,
    private readonly table: () => TableState
  ) {}
  private items_: TableColumnProxy[] | null = null;
  private count_: number | null = null;

  get items(): TableColumnProxy[] {
    if (!this.items_) throw propertyNotLoaded("items");
    return this.items_;
  }
  get count(): number {
    if (this.count_ === null) throw propertyNotLoaded("count");
    return this.count_;
  }
  load(what?: string | string[] | { select?: string | string[] }): this {
    this.context.queue({
      location: "TableColumnCollection.load",
      describe: () => "TableColumnCollection.load items",
      payload: 0,
      run: () => {
        const t = this.table();
        const names = this.context.host.state.columnNames(t);
        this.count_ = names.length;
        this.items_ = names.map((_, offset) => {
          const p = new TableColumnProxy(this.context, () => ({ table: t, offset }));
          p.loadNow(what);
          return p;
        });
      },
    });
    return this;
  }
  private find(key: string | number): ColumnTarget | null {
    const t = this.table();
    const offset =
      typeof key === "number"
        ? key >= 1 && key <= boxColumns(t.box)
          ? key - 1
          : null
        : this.context.host.state.columnOffset(t, key);
    return offset === null ? null : { table: t, offset };
  }
  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this.find(key)).instantiate(
      "TableColumnCollection.getItem",
      () => String(key)
    );
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this.find(key), true).instantiate(
      "TableColumnCollection.getItemOrNullObject",
      () => String(key)
    );
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this.find(index + 1)).instantiate(
      "TableColumnCollection.getItemAt",
      () => String(index)
    );
  }
  /** Adds a column at the table's right (index null) with optional values (header first). */
  add(index?: number | null, values?: unknown[][] | null, name?: string): TableColumnProxy {
    let added: ColumnTarget | null = null;
    return new TableColumnProxy(this.context, () => {
      if (added) return added;
      this.context.noSideEffectsInDryRun();
      const t = this.table();
      if (index !== null && index !== undefined && index !== boxColumns(t.box))
        throw new ModelError(
          "InvalidArgument",
          "The model adds table columns at the right end only."
        );
      added = addColumn(this.context.host.state, t, name, values ?? null, null);
      return added;
    }).instantiate("TableColumnCollection.add", () => name ?? "", size(values));
  }
}

/** Widens a table by one column at its right: header, then values or a calculated column's formula. */
export function addColumn(
  state: WorkbookState,
  table: TableState,
  name: string | undefined,
  values: unknown[][] | null,
  formula: string | null
): ColumnTarget {
  const col = table.box.right + 1;
  const box = { ...table.box, right: col };
  for (const other of state.tables)
    if (
      other !== table &&
      other.sheet === table.sheet &&
      other.box.left <= col &&
      other.box.right >= col &&
      other.box.top <= box.bottom &&
      other.box.bottom >= box.top
    )
      throw new ModelError(
        "InvalidArgument",
        `A table can't overlap another table (${other.name}).`
      );
  const rows = boxRows(box);
  if (values && values.length !== rows && values.length !== 1)
    throw new ModelError("InvalidArgument", MESSAGES.dimensions);
  let header = name ?? (values ? scalarText(values[0]?.[0] ?? "") : "");
  if (header === "") header = `Column${boxColumns(box)}`;
  const block: (CellContent | null)[][] = [[{ value: header }]];
  for (let r = 1; r < rows; r++) {
    const row = table.box.top + r;
    if (formula !== null) block.push([{ formula: shiftFormula(formula, r - 1, 0) }]);
    else
      block.push([
        contentFromInput(values?.[r]?.[0] ?? "", state.content(table.sheet, row, col)) ?? null,
      ]);
  }
  table.box = box;
  state.writeBlock(table.sheet, table.box.top, col, block);
  if (formula !== null)
    table.calculated.set(col - table.box.left, { formula, row: table.box.top + 1 });
  return { table, offset: col - table.box.left };
}

export class TableRowCollectionProxy {
  constructor(
    readonly context: ModelContext,
    private readonly table: () => TableState
  ) {}
  private count_: number | null = null;
  get count(): number {
    if (this.count_ === null) throw propertyNotLoaded("count");
    return this.count_;
  }
  load(_what?: unknown): this {
    this.context.queue({
      location: "TableRowCollection.load",
      describe: () => "TableRowCollection.load count",
      payload: 0,
      run: () => {
        this.count_ = boxRows(this.table().box) - 1;
      },
    });
    return this;
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.queue({
      location: "TableRowCollection.getCount",
      describe: () => "TableRowCollection.getCount",
      payload: 0,
      run: () => result.resolve(boxRows(this.table().box) - 1),
    });
    return result;
  }
  /** A row by zero-based index: its range, its values, and delete() (ExcelApi 1.1). */
  getItemAt(index: number): {
    delete(): void;
    getRange(): RangeProxy;
  } {
    const row = () => {
      const t = this.table();
      if (!Number.isInteger(index) || index < 0 || index >= boxRows(t.box) - 1)
        throw new ModelError("InvalidArgument", MESSAGES.invalidArgument);
      return t;
    };
    return {
      delete: () =>
        this.context.queue({
          location: "TableRow.delete",
          describe: () => `TableRow.delete ${index}`,
          payload: 0,
          run: () => this.context.host.state.deleteTableRows(row(), index, 1),
        }),
      getRange: () =>
        new RangeProxy(this.context, () => {
          const t = row();
          const r = t.box.top + 1 + index;
          return { sheet: t.sheet, box: { ...t.box, top: r, bottom: r } };
        }).instantiate("TableRow.getRange", () => String(index)),
    };
  }

  /** Deletes `count` rows from `index` (ExcelApi 1.16). */
  deleteRowsAt(index: number, count = 1): void {
    this.context.queue({
      location: "TableRowCollection.deleteRowsAt",
      describe: () => `TableRowCollection.deleteRowsAt ${index},${count}`,
      payload: 0,
      run: () => {
        this.context.requireSet("ExcelApi", "1.16", "TableRowCollection.deleteRowsAt");
        this.context.host.state.deleteTableRows(this.table(), index, count);
      },
    });
  }

  /**
   * Adds rows at the end of the table (index null or the row count) and writes `values`; the
   * calculated columns fill the new rows. The model writes over the cells below the table; Excel
   * shifts them down (not modelled).
   */
  add(index?: number | null, values?: unknown[][]): void {
    this.context.queue({
      location: "TableRowCollection.add",
      describe: () => `TableRowCollection.add ${values?.length ?? 1} rows`,
      payload: size(values),
      run: () => {
        const state = this.context.host.state;
        const t = this.table();
        const bodyRows = boxRows(t.box) - 1;
        if (index !== null && index !== undefined && index !== bodyRows)
          throw new ModelError("InvalidArgument", "The model adds table rows at the end only.");
        const rows = values ?? [Array.from({ length: boxColumns(t.box) }, () => "")];
        if (rows.some((r) => r.length !== boxColumns(t.box)))
          throw new ModelError("InvalidArgument", MESSAGES.dimensions);
        const top = t.box.bottom + 1;
        const newBox = { ...t.box, bottom: t.box.bottom + rows.length };
        for (const other of state.tables)
          if (
            other !== t &&
            other.sheet === t.sheet &&
            other.box.left <= newBox.right &&
            other.box.right >= newBox.left &&
            other.box.top <= newBox.bottom &&
            other.box.bottom >= top
          )
            throw new ModelError("InvalidOperation", `Rows would run into table ${other.name}.`);
        const block = rows.map((line, r) =>
          line.map((v, c) => contentFromInput(v, state.content(t.sheet, top + r, t.box.left + c)))
        );
        state.writeBlock(t.sheet, top, t.box.left, block, "rowInserted");
        state.resizeTable(t, t.sheet, newBox);
      },
    });
  }
}

// ---- settings ----------------------------------------------------------------------------------

class SettingProxy extends ClientObject<{ key: string }> {
  constructor(context: ModelContext, resolver: Resolver<{ key: string }>, orNull = false) {
    super(context, "Setting", resolver, orNull);
  }
  protected properties(): readonly string[] {
    return ["key", "value"];
  }
  protected read(t: { key: string }, property: string): unknown {
    if (property === "key") return t.key;
    if (property === "value") return structuredClone(this.context.host.state.settings.get(t.key));
    return undefined;
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.set("value", v, (t) => this.context.host.state.settings.set(t.key, structuredClone(v)));
  }
  delete(): void {
    this.call("delete", [], (t) => this.context.host.state.settings.delete(t.key));
  }
}

/**
 * workbook.settings (ExcelApi 1.4): stored in the workbook file, per add-in
 * (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings).
 */
class SettingCollectionProxy {
  constructor(readonly context: ModelContext) {}
  private items_: SettingProxy[] | null = null;
  get items(): SettingProxy[] {
    if (!this.items_) throw propertyNotLoaded("items");
    return this.items_;
  }
  load(what?: unknown): this {
    this.context.queue({
      location: "SettingCollection.load",
      describe: () => "SettingCollection.load items",
      payload: 0,
      run: () => {
        this.items_ = [...this.context.host.state.settings.keys()].map((key) => {
          const p = new SettingProxy(this.context, () => ({ key }));
          p.loadNow(what);
          return p;
        });
      },
    });
    return this;
  }
  private find(key: string): { key: string } | null {
    return this.context.host.state.settings.has(key) ? { key } : null;
  }
  add(key: string, value: unknown): SettingProxy {
    return new SettingProxy(this.context, () => {
      this.context.noSideEffectsInDryRun();
      this.context.requireSet("ExcelApi", "1.4", "SettingCollection.add");
      this.context.host.state.settings.set(key, structuredClone(value));
      return { key };
    }).instantiate("SettingCollection.add", () => key, size([key, value]));
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, () => this.find(key)).instantiate(
      "SettingCollection.getItem",
      () => key
    );
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, () => this.find(key), true).instantiate(
      "SettingCollection.getItemOrNullObject",
      () => key
    );
  }
}

// ---- PivotTables and charts ----------------------------------------------------------------------

class PivotHierarchyProxy {
  constructor(
    readonly pivot: PivotTableProxy,
    readonly name: string
  ) {}
}

class DataPivotHierarchyProxy {
  constructor(
    private readonly context: ModelContext,
    private readonly entry: () => PivotState["data"][number],
    private readonly refresh: () => void
  ) {}
  set summarizeBy(value: string) {
    this.context.queue({
      location: "DataPivotHierarchy.summarizeBy",
      describe: () => `DataPivotHierarchy.summarizeBy = ${value}`,
      payload: size(value),
      run: () => {
        if (value !== "Sum" && value !== "Count")
          throw new ModelError(
            "InvalidArgument",
            `The model summarizes by Sum or Count, not ${value}.`
          );
        this.entry().summarizeBy = value;
        this.refresh();
      },
    });
  }
  set numberFormat(value: string) {
    this.context.queue({
      location: "DataPivotHierarchy.numberFormat",
      describe: () => `DataPivotHierarchy.numberFormat = ${value}`,
      payload: size(value),
      run: () => {
        this.entry().numberFormat = value;
        this.refresh();
      },
    });
  }
}

class PivotTableProxy extends ClientObject<PivotState> {
  constructor(context: ModelContext, resolver: Resolver<PivotState>, orNull = false) {
    super(context, "PivotTable", resolver, orNull);
  }
  protected override alive(t: PivotState): boolean {
    return this.context.host.state.pivots.includes(t);
  }
  protected properties(): readonly string[] {
    return ["name", "id"];
  }
  protected read(t: PivotState, property: string): unknown {
    return property === "name" ? t.name : property === "id" ? t.id : undefined;
  }
  get name(): string {
    return this.get("name");
  }
  /** PivotTable.worksheet (ExcelApi 1.8): the sheet that holds it. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet).instantiate(
      "PivotTable.worksheet",
      () => this.target().name
    );
  }
  get hierarchies(): { getItem(name: string): PivotHierarchyProxy } {
    return { getItem: (name: string) => new PivotHierarchyProxy(this, name) };
  }
  private axis(which: "rows" | "columns"): { add(h: PivotHierarchyProxy): void } {
    return {
      add: (h: PivotHierarchyProxy) =>
        this.call(`${which}Hierarchies.add`, [h.name], (t) => {
          checkField(this.context.host.state, t, h.name);
          t[which].push(h.name);
          this.context.host.refreshPivot(t);
        }),
    };
  }
  get rowHierarchies(): { add(h: PivotHierarchyProxy): void } {
    return this.axis("rows");
  }
  get columnHierarchies(): { add(h: PivotHierarchyProxy): void } {
    return this.axis("columns");
  }
  get dataHierarchies(): { add(h: PivotHierarchyProxy): DataPivotHierarchyProxy } {
    return {
      add: (h: PivotHierarchyProxy) => {
        let entry: PivotState["data"][number] | null = null;
        this.call("dataHierarchies.add", [h.name], (t) => {
          checkField(this.context.host.state, t, h.name);
          entry = { field: h.name, summarizeBy: "Sum", numberFormat: null };
          t.data.push(entry);
          this.context.host.refreshPivot(t);
        });
        return new DataPivotHierarchyProxy(
          this.context,
          () => {
            if (!entry) throw new ModelError("InvalidOperation", MESSAGES.invalidOperation);
            return entry;
          },
          () => this.context.host.refreshPivot(this.target())
        );
      },
    };
  }
  refresh(): void {
    this.call("refresh", [], (t) => this.context.host.refreshPivot(t));
  }
  delete(): void {
    this.call("delete", [], (t) => this.context.host.deletePivot(t));
  }
}

function checkField(state: WorkbookState, pivot: PivotState, field: string): void {
  if (pivot.broken)
    throw new ModelError("InvalidReference", "The PivotTable's source no longer exists.");
  const names =
    "table" in pivot.source
      ? state.columnNames(pivot.source.table)
      : Array.from({ length: boxColumns(pivot.source.box) }, (_, c) =>
          String(
            state.value(
              (pivot.source as { sheet: SheetState }).sheet,
              (pivot.source as { box: Box }).box.top,
              (pivot.source as { box: Box }).box.left + c
            )
          )
        );
  if (!names.some((n) => n.toLowerCase() === field.toLowerCase()))
    throw new ModelError("ItemNotFound", `The PivotTable's source has no field ${field}.`);
}

class PivotTableCollectionProxy {
  constructor(
    readonly context: ModelContext,
    private readonly sheet: (() => SheetState) | null
  ) {}
  private find(name: string): PivotState | null {
    const lower = name.toLowerCase();
    const scope = this.sheet ? this.sheet() : null;
    return (
      this.context.host.state.pivots.find(
        (p) => p.name.toLowerCase() === lower && (!scope || p.sheet === scope)
      ) ?? null
    );
  }
  /** ExcelApi 1.8: add(name, source, destination). */
  add(
    name: string,
    source: RangeProxy | TableProxy | string,
    destination: RangeProxy | string
  ): PivotTableProxy {
    let added: PivotState | null = null;
    return new PivotTableProxy(this.context, () => {
      if (added) return added;
      this.context.noSideEffectsInDryRun();
      this.context.requireSet("ExcelApi", "1.8", "PivotTableCollection.add");
      const state = this.context.host.state;
      let src: PivotState["source"];
      if (source instanceof TableProxy) src = { table: source.target() };
      else if (typeof source === "string") {
        const table = state.findTable(source);
        src = table ? { table } : this.context.resolveAddress(source, state.active);
      } else src = source.target();
      const dest =
        typeof destination === "string"
          ? this.context.resolveAddress(destination, state.active)
          : destination.target();
      if (this.sheet && dest.sheet !== this.sheet())
        throw new ModelError("InvalidArgument", "The destination is not on this worksheet.");
      if (this.find(name) || state.pivots.some((p) => p.name.toLowerCase() === name.toLowerCase()))
        throw new ModelError("InvalidArgument", `A PivotTable named ${name} already exists.`);
      added = this.context.host.addPivot(name, src, dest.sheet, {
        row: dest.box.top,
        col: dest.box.left,
      });
      return added;
    }).instantiate("PivotTableCollection.add", () => name);
  }
  getItem(name: string): PivotTableProxy {
    return new PivotTableProxy(this.context, () => this.find(name)).instantiate(
      "PivotTableCollection.getItem",
      () => name
    );
  }
  getItemOrNullObject(name: string): PivotTableProxy {
    return new PivotTableProxy(this.context, () => this.find(name), true).instantiate(
      "PivotTableCollection.getItemOrNullObject",
      () => name
    );
  }
}

class ChartProxy extends ClientObject<ChartState> {
  constructor(context: ModelContext, resolver: Resolver<ChartState>, orNull = false) {
    super(context, "Chart", resolver, orNull);
  }
  protected override alive(t: ChartState): boolean {
    return this.context.host.state.charts.includes(t);
  }
  protected properties(): readonly string[] {
    return ["name", "id", "chartType"];
  }
  protected read(t: ChartState, property: string): unknown {
    return property === "name"
      ? t.name
      : property === "id"
        ? t.id
        : property === "chartType"
          ? t.type
          : undefined;
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set("name", value, (t) => {
      t.name = value;
    });
  }
  delete(): void {
    this.call("delete", [], (t) => this.context.host.deleteChart(t));
  }
  /** Chart.title (ExcelApi 1.1): its text, set as one request. */
  get title(): { text: string } {
    const call = (text: string) =>
      this.call("title.text", [text], (t) => {
        t.title = text;
      });
    return {
      get text(): string {
        throw new ModelError("PropertyNotLoaded", "Load the chart's title before reading it.");
      },
      set text(value: string) {
        call(value);
      },
    };
  }
  setPosition(start: RangeProxy | string, end?: RangeProxy | string): void {
    this.call("setPosition", [typeof start === "string" ? start : "(range)"], (t) => {
      const text = (r: RangeProxy | string) =>
        typeof r === "string" ? r : boxAddress(r.target().box);
      t.position = { start: text(start), end: end === undefined ? null : text(end) };
    });
  }
}

class ChartCollectionProxy {
  constructor(
    readonly context: ModelContext,
    private readonly sheet: () => SheetState
  ) {}
  private items_: ChartProxy[] | null = null;
  /** The sheet's charts once loaded (ChartCollection.items, ExcelApi 1.1: https://learn.microsoft.com/javascript/api/excel/excel.chartcollection). */
  get items(): ChartProxy[] {
    if (!this.items_) throw propertyNotLoaded("items");
    return this.items_;
  }
  load(what?: string | string[] | { select?: string | string[] }): this {
    this.context.queue({
      location: "ChartCollection.load",
      describe: () => "ChartCollection.load items",
      payload: 0,
      run: () => {
        const s = this.sheet();
        this.items_ = this.context.host.state.charts
          .filter((c) => c.sheet === s)
          .map((c) => {
            const p = new ChartProxy(this.context, () => c);
            p.loadNow(what);
            return p;
          });
      },
    });
    return this;
  }
  private find(name: string): ChartState | null {
    const s = this.sheet();
    return (
      this.context.host.state.charts.find(
        (c) => c.sheet === s && (c.name === name || c.id === name)
      ) ?? null
    );
  }
  add(type: string, sourceData: RangeProxy | string, seriesBy = "Auto"): ChartProxy {
    let added: ChartState | null = null;
    return new ChartProxy(this.context, () => {
      if (added) return added;
      this.context.noSideEffectsInDryRun();
      const sheet = this.sheet();
      const src =
        typeof sourceData === "string"
          ? this.context.resolveAddress(sourceData, sheet)
          : sourceData.target();
      added = this.context.host.addChart(sheet, type, src, seriesBy);
      return added;
    }).instantiate("ChartCollection.add", () => type);
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, () => this.find(name)).instantiate(
      "ChartCollection.getItem",
      () => name
    );
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.context, () => this.find(name), true).instantiate(
      "ChartCollection.getItemOrNullObject",
      () => name
    );
  }
}

// ---- workbook, application, context -----------------------------------------------------------

class ApplicationProxy {
  private loadedCalculationMode: string | null = null;
  constructor(private readonly context: ModelContext) {}
  /** Application.calculationMode (ExcelApi 1.1): see ExcelModel.calculationMode. */
  get calculationMode(): string {
    if (this.loadedCalculationMode === null) throw propertyNotLoaded("calculationMode");
    return this.loadedCalculationMode;
  }
  load(_what?: unknown): this {
    this.context.queue({
      location: "Application.load",
      describe: () => "Application.load calculationMode",
      payload: 0,
      run: () => {
        this.loadedCalculationMode = this.context.host.calculationMode;
      },
    });
    return this;
  }
  /**
   * Application.calculate: recalculates every open workbook
   * (https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculate-member(1)).
   */
  calculate(calculationType: string): void {
    this.context.queue({
      location: "Application.calculate",
      describe: () => `Application.calculate ${calculationType}`,
      payload: size(calculationType),
      run: () => this.context.host.calculate(calculationType),
    });
  }
  /** ExcelApi 1.6: accepted; the engine calculates at once, so there is nothing to suspend. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.queue({
      location: "Application.suspendApiCalculationUntilNextSync",
      describe: () => "Application.suspendApiCalculationUntilNextSync",
      payload: 0,
      run: () => this.context.requireSet("ExcelApi", "1.6", "suspendApiCalculationUntilNextSync"),
    });
  }
  /** ExcelApi 1.9: accepted (the model has no screen). */
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.queue({
      location: "Application.suspendScreenUpdatingUntilNextSync",
      describe: () => "Application.suspendScreenUpdatingUntilNextSync",
      payload: 0,
      run: () => this.context.requireSet("ExcelApi", "1.9", "suspendScreenUpdatingUntilNextSync"),
    });
  }
}

/** context.runtime (ExcelApi 1.8): enableEvents. */
class RuntimeProxy {
  private loadedValue: boolean | null = null;
  constructor(private readonly context: ModelContext) {}
  get enableEvents(): boolean {
    if (this.loadedValue === null) throw propertyNotLoaded("enableEvents");
    return this.loadedValue;
  }
  set enableEvents(value: boolean) {
    this.context.queue({
      location: "Runtime.enableEvents",
      describe: () => `Runtime.enableEvents = ${value}`,
      payload: size(value),
      run: () => {
        this.context.requireSet("ExcelApi", "1.8", "Runtime.enableEvents");
        this.context.host.enableEvents = value;
      },
    });
  }
  load(_what?: unknown): this {
    this.context.queue({
      location: "Runtime.load",
      describe: () => "Runtime.load enableEvents",
      payload: 0,
      run: () => {
        this.loadedValue = this.context.host.enableEvents;
      },
    });
    return this;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  readonly pivotTables: PivotTableCollectionProxy;

  constructor(private readonly context: ModelContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
    this.settings = new SettingCollectionProxy(context);
    this.application = new ApplicationProxy(context);
    this.pivotTables = new PivotTableCollectionProxy(context, null);
  }

  /** ExcelApi 1.7 (guards.ts). */
  get protection(): WorkbookProtectionProxy {
    return new WorkbookProtectionProxy(this.context);
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const state = this.context.host.state;
      const sel = state.selections.get(state.active.id);
      const row = sel?.row ?? 0;
      const col = sel?.col ?? 0;
      return { sheet: state.active, box: { top: row, left: col, bottom: row, right: col } };
    }).instantiate("Workbook.getActiveCell", () => "");
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const state = this.context.host.state;
      const sel = state.selections.get(state.active.id);
      return { sheet: state.active, box: sel?.box ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    }).instantiate("Workbook.getSelectedRange", () => "");
  }
}

/** The RequestContext handed to a batch: queue, sync, workbook, runtime. */
export class ModelContext {
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  /** The same Application as workbook.application. */
  readonly application: ApplicationProxy;
  /** Accepted (the model keeps proxies valid across syncs and runs). */
  readonly trackedObjects = {
    add: (_o: unknown): void => undefined,
    remove: (_o: unknown): void => undefined,
  };
  private pending: QueuedRequest[] = [];

  constructor(readonly host: ModelHost) {
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
    this.application = this.workbook.application;
  }

  queue(request: QueuedRequest): void {
    this.pending.push(request);
  }

  /** Runs the queued requests in order (see ExcelModel.execute for failures and limits). */
  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const requests = this.pending;
    this.pending = [];
    await this.host.execute(requests);
    return passThroughValue;
  }

  /** True while the model measures responses before running a sync (see ExcelModel.execute). */
  dryRun = false;

  /** A resolver that changes the workbook (add) cannot run while measuring. */
  noSideEffectsInDryRun(): void {
    if (this.dryRun) throw new ModelError("GeneralException", "Not measurable before the sync.");
  }

  requireSet(set: string, version: string, what: string): void {
    if (!this.host.supports(set, version))
      throw new ModelError(
        "ApiNotFound",
        `${what} needs ${set} ${version}, which this host does not support.`
      );
  }

  /** "Sheet!A1:B2" or "A1:B2" (on `sheet`). */
  resolveAddress(address: string, sheet: SheetState): RangeTarget {
    const { sheet: name, address: a } = splitSheet(address);
    const s = name === null ? sheet : this.host.state.findSheet(name);
    if (!s) throw new ModelError("ItemNotFound", MESSAGES.itemNotFound);
    const box = parseBox(a);
    if (!box) throw new ModelError("InvalidArgument", `"${address}": ${MESSAGES.invalidArgument}`);
    return { sheet: s, box };
  }
}

// ---- filters, protection, merged cells (guards.ts) ---------------------------------------------

/** Table.autoFilter (ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.autofilter). */
class AutoFilterProxy extends ClientObject<TableState> {
  constructor(context: ModelContext, resolver: Resolver<TableState>) {
    super(context, "AutoFilter", resolver);
  }
  protected properties(): readonly string[] {
    return ["enabled", "isDataFiltered"];
  }
  protected read(t: TableState, property: string): unknown {
    this.context.requireSet("ExcelApi", "1.9", `AutoFilter.${property}`);
    // A table always has its AutoFilter enabled while it shows filter buttons (the model's do).
    if (property === "enabled") return true;
    if (property === "isDataFiltered") return isDataFiltered(t);
    return undefined;
  }
  get enabled(): boolean {
    return this.get("enabled");
  }
  get isDataFiltered(): boolean {
    return this.get("isDataFiltered");
  }
  /** Only `filterOn: "Values"` criteria are modelled. */
  apply(
    _range: unknown,
    columnIndex: number,
    criteria: { filterOn: string; values?: string[] }
  ): void {
    this.call("apply", [columnIndex, criteria], (t) => {
      this.context.requireSet("ExcelApi", "1.9", "AutoFilter.apply");
      if (criteria.filterOn !== "Values" || !criteria.values)
        throw new ModelError("InvalidArgument", "Only value filters are modelled.");
      const state = this.context.host.state;
      const header = String(state.value(t.sheet, t.box.top, t.box.left + columnIndex));
      filterTableRows(state, t, header, criteria.values);
    });
  }
  clearCriteria(): void {
    this.call("clearCriteria", [], (t) => clearTableFilter(t));
  }
}

/** Worksheet.protection (ExcelApi 1.2: https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). */
class WorksheetProtectionProxy extends ClientObject<SheetState> {
  constructor(context: ModelContext, resolver: Resolver<SheetState>) {
    super(context, "WorksheetProtection", resolver);
  }
  protected properties(): readonly string[] {
    return ["protected"];
  }
  protected read(t: SheetState): unknown {
    return t.protected ?? false;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(): void {
    this.call("protect", [], (t) => setSheetProtection(t, true));
  }
  unprotect(): void {
    this.call("unprotect", [], (t) => setSheetProtection(t, false));
  }
}

/** Workbook.protection (ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection). */
class WorkbookProtectionProxy extends ClientObject<WorkbookState> {
  constructor(context: ModelContext) {
    super(context, "WorkbookProtection", () => context.host.state);
  }
  protected properties(): readonly string[] {
    return ["protected"];
  }
  protected read(t: WorkbookState): unknown {
    this.context.requireSet("ExcelApi", "1.7", "WorkbookProtection.protected");
    return t.structureProtected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(): void {
    this.call("protect", [], (t) => {
      t.structureProtected = true;
    });
  }
  unprotect(): void {
    this.call("unprotect", [], (t) => {
      t.structureProtected = false;
    });
  }
}

/** Range.getMergedAreasOrNullObject's answer (a RangeAreas: ExcelApi 1.9); address and areaCount only. */
class MergedAreasProxy extends ClientObject<{ sheet: SheetState; boxes: Box[] }> {
  constructor(context: ModelContext, resolver: Resolver<{ sheet: SheetState; boxes: Box[] }>) {
    super(context, "RangeAreas", resolver, true);
  }
  protected properties(): readonly string[] {
    return ["address", "areaCount"];
  }
  protected read(t: { sheet: SheetState; boxes: Box[] }, property: string): unknown {
    if (property === "areaCount") return t.boxes.length;
    // "Sheet1!A1:B4, Sheet1!D1:D4" (RangeAreas.address).
    return t.boxes.map((b) => qualifiedAddress(t.sheet.name, b)).join(", ");
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}
