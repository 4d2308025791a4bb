import {
  LedgerStore,
  TABLES,
  bundledReference,
  bundledRows,
  loadBundledLedger,
} from "../../src/domain";
import { ExcelWorkbook } from "../../src/host/excel/excelWorkbook";
import { LedgerSession } from "../../src/taskpane/session/ledgerSession";
import { ExcelModel } from "../../src/tooling/excelModel";
import { CaseCounter, runsFor } from "./fuzzRuns";
import * as fc from "fast-check";
import {
  FAULT_COVERAGE,
  runScript,
  workbookProperties,
  workbookScripts,
} from "./workbookProperties";

test("generated sessions with the workbook, a failure injected in each step: after every step the invariants hold", async () => {
  const counter = new CaseCounter();
  await workbookProperties(runsFor("workbook"), counter);
  expect(counter.total).toBeGreaterThanOrEqual(runsFor("workbook"));
  // The failures reached every kind of write: loads, refreshes, reopening, an edit's read and the
  // rebuild of Facts, Rates and Summary after it, and a second failure after a first.
  expect([...FAULT_COVERAGE.keys()].sort()).toEqual(
    [
      "Load data (confirmed)",
      "Re-read workbook",
      "a second failure, after the first",
      "an edit: reading it",
      "an edit: rebuilding Facts, Rates and Summary",
      "refresh",
      "save and reopen",
    ].sort()
  );
}, 600_000);

/*
 * The 250th session of seed 13, replayed: a refresh whose write fails and whose rollback fails
 * too, then Re-read workbook and a sort. Before its fix Facts and Rates stayed apart from the
 * ledger with nothing saying so (the read after a partial write found nothing new in Commitments,
 * so nothing rewrote them). Replays the generated case itself (path "249"), unshrunk.
 */
test("session 250 of seed 13: after a write and its rollback both fail, the next read rewrites Facts and Rates", async () => {
  await fc.assert(fc.asyncProperty(workbookScripts, runScript), {
    seed: 13,
    path: "249",
    numRuns: 1,
  });
}, 120_000);

/* Counterexamples the property found, kept as examples (each failed before its fix). */
describe("found by the property", () => {
  async function loaded() {
    const store = new LedgerStore(loadBundledLedger);
    const model = new ExcelModel({ ledger: store, sheets: ["Sheet1"] });
    const session = new LedgerSession({
      port: new ExcelWorkbook({ run: model.run, supports: model.supports }),
      store,
      reference: bundledReference(),
      bundledRows,
      version: "1.2.3",
      settleMs: 0,
      retryMs: 0,
      fetchText: () => Promise.resolve({ ok: false, reason: "offline" }),
    });
    await session.start();
    await session.load();
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await model.idle();
        await session.idle();
      }
    };
    return { store, model, session, settle };
  }

  test("deleting the last row of Commitments is taken in (the deleted row lies below the table)", async () => {
    const { store, model, settle } = await loaded();
    const before = store.current().records.length;
    model.user.deleteTableRows(TABLES.commitments.table, before - 1);
    await settle();
    expect(store.current().records).toHaveLength(before - 1);
  });

  test("an edit whose table lookup fails is taken in all the same", async () => {
    const { store, model, settle } = await loaded();
    const before = store.current().records.length;
    model.failAt(1);
    model.user.deleteTableRows(TABLES.commitments.table, 0);
    await settle();
    expect(store.current().records).toHaveLength(before - 1);
  });

  test("a failed rewrite of Facts, then a failed load: the warning that Facts lag stays", async () => {
    const { model, session, settle } = await loaded();
    model.failAt((r) => r.statement.includes("Facts"));
    model.user.deleteTableRows(TABLES.commitments.table, 0);
    await settle();
    expect(session.snapshot.notice?.message).toMatch(/could not be brought up to date/);
    model.failAt(16);
    await session.load().catch(() => null);
    await settle();
    expect(session.snapshot.notice?.message).toMatch(/could not be brought up to date/);
  });
});
