import type { SheetCell, TableSpec } from "../../../src/domain";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import type { ExcelModel } from "../../../src/tooling/excelModel";

/** What a table holds compared with two versions of it. */
export type TableVersion = "old" | "new" | "missing" | "other";

const asRead = (rows: readonly (readonly SheetCell[])[]) =>
  JSON.stringify(rows.map((r) => r.map((v) => (v === "" ? null : v))));

/**
 * Which version each table holds, read through a fresh ExcelWorkbook over the model (so what the
 * add-in would read): "old", "new", "missing", or "other" (a mix, or anything else).
 */
export async function tableVersions(
  model: ExcelModel,
  oldSpecs: readonly TableSpec[],
  newSpecs: readonly TableSpec[]
): Promise<Record<string, TableVersion>> {
  const port = new ExcelWorkbook({ run: model.run, supports: model.supports });
  const out: Record<string, TableVersion> = {};
  for (const [i, spec] of oldSpecs.entries()) {
    const read = await port.readTable(spec.table);
    if (!read) out[spec.table] = "missing";
    else if (asRead(read.rows) === asRead(spec.rows)) out[spec.table] = "old";
    else if (asRead(read.rows) === asRead(newSpecs[i]!.rows)) out[spec.table] = "new";
    else out[spec.table] = "other";
  }
  return out;
}

/** The outcome of one run with a failure injected at request `at` (1-based from the action's start). */
export interface FaultOutcome {
  readonly at: number;
  readonly statement: string;
  readonly versions: Record<string, TableVersion>;
  readonly rejected: boolean;
}

/**
 * Runs `action` once to count its requests, then once per request with a failure injected there,
 * each time on a fresh model from `setup`, and reports what the tables hold afterwards.
 */
export async function faultSweep(
  setup: () => Promise<ExcelModel>,
  action: (model: ExcelModel) => Promise<unknown>,
  versions: (model: ExcelModel) => Promise<Record<string, TableVersion>>
): Promise<{ requests: string[]; outcomes: FaultOutcome[] }> {
  const clean = await setup();
  const start = clean.requests.length;
  await action(clean);
  const requests = clean.requests.slice(start).map((r) => r.statement);
  const outcomes: FaultOutcome[] = [];
  for (let at = 1; at <= requests.length; at++) {
    const model = await setup();
    model.failAt(at);
    let rejected = false;
    try {
      await action(model);
    } catch {
      rejected = true;
    }
    outcomes.push({ at, statement: requests[at - 1]!, versions: await versions(model), rejected });
  }
  return { requests, outcomes };
}
