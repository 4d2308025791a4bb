import type { Locator } from "playwright-core";
import {
  loadData,
  saveScreenshot,
  select,
  setFormula,
  useWorkbenchPage,
  value,
  waitForSheets,
  waitForValue,
} from "./workbench";

/*
 * The pane a budget officer uses, at the width Excel gives a task pane (the workbench opens it at
 * 350 px): the builder, Explain without sideways scrolling, search, AIDVERSION, the briefing copy
 * and the Summary sheet's chart.
 */

const workbench = useWorkbenchPage();

/** Nothing in the pane scrolls sideways, and no text box is cut: every element fits its own box. */
async function overflow(pane: Locator): Promise<{ pane: [number, number]; clipped: string[] }> {
  return pane.evaluate((root) => {
    const clipped: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
      if (el.offsetParent === null || el.children.length > 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
        clipped.push((el.textContent ?? "").slice(0, 60));
    }
    return { pane: [root.scrollWidth, root.clientWidth], clipped };
  });
}

test("the pane opens at 350 px", async () => {
  const { pane } = workbench();
  const width = await pane.evaluate((el) => el.getBoundingClientRect().width);
  expect(Math.round(width)).toBe(350);
});

test('the builder: =AIDTOTAL("Africa",2016) picked from the lists, its answer shown before Insert', async () => {
  const { page, pane } = workbench();
  await select(page, "Sheet1", "B2");
  await pane.getByRole("tab", { name: "Build" }).click();
  const place = pane.getByRole("combobox", { name: "Place" });
  await place.fill("Africa");
  await pane
    .getByRole("option", { name: /^Africa\b/ })
    .first()
    .click();
  await pane.getByRole("combobox", { name: "Year" }).selectOption("2016");
  const preview = pane.getByRole("region", { name: "Formula and answer" });
  await preview.getByText("Answers 2,420,000,000, from 3 records.").waitFor();
  expect(await value(page, "Sheet1", "B2")).toBeNull(); // seen before anything is written
  await saveScreenshot(page, "pane-builder");
  await pane.getByRole("button", { name: "Insert into the selected cell" }).click();
  await waitForValue(page, "Sheet1", "B2", 2420000000);
  expect(await page.evaluate(() => window.aidWorkbench!.formula("Sheet1", "B2"))).toBe(
    '=AIDTOTAL("Africa",2016)'
  );
});

test("Explain fits the pane for an answer, a cell inside an AIDLIST spill and an error", async () => {
  const { page, pane } = workbench();
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016,"JPY")');
  await setFormula(page, "Sheet1", "A3", '=AIDLIST("Viet Nam")');
  await setFormula(page, "Sheet1", "M1", '=AIDTOTAL("Afrika",2016)');
  await waitForValue(page, "Sheet1", "A1", 253000000000);
  await pane.getByRole("tab", { name: "Explain" }).click();
  const cases: [string, RegExp][] = [
    ["A1", /253,000,000,000/],
    ["C5", /AIDLIST\("Viet Nam"\)/],
    ["M1", /Afrika/],
  ];
  for (const [address, shows] of cases) {
    await select(page, "Sheet1", address);
    await pane.getByRole("tabpanel", { name: "Explain" }).getByText(shows).first().waitFor();
    const measured = await overflow(pane);
    expect({ address, ...measured }).toEqual({
      address,
      pane: [measured.pane[1], measured.pane[1]],
      clipped: [],
    });
    if (address === "A1") await saveScreenshot(page, "pane-explain");
  }
});

test('search: "patrol" finds the Philippines vessel records', async () => {
  const { pane } = workbench();
  await pane.getByRole("tab", { name: "Search" }).click();
  await pane.getByRole("searchbox", { name: "Search records" }).fill("patrol");
  const results = pane.getByRole("tabpanel", { name: "Search" });
  await results.getByText(/records? match/).waitFor();
  const text = await results.textContent();
  expect(text).toContain("Philippines");
  expect(text).toMatch(/10 patrol vessels|ten patrol vessels/i);
});

test("AIDVERSION() shows which data the functions answer from, and follows a load", async () => {
  const { page, pane } = workbench();
  await setFormula(page, "Sheet1", "A1", "=AIDVERSION()");
  await page.waitForFunction(() =>
    String(window.aidWorkbench!.values("Sheet1", "A1")[0]?.[0]).startsWith(
      "Bundled data, 33 records from 2 reports"
    )
  );
  await loadData({ page, pane });
  await page.waitForFunction(() =>
    /^Bundled data, 33 records from 2 reports, loaded \d/.test(
      String(window.aidWorkbench!.values("Sheet1", "A1")[0]?.[0])
    )
  );
});

test("Load data puts a chart of committed USD by region and year beside the Summary PivotTable", async () => {
  const { page, pane } = workbench();
  await loadData({ page, pane });
  const charts = await page.evaluate(() => window.aidWorkbench!.charts());
  expect(charts.map((c) => [c.name, c.sheet])).toEqual([["AidSummaryChart", "Summary"]]);
  expect(await value(page, "Summary", "R4")).toBe("Africa");
});

test("a briefing copy has no AID formula, a Sources sheet, and leaves the original as it was", async () => {
  const { page, pane } = workbench();
  await loadData({ page, pane });
  await setFormula(page, "Sheet1", "A1", "Africa 2016");
  await setFormula(page, "Sheet1", "B1", '=AIDTOTAL("Africa",2016)');
  await setFormula(page, "Sheet1", "C1", "=B1/2");
  await setFormula(page, "Sheet1", "A3", '=AIDLIST("Viet Nam")');
  await waitForValue(page, "Sheet1", "B1", 2420000000);
  await select(page, "Sheet1", "A1");
  await pane.getByRole("tab", { name: "Data" }).click();
  await pane.getByRole("button", { name: "Make a briefing copy" }).click();
  await waitForSheets(page, ["Sheet1 (briefing)", "Sheet1 (briefing) sources"]);
  const formulas = await page.evaluate(() => {
    const w = window.aidWorkbench!;
    return w
      .values("Sheet1 (briefing)")
      .flatMap((row, r) =>
        row.map((_, c) => w.formula("Sheet1 (briefing)", `${String.fromCharCode(65 + c)}${r + 1}`))
      );
  });
  expect(formulas.filter((f) => f !== null && /AID[A-Z]+\(/.test(f))).toEqual([]);
  expect(formulas).toContain("=B1/2");
  expect(await value(page, "Sheet1 (briefing)", "B1")).toBe(2420000000);
  expect(await value(page, "Sheet1 (briefing)", "C1")).toBe(1210000000);
  const sources = await page.evaluate(() =>
    window.aidWorkbench!.values("Sheet1 (briefing) sources")
  );
  expect(JSON.stringify(sources)).toContain('=AIDTOTAL(\\"Africa\\",2016)');
  expect(await page.evaluate(() => window.aidWorkbench!.formula("Sheet1", "B1"))).toBe(
    '=AIDTOTAL("Africa",2016)'
  );
});

test("the workbench grid: columns fit their numbers, and an error's message shows beside the formula bar", async () => {
  const { page } = workbench();
  await setFormula(page, "Sheet1", "A1", '=AIDTOTAL("Africa",2016,"JPY")');
  await setFormula(page, "Sheet1", "B1", '=AIDTOTAL("Afrika",2016)');
  await waitForValue(page, "Sheet1", "A1", 253000000000);
  const cut = await page
    .locator('td[data-cell="A1"]')
    .evaluate((td) => td.scrollWidth > td.clientWidth);
  expect(cut).toBe(false);
  await select(page, "Sheet1", "B1");
  const note = page.getByRole("status", { name: "Error of the selected cell" });
  await note.waitFor();
  expect(await note.textContent()).toMatch(/^#N\/A: Unknown place "Afrika"/);
});
