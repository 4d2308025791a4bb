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
  const parents = parentIndexes(records);
  const statesMoney = ancestorStates(parents, (i) => records[i]!.amount !== null);
  const statesPeople = ancestorStates(parents, (i) => records[i]!.people !== null);
  return records.map((record, i) => ({
    record,
    countingYear: countingYearOf(record),
    amount: amountOf(record.amount, record.currency),
    equivalent: amountOf(record.equivalentAmount, record.equivalentCurrency),
    countsMoney: statesMoney[i] !== STATES,
    countsPeople: statesPeople[i] !== STATES,
  }));
}

/** Each record's parent through partOf, by index; -1 for none (or a partOf no record has). */
function parentIndexes(records: readonly CommitmentRecord[]): Int32Array {
  const indexOf = new Map<string, number>();
  records.forEach((r, i) => indexOf.set(r.id, i));
  const parents = new Int32Array(records.length);
  records.forEach((r, i) => {
    parents[i] = r.partOf === null ? -1 : (indexOf.get(r.partOf) ?? -1);
  });
  return parents;
}

const UNKNOWN = 0;
const STATES_NOT = 1;
const STATES = 2;

/**
 * For each record (by index), whether some ancestor through partOf has `has`: STATES or
 * STATES_NOT. Each chain is walked once in all, not once per record on it (which made a long
 * chain quadratic); by index into typed arrays, since maps keyed by record cost most of the load.
 */
function ancestorStates(parents: Int32Array, has: (i: number) => boolean): Uint8Array {
  const memo = new Uint8Array(parents.length);
  const path: number[] = [];
  for (let r = 0; r < parents.length; r++) {
    if (memo[r] !== UNKNOWN) continue;
    // Walk up to a record whose answer is known (or the top, whose answer is no)...
    path.length = 0;
    let known = r;
    let answer = UNKNOWN;
    while (answer === UNKNOWN) {
      const parent = parents[known]!;
      // The top of a chain; a cycle (validation refuses them) stops here too.
      if (parent < 0 || parent === known || path.length > parents.length) answer = STATES_NOT;
      else {
        path.push(known);
        known = parent;
        answer = memo[known]!;
      }
    }
    memo[known] = answer;
    // ...then down again: a child's ancestors state it when its parent does or the parent's do.
    for (let i = path.length - 1; i >= 0; i--) {
      answer = has(known) || answer === STATES ? STATES : STATES_NOT;
      known = path[i]!;
      memo[known] = answer;
    }
  }
  return memo;
}
