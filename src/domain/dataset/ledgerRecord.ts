import { type Amount, parseAmount } from "../money/money";
import type { CommitmentRecord } from "./schema";

/**
 * A validated record with what every query needs computed once at load: the year it counts in,
 * its amounts in exact minor units, and whether its figures count in totals (a figure stated as
 * part of another record's figure never counts twice).
 */
export interface LedgerRecord {
  readonly record: CommitmentRecord;
  /** The fiscal year when the text states FY, else the year announced, else null. */
  readonly countingYear: number | null;
  readonly amount: Amount | null;
  readonly equivalent: Amount | null;
  /** False when an ancestor through partOf states an amount: that amount already includes this one. */
  readonly countsMoney: boolean;
  /** False when an ancestor through partOf states people: they already include these. */
  readonly countsPeople: boolean;
}

export function countingYearOf(record: CommitmentRecord): number | null {
  if (record.fiscalYear !== null) return record.fiscalYear;
  return record.announced !== null ? Number(record.announced.slice(0, 4)) : null;
}

/** How the record's date reads in a list: "2016-08", "FY2016" or "" when none is stated. */
export function dateLabelOf(record: CommitmentRecord): string {
  if (record.fiscalYear !== null) return `FY${record.fiscalYear}`;
  return record.announced ?? "";
}

function amountOf(value: string | null, currency: CommitmentRecord["currency"]): Amount | null {
  if (value === null || currency === null) return null;
  const parsed = parseAmount(value, currency);
  if ("error" in parsed) throw new Error(`unvalidated amount reached the ledger: ${parsed.error}`);
  return parsed;
}

/** Normalizes validated records (ids unique, partOf acyclic: see validateRecords). */
export function toLedgerRecords(records: readonly CommitmentRecord[]): LedgerRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const ancestorStates = (r: CommitmentRecord, has: (a: CommitmentRecord) => boolean): boolean => {
    for (let id = r.partOf; id !== null;) {
      const parent = byId.get(id);
      if (!parent || parent === r) return false;
      if (has(parent)) return true;
      id = parent.partOf;
    }
    return false;
  };
  return records.map((record) => ({
    record,
    countingYear: countingYearOf(record),
    amount: amountOf(record.amount, record.currency),
    equivalent: amountOf(record.equivalentAmount, record.equivalentCurrency),
    countsMoney: !ancestorStates(record, (a) => a.amount !== null),
    countsPeople: !ancestorStates(record, (a) => a.people !== null),
  }));
}
