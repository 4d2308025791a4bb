import {
  type CommitmentRecord,
  LedgerStore,
  TABLES,
  bundledReference,
  bundledRows,
  loadBundledLedger,
  toCsv,
} from "../../src/domain";
import { factsTable, ratesTable } from "../../src/domain/workbook/tables";
import { ExcelWorkbook } from "../../src/host/excel/excelWorkbook";
import { LedgerSession } from "../../src/taskpane/session/ledgerSession";
import { ExcelModel } from "../../src/tooling/excelModel";
import { CaseCounter, runsFor } from "./fuzzRuns";
import { FAULT_COVERAGE, workbookProperties } from "./workbookProperties";

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
      "a third failure, after the second",
      "open an older workbook",
      "an edit: reading it",
      "an edit: rebuilding Facts, Rates and Summary",
      "refresh",
      "save and reopen",
    ].sort()
  );
}, 600_000);

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

  /*
   * Session 250 of seed 13 (before the generator grew): a refresh whose write and rollback both
   * failed, then Re-read workbook, left Facts and Rates apart from the ledger with nothing said.
   * Here the commit stops in Facts, after Commitments took the new data, and the rollback and its
   * retry fail at their first request.
   */
  test("after a write whose rollback fails twice, the next read rewrites Facts and Rates from the ledger", async () => {
    const { store, model, session, settle } = await loaded();
    let rollbacksFailing = 2;
    const execute = model.execute.bind(model);
    model.execute = async (requests) => {
      try {
        await execute(requests);
      } catch (e) {
        if (rollbacksFailing-- > 0) model.failAt(1);
        throw e;
      }
    };
    let inCommit = false;
    model.failAt((r) => {
      inCommit ||= r.statement.startsWith(`TableCollection.getItem ${TABLES.commitments.table}`);
      return inCommit && r.statement.includes("Facts");
    });
    const records = (bundledRows() as CommitmentRecord[]).map((r, i) =>
      i === 0 ? { ...r, notes: "restated" } : r
    );
    const prepared = await session.prepare({ kind: "file", name: "r.csv", text: toCsv(records) });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const applied = await session.apply(prepared.value);
    expect(applied).toMatchObject({ ok: false, state: "partial" });
    expect("message" in applied && applied.message).toMatch(
      /may hold the new rows and others the old/
    );
    await session.reread();
    await settle();
    const derived = (values: readonly (readonly unknown[])[]) =>
      values.map((r) => JSON.stringify(r.map((v) => v ?? ""))).sort();
    for (const [spec, table] of [
      [factsTable(store.current()), TABLES.facts.table],
      [ratesTable(store.current()), TABLES.rates.table],
    ] as const) {
      const t = model.read.table(table)!;
      const [sheet, address] = t.address.split("!") as [string, string];
      const [, ...rows] = model.read.values(sheet.replace(/^'|'$/g, ""), address);
      expect(derived(rows)).toEqual(derived(spec.rows));
    }
    expect(store.current().records[0]!.record.notes).toBe("restated");
  });

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
