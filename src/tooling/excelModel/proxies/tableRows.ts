import { boxColumns, boxRows } from "../addresses";
import { contentFromInput } from "../cellInput";
import { MESSAGES, ModelError, propertyNotLoaded } from "../errors";
import type { ModelContext } from "../requestContext";
import type { TableState } from "../workbookState";
import { ClientResult, size } from "./clientObject";
import { RangeProxy } from "./range";

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
