import { LedgerStore, loadBundledLedger } from "../../src/domain";
import { createPortPaneActions } from "../../src/taskpane/portPaneActions";
import { FakeWorkbook } from "./fakeWorkbook";

function setup() {
  const port = new FakeWorkbook();
  const store = new LedgerStore(loadBundledLedger);
  return { port, store, actions: createPortPaneActions(port, store) };
}

test("insert writes into an empty cell, and asks first for a cell that holds a formula or a value", async () => {
  const { port, actions } = setup();
  port.selection = { sheet: "Sheet1", address: "C4", formula: null };
  expect(await actions.insertFormula('=AIDCOUNT("*")', { overwrite: false })).toEqual({
    inserted: true,
    address: "C4",
  });
  port.selection = { sheet: "Sheet1", address: "C5", formula: "=SUM(A1:A2)" };
  expect(await actions.insertFormula('=AIDCOUNT("*")', { overwrite: false })).toEqual({
    inserted: false,
    occupiedBy: "=SUM(A1:A2)",
    address: "C5",
  });
  port.selection = { sheet: "Sheet1", address: "C6", formula: null };
  port.cells.set("C6", 42);
  expect(await actions.insertFormula('=AIDCOUNT("*")', { overwrite: false })).toMatchObject({
    inserted: false,
    occupiedBy: "42",
  });
  expect(await actions.insertFormula('=AIDCOUNT("*")', { overwrite: true })).toMatchObject({
    inserted: true,
  });
  expect(port.inserted).toEqual(['=AIDCOUNT("*")', '=AIDCOUNT("*")']);
});

test("explain reads the referenced cells and passes the store's status to AIDVERSION", async () => {
  const { port, store, actions } = setup();
  port.cells.set("A9", 2016);
  port.selection = { sheet: "Sheet1", address: "B9", formula: '=AIDTOTAL("Africa",A9)' };
  const result = await actions.explainSelection();
  expect(result.kind === "explained" && result.explanation.summary).toBe(
    '=AIDTOTAL("Africa",A9) answers 2,420,000,000, from 3 records.'
  );
  port.selection = { sheet: "Sheet1", address: "B10", formula: "=AIDVERSION()" };
  const version = await actions.explainSelection();
  expect(version.kind === "explained" && version.explanation.answer).toBe(store.status());
  port.selection = { sheet: "Sheet1", address: "B11", formula: null };
  expect(await actions.explainSelection()).toEqual({ kind: "none", address: "B11" });
  await expect(actions.showRecord("x")).rejects.toThrow(/newer version/);
  expect(await actions.makeBriefingCopy()).toMatchObject({ made: false });
});
