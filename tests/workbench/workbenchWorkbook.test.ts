import {
  type DatasetIdentity,
  LedgerStore,
  TABLES,
  type TableSpec,
  bundledReference,
  bundledRows,
  contentHash,
  loadBundledLedger,
} from "../../src/domain";
import { LedgerSession } from "../../src/taskpane/session/ledgerSession";
import {
  createAidEngine,
  refreshAidEngine,
} from "../../src/tooling/hyperformula/aidFunctionPlugin";
import { Spreadsheet } from "../../src/workbench/spreadsheet";
import { NO_PIVOT_TABLES, WorkbenchWorkbook } from "../../src/workbench/workbenchWorkbook";

/*
 * The workbench's WorkbookPort in Node, without a browser (this file runs with `npm test`): the
 * promises the Excel adapter keeps, kept over HyperFormula.
 */

const IDENTITY: DatasetIdentity = {
  source: "bundled",
  version: "test",
  contentHash: "fnv1a64:0",
  loadedAt: "2026-11-22T00:00:00.000Z",
  records: 1,
};

function setup() {
  const store = new LedgerStore(loadBundledLedger);
  const engine = createAidEngine(() => store.current(), { Sheet1: [] });
  const spreadsheet = new Spreadsheet(engine);
  const recalculate = () => refreshAidEngine(engine);
  store.subscribe(recalculate);
  const port = new WorkbenchWorkbook({ spreadsheet, recalculate, yieldToPage: async () => {} });
  const session = new LedgerSession({
    port,
    store,
    reference: bundledReference(),
    bundledRows,
    version: "test",
    fetchText: async () => ({ ok: false, reason: "offline" }),
  });
  return { store, engine, spreadsheet, port, session };
}

const table = (sheet: string, rows: (string | number | boolean | null)[][]): TableSpec => ({
  sheet,
  table: `T_${sheet}`,
  columns: [
    { name: "Name", format: "text" },
    { name: "Value", format: "integer" },
  ],
  rows,
});

test("tables land as data: text that looks like a formula, a number, a date or a boolean stays text", async () => {
  const { port, spreadsheet } = setup();
  const tricky = ["=1+1", "+2", "-3", "@SUM(1)", "'quoted", "2016-05", "15210", "TRUE", "#N/A"];
  await port.writeTables(
    [
      table(
        "Data",
        tricky.map((t, i) => [t, i])
      ),
    ],
    IDENTITY
  );
  const read = await port.readTable("T_Data");
  expect(read).toEqual({ header: ["Name", "Value"], rows: tricky.map((t, i) => [t, i]) });
  for (const [i] of tricky.entries())
    expect(spreadsheet.formula({ sheet: "Data", row: i + 1, col: 0 })).toBeNull();
  expect(await port.readIdentity()).toEqual(IDENTITY);
});

test("Load data through the session reads back as the same records", async () => {
  const { session, port, store } = setup();
  const result = await session.load();
  expect(result).toEqual({ ok: true, pivot: { created: false, reason: NO_PIVOT_TABLES } });
  const again = await session.readWorkbookLedger();
  if (!again.ok) throw new Error(JSON.stringify(again.problems));
  expect(contentHash(again.value.records.map((r) => r.record))).toBe(
    contentHash(store.current().records.map((r) => r.record))
  );
  expect((await port.readCells(["Summary!A1"]))[0]).toBe(NO_PIVOT_TABLES);
});

test("a table that cannot be written changes nothing: not the sheets, not the identity", async () => {
  const { port, engine } = setup();
  await port.writeTables([table("Data", [["a", 1]])], IDENTITY);
  const before = engine.getAllSheetsSerialized();
  const bad = table("Other", [["b", 2, 3]]);
  await expect(
    port.writeTables([table("Data", [["c", 4]]), bad], { ...IDENTITY, version: "new" })
  ).rejects.toThrow("row 1 has 3 cells for 2 columns");
  expect(engine.getAllSheetsSerialized()).toEqual(before);
  expect((await port.readIdentity())?.version).toBe("test");
});

test("a write that fails inside the engine puts every sheet back and removes the sheets it added", async () => {
  const { port, engine } = setup();
  await port.writeTables([table("Data", [["a", 1]])], IDENTITY);
  const before = engine.getAllSheetsSerialized();
  const setSheetContent = engine.setSheetContent.bind(engine);
  let calls = 0;
  const spy = jest.spyOn(engine, "setSheetContent").mockImplementation((id, values) => {
    if (++calls === 3) throw new Error("engine refused");
    return setSheetContent(id, values);
  });
  await expect(
    port.writeTables(
      [table("Data", [["c", 4]]), table("Added", [["d", 5]]), table("Third", [["e", 6]])],
      IDENTITY
    )
  ).rejects.toThrow("engine refused");
  spy.mockRestore();
  expect(engine.getAllSheetsSerialized()).toEqual(before);
  expect(engine.getSheetNames()).toEqual(["Sheet1", "Data"]);
});

test("table watchers hear the user's edits of their table's sheet only, not the pane's own writes", async () => {
  const { port, spreadsheet } = setup();
  const heard: string[] = [];
  await port.watchTables(["T_Data"], (t) => heard.push(t));
  await port.writeTables([table("Data", [["a", 1]]), table("Other", [["b", 2]])], IDENTITY);
  expect(heard).toEqual([]);
  spreadsheet.typeInto({ sheet: "Other", row: 1, col: 1 }, "7");
  spreadsheet.typeInto({ sheet: "Sheet1", row: 0, col: 0 }, "7");
  expect(heard).toEqual([]);
  spreadsheet.typeInto({ sheet: "Data", row: 1, col: 1 }, "7");
  expect(heard).toEqual(["T_Data"]);
  expect((await port.readTable("T_Data"))?.rows).toEqual([["a", 7]]);
});

test("an edit of the Commitments table reaches the AID functions through the session", async () => {
  const { session, spreadsheet, port } = setup();
  await session.start();
  await session.load();
  spreadsheet.typeInto({ sheet: "Sheet1", row: 0, col: 0 }, '=AIDTOTAL("Africa",2016)');
  expect(spreadsheet.value({ sheet: "Sheet1", row: 0, col: 0 })).toBe(2420000000);
  const data = (await port.readTable(TABLES.commitments.table))!;
  const row = data.rows.findIndex((r) => r[0] === "ticad6-peace-stability-2016") + 1;
  const edits: [string, string][] = [
    ["equivalentAmount", ""],
    ["equivalentCurrency", ""],
    ["evidence", "approximately $600 million"],
    ["amount", "600000000"],
  ];
  for (const [field, typed] of edits)
    spreadsheet.typeInto(
      { sheet: TABLES.commitments.sheet, row, col: data.header.indexOf(field) },
      typed
    );
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(session.snapshot.editProblems).toEqual([]);
  expect(spreadsheet.value({ sheet: "Sheet1", row: 0, col: 0 })).toBe(2520000000);
});

test("selection, readCells and insertFormula follow the grid's selected cell", async () => {
  const { port, spreadsheet } = setup();
  const moves: number[] = [];
  await port.watchSelection(() => moves.push(moves.length));
  spreadsheet.typeInto({ sheet: "Sheet1", row: 1, col: 1 }, "Africa");
  spreadsheet.select("Sheet1", 0, 2);
  expect(moves).toHaveLength(1);
  await port.insertFormula("=AIDTOTAL(B2,2016)");
  expect(await port.getSelection()).toEqual({
    sheet: "Sheet1",
    address: "C1",
    formula: "=AIDTOTAL(B2,2016)",
  });
  expect(
    await port.readCells(["B2", "Sheet1!$C$1", "'Sheet1'!B2:C3", "Nowhere!A1", "not an address"])
  ).toEqual(["Africa", 2420000000, "Africa", null, null]);
});
