import { messageOf, messages } from "../../domain/messages/catalog";
import type { StagingStep } from "../../domain/messages/sections/workbook";
import {
  type DatasetIdentity,
  type LostUserValue,
  type RowAlignment,
  type SheetCell,
  type TableLocation,
  type TableSpec,
  type WriteOptions,
  type WriteReport,
  WorkbookWriteError,
  alignRows,
  chunkRows,
  columnsBlockedText,
  growthBlockedText,
} from "../../domain";
import { blockAddress } from "../../domain/workbook/a1";
import type { ExcelRun } from "./excelWorkbook";
import { numberFormatOf } from "../../domain/workbook/numberFormats";
import { IDENTITY_SETTING, identityToSetting } from "./identitySetting";
import { growthObstacle, refuseObstacles, sizeChangeOf } from "./preflight";
import { type StagingPlan, isStagingSheet, planStaging, withFreeNames } from "./staging";
import {
  type ColumnRun,
  type CreatePlan,
  type InPlacePlan,
  columnRuns,
  freeSheetName,
  missingOwnColumns,
} from "./tablePlans";

/*
 * Writing the pane's tables into Excel, in four steps:
 *
 *   1. inspect: find each table by its name (wherever the user moved it, whatever they named its
 *      sheet), map our columns onto its header, read its rows and line them up with the new ones by
 *      key (src/domain/workbook/rowAlignment.ts), refuse what would make the commit fail (a
 *      protected sheet or workbook, a filter, merged cells: preflight.ts), and check the rows it
 *      must grow into are empty;
 *   2. stage: write the rows to write (changed and new ones only) to hidden sheets, in request-sized
 *      chunks, and copy each table's old contents, formulas and formats included, to a hidden backup;
 *   3. commit: one batch that, in each table, rewrites the changed records' cells, deletes the
 *      removed records' rows and appends the new records (Range.copyFrom, ExcelApi 1.9), creates the
 *      tables that do not exist yet and stores the identity. A record that stays keeps its row, so
 *      the user's sort order and their own columns beside it stay as they were;
 *   4. clean up: remove the hidden sheets; freeze the header row of a created sheet.
 *
 * Nothing the user sees changes before step 3. A batch is not a transaction (Microsoft Learn,
 * "Call Excel JavaScript APIs" / context.sync: the requests queued before a failing one stay
 * applied), so when the commit fails part way, a second batch puts every table back from its
 * backup: each table is then wholly old or wholly new, never a mix. A backup a message names
 * (the rollback failed) is never deleted by a later write. The sheets are never deleted or
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
  /** The plans, their hidden sheets named clear of every sheet the workbook has. */
  readonly plans: readonly StagingPlan[];
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
  const inspected = await inspectOrRefuse(deps, tables);
  const { plans } = inspected;
  const total = stagedRowsOf(inspected).reduce((n, t) => n + t.chunks.length, 0) + 1;
  let done = 0;
  const progress = () => options.onProgress?.({ done: ++done, total });
  await stageOrRefuse(deps, inspected, progress);
  if (options.beforeCommit && !options.beforeCommit()) {
    await dropHiddenSheets(deps.run, plans);
    throw new WorkbookWriteError("unchanged", messages().editedWhileWriting);
  }
  await commitOrRollBack(deps, inspected, identity);
  progress();
  await dropHiddenSheets(deps.run, plans);
  await freezeHeaders(deps, inspected.create);
  return reportOf(inspected);
}

/** Steps 0 and 1: what the host supports, the plans, the workbook's tables; refused with nothing changed. */
async function inspectOrRefuse(
  deps: TableWriterDeps,
  tables: readonly TableSpec[]
): Promise<Inspected> {
  if (!deps.supports("ExcelApi", "1.13"))
    throw new WorkbookWriteError("unchanged", messages().cannotResizeTables);
  let planned: StagingPlan[];
  try {
    planned = planStaging(tables, deps.budget, deps.token);
  } catch (e) {
    throw new WorkbookWriteError("unchanged", messages().nothingChangedBecause(messageOf(e)));
  }
  return deps
    .run((context) => inspect(context, planned, deps))
    .catch((e: unknown) => {
      if (e instanceof WorkbookWriteError) throw e;
      throw new WorkbookWriteError("unchanged", messages().tablesUnreadable(messageOf(e)));
    });
}

/** Step 2, its hidden sheets removed again when it fails: nothing the user sees has changed yet. */
async function stageOrRefuse(
  deps: TableWriterDeps,
  inspected: Inspected,
  progress: () => void
): Promise<void> {
  let step: StagingStep = "prepare";
  try {
    await deps.run((context) =>
      stage(context, deps, inspected, progress, (s) => {
        step = s;
      })
    );
  } catch (e) {
    await dropHiddenSheets(deps.run, inspected.plans);
    throw new WorkbookWriteError("unchanged", messages().stagingFailed(step, messageOf(e)));
  }
}

/** Step 3; when it fails, every table put back from its backup, and the outcome told as it is. */
async function commitOrRollBack(
  deps: TableWriterDeps,
  inspected: Inspected,
  identity: DatasetIdentity
): Promise<void> {
  const { plans } = inspected;
  try {
    await deps.run((context) => commit(context, deps, inspected, identity));
  } catch (commitError) {
    try {
      // Tried twice: a rollback is safe to repeat (see rollBack), and a request that failed once
      // for a passing reason (a dropped request, a busy host) need not leave the tables mixed. A
      // commit stopped after it grew a table but before the new rows arrived leaves empty rows in
      // it, which only a rollback removes (found by the workbook property).
      await deps
        .run((context) => rollBack(context, inspected))
        .catch(() => deps.run((context) => rollBack(context, inspected)));
    } catch (rollbackError) {
      throw new WorkbookWriteError(
        "partial",
        messages().rollbackFailed(
          messageOf(commitError),
          messageOf(rollbackError),
          plans.map((p) => p.backup)
        )
      );
    }
    await dropHiddenSheets(deps.run, plans);
    throw new WorkbookWriteError("restored", messages().rolledBack(messageOf(commitError)));
  }
}

function reportOf(inspected: Inspected): WriteReport {
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
    rowsWritten: inspected.inPlace.map((p) => ({
      table: p.plan.spec.table,
      written: p.staged.length,
      deleted: p.alignment.removed.length,
    })),
    lostUserValues: inspected.inPlace.flatMap((p) => p.alignment.lostUserValues),
  };
}

/** A table found by its name: its range, body, header, sheet and whether it shows a Total Row. */
interface Located {
  readonly table: Excel.Table;
  readonly range: Excel.Range;
  readonly body: Excel.Range;
  readonly header: Excel.Range;
  readonly sheet: Excel.Worksheet;
}

/** Step 1: where each table is, how our columns map onto it, and whether it can grow where it is. */
async function inspect(
  context: Excel.RequestContext,
  planned: readonly StagingPlan[],
  { budget, supports }: Pick<TableWriterDeps, "budget" | "supports">
): Promise<Inspected> {
  const workbook = context.workbook;
  const found = planned.map((p) => workbook.tables.getItemOrNullObject(p.spec.table));
  const sheets = workbook.worksheets.load("items/name");
  const setting = workbook.settings.getItemOrNullObject(IDENTITY_SETTING).load("value");
  await context.sync();
  const plans = withFreeNames(
    planned,
    sheets.items.map((s) => s.name)
  );
  const located = found.map((table): Located | null => {
    if (table.isNullObject) return null;
    return {
      table: table.load("showTotals"),
      range: table.getRange().load("rowIndex, columnIndex, rowCount, columnCount"),
      // The body without the header and the Total Row (Table.getDataBodyRange:
      // https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getdatabodyrange-member(1));
      // the table's range less its header would count a Total Row as data.
      body: table.getDataBodyRange().load("rowCount"),
      header: table.getHeaderRowRange().load("values"),
      sheet: table.worksheet.load("name"),
    };
  });
  await context.sync();

  const taken = new Set(sheets.items.map((s) => s.name));
  const inPlace: InPlacePlan[] = [];
  const create: CreatePlan[] = [];
  for (const [i, plan] of plans.entries()) {
    const at = located[i];
    if (at) {
      inPlace.push(await planInPlace(context, plan, at, budget));
      continue;
    }
    const sheet = freeSheetName(plan.spec.sheet, taken);
    taken.add(sheet);
    create.push({ plan, sheet });
  }
  await refuseObstacles(context, supports, inPlace);
  return {
    inPlace: await checkGrowth(context, supports, inPlace),
    create,
    oldIdentity: setting.isNullObject ? null : String(setting.value),
    plans,
  };
}

/** A table that exists: its rows read and lined up with the new ones, the columns it lacks planned. */
async function planInPlace(
  context: Excel.RequestContext,
  plan: StagingPlan,
  at: Located,
  budget: number
): Promise<InPlacePlan> {
  const held = (at.header.values[0] ?? []).map((h) => String(h));
  const addedColumns = missingOwnColumns(plan.spec, held);
  const header = [...held, ...addedColumns];
  const runs = columnRuns(plan.spec, header);
  const top = at.range.rowIndex;
  const left = at.range.columnIndex;
  const oldWidth = at.range.columnCount;
  const width = oldWidth + addedColumns.length;
  const oldBody = Math.max(1, at.body.rowCount);
  if (addedColumns.length > 0)
    await refuseColumnsInTheWay(context, plan.spec.table, at.sheet.name, addedColumns, {
      top,
      left: left + oldWidth,
      rows: 1 + oldBody,
    });
  const body = widen(
    await readBody(context, at.sheet.name, top + 1, left, oldBody, oldWidth),
    addedColumns.length
  );
  const alignment = alignRows(plan.spec, header, columnPositions(runs), body);
  // A Total Row (Table.showTotals, ExcelApi 1.1:
  // https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-showtotals-member)
  // sits inside the table's range below the body: rewriting cells in place keeps it, but adding or
  // deleting rows under it is not what this writer does safely, so that refresh is refused first.
  if (at.table.showTotals && (alignment.removed.length > 0 || alignment.appended.length > 0))
    throw new WorkbookWriteError(
      "unchanged",
      messages().totalRow(
        { table: plan.spec.table, sheet: at.sheet.name },
        { added: alignment.appended.length, removed: alignment.removed.length }
      )
    );
  // When every record goes, the first row stays (a table keeps one) and is emptied, all but
  // the formulas of the user's calculated columns.
  const firstRowFormulas =
    alignment.kept === 0 ? await readFormulas(context, at.sheet.name, top + 1, left, width) : null;
  const staged = [
    ...alignment.changed.map((c) => plan.cells[c.source]!),
    ...alignment.appended.map((s) => plan.cells[s]!),
  ];
  return {
    plan,
    sheet: at.sheet.name,
    top,
    left,
    width,
    oldWidth,
    addedColumns,
    oldBody,
    newBody: Math.max(1, alignment.kept + alignment.appended.length),
    runs,
    alignment,
    staged,
    chunks: chunkRows(staged, budget),
    below: 0,
    firstRowFormulas,
  };
}

/**
 * New records go below the table, into rows that must hold nothing, or the user's data there
 * would be taken into the table. Deleting a table's rows moves the cells below it up (Delete
 * Table Rows: https://support.microsoft.com/office/insert-or-delete-cells-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246),
 * so the rows the new records need are the ones right below the table as it is now, and what lies
 * further down is backed up with the table so a rollback can put it back where it was.
 * Worksheet.getUsedRangeOrNullObject(valuesOnly) (ExcelApi 1.4) says how far down anything is;
 * only the rows between the table's end and that point are read. Returns the plans with the rows
 * below each that its backup must hold.
 */
async function checkGrowth(
  context: Excel.RequestContext,
  supports: (set: string, version: string) => boolean,
  planned: readonly InPlacePlan[]
): Promise<InPlacePlan[]> {
  const inPlace = [...planned];
  for (const [i, p] of inPlace.entries()) {
    const { added, deletes } = sizeChangeOf(p);
    if (!deletes && added <= 0) continue;
    const sheet = context.workbook.worksheets.getItem(p.sheet);
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex, rowCount");
    // Few tables change size at once; each needs its own answer before its rows can be read.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    if (used.isNullObject) continue;
    const first = p.top + 1 + p.oldBody;
    const usedLast = used.rowIndex + used.rowCount - 1;
    if (deletes) inPlace[i] = { ...p, below: Math.max(0, usedLast - first + 1) };
    await refuseFilledRows(context, supports, sheet, p, {
      first,
      last: Math.min(first + added - 1, usedLast),
    });
  }
  return inPlace;
}

/** The rows `first`..`last` below a table must be empty for it to grow into them. */
async function refuseFilledRows(
  context: Excel.RequestContext,
  supports: (set: string, version: string) => boolean,
  sheet: Excel.Worksheet,
  p: InPlacePlan,
  { first, last }: { first: number; last: number }
): Promise<void> {
  for (let row = first; row <= last; row += GROWTH_CHECK_ROWS) {
    const count = Math.min(GROWTH_CHECK_ROWS, last - row + 1);
    const block = sheet.getRangeByIndexes(row, p.left, count, p.width).load("values");
    // One bounded read per block, stopping at the first cell found.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const hit = block.values.findIndex((r) => r.some((v) => v !== "" && v !== null));
    if (hit < 0) continue;
    const col = p.left + block.values[hit]!.findIndex((v) => v !== "" && v !== null);
    const what = await growthObstacle(context, supports, p.sheet, row + hit, col);
    throw new WorkbookWriteError(
      "unchanged",
      growthBlockedText(
        { table: p.plan.spec.table, sheet: p.sheet, address: blockAddress(row + hit, col, 1, 1) },
        sizeChangeOf(p).added,
        what
      )
    );
  }
}

/**
 * For the review before a write: the values in the user's own columns that a write of `tables`
 * would delete with their records' rows (the same alignment the write makes). Reads only; a
 * table the workbook lacks, or whose columns no longer fit ours, loses nothing here (the write
 * itself then creates it or refuses).
 */
export async function previewLostUserValues(
  run: ExcelRun,
  tables: readonly TableSpec[]
): Promise<LostUserValue[]> {
  return run(async (context) => {
    const found = tables.map((spec) => ({
      spec,
      table: context.workbook.tables.getItemOrNullObject(spec.table),
    }));
    await context.sync();
    const located = found
      .filter((f) => !f.table.isNullObject)
      .map((f) => ({
        spec: f.spec,
        range: f.table.getRange().load("rowIndex, columnIndex, columnCount"),
        body: f.table.getDataBodyRange().load("rowCount"),
        header: f.table.getHeaderRowRange().load("values"),
        sheet: f.table.worksheet.load("name"),
      }));
    await context.sync();
    const lost: LostUserValue[] = [];
    for (const at of located) {
      const held = (at.header.values[0] ?? []).map((h) => String(h));
      const added = missingOwnColumns(at.spec, held);
      const header = [...held, ...added];
      let runs: ColumnRun[];
      try {
        runs = columnRuns(at.spec, header);
      } catch {
        continue;
      }
      const body = widen(
        await readBody(
          context,
          at.sheet.name,
          at.range.rowIndex + 1,
          at.range.columnIndex,
          Math.max(1, at.body.rowCount),
          at.range.columnCount
        ),
        added.length
      );
      lost.push(...alignRows(at.spec, header, columnPositions(runs), body).lostUserValues);
    }
    return lost;
  });
}

/** Rows of a table's body read at a time: a bounded response whatever the table's size. */
const BODY_READ_ROWS = 2000;

/** The table's body as it is, its whole width (the user's columns included), in bounded reads. */
async function readBody(
  context: Excel.RequestContext,
  sheetName: string,
  top: number,
  left: number,
  rows: number,
  width: number
): Promise<unknown[][]> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const body: unknown[][] = [];
  for (let row = 0; row < rows; row += BODY_READ_ROWS) {
    const block = sheet
      .getRangeByIndexes(top + row, left, Math.min(BODY_READ_ROWS, rows - row), width)
      .load("values");
    // Each block is one bounded response (Excel on the web's 5 MB limit applies to responses too).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    body.push(...block.values);
  }
  return body;
}

async function readFormulas(
  context: Excel.RequestContext,
  sheetName: string,
  row: number,
  left: number,
  width: number
): Promise<unknown[]> {
  const range = context.workbook.worksheets
    .getItem(sheetName)
    .getRangeByIndexes(row, left, 1, width)
    .load("formulas");
  await context.sync();
  const [first] = range.formulas as unknown[][];
  return first ?? [];
}

/** Body rows as they will read once `added` empty columns are appended at the table's right. */
function widen(body: unknown[][], added: number): unknown[][] {
  return added === 0 ? body : body.map((row) => [...row, ...Array<unknown>(added).fill("")]);
}

/**
 * The cells an upgrade appends columns into (right of the table, its header and body rows) must be
 * empty: what the user has there would end up inside the table, or be pushed aside.
 */
async function refuseColumnsInTheWay(
  context: Excel.RequestContext,
  table: string,
  sheetName: string,
  columns: readonly string[],
  at: { top: number; left: number; rows: number }
): Promise<void> {
  const block = context.workbook.worksheets
    .getItem(sheetName)
    .getRangeByIndexes(at.top, at.left, at.rows, columns.length)
    .load("values");
  await context.sync();
  const row = block.values.findIndex((r) => r.some((v) => v !== "" && v !== null));
  if (row < 0) return;
  const col = block.values[row]!.findIndex((v) => v !== "" && v !== null);
  throw new WorkbookWriteError(
    "unchanged",
    columnsBlockedText(
      { table, sheet: sheetName, address: blockAddress(at.top + row, at.left + col, 1, 1) },
      columns
    )
  );
}

/** Where each of the spec's columns sits in the table. */
function columnPositions(runs: readonly ColumnRun[]): number[] {
  return runs.flatMap((r) => Array.from({ length: r.count }, (_, i) => r.table + i));
}

/** Rows to write per table, and the hidden sheet each is staged on. */
function stagedRowsOf(
  inspected: Inspected
): { plan: StagingPlan; chunks: readonly SheetCell[][][]; formats: boolean }[] {
  return [
    ...inspected.inPlace.map((p) => ({ plan: p.plan, chunks: p.chunks, formats: false })),
    // A created table is copied from its staged block with its number formats.
    ...inspected.create.map((c) => ({ plan: c.plan, chunks: c.plan.chunks, formats: true })),
  ];
}

/** Step 2: the rows to write on hidden sheets, chunk by chunk; the old contents on hidden backups. */
async function stage(
  context: Excel.RequestContext,
  deps: TableWriterDeps,
  inspected: Inspected,
  progress: () => void,
  at: (step: StagingStep) => void
): Promise<void> {
  const sheets = context.workbook.worksheets;
  // Staging sheets a failed write left behind are removed first (their names hold a different
  // token). Backups are not: a message may name one as the only copy of a table's old contents.
  const all = sheets.load("items/name");
  await context.sync();
  for (const s of all.items) if (isStagingSheet(s.name)) s.delete();
  const staged = stagedRowsOf(inspected).map(({ plan, chunks, formats }) => {
    const sheet = sheets.add(plan.sheet);
    sheet.visibility = "Hidden";
    sheet.getRange(blockAddress(0, 0, 1, plan.columns)).values = [plan.header];
    return { plan, chunks, formats, sheet };
  });
  if (deps.supports("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  await context.sync();

  for (const { plan, chunks, formats, sheet } of staged) {
    let row = 1;
    for (const [i, chunk] of chunks.entries()) {
      at({
        table: plan.spec.table,
        chunk: i + 1,
        chunks: chunks.length,
        rows: [row, row + chunk.length - 1],
      });
      // Nothing refers to a staging sheet: calculating now would only cost time.
      if (deps.supports("ExcelApi", "1.6"))
        context.application.suspendApiCalculationUntilNextSync();
      sheet.getRange(blockAddress(row, 0, chunk.length, plan.columns)).values = chunk;
      if (formats)
        plan.spec.columns.forEach((column, c) => {
          const format = numberFormatOf(column.format);
          // One format per cell, the range's shape (office-js-docs-pr#5400); counted in the chunk's budget.
          if (format)
            sheet.getRange(blockAddress(row, c, chunk.length, 1)).numberFormat = chunk.map(() => [
              format,
            ]);
        });
      // One request per chunk is the point: each must stay under Excel's 5 MB request limit
      // (Microsoft Learn, "Resource limits and performance optimization for Office Add-ins").
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      row += chunk.length;
      progress();
    }
  }

  at("copy");
  for (const p of inspected.inPlace) {
    const backup = sheets.add(p.plan.backup);
    backup.visibility = "Hidden";
    // At the table's own address, so relative references in the user's formulas copy there and
    // back unchanged; "All" keeps formulas and formats, not only values (Excel.RangeCopyType:
    // https://learn.microsoft.com/javascript/api/excel/excel.rangecopytype).
    backup
      .getRangeByIndexes(p.top, p.left, 1 + p.oldBody + p.below, p.width)
      .copyFrom(tableBlock(sheets, p, p.oldBody + p.below), "All");
  }
  await context.sync();
}

function tableBlock(sheets: Excel.WorksheetCollection, p: InPlacePlan, body: number): Excel.Range {
  return sheets.getItem(p.sheet).getRangeByIndexes(p.top, p.left, 1 + body, p.width);
}

/** Consecutive changed rows that are staged one after another and change the same column runs. */
function changedBlocks(
  alignment: RowAlignment,
  runs: readonly ColumnRun[]
): { row: number; staged: number; count: number; runs: ColumnRun[] }[] {
  const blocks: { row: number; staged: number; count: number; runs: ColumnRun[] }[] = [];
  alignment.changed.forEach((change, staged) => {
    const touched = runs.filter((r) =>
      change.columns.some((c) => c >= r.staged && c < r.staged + r.count)
    );
    const last = blocks[blocks.length - 1];
    if (
      last &&
      last.row + last.count === change.row &&
      last.runs.length === touched.length &&
      last.runs.every((r, i) => r === touched[i])
    )
      last.count++;
    else blocks.push({ row: change.row, staged, count: 1, runs: touched });
  });
  return blocks;
}

/** Removed rows as blocks of consecutive rows, last first (so earlier indexes stay valid). */
function removedBlocks(removed: readonly number[]): { start: number; count: number }[] {
  const blocks: { start: number; count: number }[] = [];
  for (const row of removed) {
    const last = blocks[blocks.length - 1];
    if (last && last.start + last.count === row) last.count++;
    else blocks.push({ start: row, count: 1 });
  }
  return blocks.reverse();
}

/** Step 3, the one batch the user sees: each table's changed, removed and new records; new tables created; the identity stored. */
async function commit(
  context: Excel.RequestContext,
  deps: TableWriterDeps,
  inspected: Inspected,
  identity: DatasetIdentity
): Promise<void> {
  const sheets = context.workbook.worksheets;
  for (const p of inspected.inPlace) {
    const sheet = sheets.getItem(p.sheet);
    const staged = sheets.getItem(p.plan.sheet);
    const table = context.workbook.tables.getItem(p.plan.spec.table);
    const { alignment } = p;
    // 0. An older workbook's table gets the columns of ours it lacks, at its right end, empty; the
    // rows' values in them are changed cells below. TableColumnCollection.add(index, values, name):
    // no index adds at the end, name since ExcelApi 1.4
    // (https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1)).
    // The cells it takes were checked empty (refuseColumnsInTheWay); whether Excel shifts cells to
    // their right aside is not documented, and nothing is there to shift.
    for (const name of p.addedColumns) table.columns.add(undefined, undefined, name);
    // 1. Changed records: only the runs of columns that hold a changed cell, on the rows they hold.
    for (const block of changedBlocks(alignment, p.runs))
      for (const run of block.runs)
        sheet
          .getRangeByIndexes(p.top + 1 + block.row, p.left + run.table, block.count, run.count)
          .copyFrom(
            staged.getRangeByIndexes(1 + block.staged, run.staged, block.count, run.count),
            "Values"
          );
    // 2. Removed records: their rows go, the user's cells on them too. A table keeps one body row
    // (Excel tables always have one): when every record goes, the first row is emptied instead.
    const removed =
      alignment.kept === 0 ? alignment.removed.filter((r) => r !== 0) : alignment.removed;
    for (const block of removedBlocks(removed)) {
      if (deps.supports("ExcelApi", "1.16")) table.rows.deleteRowsAt(block.start, block.count);
      else
        for (let r = block.start + block.count - 1; r >= block.start; r--)
          table.rows.getItemAt(r).delete();
    }
    if (alignment.kept === 0)
      (p.firstRowFormulas ?? []).forEach((f, c) => {
        if (typeof f !== "string" || !f.startsWith("="))
          sheet.getRangeByIndexes(p.top + 1, p.left + c, 1, 1).clear(CLEAR_ALL_CONTENTS);
      });
    // 3. New records, below the ones that stay.
    const added = alignment.appended.length;
    if (added === 0) continue;
    const from = alignment.kept;
    const body = Math.max(1, alignment.kept);
    if (p.newBody > body)
      table.resize(sheet.getRangeByIndexes(p.top, p.left, 1 + p.newBody, p.width));
    for (const run of p.runs) {
      sheet
        .getRangeByIndexes(p.top + 1 + from, p.left + run.table, added, run.count)
        .copyFrom(
          staged.getRangeByIndexes(1 + alignment.changed.length, run.staged, added, run.count),
          "Values"
        );
      // New rows look like the table's first row: its formats, the user's included.
      if (from > 0)
        sheet
          .getRangeByIndexes(p.top + 1 + from, p.left + run.table, added, run.count)
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
 * After a failed commit: every table back to its old size and contents (formulas and formats
 * included), the created sheets removed, the old identity stored again. Each step is safe to
 * repeat whatever part of the commit was applied.
 */
async function rollBack(context: Excel.RequestContext, inspected: Inspected): Promise<void> {
  const sheets = context.workbook.worksheets;
  const created = inspected.create.map((c) => sheets.getItemOrNullObject(c.sheet));
  const sizes = inspected.inPlace.map((p) =>
    context.workbook.tables.getItem(p.plan.spec.table).getDataBodyRange().load("rowCount")
  );
  await context.sync();
  inspected.inPlace.forEach((p, i) => {
    const sheet = sheets.getItem(p.sheet);
    const backup = sheets.getItem(p.plan.backup);
    const now = Math.max(1, sizes[i]!.rowCount);
    // Back to its old size and width: the columns an upgrade appended leave the table, and the
    // backup (taken across the new width, where the cells were empty) empties them again.
    context.workbook.tables
      .getItem(p.plan.spec.table)
      .resize(sheet.getRangeByIndexes(p.top, p.left, 1 + p.oldBody, p.oldWidth));
    if (now > p.oldBody)
      sheet
        .getRangeByIndexes(p.top + 1 + p.oldBody, p.left, now - p.oldBody, p.width)
        .clear(CLEAR_ALL_CONTENTS);
    tableBlock(sheets, p, p.oldBody + p.below).copyFrom(
      backup.getRangeByIndexes(p.top, p.left, 1 + p.oldBody + p.below, p.width),
      "All"
    );
  });
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
