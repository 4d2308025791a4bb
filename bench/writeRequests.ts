/**
 * What writing the tables costs in Excel requests and bytes, through the shipped adapter against
 * the Excel model (which counts every request and its payload as Excel on the web would carry it):
 * a full load of N synthetic records into an empty workbook, then a refresh that changes one
 * record's notes. Rows follow their records, so the refresh writes about one row per table it
 * touches, not the table.
 */
import {
  type AidLedger,
  DEFAULT_CHUNK_BUDGET_BYTES,
  type DatasetIdentity,
  LedgerStore,
  bundledReference,
  createLedger,
  ledgerTables,
} from "../src/domain";
import type { CommitmentRecord } from "../src/domain";
import { ExcelWorkbook } from "../src/host/excel/excelWorkbook";
import { ExcelModel } from "../src/tooling/excelModel";
import { generateRecords } from "../src/tooling/synthetic";
import type { Benchmark } from "./benchmark";

const identity = (source: string, records: number): DatasetIdentity => ({
  source,
  version: "bench",
  contentHash: source,
  loadedAt: new Date(0).toISOString(),
  records,
});

function ledgerOf(rows: readonly CommitmentRecord[]): AidLedger {
  const checked = createLedger({ rows, reference: bundledReference() });
  if (!checked.ok)
    throw new Error(
      `the synthetic records did not validate: ${JSON.stringify(checked.problems[0])}`
    );
  return checked.value;
}

export interface WriteCost {
  readonly scenario: string;
  readonly requests: number;
  readonly syncs: number;
  readonly bytes: number;
  readonly rowsWritten: string;
}

export async function benchWriteRequests(records = 10_000): Promise<WriteCost[]> {
  const rows = generateRecords(records, { seed: 1 });
  const first = ledgerOf(rows);
  // One record's notes change (a figure would need its evidence phrase changed with it): one
  // Commitments row to write; Facts and Rates hold nothing that changes.
  const at = Math.floor(records / 2);
  const edited = rows.map((r, i) =>
    i === at ? { ...r, notes: "Restated in the second report" } : r
  );
  const second = ledgerOf(edited);
  const model = new ExcelModel({ ledger: new LedgerStore(() => first) });
  const port = new ExcelWorkbook({ run: model.run, supports: model.supports });
  const costs: WriteCost[] = [];
  const measure = async (scenario: string, ledger: AidLedger) => {
    model.resetLog();
    const syncs = new Set<number>();
    const report = await port.writeTables(
      ledgerTables(ledger),
      identity(scenario, ledger.records.length)
    );
    const requests = model.requests;
    for (const r of requests) syncs.add(r.sync);
    costs.push({
      scenario,
      requests: requests.length,
      syncs: syncs.size,
      bytes: requests.reduce((n, r) => n + r.payload, 0),
      rowsWritten:
        report.rowsWritten && report.rowsWritten.length > 0
          ? report.rowsWritten.map((w) => `${w.table} ${w.written}+${w.deleted}`).join(", ")
          : report.created.map((c) => `${c.table} ${c.rows}`).join(", "),
    });
  };
  await measure(`full load, ${records} records`, first);
  await measure(`one-record refresh, ${records} records`, second);
  return costs;
}

/** Requests and bytes of a full load and a one-record refresh at 10,000 records (`--only writes`). */
export const writeRequests: Benchmark = {
  name: "writes",
  about: "requests and bytes sent for a full load and a one-record refresh at 10,000 records",
  async run({ say }) {
    const costs = await benchWriteRequests();
    say(
      `Table writes through the adapter and the Excel model (chunk budget ${DEFAULT_CHUNK_BUDGET_BYTES} bytes; rows written = changed or appended + deleted, per table):`
    );
    say("| scenario | requests | syncs | bytes sent | rows written |");
    say("|---|---:|---:|---:|---|");
    for (const c of costs)
      say(`| ${c.scenario} | ${c.requests} | ${c.syncs} | ${c.bytes} | ${c.rowsWritten} |`);
    return { writes: costs };
  },
};
