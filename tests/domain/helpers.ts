import {
  bundledReference,
  bundledRows,
  createLedger,
  type AidLedger,
  type CellInput,
  type CommitmentRecord,
} from "../../src/domain";
import { AIDCOUNT, AIDLIST, AIDPEOPLE, AIDTOTAL } from "../../src/domain/functions/aidFunctions";

/** A deep copy of the bundled rows, to edit in a test without touching the shared data. */
export function bundledCopy(): CommitmentRecord[] {
  return JSON.parse(JSON.stringify(bundledRows())) as CommitmentRecord[];
}

/** Builds a ledger from rows and fails the test with the problems if they are invalid. */
export function ledgerOf(
  rows: readonly unknown[],
  userRates: { document: string; jpyPerUsd: string }[] = []
): AidLedger {
  const built = createLedger({ rows, reference: bundledReference(), userRates });
  if (!built.ok) throw new Error(JSON.stringify(built.problems, null, 2));
  return built.value;
}

/** A minimal valid record, overridable field by field. Its evidence states its figures unless given. */
export function record(overrides: Partial<CommitmentRecord> = {}): CommitmentRecord {
  const r: CommitmentRecord = {
    id: "test-record",
    sourceFile: "test-report.txt",
    sourceTitle: "Test report",
    sourceSection: "Section",
    evidence: "a phrase",
    donor: "Japan",
    announced: "2016-05",
    fiscalYear: null,
    periodFrom: null,
    periodTo: null,
    kind: "grant",
    amount: "1000",
    currency: "USD",
    approximate: false,
    equivalentAmount: null,
    equivalentCurrency: null,
    recipient: "Kenya",
    recipientType: "country",
    region: "Africa",
    subregion: "East Africa",
    country: "KE",
    channel: "bilateral",
    theme: "counter-terrorism",
    crsPurpose: null,
    people: null,
    quantity: null,
    unit: null,
    partOf: null,
    notes: null,
    ...overrides,
  };
  if (overrides.evidence === undefined) {
    r.evidence = `a test phrase stating ${[r.amount, r.equivalentAmount, r.people, r.quantity].filter((v) => v !== null).join(" and ")}`;
  }
  return r;
}

/** The record whose amount the refresh tests change. */
export const TICAD_PLEDGE = "ticad6-peace-stability-2016";

/**
 * The bundled dataset with the TICAD VI pledge restated from $500 million to $600 million: the
 * amount, an evidence phrase that states it, and no yen equivalent (the report's ¥52 billion no
 * longer applies), so the changed figure is still traceable and the file validates.
 */
export function ticadAt600Million(): CommitmentRecord[] {
  const rows = bundledCopy();
  const ticad = rows.find((r) => r.id === TICAD_PLEDGE)!;
  if (ticad.amount !== "500000000")
    throw new Error(`the bundled TICAD amount is ${ticad.amount}, not 500000000`);
  Object.assign(ticad, {
    amount: "600000000",
    evidence: "approximately $600 million",
    equivalentAmount: null,
    equivalentCurrency: null,
  });
  return rows;
}

/** The AID functions as a cell calls them: what Excel passed, bound by each entry's parameters. */
export const aidTotal = (l: AidLedger, ...args: CellInput[]) => AIDTOTAL.evaluate(l, args);
export const aidCount = (l: AidLedger, ...args: CellInput[]) => AIDCOUNT.evaluate(l, args);
export const aidPeople = (l: AidLedger, ...args: CellInput[]) => AIDPEOPLE.evaluate(l, args);
/** AIDLIST's answer is always a table (its entry's answer type says so). */
export const aidList = (l: AidLedger, ...args: CellInput[]) => AIDLIST.evaluate(l, args);
