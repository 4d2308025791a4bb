import { messageOf } from "../../domain/messages/catalog";
import {
  type AidLedger,
  type ChartResult,
  type PivotResult,
  type SheetCell,
  type SheetFeaturesPort,
  type WorkbookReader,
  SUMMARY_PIVOT,
  TABLES,
  ledgerTables,
  summaryChart,
} from "../../domain";

/* The derived tables and the Summary, as the session checks and refreshes them. */

/** Whether Facts and the derived rows of Rates hold what the ledger makes, in any order. */
export async function derivedAgree(port: WorkbookReader, ledger: AidLedger): Promise<boolean> {
  const derived = ledgerTables(ledger).filter((t) => t.table !== TABLES.commitments.table);
  for (const spec of derived) {
    const data = await port.readTable(spec.table);
    if (!data) return false;
    const at = spec.columns.map((c) => data.header.indexOf(c.name));
    if (at.some((i) => i < 0)) return false;
    const entry = spec.columns.findIndex((c) => c.name === "Entry");
    const rows = (cells: readonly (readonly SheetCell[])[]) =>
      cells
        .filter((r) => entry < 0 || r[entry] !== "user")
        .map((r) => JSON.stringify(r.map((v) => v ?? "")))
        .sort();
    const held = rows(data.rows.map((r) => at.map((i) => r[i] ?? null)));
    if (JSON.stringify(held) !== JSON.stringify(rows(spec.rows))) return false;
  }
  return true;
}

/** Refreshes the Summary PivotTable and rewrites its chart block; says why not, never throws. */
export async function refreshSummary(
  port: Pick<SheetFeaturesPort, "ensurePivotTable" | "ensureChart">,
  ledger: AidLedger
): Promise<{ pivot: PivotResult; chart: ChartResult }> {
  const pivot = await port
    .ensurePivotTable(SUMMARY_PIVOT)
    .catch((e: unknown) => ({ created: false as const, reason: messageOf(e) }));
  const chart = await port
    .ensureChart(summaryChart(ledger, SUMMARY_PIVOT))
    .catch((e: unknown) => ({ created: false as const, reason: messageOf(e) }));
  return { pivot, chart };
}
