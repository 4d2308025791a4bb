/*
 * The fault-injected datasets whose problems are kept in validationGolden.json (problems as
 * validation found them before it was made faster, src at commit 53f47d9).
 */
import { seededRandom } from "../../../src/tooling/synthetic";
import { faultedRows } from "./faults";

export const GOLDEN_SEEDS = [1, 2, 3, 4] as const;
export const GOLDEN_RECORDS = 300;

export function goldenRows(seed: number): unknown[] {
  const random = seededRandom(seed * 7919);
  return faultedRows(GOLDEN_RECORDS, seed, (below) => Math.floor(random() * below), 4);
}

/** Rows that CSV can carry to validation: cells that read as their field's type (else parsing stops first). */
export function csvReadableRows(rows: readonly unknown[]): unknown[] {
  const whole = (v: unknown) => v === null || v === undefined || Number.isInteger(v);
  return rows.filter(
    (r) =>
      typeof r === "object" &&
      r !== null &&
      !Array.isArray(r) &&
      ["fiscalYear", "periodFrom", "periodTo", "people", "quantity"].every((k) =>
        whole((r as Record<string, unknown>)[k])
      ) &&
      typeof (r as Record<string, unknown>).approximate === "boolean"
  );
}
