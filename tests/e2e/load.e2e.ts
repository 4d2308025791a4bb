import { loadBundledLedger, ratesTable, TABLES } from "../../src/domain";
import {
  useWorkbenchPage,
  saveScreenshot,
  select,
  sheetNames,
  values,
  waitForSheets,
} from "./workbench";

/*
 * "Load data" in the real task pane writes the Commitments, Facts and Rates tables into the
 * workbench's spreadsheet, through the same session code the Excel add-in runs.
 */

const ledger = loadBundledLedger();
const SHEETS = [TABLES.commitments.sheet, TABLES.facts.sheet, TABLES.rates.sheet];

const workbench = useWorkbenchPage();

test("the workbench starts with one empty sheet and the task pane beside it", async () => {
  const { page, pane } = workbench();
  expect(await sheetNames(page)).toEqual(["Sheet1"]);
  expect(await values(page, "Sheet1")).toEqual([]);
  await pane.getByRole("button", { name: "Load data" }).waitFor();
  for (const tab of ["Data", "Explain", "Functions"])
    expect(await pane.getByRole("tab", { name: tab }).count()).toBe(1);
});

test("Load data writes Commitments, Facts and Rates with a header and one row per record or rate", async () => {
  const { page, pane } = workbench();
  await pane.getByRole("button", { name: "Load data" }).click();
  // The Summary sheet comes last, after the tables were written and the functions switched.
  await waitForSheets(page, [...SHEETS, "Summary"]);

  const commitments = await values(page, TABLES.commitments.sheet);
  const facts = await values(page, TABLES.facts.sheet);
  const rates = await values(page, TABLES.rates.sheet);
  expect(commitments).toHaveLength(ledger.records.length + 1);
  expect(facts).toHaveLength(ledger.records.length + 1);
  expect(rates).toHaveLength(ratesTable(ledger).rows.length + 1);

  // Headers in row 1; data as data: ids in record order, amounts as numbers.
  expect(commitments[0]?.slice(0, 2)).toEqual(["id", "sourceFile"]);
  expect(commitments.slice(1).map((row) => row[0])).toEqual(ledger.records.map((r) => r.record.id));
  expect(facts[0]?.[0]).toBe("Id");
  expect(rates[0]?.[0]).toBe("Document");
  const amount = commitments[0]!.indexOf("amount");
  const ticad = commitments.find((row) => row[0] === "ticad6-peace-stability-2016");
  expect(ticad?.[amount]).toBe(500000000);

  // The Summary PivotTable (the model renders its values): titled, and its grand total is the
  // sum of Facts' AmountUSD column, in exact cents.
  expect(await sheetNames(page)).toContain("Summary");
  const [title] = (await values(page, "Summary", "A1"))[0] ?? [];
  expect(title).toMatch(/^Aid Ledger: sum of AmountUSD by Region and Year/);
  const pivots = await page.evaluate(() => window.aidWorkbench!.pivotTables());
  expect(pivots).toEqual([
    expect.objectContaining({ sheet: "Summary", source: TABLES.facts.table }),
  ]);
  // The PivotTable's own block (a chart's data stands to its right on the same sheet).
  const summary = await values(page, "Summary", pivots[0]!.address!.split("!")[1]);
  const total = summary[summary.length - 1]!;
  const usd = facts[0]!.indexOf("AmountUSD");
  const cents = facts
    .slice(1)
    .reduce((n, row) => n + (typeof row[usd] === "number" ? Math.round(row[usd] * 100) : 0), 0);
  expect(total[0]).toBe("Grand Total");
  expect(Math.round((total[total.length - 1] as number) * 100)).toBe(cents);

  await select(page, TABLES.commitments.sheet, "A1");
  await page.locator('td[data-cell="A2"]').getByText(ledger.records[0]!.record.id).waitFor();
  await saveScreenshot(page, "workbench-load");
});
