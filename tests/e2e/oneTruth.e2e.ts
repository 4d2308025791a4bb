import { TABLES } from "../../src/domain";
import {
  loadData,
  setFormula,
  tableCell,
  useWorkbenchPage,
  value,
  values,
  waitForValue,
} from "./workbench";

/*
 * Issue 13 in the workbench, on the shipped adapter: every view of the data agrees with the AID
 * cells after an edit, a reopened workbook answers only from its own tables, and a briefing copy
 * shows exactly the text of the sheet it copies.
 */

const workbench = useWorkbenchPage();

/** The TICAD VI pledge raised to $600 million as a user restates it (amount, evidence, no yen figure). */
async function raiseTicad(page: Parameters<typeof setFormula>[0]): Promise<void> {
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
}

test("after an accepted edit of an amount, a SUMIFS over AidFacts and the AidRates default row agree with AIDTOTAL and AIDRATE", async () => {
  const { page, pane } = workbench();
  await loadData({ page, pane });
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
  await setFormula(
    page,
    "Sheet1",
    "A2",
    '=SUMIFS(AidFacts[AmountUSD],AidFacts[Region],"Africa",AidFacts[Year],2016)'
  );
  await setFormula(page, "Sheet1", "A3", '=AIDRATE("USD","JPY",2016)');
  await setFormula(
    page,
    "Sheet1",
    "A4",
    '=SUMIFS(AidRates[JpyPerUsd],AidRates[Entry],"default",AidRates[Document],"000_ecb32d6e9fafa848.txt")'
  );
  const rateBefore = (await value(page, "Sheet1", "A3")) as number;
  await raiseTicad(page);
  await waitForValue(page, "Sheet1", "A1", 2520000000);
  await waitForValue(page, "Sheet1", "A2", 2520000000);
  const [total, sumifs, rate] = (await values(page, "Sheet1", "A1:A3")).map((r) => r[0]);
  expect(sumifs).toBe(total);
  expect(rate).not.toBeCloseTo(rateBefore, 5);
  // The AidRates default row follows the rate AIDRATE gives.
  await page.waitForFunction(
    () => {
      const [r, row] = window.aidWorkbench!.values("Sheet1", "A3:A4").map((line) => line[0]);
      return Math.abs((r as number) - (row as number)) < 1e-6;
    },
    undefined,
    { polling: 100 }
  );
  // The pane is idle again: nothing says it is still bringing the tables up to date.
  await pane.getByText("Bringing Facts, Rates and the Summary up to date with your edit…").waitFor({
    state: "detached",
  });
});

test("a reopened workbook whose tables differ from the bundled data never shows a bundled answer", async () => {
  const { page, pane } = workbench();
  await loadData({ page, pane });
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
  await raiseTicad(page);
  await waitForValue(page, "Sheet1", "A1", 2520000000);
  const seen = await page.evaluate(async () => {
    const api = window.aidWorkbench!;
    const stop = api.recordValues("Sheet1", "A1");
    await api.reopen();
    return stop();
  });
  expect(seen).not.toContain(2420000000);
  expect(seen.at(-1)).toBe(2520000000);
  expect(await value(page, "Sheet1", "A1")).toBe(2520000000);
});

test("a briefing copy shows no apostrophe a user did not type", async () => {
  const { page, pane } = workbench();
  await loadData({ page, pane });
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
  await setFormula(page, "Sheet1", "A2", '=AIDTOTAL("Afrika",2016)');
  await setFormula(page, "Sheet1", "A3", '=AIDLIST("Viet Nam")');
  await page.evaluate(() => window.aidWorkbench!.select("Sheet1", "A1"));
  await pane.getByRole("button", { name: "Make a briefing copy" }).click();
  await pane.getByText("Briefing copy made").waitFor();
  const sheets = await page.evaluate(() => window.aidWorkbench!.sheetNames());
  const copies = sheets.filter((s) => s.includes("briefing"));
  expect(copies).toHaveLength(2);
  for (const sheet of copies) {
    const texts = (await values(page, sheet)).flat().filter((v) => typeof v === "string");
    expect(texts.filter((t) => t.startsWith("'"))).toEqual([]);
  }
  const sources = (await values(page, copies[1]!)).flat();
  expect(sources).toContain('=AIDTOTAL("Africa",2016)');
  expect(sources).toContain("#N/A");
});
