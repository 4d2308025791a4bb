import { TABLES } from "../../src/domain";
import { createPaneActions } from "../../src/taskpane/paneActionsOverSession";
import { createTestSession } from "./testSession";

function setup() {
  const { port, store, session } = createTestSession();
  return { port, store, session, actions: createPaneActions(session, store) };
}

test("insert writes into an empty cell, and asks first for a cell that holds something", async () => {
  const { port, actions } = setup();
  port.selection = { sheet: "Sheet1", address: "C4", formula: null };
  expect(await actions.insertFormula('=AIDCOUNT("*")', { overwrite: false })).toEqual({
    inserted: true,
    address: "C4",
  });
  port.selection = { sheet: "Sheet1", address: "C5", formula: null };
  port.sheetCells.set("C5", "=SUM(A1:A2)");
  expect(await actions.insertFormula('=AIDCOUNT("*")', { overwrite: false })).toEqual({
    inserted: false,
    occupiedBy: "=SUM(A1:A2)",
    address: "C5",
  });
  expect(await actions.insertFormula('=AIDCOUNT("*")', { overwrite: true })).toMatchObject({
    inserted: true,
  });
  expect(port.inserted).toEqual(['=AIDCOUNT("*")', '=AIDCOUNT("*")']);
});

test("explain reads the referenced cells, explains a spill cell by its anchor, and passes the status to AIDVERSION", async () => {
  const { port, store, actions } = setup();
  port.cells.set("A9", 2016);
  port.selection = { sheet: "Sheet1", address: "B9", formula: '=AIDTOTAL("Africa",A9)' };
  const result = await actions.explainSelection();
  expect(result.kind === "explained" && result.explanation.summary).toBe(
    '=AIDTOTAL("Africa",A9) answers 2,420,000,000, from 3 records.'
  );
  port.selection = {
    sheet: "Sheet1",
    address: "C7",
    formula: '=AIDLIST("Viet Nam")',
    anchor: "B5",
  };
  const spill = await actions.explainSelection();
  expect(spill.kind).toBe("explained");
  port.selection = { sheet: "Sheet1", address: "B10", formula: "=AIDVERSION()" };
  const version = await actions.explainSelection();
  expect(version.kind === "explained" && version.explanation.answer).toBe(store.status());
  port.selection = { sheet: "Sheet1", address: "B11", formula: null };
  expect(await actions.explainSelection()).toEqual({ kind: "none", address: "B11" });
});

test("Show in Commitments selects the record's row, and says when there is none", async () => {
  const { port, session, actions } = setup();
  await session.load();
  const id = port.tables.get(TABLES.commitments.table)!.rows[2]![0] as string;
  await actions.showRecord(id);
  expect(port.selectedRow).toEqual({ table: TABLES.commitments.table, value: id });
  await expect(actions.showRecord("no-such-record")).rejects.toThrow(/no record no-such-record/);
});

test("the sheet's AID formulas come with the values their references hold", async () => {
  const { port, actions } = setup();
  port.sheetCells.set("A1", "Africa").set("B1", "=AIDTOTAL(A1,2016)").set("C1", "=SUM(1,2)");
  port.cells.set("A1", "Africa");
  const formulas = await actions.sheetFormulas();
  expect(formulas.map((f) => [f.address, f.formula])).toEqual([["B1", "=AIDTOTAL(A1,2016)"]]);
  expect(formulas[0]!.values?.get("A1")).toBe("Africa");
});

test("a briefing copy replaces AID formulas by values, keeps other formulas, and adds a Sources sheet", async () => {
  const { port, actions } = setup();
  port.selection = { sheet: "Budget", address: "A1", formula: null };
  port.sheetCells.set("A1", "Africa 2016").set("B1", '=AIDTOTAL("Africa",2016)').set("C1", "=B1/2");
  port.cells.set("B1", 2420000000).set("C1", 1210000000);
  const result = await actions.makeBriefingCopy();
  expect(result).toEqual({
    made: true,
    sheet: "Budget (briefing)",
    sourcesSheet: "Budget (briefing) sources",
    formulas: 1,
  });
  expect(port.sheets.get("Budget (briefing)")).toEqual([
    ["Africa 2016", 2420000000, { formula: "=B1/2" }],
  ]);
  const sources = port.sheets.get("Budget (briefing) sources")!;
  expect(
    sources
      .flat()
      .map((cell) => (typeof cell === "object" && cell ? cell.formula : String(cell)))
      .join(" ")
  ).toMatch(/B1.*AIDTOTAL\("Africa",2016\)/);
  // The original is unchanged.
  expect(port.sheetCells.get("B1")).toBe('=AIDTOTAL("Africa",2016)');
  port.sheetCells.clear();
  port.sheetCells.set("A1", "no formulas here");
  expect(await actions.makeBriefingCopy()).toEqual({
    made: false,
    reason: "Budget holds no AID formula.",
  });
});
