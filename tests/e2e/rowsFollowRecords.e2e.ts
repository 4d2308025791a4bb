import type { Page } from "playwright-core";
import { TABLES, ledgerTables, loadBundledLedger } from "../../src/domain";
import { IDENTITY_SETTING } from "../../src/host/excel/identitySetting";
import { bundledCopy } from "../domain/helpers";
import {
  addressOf,
  applyChanges,
  checkChanges,
  loadData,
  refreshFrom,
  saveScreenshot,
  setFormula,
  tableCell,
  useWorkbenchPage,
  value,
  values,
  waitForValue,
  workbookState,
} from "./workbench";

/*
 * Issue 13's "done when", the write path: notes typed in a column of the user's own stay beside
 * their records through a sort and a load, and through a refresh that removes one record and adds
 * another (the review names, before Apply, the note that goes with the removed one); a Facts
 * table an older version wrote without FiscalYear gets the column, the user's notes kept; a refresh over a table with a Total Row is refused with nothing changed.
 */

const workbench = useWorkbenchPage();

/** The identity the last write stored: it changes with every write that commits. */
function storedIdentity(page: Page): Promise<unknown> {
  return page.evaluate((key) => window.aidWorkbench!.settings()[key], IDENTITY_SETTING);
}

async function waitForIdentityChange(page: Page, before: unknown): Promise<void> {
  await page.waitForFunction(
    ([key, old]) => window.aidWorkbench!.settings()[key] !== old,
    [IDENTITY_SETTING, before] as const,
    { timeout: 20_000 }
  );
}

/** id -> MyNote, as the Commitments sheet shows them. */
async function notesBeside(page: Page): Promise<Map<string, unknown>> {
  const [header, ...rows] = await values(page, TABLES.commitments.sheet);
  const id = header!.indexOf("id");
  const note = header!.indexOf("MyNote");
  return new Map(rows.filter((r) => r[id]).map((r) => [String(r[id]), r[note] ?? null]));
}

/** Adds MyNote to Commitments and types "note N" on row N. */
async function annotate(page: Page): Promise<Map<string, string>> {
  await page.evaluate(
    (t) => window.aidWorkbench!.addTableColumn(t, "MyNote"),
    TABLES.commitments.table
  );
  const [header, ...rows] = await values(page, TABLES.commitments.sheet);
  const id = header!.indexOf("id");
  const column = addressOf(0, header!.indexOf("MyNote")).replace(/\d+$/, "");
  const typed = new Map<string, string>();
  for (const [i, r] of rows.entries()) {
    if (!r[id]) continue;
    await setFormula(page, TABLES.commitments.sheet, `${column}${i + 2}`, `note ${i + 1}`);
    typed.set(String(r[id]), `note ${i + 1}`);
  }
  return typed;
}

test("notes in a column of the user's stay beside their records through a sort and a load, and a refresh removing one record and adding one", async () => {
  const { page } = workbench();
  await loadData(workbench());
  const typed = await annotate(page);
  await page.evaluate(
    (t) => window.aidWorkbench!.sortTable(t, "region", "descending"),
    TABLES.commitments.table
  );
  let before = await storedIdentity(page);
  await workbench().pane.getByRole("button", { name: "Load data" }).click();
  await waitForIdentityChange(page, before);
  expect(Object.fromEntries(await notesBeside(page))).toEqual(Object.fromEntries(typed));

  const rows = bundledCopy();
  const gone = rows[4]!.id;
  const next = [...rows.filter((r) => r.id !== gone), { ...rows[0]!, id: "added-by-refresh" }];
  before = await storedIdentity(page);
  await checkChanges(workbench(), "one-out-one-in.json", next);
  // Before Apply, the review names the note that goes with the removed record, and only that one.
  const lost = workbench()
    .pane.getByRole("region", { name: "Changes" })
    .getByRole("list", { name: "Your values that go with removed records" })
    .getByRole("listitem");
  await lost.first().waitFor({ timeout: 20_000 });
  expect(await lost.allTextContents()).toEqual([
    `${gone} leaves the ${TABLES.commitments.table} table: your MyNote on ${gone} goes with it ("${typed.get(gone)}").`,
  ]);
  expect(await storedIdentity(page)).toBe(before);
  await applyChanges(workbench());
  await waitForIdentityChange(page, before);
  const after = await notesBeside(page);
  typed.delete(gone);
  expect(Object.fromEntries(after)).toEqual({
    ...Object.fromEntries(typed),
    "added-by-refresh": null,
  });
});

test("an edit with a problem, not taken in, is named in the review before a refresh would replace it", async () => {
  const { page, pane } = workbench();
  await loadData(workbench());
  const ticad = "ticad6-peace-stability-2016";
  const amount = await tableCell(page, TABLES.commitments.sheet, "amount", {
    column: "id",
    equals: ticad,
  });
  await setFormula(page, TABLES.commitments.sheet, amount, "12O million");
  await pane.getByText("Edits not taken in").first().waitFor({ timeout: 20_000 });

  const rows = [...bundledCopy(), { ...bundledCopy()[0]!, id: "added-by-refresh" }];
  await checkChanges(workbench(), "one-more.json", rows);
  const replaced = pane.getByRole("list", { name: "Your edits not taken in that this replaces" });
  await replaced.waitFor({ timeout: 20_000 });
  expect(await replaced.getByRole("listitem").allTextContents()).toEqual([
    `Your edit of amount on row ${Number(amount.replace(/^[A-Z]+/, ""))} ("12O million") is replaced by the data's "500000000".`,
  ]);
  await saveScreenshot(page, "pane-replaced-edit");
});

test("a refresh that adds a record to a table with a Total Row is refused, naming it, with nothing changed", async () => {
  const { page, pane } = workbench();
  await loadData(workbench());
  await page.evaluate((t) => window.aidWorkbench!.showTotals(t, true), TABLES.commitments.table);
  const before = await workbookState(page);
  const rows = [...bundledCopy(), { ...bundledCopy()[0]!, id: "added-by-refresh" }];
  await refreshFrom(workbench(), "one-more.json", rows);
  await pane
    .getByText(/Total Row/)
    .first()
    .waitFor({ timeout: 20_000 });
  expect(await workbookState(page)).toEqual(before);
});

test("a Facts table an older version wrote without FiscalYear is upgraded by Load data: the column appended at its right, the user's notes beside their facts", async () => {
  const { page } = workbench();
  const facts = ledgerTables(loadBundledLedger()).find((t) => t.table === TABLES.facts.table)!;
  const fy = facts.columns.findIndex((c) => c.name === "FiscalYear");
  const id = facts.columns.findIndex((c) => c.name === "Id");
  const older = [
    [...facts.columns.filter((_, c) => c !== fy).map((c) => c.name), "MyNote"],
    ...facts.rows.map((r, i) => [
      ...r.filter((_, c) => c !== fy).map((v) => v ?? ""),
      `fact note ${i + 1}`,
    ]),
  ];
  const last = addressOf(older.length - 1, older[0]!.length - 1);
  await page.evaluate(
    ([sheet, table, block, to]) => {
      window.aidWorkbench!.addSheet(sheet);
      window.aidWorkbench!.paste(sheet, "A1", block);
      window.aidWorkbench!.addTable(sheet, `A1:${to}`, table);
    },
    [TABLES.facts.sheet, TABLES.facts.table, older, last] as const
  );
  await loadData(workbench());

  const [header, ...rows] = await values(page, TABLES.facts.sheet);
  expect(header).toEqual([...older[0]!, "FiscalYear"]);
  const at = (name: string) => header!.indexOf(name);
  const shown = new Map(rows.map((r) => [String(r[at("Id")]), r]));
  facts.rows.forEach((r, i) => {
    const row = shown.get(String(r[id]));
    expect({ id: r[id], note: row?.[at("MyNote")], fy: row?.[at("FiscalYear")] }).toEqual({
      id: r[id],
      note: `fact note ${i + 1}`,
      fy: r[fy] ?? null,
    });
  });
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
  await setFormula(
    page,
    "Sheet1",
    "A2",
    '=SUMIFS(AidFacts[AmountUSD],AidFacts[Region],"Africa",AidFacts[Year],2016)'
  );
  await waitForValue(page, "Sheet1", "A2", await value(page, "Sheet1", "A1"));
  expect(await value(page, "Sheet1", "A1")).toBe(2420000000);
});
