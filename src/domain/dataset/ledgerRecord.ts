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

/** Normalizes validated records (ids unique, partOf acyclic: see validateRecords). Linear. */
export function toLedgerRecords(records: readonly CommitmentRecord[]): LedgerRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const statesMoney = ancestorStates(byId, (a) => a.amount !== null);
  const statesPeople = ancestorStates(byId, (a) => a.people !== null);
  return records.map((record) => ({
    record,
    countingYear: countingYearOf(record),
    amount: amountOf(record.amount, record.currency),
    equivalent: amountOf(record.equivalentAmount, record.equivalentCurrency),
    countsMoney: !statesMoney(record),
    countsPeople: !statesPeople(record),
  }));
}

/**
 * Whether some ancestor of a record (through partOf) has `has`, remembered per record so a chain
 * is walked once in all, not once per record on it (which made a long chain quadratic).
 */
function ancestorStates(
  byId: ReadonlyMap<string, CommitmentRecord>,
  has: (a: CommitmentRecord) => boolean
): (r: CommitmentRecord) => boolean {
  const memo = new Map<CommitmentRecord, boolean>();
  const parentOf = (c: CommitmentRecord) => (c.partOf === null ? undefined : byId.get(c.partOf));
  return (r) => {
    // Walk up to a record whose answer is known (or the top, whose answer is false)...
    const path: CommitmentRecord[] = [];
    let known = r;
    let answer = memo.get(r);
    while (answer === undefined) {
      const parent = parentOf(known);
      // The top of a chain; a cycle (validation refuses them) stops here too.
      if (parent === undefined || parent === known || path.length > byId.size) answer = false;
      else {
        path.push(known);
        known = parent;
        answer = memo.get(known);
      }
    }
    memo.set(known, answer);
    // ...then down again: a child's ancestors state it when its parent does or the parent's do.
    for (let i = path.length - 1; i >= 0; i--) {
      answer = has(known) || answer;
      known = path[i]!;
      memo.set(known, answer);
    }
    return answer;
  };
}
