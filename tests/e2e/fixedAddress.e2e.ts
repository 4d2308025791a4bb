import { TABLES } from "../../src/domain";
import { bundledCopy } from "../domain/helpers";
import { checkChanges, loadData, setFormula, useWorkbenchPage, values } from "./workbench";

/*
 * Issue 13 item 9, through the shipped adapter: a user's =SUM over Facts' AmountUSD by a fixed
 * address ending at its last row is named in the review of a refresh that adds a record, with the
 * structured reference that would include the new rows.
 */

const workbench = useWorkbenchPage();

test("the review of a refresh that adds a record names the formula that will miss the new rows", async () => {
  const { page, pane } = workbench();
  await loadData(workbench());
  const [header, ...rows] = await values(page, TABLES.facts.sheet);
  const column = String.fromCharCode(65 + header!.indexOf("AmountUSD"));
  const last = rows.length + 1;
  await setFormula(page, "Sheet1", "B4", `=SUM(${TABLES.facts.sheet}!${column}2:${column}${last})`);

  const more = [...bundledCopy(), { ...bundledCopy()[0]!, id: "added-by-refresh" }];
  await checkChanges(workbench(), "one-more.json", more);
  const warning = pane.getByRole("list", { name: "Formulas that will miss the new rows" });
  await warning.waitFor({ timeout: 20_000 });
  expect(await warning.getByRole("listitem").allTextContents()).toEqual([
    `Sheet1!B4 refers to ${TABLES.facts.sheet}!${column}2:${column}${last}, which will not include the new rows; ${TABLES.facts.table}[AmountUSD] would.`,
  ]);
});
