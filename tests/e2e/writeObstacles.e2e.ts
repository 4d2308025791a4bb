import { TABLES } from "../../src/domain";
import { bundledCopy, ticadAt600Million } from "../domain/helpers";
import { loadData, refreshFrom, useWorkbenchPage, workbookState } from "./workbench";

/*
 * Issue 13's "done when": a refresh over a table with an active filter, or on a protected sheet,
 * is refused with nothing changed (every sheet as it was, the stored identity too), and
 * the pane says what is in the way and what to do.
 */

const workbench = useWorkbenchPage();

test("a refresh that removes and adds a record over a filtered table is refused, naming it, with nothing changed", async () => {
  const { page, pane } = workbench();
  await loadData(workbench());
  await page.evaluate(
    (t) => window.aidWorkbench!.filterTable(t, "region", ["Africa"]),
    TABLES.commitments.table
  );
  const before = await workbookState(page);
  const rows = bundledCopy();
  const next = [...rows.slice(1), { ...rows[0]!, id: "added-by-refresh" }];
  await refreshFrom(workbench(), "one-out-one-in.json", next);
  await pane
    .getByText(new RegExp(`${TABLES.commitments.table} table .* is filtered`))
    .first()
    .waitFor({ timeout: 20_000 });
  expect(await workbookState(page)).toEqual(before);
});

test("a refresh that changes an amount on a protected sheet is refused, naming the sheet, with nothing changed", async () => {
  const { page, pane } = workbench();
  await loadData(workbench());
  await page.evaluate((s) => window.aidWorkbench!.protectSheet(s, true), TABLES.commitments.sheet);
  const before = await workbookState(page);
  await refreshFrom(workbench(), "ticad-600m.json", ticadAt600Million());
  await pane
    .getByText(new RegExp(`sheet ${TABLES.commitments.sheet}, which holds .* is protected`))
    .first()
    .waitFor({ timeout: 20_000 });
  expect(await workbookState(page)).toEqual(before);
});
