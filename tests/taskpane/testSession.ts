import { LedgerStore, bundledReference, bundledRows, loadBundledLedger } from "../../src/domain";
import type { Fetched } from "../../src/taskpane/session/fetchDataset";
import { LedgerSession, type SessionDeps } from "../../src/taskpane/session/ledgerSession";
import { FakeWorkbook } from "./fakeWorkbook";

/**
 * A session over `port` as the tests use it: a fresh store of the bundled data, the bundled
 * reference and rows, version 1.2.3, no settling and no retry delay, and every web address
 * offline; `deps` overrides any of these.
 */
export function newSession(port: SessionDeps["port"], deps: Partial<SessionDeps> = {}) {
  return new LedgerSession({
    port,
    store: new LedgerStore(loadBundledLedger),
    reference: bundledReference(),
    bundledRows,
    version: "1.2.3",
    settleMs: 0,
    retryMs: 0,
    fetchText: () => Promise.resolve({ ok: false, reason: "offline" }),
    ...deps,
  });
}

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
  const session = newSession(port, {
    store,
    fetchText: () => Promise.resolve(fetched),
    now: () => now,
  });
  return { port, store, session };
}
