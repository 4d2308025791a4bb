import type { ExcelRun } from "./excelWorkbook";
import { blockIndex, splitReference } from "../../domain/workbook/a1";

type Unsubscribe = () => Promise<void>;

/**
 * Calls back with a table's name when the user changes cells of a watched table.
 *
 * Where the host has it, this listens to WorksheetCollection.onChanged (ExcelApi 1.9), whose
 * WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14) says "ThisLocalAddin" for the add-in's
 * own writes: those are skipped, so a refresh does not make the pane read its own rows back. The
 * event may also fire for format changes (the table event does: Microsoft Learn, "Work with tables
 * using the Excel JavaScript API", detect data changes); a single cell's event says whether its
 * value changed, and a wider format change costs at most one read that finds the same data (the
 * session compares content hashes). Only a change whose address meets a watched table counts.
 *
 * Older hosts fall back to TableCollection.onChanged (ExcelApi 1.7), which also fires for the
 * add-in's own writes; the session then finds the same content and changes nothing.
 */
export async function watchTableChanges(
  run: ExcelRun,
  supports: (set: string, version: string) => boolean,
  tables: readonly string[],
  onChange: (table: string) => void
): Promise<Unsubscribe> {
  if (supports("ExcelApi", "1.9")) return watchWorksheetChanges(run, supports, tables, onChange);
  if (!supports("ExcelApi", "1.7")) return async () => {};
  const watched = new Set(tables);
  const handler = await run(async (context) => {
    const added = context.workbook.tables.onChanged.add(async (event) => {
      // The event names the table by id only. A failed lookup may hide an edit of ours: report it
      // as a change to every watched table (reading them again costs a read; skipping it would
      // leave the functions on data the tables no longer hold).
      const name = await tableName(run, event.tableId).catch(() => undefined);
      if (name === undefined) for (const t of tables) onChange(t);
      else if (name !== null && watched.has(name)) onChange(name);
    });
    await context.sync();
    return added;
  });
  return () => removeHandler(handler);
}

async function watchWorksheetChanges(
  run: ExcelRun,
  supports: (set: string, version: string) => boolean,
  tables: readonly string[],
  onChange: (table: string) => void
): Promise<Unsubscribe> {
  const knowsSource = supports("ExcelApi", "1.14");
  const handler = await run(async (context) => {
    const added = context.workbook.worksheets.onChanged.add(async (event) => {
      if (knowsSource && event.triggerSource === "ThisLocalAddin") return;
      // A single cell's event carries its values before and after (ExcelApi 1.9): equal values are
      // a format change, or a value typed again; nothing to read.
      const details = event.details as Excel.ChangedEventDetail | undefined;
      if (details && details.valueBefore === details.valueAfter) return;
      // A failed lookup may hide an edit of ours: every watched table counts as touched.
      // Deleted rows are no longer in the table's range: the last rows of a table, deleted, lie just
      // below it (changeType "RowDeleted", address the deleted rows:
      // https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs).
      const below = event.changeType === "RowDeleted" ? rowCount(event.address) : 0;
      const touched = await tablesTouched(
        run,
        tables,
        event.worksheetId,
        event.address,
        below
      ).catch(() => tables);
      for (const name of touched) onChange(name);
    });
    await context.sync();
    return added;
  });
  return () => removeHandler(handler);
}

/** The watched tables on that sheet whose range meets the changed address. */
function tablesTouched(
  run: ExcelRun,
  tables: readonly string[],
  worksheetId: string,
  address: string,
  below = 0
): Promise<string[]> {
  return run(async (context) => {
    const found = tables.map((name) => context.workbook.tables.getItemOrNullObject(name));
    await context.sync();
    const located = found.map((t) =>
      t.isNullObject ? null : { sheet: t.worksheet.load("id"), range: t.getRange().load("address") }
    );
    await context.sync();
    return tables.filter((_, i) => {
      const at = located[i];
      return (
        at !== null &&
        at !== undefined &&
        at.sheet.id === worksheetId &&
        meets(at.range.address, address, below)
      );
    });
  });
}

/** Whether two A1 blocks ("Sheet!A1:C9", "B2") share a cell. A whole-row or -column address counts as meeting. */
export function meets(a: string, b: string, below = 0): boolean {
  const x = bounds(a);
  const y = bounds(b);
  if (!x || !y) return true;
  return x.top <= y.bottom && y.top <= x.bottom + below && x.left <= y.right && y.left <= x.right;
}

function rowCount(address: string): number {
  const b = bounds(address);
  return b ? b.bottom - b.top + 1 : 0;
}

interface Bounds {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

function bounds(address: string): Bounds | null {
  const ref = splitReference(address);
  if (!ref) return null;
  return blockIndex(ref.address);
}

/** Calls back when the selection moves on any sheet (ExcelApi 1.9). */
export async function watchSelectionChanges(
  run: ExcelRun,
  onChange: () => void
): Promise<Unsubscribe> {
  const handler = await run(async (context) => {
    const added = context.workbook.worksheets.onSelectionChanged.add(() => {
      onChange();
      return Promise.resolve();
    });
    await context.sync();
    return added;
  });
  return () => removeHandler(handler);
}

function tableName(run: ExcelRun, id: string): Promise<string | null> {
  return run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(id);
    table.load("name");
    await context.sync();
    return table.isNullObject ? null : table.name;
  });
}

/** A handler must be removed through the context it was added in. */
async function removeHandler(handler: OfficeExtension.EventHandlerResult<unknown>): Promise<void> {
  handler.remove();
  await handler.context.sync();
}
