import type { ExcelRun } from "./excelWorkbook";

type Unsubscribe = () => Promise<void>;

/** Calls back with a table's name when the user changes a watched table (ExcelApi 1.7). */
export async function watchTableChanges(
  run: ExcelRun,
  tables: readonly string[],
  onChange: (table: string) => void
): Promise<Unsubscribe> {
  const watched = new Set(tables);
  const handler = await run(async (context) => {
    const added = context.workbook.tables.onChanged.add(async (event) => {
      // The event names the table by id only; a failed lookup just skips this change.
      const name = await tableName(run, event.tableId).catch(() => null);
      if (name !== null && watched.has(name)) onChange(name);
    });
    await context.sync();
    return added;
  });
  return () => removeHandler(handler);
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
