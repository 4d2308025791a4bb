import {
  LedgerStore,
  TABLES,
  bundledReference,
  bundledRows,
  functionSpec,
  loadBundledLedger,
  toCsv,
  toJson,
  type CommitmentRecord,
} from "../../src/domain";
import { LedgerSession } from "../../src/taskpane/session/ledgerSession";
import { TICAD_PLEDGE, bundledCopy, ticadAt600Million } from "../domain/helpers";
import { createTestSession } from "./testSession";

const setup = createTestSession;

const total = (store: LedgerStore, ...args: (string | number | null)[]) =>
  functionSpec("AIDTOTAL")!.evaluate(store.current(), args);

test("Load data writes the three tables, stores the identity, adds the pivot and recalculates", async () => {
  const { port, store, session } = setup();
  const before = store.current();
  const result = await session.load();
  expect(result).toEqual({ ok: true, pivot: { created: true } });
  expect([...port.tables.keys()]).toEqual([
    TABLES.commitments.table,
    TABLES.facts.table,
    TABLES.rates.table,
  ]);
  expect(port.tables.get(TABLES.commitments.table)!.rows).toHaveLength(bundledRows().length);
  expect(port.identity).toEqual(
    expect.objectContaining({
      source: "bundled",
      version: "1.2.3",
      records: bundledRows().length,
      loadedAt: "2026-11-22T00:00:00.000Z",
    })
  );
  expect(port.identity!.contentHash).toMatch(/^fnv1a64:/);
  expect(port.pivots.map((p) => p.sourceTable)).toEqual([TABLES.facts.table]);
  expect(port.recalculations).toBe(1);
  expect(store.current()).not.toBe(before);
  expect(session.snapshot.identity).toEqual(port.identity);
});

test("where the host has no PivotTables, the load still succeeds and says why", async () => {
  const { port, session } = setup();
  port.pivotSupported = false;
  expect(await session.load()).toEqual({
    ok: true,
    pivot: { created: false, reason: "PivotTables need ExcelApi 1.8" },
  });
});

test("a refresh from a file shows the change first, and the functions switch only after the write", async () => {
  const { port, store, session } = setup();
  await session.load();
  const prepared = await session.prepare({
    kind: "file",
    name: "edited.csv",
    text: toCsv(ticadAt600Million()),
  });
  expect(prepared.ok).toBe(true);
  if (!prepared.ok) return;
  expect(prepared.value.diff.changed).toEqual([
    {
      id: TICAD_PLEDGE,
      changes: expect.arrayContaining([
        expect.objectContaining({ field: "amount", from: "500000000", to: "600000000" }),
      ]),
    },
  ]);
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2420000000 }); // not applied yet
  const applied = await session.apply(prepared.value);
  expect(applied.ok).toBe(true);
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2520000000 });
  expect(port.identity!.source).toBe("file:edited.csv");
});

test("a malformed file lists every problem and changes nothing", async () => {
  const { port, store, session } = setup();
  await session.load();
  const tablesBefore = new Map(port.tables);
  const ledgerBefore = store.current();
  const rows = bundledCopy() as (CommitmentRecord | Record<string, unknown>)[];
  rows[3] = { ...rows[3], amount: "12.345" };
  rows[7] = { ...rows[7], region: "Atlantis" };
  const prepared = await session.prepare({
    kind: "file",
    name: "bad.json",
    text: toJson(rows as CommitmentRecord[]),
  });
  expect(prepared.ok).toBe(false);
  if (prepared.ok) return;
  expect(prepared.problems.map((p) => [p.row, p.field])).toEqual([
    [4, "amount"],
    [8, "region"],
  ]);
  expect(port.tables).toEqual(tablesBefore);
  expect(store.current()).toBe(ledgerBefore);
});

test("a write the workbook refuses leaves the previous tables and the functions' data as they were", async () => {
  const { port, store, session } = setup();
  await session.load();
  const ledgerBefore = store.current();
  const identityBefore = port.identity;
  const prepared = await session.prepare({ kind: "bundled" });
  if (!prepared.ok) throw new Error("bundled must be valid");
  port.failNextWrite = new Error("RequestPayloadSizeLimitExceeded");
  const result = await session.apply(prepared.value);
  expect(result).toEqual({
    ok: false,
    message: expect.stringMatching(/Nothing was changed.*RequestPayloadSizeLimitExceeded/),
  });
  expect(store.current()).toBe(ledgerBefore);
  expect(port.identity).toBe(identityBefore);
  expect(session.snapshot.busy).toBe(false);
});

test("a refresh from an address that cannot be fetched says why", async () => {
  const { session } = setup({ ok: false, reason: "only https addresses are allowed" });
  const prepared = await session.prepare({ kind: "url", url: "http://example.test/data.json" });
  expect(prepared).toEqual({
    ok: false,
    problems: [{ row: 0, field: "(address)", message: "only https addresses are allowed" }],
  });
});

test("a reopened workbook answers from its own tables, not from the bundled data", async () => {
  const first = setup();
  await first.session.start();
  await first.session.load();
  first.port.editCell(TABLES.commitments.table, 0, "notes", "edited in the workbook");
  await flush();
  // Reopen: a new session and store over the same workbook.
  const port = first.port;
  const store = new LedgerStore(loadBundledLedger);
  const session = new LedgerSession({
    port,
    store,
    reference: bundledReference(),
    bundledRows,
    version: "9.9.9",
    fetchText: async () => ({ ok: false, reason: "" }),
  });
  const recalculationsBefore = port.recalculations;
  await session.start();
  expect(store.current().records[0]!.record.notes).toBe("edited in the workbook");
  expect(port.recalculations).toBe(recalculationsBefore + 1);
  expect(session.snapshot.identity?.source).toBe("workbook");
});

test("valid edits are taken in and recalculated; invalid ones are listed by row and field and ignored", async () => {
  const { port, store, session } = setup();
  await session.start();
  await session.load();
  const col = port.tables.get(TABLES.commitments.table)!.header;
  const row = port.tables
    .get(TABLES.commitments.table)!
    .rows.findIndex((r) => r[col.indexOf("id")] === "ticad6-climate-disasters-2016");
  port.editCell(TABLES.commitments.table, row, "kind", "cumulative");
  await flush();
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 620000000 });
  expect(port.identity!.source).toBe("workbook");
  const good = store.current();
  port.editCell(TABLES.commitments.table, row, "amount", "lots");
  await flush();
  expect(store.current()).toBe(good);
  expect(session.snapshot.editProblems).toEqual([
    expect.objectContaining({
      line: row + 2,
      field: "amount",
      message: expect.stringMatching(/must be a plain decimal number/),
    }),
  ]);
});

test("a rate the user adds in the Rates table converts the document that states none", async () => {
  const { port, store, session } = setup();
  await session.start();
  await session.load();
  expect(total(store, "Viet Nam").ok).toBe(false);
  const rates = port.tables.get(TABLES.rates.table)!;
  port.tables.set(TABLES.rates.table, {
    header: rates.header,
    rows: [
      ...rates.rows,
      ["004_ee4f842758621c53.txt", null, "user", null, null, null, 100, null, "budget office"],
    ],
  });
  port.editCell(TABLES.rates.table, rates.rows.length, "Derivation", "budget office, 2026");
  await flush();
  expect(total(store, "Viet Nam")).toEqual({ ok: true, value: 8610000 });
  // The rate is kept when the data is loaded again.
  await session.load();
  expect(total(store, "Viet Nam")).toEqual({ ok: true, value: 8610000 });
});

test("explain reads cell references, and declines nested calculations", async () => {
  const { port, session } = setup();
  port.cells.set("B1", "Africa").set("B2", 2016);
  port.select({ sheet: "Sheet1", address: "C1", formula: "=AIDTOTAL(B1,B2)" });
  const e = await session.explainSelection();
  expect(e.explanation?.answer).toBe(2420000000);
  expect(e.explanation?.records).toHaveLength(3);
  port.select({ sheet: "Sheet1", address: "C2", formula: '=AIDTOTAL("Africa",YEAR(TODAY()))' });
  expect((await session.explainSelection()).note).toMatch(/YEAR\(TODAY\(\)\)/);
  port.select({ sheet: "Sheet1", address: "C3", formula: "=SUM(A1:A2)" });
  expect(await session.explainSelection()).toEqual({ explanation: null, note: null });
});

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
