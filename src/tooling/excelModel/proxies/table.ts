import type { Box } from "../addresses";
import { ModelError, propertyNotLoaded } from "../errors";
import { clearTableFilter, filterTableRows, isDataFiltered } from "../guards";
import type { ModelContext } from "../requestContext";
import type { SheetState, TableState } from "../workbookState";
import { ClientObject, ClientResult, type Resolver, size } from "./clientObject";
import { EventSource } from "./events";
import { RangeProxy } from "./range";
import { TableColumnCollectionProxy } from "./tableColumns";
import { TableRowCollectionProxy } from "./tableRows";
import { WorksheetProxy } from "./worksheet";

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

/** Table.autoFilter (ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.autofilter). */
export class AutoFilterProxy extends ClientObject<TableState> {
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
