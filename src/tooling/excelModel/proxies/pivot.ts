import { type Box, boxColumns } from "../addresses";
import { MESSAGES, ModelError } from "../errors";
import type { ModelContext } from "../requestContext";
import type { PivotState, SheetState, WorkbookState } from "../workbookState";
import { ClientObject, type Resolver, size } from "./clientObject";
import type { RangeProxy } from "./range";
import { TableProxy } from "./table";
import { WorksheetProxy } from "./worksheet";

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

export class PivotTableCollectionProxy {
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
