import {
  type CellInput,
  type CellValue,
  TABLES,
  explainFormula,
  functionSpec,
  isAidError,
  loadBundledLedger,
} from "../../src/domain";
import {
  addressOf,
  useWorkbenchPage,
  select,
  setFormula,
  tableCell,
  value,
  values,
  waitForSheets,
  waitForValue,
} from "./workbench";

/*
 * The AID functions in the workbench's spreadsheet answer as the domain does (the same evaluate
 * the Excel custom functions call), errors carry their message, an edit of the Commitments table
 * changes their answers, and the pane's Explain tab reads the selected cell.
 */

const ledger = loadBundledLedger();

const ERROR_CODES = { NA: "#N/A", VALUE: "#VALUE!", NUM: "#NUM!" } as const;

/** A domain value as a cell shows it: errors as their code, empty text as an empty cell. */
const shown = (v: CellValue) => (isAidError(v) ? ERROR_CODES[v.code] : v === "" ? null : v);

/** What the domain answers for a call, as the cells show it: a value, or a 2-D array for a spilling function. */
function expected(name: string, args: readonly CellInput[]): unknown {
  const result = functionSpec(name)!.evaluate(ledger, args);
  if (!result.ok) return ERROR_CODES[result.error.code];
  const v = result.value;
  return Array.isArray(v) ? v.map((row) => row.map(shown)) : shown(v);
}

const workbench = useWorkbenchPage();

test('=AIDTOTAL("Africa",2016) shows 2420000000, in the engine and in the grid', async () => {
  const { page } = workbench();
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
  expect(await values(page, "Sheet1", "A1")).toEqual([[2420000000]]);
  expect(expected("AIDTOTAL", ["Africa", 2016])).toBe(2420000000);
  await page.locator('td[data-cell="A1"]').getByText("2420000000", { exact: true }).waitFor();
  // The formula bar shows the selected cell's formula.
  await select(page, "Sheet1", "A1");
  expect(await page.getByRole("textbox", { name: "Formula bar" }).inputValue()).toBe(
    '=AIDTOTAL("Africa",2016)'
  );
});

test("other AID functions give what the domain's evaluate gives", async () => {
  const { page } = workbench();
  const calls: [string, string, CellInput[]][] = [
    ["A1", '=AIDCOUNT("Southeast Asia",,"maritime")', ["Southeast Asia", null, "maritime"]],
    ["A2", '=AIDPEOPLE("Africa",2016)', ["Africa", 2016]],
    ["A3", '=AIDRATE("USD","JPY",2016)', ["USD", "JPY", 2016]],
    ["A4", '=AIDTOTAL("Africa",2016,"JPY")', ["Africa", 2016, "JPY"]],
    ["A5", '=AIDCONVERT(1000000,"USD","JPY",2016)', [1000000, "USD", "JPY", 2016]],
  ];
  for (const [address, formula] of calls) await setFormula(page, "Sheet1", address, formula);
  for (const [address, formula, args] of calls) {
    const name = formula.slice(1, formula.indexOf("("));
    expect({ formula, shows: await value(page, "Sheet1", address) }).toEqual({
      formula,
      shows: expected(name, args),
    });
  }
  // A spilling function fills the cells below and beside it with the domain's rows.
  await setFormula(page, "Sheet1", "C1", '=AIDLIST("Viet Nam")');
  const list = expected("AIDLIST", ["Viet Nam"]) as unknown[][];
  expect(list.length).toBeGreaterThan(1);
  const bottomRight = addressOf(list.length - 1, 2 + list[0]!.length - 1);
  expect(await values(page, "Sheet1", `C1:${bottomRight}`)).toEqual(list);
});

test('=AIDTOTAL("Afrika",2016) shows #N/A with a message naming "Afrika"', async () => {
  const { page } = workbench();
  await setFormula(page, "Sheet1", "B2", '=AIDTOTAL("Afrika",2016)');
  expect(await value(page, "Sheet1", "B2")).toBe("#N/A");
  const message = await page.evaluate(() => window.aidWorkbench!.errorMessage("Sheet1", "B2"));
  expect(message).toContain("Afrika");
  // The grid shows the code, with the message as the cell's tooltip.
  const cell = page.locator('td[data-cell="B2"]');
  expect(await cell.textContent()).toBe("#N/A");
  expect(await cell.getAttribute("title")).toBe(message);
});

test("editing the Commitments table changes the AID answers, as a user's edit in Excel does", async () => {
  const { page, pane } = workbench();
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
  await pane.getByRole("button", { name: "Load data" }).click();
  await waitForSheets(page, [TABLES.commitments.sheet, "Summary"]);
  await waitForValue(page, "Sheet1", "A1", 2420000000);

  // The TICAD VI pledge raised to $600 million: the amount, its evidence, no yen equivalent.
  const edits: [string, string][] = [
    ["equivalentAmount", ""],
    ["equivalentCurrency", ""],
    ["evidence", "approximately $600 million"],
    ["amount", "600000000"],
  ];
  for (const [column, typed] of edits) {
    const address = await tableCell(page, TABLES.commitments.sheet, column, {
      column: "id",
      equals: "ticad6-peace-stability-2016",
    });
    await setFormula(page, TABLES.commitments.sheet, address, typed);
  }
  await waitForValue(page, "Sheet1", "A1", 2520000000);
});

test("the Explain tab explains the selected cell's formula, reading referenced cells", async () => {
  const { page, pane } = workbench();
  await setFormula(page, "Sheet1", "B1", "Africa");
  await setFormula(page, "Sheet1", "A1", "=AIDTOTAL(B1,2016)");
  expect(await value(page, "Sheet1", "A1")).toBe(2420000000);
  await select(page, "Sheet1", "A1");
  await pane.getByRole("tab", { name: "Explain" }).click();
  await pane.getByRole("button", { name: "Explain selected cell" }).click();

  const explanation = explainFormula(ledger, '=AIDTOTAL("Africa",2016)')!;
  expect(explanation.adding.length).toBeGreaterThan(0);
  // The formula as written, the answer, and the cell reference read with its value.
  const status = pane.getByRole("status").filter({ hasText: "AIDTOTAL" });
  await status.waitFor();
  expect(await status.textContent()).toBe(
    `=AIDTOTAL(B1,2016) answers 2,420,000,000, from ${explanation.adding.length} records.`
  );
  await pane
    .getByText(/place: B1 = "?Africa"?/)
    .first()
    .waitFor();
  for (const record of explanation.adding)
    await pane.getByText(new RegExp(record.id)).first().waitFor();
});

test("typing in the grid: the entry goes in with Enter, which moves down, as in Excel", async () => {
  const { page } = workbench();
  await select(page, "Sheet1", "A1");
  const grid = page.getByLabel(/^Cells of Sheet1/);
  await grid.focus();
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  expect(await value(page, "Sheet1", "A1")).toBe(5);
  expect(await page.getByLabel("Selected cell").textContent()).toBe("A2");
  await grid.focus();
  await page.keyboard.press("Enter");
  expect(await page.getByLabel("Selected cell").textContent()).toBe("A3");
});
