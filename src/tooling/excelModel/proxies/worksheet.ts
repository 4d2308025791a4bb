import { type Box, parseBox, qualifiedAddress, quoteSheet, splitSheet } from "../addresses";
import { MESSAGES, ModelError, propertyNotLoaded } from "../errors";
import { setSheetProtection } from "../guards";
import type { ModelContext } from "../requestContext";
import type { SheetState } from "../workbookState";
import { ChartCollectionProxy } from "./chart";
import { ClientObject, ClientResult, type Resolver, size } from "./clientObject";
import { EventSource } from "./events";
import { PivotTableCollectionProxy } from "./pivot";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";

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

/** Worksheet.protection (ExcelApi 1.2: https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). */
export class WorksheetProtectionProxy extends ClientObject<SheetState> {
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

/** Range.getMergedAreasOrNullObject's answer (a RangeAreas: ExcelApi 1.9); address and areaCount only. */
export class MergedAreasProxy extends ClientObject<{ sheet: SheetState; boxes: Box[] }> {
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
