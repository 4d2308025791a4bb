import { boxAddress } from "../addresses";
import { ModelError, propertyNotLoaded } from "../errors";
import type { ModelContext } from "../requestContext";
import type { ChartState, SheetState } from "../workbookState";
import { ClientObject, type Resolver } from "./clientObject";
import type { RangeProxy } from "./range";

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

export class ChartCollectionProxy {
  constructor(
    readonly context: ModelContext,
    private readonly sheet: () => SheetState
  ) {}
  private find(name: string): ChartState | null {
    const s = this.sheet();
    return (
      this.context.host.state.charts.find(
        (c) => c.sheet === s && (c.name === name || c.id === name)
      ) ?? null
    );
  }
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
