import type { Page } from "playwright-core";
import {
  type CommitmentRecord,
  TABLES,
  bundledReference,
  formatProblem,
  loadBundledLedger,
  loadDatasetText,
  toCsv,
} from "../../src/domain";
import {
  checkFile,
  loadData,
  useWorkbenchPage,
  saveScreenshot,
  select,
  setFormula,
  snapshot,
  tableCell,
  value,
  waitForSheets,
  waitForValue,
} from "./workbench";
import { TICAD_PLEDGE, bundledCopy, ticadAt600Million } from "../domain/helpers";

/*
 * Refreshing from a file through the real task pane: the diff before anything is written, the
 * formulas after "Apply changes", a malformed file refused with every problem and nothing
 * changed, and text that looks like a formula landing as text.
 */

const TICAD = TICAD_PLEDGE;
const ledger = loadBundledLedger();

/** The bundled dataset with the TICAD VI pledge raised from $500 million to $600 million. */
const changedDataset = (): string => JSON.stringify(ticadAt600Million(), null, 2);

const json = (name: string, text: string) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(text, "utf8"),
});

const workbench = useWorkbenchPage();

const ticadAmount = (page: Page) =>
  tableCell(page, TABLES.commitments.sheet, "amount", { column: "id", equals: TICAD });

test("a file with one amount changed: the diff shows it, and formulas change only after Apply changes", async () => {
  const { page, pane } = workbench();
  await loadData(workbench());
  const sheet: [string, string][] = [
    ["Africa 2016", '=AIDTOTAL("Africa",2016)'],
    ["Records", '=AIDCOUNT("Africa",2016)'],
    ["JPY per USD", '=AIDRATE("USD","JPY",2016)'],
  ];
  for (const [row, [label, formula]] of sheet.entries()) {
    await setFormula(page, "Sheet1", `A${row + 1}`, label);
    await setFormula(page, "Sheet1", `B${row + 1}`, formula);
  }
  await select(page, "Sheet1", "B1");
  expect(await value(page, "Sheet1", "B1")).toBe(2420000000);
  const amount = await ticadAmount(page);

  await checkFile(workbench(), json("commitments-changed.json", changedDataset()));
  const changes = pane.getByRole("region", { name: "Changes" });
  const line = changes.getByText("amount: 500000000 → 600000000");
  await line.waitFor();
  await line.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "workbench-refresh");

  // Checked, not applied: the workbook and the functions still hold the old data.
  expect(await value(page, "Sheet1", "B1")).toBe(2420000000);
  expect(await value(page, TABLES.commitments.sheet, amount)).toBe(500000000);

  await changes.getByRole("button", { name: "Apply changes" }).click();
  await waitForValue(page, "Sheet1", "B1", 2520000000);
  expect(await value(page, TABLES.commitments.sheet, amount)).toBe(600000000);
});

test("a malformed file: every problem is listed with its line, record and field, and no sheet changes", async () => {
  const { page, pane } = workbench();
  await loadData(workbench());
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
  const before = await snapshot(page);

  const records = ledger.records.map((r) => ({ ...r.record })) as Record<string, unknown>[];
  records[1]!.amount = "five hundred";
  records[2]!.region = "Atlantis";
  const csv = toCsv(records as unknown as CommitmentRecord[]);
  const checked = loadDatasetText(csv, bundledReference(), { fileName: "broken.csv" });
  if (checked.ok) throw new Error("the malformed dataset was accepted by the domain");
  expect(checked.problems.map((p) => p.field)).toEqual(
    expect.arrayContaining(["amount", "region"])
  );

  await checkFile(workbench(), {
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  const alert = pane.getByRole("alert").filter({ hasText: "line" });
  await alert.waitFor();
  const text = (await alert.textContent()) ?? "";
  for (const problem of checked.problems) {
    expect(problem.line).toBeDefined();
    expect(text).toContain(formatProblem(problem));
  }
  expect(text).toMatch(/line \d+ \(record \d+\), id [^,]+, field amount: /);

  expect(await pane.getByRole("button", { name: "Apply changes" }).count()).toBe(0);
  expect(await snapshot(page)).toEqual(before);
});

test("text that starts with = lands as text in the Commitments table, not as a formula", async () => {
  const { page, pane } = workbench();
  const texts = [
    "=1+1",
    '=HYPERLINK("https://example.org","click")',
    "+2",
    "-3",
    "@SUM(1)",
    "'quoted",
    "2016-05",
    "TRUE",
  ];
  const rows = bundledCopy();
  texts.forEach((t, i) => (rows[i]!.notes = t));

  await checkFile(workbench(), json("formula-like.json", JSON.stringify(rows)));
  await pane
    .getByRole("region", { name: "Changes" })
    .getByRole("button", { name: "Apply changes" })
    .click();
  await waitForSheets(page, [TABLES.commitments.sheet, "Summary"]);

  for (const [i, t] of texts.entries()) {
    const address = await tableCell(page, TABLES.commitments.sheet, "notes", {
      column: "id",
      equals: rows[i]!.id,
    });
    const formula = await page.evaluate(([s, a]) => window.aidWorkbench!.formula(s, a), [
      TABLES.commitments.sheet,
      address,
    ] as const);
    expect({
      text: t,
      shows: await value(page, TABLES.commitments.sheet, address),
      formula,
    }).toEqual({
      text: t,
      shows: t,
      formula: null,
    });
  }
  // The grid shows the text itself.
  await select(page, TABLES.commitments.sheet, "A1");
  const first = await tableCell(page, TABLES.commitments.sheet, "notes", {
    column: "id",
    equals: rows[0]!.id,
  });
  expect(await page.locator(`td[data-cell="${first}"]`).textContent()).toBe("=1+1");
});
