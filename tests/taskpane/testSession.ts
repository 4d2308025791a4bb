import { LedgerStore, bundledReference, bundledRows, loadBundledLedger } from "../../src/domain";
import type { Fetched } from "../../src/taskpane/session/fetchDataset";
import { LedgerSession } from "../../src/taskpane/session/ledgerSession";
import { FakeWorkbook } from "./fakeWorkbook";

/**
 * A real session over an in-memory workbook and a store of the bundled data, as the pane gets it in
 * Excel: for the session's tests and the pane's. `fetched` is what any web address answers.
 */
export function createTestSession(
  fetched: Fetched = { ok: false, reason: "offline" },
  now = new Date("2026-11-22T00:00:00Z")
) {
  const port = new FakeWorkbook();
  const store = new LedgerStore(loadBundledLedger);
  const session = new LedgerSession({
    port,
    store,
    reference: bundledReference(),
    bundledRows,
    version: "1.2.3",
    settleMs: 0,
    fetchText: () => Promise.resolve(fetched),
    now: () => now,
  });
  return { port, store, session };
}
