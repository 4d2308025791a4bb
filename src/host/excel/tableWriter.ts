import {
  type DatasetIdentity,
  type TableLocation,
  type TableSpec,
  type WriteOptions,
  type WriteReport,
  WorkbookWriteError,
} from "../../domain";
import { blockAddress } from "../../domain/workbook/a1";
import type { ExcelRun } from "./excelWorkbook";
import { numberFormatOf } from "./formats";
import { IDENTITY_SETTING, identityToSetting } from "./identitySetting";
import { type StagingPlan, STAGING_PREFIX, planStaging } from "./staging";
import { type CreatePlan, type InPlacePlan, columnRuns, freeSheetName } from "./tablePlans";

/*
 * Writing the pane's tables into Excel, in four steps:
 *
 *   1. inspect: find each table by its name (wherever the user moved it, whatever they named its
 *      sheet), map our columns onto its header, and check the rows it must grow into are empty;
 *   2. stage: write the new rows to hidden sheets, in request-sized chunks, and copy each table's
 *      old contents to a hidden backup sheet;
 *   3. commit: one batch that resizes each table and copies the staged rows into it (Range.copyFrom,
 *      ExcelApi 1.9), creates the tables that do not exist yet and stores the identity;
 *   4. clean up: remove the hidden sheets; freeze the header row of a created sheet.
 *
 * Nothing the user sees changes before step 3. A batch is not a transaction (Microsoft Learn,
 * "Call Excel JavaScript APIs" / context.sync: the requests queued before a failing one stay
 * applied), so when the commit fails part way, a second batch puts every table back from its
 * backup: each table is then wholly old or wholly new, never a mix. The sheets are never deleted or
 * renamed, so formulas, charts and PivotTables over the tables keep pointing at them (deleting a
 * sheet turns every reference to it into #REF!: Microsoft Support, "Delete a worksheet").
 *
 * Needs ExcelApi 1.13 (Table.resize); the Aid Ledger needs the shared runtime anyway, which the
 * hosts with that API set have (Microsoft 365, Excel on the web).
 */

/** Rows read at a time when checking that a table can grow into the rows below it. */
const GROWTH_CHECK_ROWS = 2000;

/** What clearing a released or emptied row removes: its values, not the user's formats. */
const CLEAR_ALL_CONTENTS = "Contents" as const;

interface Inspected {
  readonly inPlace: InPlacePlan[];
  readonly create: CreatePlan[];
  readonly oldIdentity: string | null;
}

export interface TableWriterDeps {
  readonly run: ExcelRun;
  readonly supports: (set: string, version: string) => boolean;
  readonly budget: number;
  /** A token unique to this write (names its hidden sheets). */
  readonly token: string;
}

export async function writeTablesToExcel(
  deps: TableWriterDeps,
  tables: readonly TableSpec[],
  identity: DatasetIdentity,
  options: WriteOptions = {}
): Promise<WriteReport> {
  if (!deps.supports("ExcelApi", "1.13"))
    throw new WorkbookWriteError(
      "unchanged",
      "This version of Excel cannot resize a table (ExcelApi 1.13), so the tables cannot be refreshed in place. Nothing was changed. Update Excel, or use Excel on the web."
    );
  let plans: StagingPlan[];
  try {
    plans = planStaging(tables, deps.budget, deps.token);
  } catch (e) {
    throw new WorkbookWriteError("unchanged", `Nothing was changed: ${messageOf(e)}`);
  }
  const inspected = await deps
    .run((context) => inspect(context, plans))
    .catch((e: unknown) => {
      if (e instanceof WorkbookWriteError) throw e;
      throw new WorkbookWriteError(
        "unchanged",
        `Nothing was changed: reading the workbook's tables failed (${messageOf(e)}).`
      );
    });

  const total = plans.reduce((n, p) => n + p.chunks.length, 0) + 1;
  let done = 0;
  const progress = () => options.onProgress?.({ done: ++done, total });
  let step = "preparing the hidden sheets";
  try {
    await deps.run((context) =>
      stage(context, deps, inspected, plans, progress, (s) => {
        step = s;
      })
    );
  } catch (e) {
    await dropHiddenSheets(deps.run, plans);
    throw new WorkbookWriteError(
      "unchanged",
      `Nothing was changed: writing the new rows failed at ${step} (${messageOf(e)}).`
    );
  }
  if (options.beforeCommit && !options.beforeCommit()) {
    await dropHiddenSheets(deps.run, plans);
    throw new WorkbookWriteError(
      "unchanged",
      "Nothing was changed: the workbook's tables were edited while the new rows were being written. Check for changes again."
    );
  }

  try {
    await deps.run((context) => commit(context, inspected, identity));
  } catch (commitError) {
    try {
      await deps.run((context) => rollBack(context, inspected));
    } catch (rollbackError) {
      throw new WorkbookWriteError(
        "partial",
        `Replacing the tables' contents failed (${messageOf(commitError)}), and putting the old contents back failed too (${messageOf(rollbackError)}). Some tables may hold the new rows and others the old. The old contents are kept on the hidden sheets ${plans.map((p) => p.backup).join(", ")}. Use Re-read workbook to have the functions answer from what the tables hold, then refresh again.`
      );
    }
    await dropHiddenSheets(deps.run, plans);
    throw new WorkbookWriteError(
      "restored",
      `Nothing was changed: replacing the tables' contents failed (${messageOf(commitError)}) and every table was put back as it was.`
    );
  }
  progress();
  await dropHiddenSheets(deps.run, plans);
  await freezeHeaders(deps, inspected.create);
  return {
    created: inspected.create.map((c) => ({
      table: c.plan.spec.table,
      sheet: c.sheet,
      rows: c.plan.rows,
    })),
    refreshed: inspected.inPlace.map((p): TableLocation => ({
      table: p.plan.spec.table,
      sheet: p.sheet,
      rows: p.plan.rows,
    })),
  };
}

/** Step 1: where each table is, how our columns map onto it, and whether it can grow where it is. */
async function inspect(
  context: Excel.RequestContext,
  plans: readonly StagingPlan[]
): Promise<Inspected> {
  const workbook = context.workbook;
  const found = plans.map((p) => workbook.tables.getItemOrNullObject(p.spec.table));
  const sheets = workbook.worksheets.load("items/name");
  const setting = workbook.settings.getItemOrNullObject(IDENTITY_SETTING).load("value");
  await context.sync();
  const located = found.map((table) => {
    if (table.isNullObject) return null;
    return {
      table,
      range: table.getRange().load("rowIndex, columnIndex, rowCount, columnCount"),
      header: table.getHeaderRowRange().load("values"),
      sheet: table.worksheet.load("name"),
    };
  });
  await context.sync();

  const taken = new Set(sheets.items.map((s) => s.name));
  const inPlace: InPlacePlan[] = [];
  const create: CreatePlan[] = [];
  plans.forEach((plan, i) => {
    const at = located[i];
    if (!at) {
      const sheet = freeSheetName(plan.spec.sheet, taken);
      taken.add(sheet);
      create.push({ plan, sheet });
      return;
    }
    const header = (at.header.values[0] ?? []).map((h) => String(h));
    inPlace.push({
      plan,
      sheet: at.sheet.name,
      top: at.range.rowIndex,
      left: at.range.columnIndex,
      width: at.range.columnCount,
      oldBody: Math.max(1, at.range.rowCount - 1),
      newBody: Math.max(1, plan.rows),
      runs: columnRuns(plan.spec, header),
    });
  });

  // A table grows into the rows below it: they must hold nothing, or the user's data there would
  // be taken into the table. Worksheet.getUsedRangeOrNullObject(valuesOnly) (ExcelApi 1.4) says how
  // far down anything is; only the rows between the table's end and that point are read.
  for (const p of inPlace.filter((q) => q.newBody > q.oldBody)) {
    const sheet = workbook.worksheets.getItem(p.sheet);
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex, rowCount");
    // Few tables grow at once; each needs its own answer before its rows can be read.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    if (used.isNullObject) continue;
    const first = p.top + 1 + p.oldBody;
    const last = Math.min(p.top + p.newBody, used.rowIndex + used.rowCount - 1);
    for (let row = first; row <= last; row += GROWTH_CHECK_ROWS) {
      const count = Math.min(GROWTH_CHECK_ROWS, last - row + 1);
      const block = sheet.getRangeByIndexes(row, p.left, count, p.width).load("values");
      // One bounded read per block, stopping at the first cell found.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      const hit = block.values.findIndex((r) => r.some((v) => v !== "" && v !== null));
      if (hit >= 0)
        throw new WorkbookWriteError(
          "unchanged",
          `Nothing was changed: the ${p.plan.spec.table} table (sheet ${p.sheet}) must grow by ${p.newBody - p.oldBody} rows, and row ${row + hit + 1} below it holds data. Move that data elsewhere, then try again.`
        );
    }
  }
  return { inPlace, create, oldIdentity: setting.isNullObject ? null : String(setting.value) };
}

/** Step 2: the new rows on hidden sheets, chunk by chunk; the old contents on hidden backups. */
async function stage(
  context: Excel.RequestContext,
  deps: TableWriterDeps,
  inspected: Inspected,
  plans: readonly StagingPlan[],
  progress: () => void,
  at: (step: string) => void
): Promise<void> {
  const sheets = context.workbook.worksheets;
  // Hidden sheets a failed write left behind are removed first (their names hold a different token).
  const all = sheets.load("items/name");
  await context.sync();
  for (const s of all.items) if (s.name.startsWith(STAGING_PREFIX)) s.delete();
  const staged = plans.map((plan) => {
    const sheet = sheets.add(plan.sheet);
    sheet.visibility = "Hidden";
    sheet.getRange(blockAddress(0, 0, 1, plan.columns)).values = [plan.header];
    plan.spec.columns.forEach((column, c) => {
      const format = numberFormatOf(column.format);
      // Number formats travel with the rows when a table is created from the staged block.
      if (format && plan.rows > 0)
        sheet.getRange(blockAddress(1, c, plan.rows, 1)).numberFormat = [[format]];
    });
    return { plan, sheet };
  });
  if (deps.supports("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  await context.sync();

  for (const { plan, sheet } of staged) {
    let row = 1;
    for (const [i, chunk] of plan.chunks.entries()) {
      at(
        `table ${plan.spec.table}, chunk ${i + 1} of ${plan.chunks.length} (rows ${row} to ${row + chunk.length - 1})`
      );
      // Nothing refers to a staging sheet: calculating now would only cost time.
      if (deps.supports("ExcelApi", "1.6"))
        context.application.suspendApiCalculationUntilNextSync();
      sheet.getRange(blockAddress(row, 0, chunk.length, plan.columns)).values = chunk;
      // One request per chunk is the point: each must stay under Excel's 5 MB request limit
      // (Microsoft Learn, "Resource limits and performance optimization for Office Add-ins").
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      row += chunk.length;
      progress();
    }
  }

  at("copying the old contents aside");
  for (const p of inspected.inPlace) {
    const backup = sheets.add(p.plan.backup);
    backup.visibility = "Hidden";
    const source = sheets.getItem(p.sheet).getRangeByIndexes(p.top, p.left, 1 + p.oldBody, p.width);
    backup.getRangeByIndexes(0, 0, 1 + p.oldBody, p.width).copyFrom(source, "Values");
  }
  await context.sync();
}

/** Step 3, the one batch the user sees: every table resized and filled, new tables created, the identity stored. */
async function commit(
  context: Excel.RequestContext,
  inspected: Inspected,
  identity: DatasetIdentity
): Promise<void> {
  const sheets = context.workbook.worksheets;
  for (const p of inspected.inPlace) {
    const sheet = sheets.getItem(p.sheet);
    const staged = sheets.getItem(p.plan.sheet);
    const table = context.workbook.tables.getItem(p.plan.spec.table);
    if (p.newBody !== p.oldBody)
      table.resize(sheet.getRangeByIndexes(p.top, p.left, 1 + p.newBody, p.width));
    if (p.newBody < p.oldBody)
      sheet
        .getRangeByIndexes(p.top + 1 + p.newBody, p.left, p.oldBody - p.newBody, p.width)
        .clear(CLEAR_ALL_CONTENTS);
    for (const run of p.runs) {
      const target = sheet.getRangeByIndexes(p.top + 1, p.left + run.table, p.newBody, run.count);
      if (p.plan.rows === 0) target.clear(CLEAR_ALL_CONTENTS);
      else target.copyFrom(staged.getRangeByIndexes(1, run.staged, p.newBody, run.count), "Values");
      // New rows look like the table's first row: its formats, the user's included.
      if (p.newBody > p.oldBody)
        sheet
          .getRangeByIndexes(
            p.top + 1 + p.oldBody,
            p.left + run.table,
            p.newBody - p.oldBody,
            run.count
          )
          .copyFrom(
            sheet.getRangeByIndexes(p.top + 1, p.left + run.table, 1, run.count),
            "Formats"
          );
    }
  }
  for (const c of inspected.create) {
    const sheet = sheets.add(c.sheet);
    const block = blockAddress(0, 0, 1 + Math.max(1, c.plan.rows), c.plan.columns);
    sheet.getRange(block).copyFrom(sheets.getItem(c.plan.sheet).getRange(block), "All");
    sheet.tables.add(sheet.getRange(block), true).name = c.plan.spec.table;
  }
  context.workbook.settings.add(IDENTITY_SETTING, identityToSetting(identity));
  await context.sync();
}

/**
 * After a failed commit: every table back to its old size and contents, the created sheets removed,
 * the old identity stored again. Each step is safe to repeat whatever part of the commit was applied.
 */
async function rollBack(context: Excel.RequestContext, inspected: Inspected): Promise<void> {
  const sheets = context.workbook.worksheets;
  const created = inspected.create.map((c) => sheets.getItemOrNullObject(c.sheet));
  await context.sync();
  for (const p of inspected.inPlace) {
    const sheet = sheets.getItem(p.sheet);
    const backup = sheets.getItem(p.plan.backup);
    context.workbook.tables
      .getItem(p.plan.spec.table)
      .resize(sheet.getRangeByIndexes(p.top, p.left, 1 + p.oldBody, p.width));
    if (p.newBody > p.oldBody)
      sheet
        .getRangeByIndexes(p.top + 1 + p.oldBody, p.left, p.newBody - p.oldBody, p.width)
        .clear(CLEAR_ALL_CONTENTS);
    sheet
      .getRangeByIndexes(p.top + 1, p.left, p.oldBody, p.width)
      .copyFrom(backup.getRangeByIndexes(1, 0, p.oldBody, p.width), "Values");
  }
  for (const s of created) if (!s.isNullObject) s.delete();
  if (inspected.oldIdentity !== null)
    context.workbook.settings.add(IDENTITY_SETTING, inspected.oldIdentity);
  await context.sync();
  if (inspected.oldIdentity === null) {
    const added = context.workbook.settings.getItemOrNullObject(IDENTITY_SETTING);
    await context.sync();
    if (!added.isNullObject) added.delete();
    await context.sync();
  }
}

/** Best effort: the error worth reporting is the write's; a later write removes leftovers. */
async function dropHiddenSheets(run: ExcelRun, plans: readonly StagingPlan[]): Promise<void> {
  try {
    await run(async (context) => {
      const names = plans.flatMap((p) => [p.sheet, p.backup]);
      const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      await context.sync();
      for (const s of found) if (!s.isNullObject) s.delete();
      await context.sync();
    });
  } catch {
    // Left for the next write's clean-up.
  }
}

/**
 * Freezing is cosmetic and reported to fail on some hosts (office-js #2196, #3148): its own batch,
 * after the commit, and a failure there is not the write's.
 */
async function freezeHeaders(deps: TableWriterDeps, created: readonly CreatePlan[]): Promise<void> {
  if (created.length === 0 || !deps.supports("ExcelApi", "1.7")) return;
  try {
    await deps.run(async (context) => {
      for (const c of created)
        context.workbook.worksheets.getItem(c.sheet).freezePanes.freezeRows(1);
      await context.sync();
    });
  } catch {
    // The tables are written; an unfrozen header is no reason to report a failure.
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
