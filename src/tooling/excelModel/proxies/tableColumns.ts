import { boxColumns, boxRows } from "../addresses";
import { contentFromInput } from "../cellInput";
import { MESSAGES, ModelError, propertyNotLoaded } from "../errors";
import { shiftFormula } from "../formulaText";
import type { ModelContext } from "../requestContext";
import type { CellContent, TableState, WorkbookState } from "../workbookState";
import { ClientObject, type Resolver, scalarText, size } from "./clientObject";
import { RangeProxy } from "./range";

export interface ColumnTarget {
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
