import type { Page } from "playwright-core";
import {
  type AidLedger,
  type CellValue,
  type CommitmentRecord,
  TABLES,
  factsTable,
  functionSpec,
  isAidError,
  loadBundledLedger,
} from "../../src/domain";
import { bundledCopy, ledgerOf, ticadAt600Million } from "../domain/helpers";
import {
  addressOf,
  loadData,
  refreshFrom,
  setFormula,
  sheetNames,
  useWorkbenchPage,
  value,
  values,
  waitForValue,
} from "./workbench";

/*
 * Issue 7's "done when": a refresh changes the contents of the add-in's tables and nothing else the
 * user can see. Formulas of the user's own that refer to Facts (by address or by structured
 * reference), the sheets' names and order, AIDLIST spills and AID cells that showed #N/A all show
 * the new data after a refresh.
 *
 * The first two failed against the old adapter, which deleted and renamed sheets at every write;
 * the in-place refresh (src/host/excel/tableWriter.ts) makes them pass.
 */

const workbench = useWorkbenchPage();

/** The sum of Facts' AmountUSD column for a ledger, in cents (rounded once, as the cells hold conversions unrounded). */
function factsUsdCents(ledger: AidLedger): number {
  const facts = factsTable(ledger);
  const usd = facts.columns.findIndex((c) => c.name === "AmountUSD");
  return Math.round(
    facts.rows.reduce((n, row) => n + (typeof row[usd] === "number" ? row[usd] : 0), 0) * 100
  );
}

const cents = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) : v);

/** Waits until a cell shows a number whose cents are `expected`; fails with what it shows. */
async function waitForCents(page: Page, sheet: string, address: string, expected: number) {
  try {
    await page.waitForFunction(
      ([s, a, e]) => {
        const v = window.aidWorkbench!.values(s, a)[0]?.[0];
        return typeof v === "number" && Math.round(v * 100) === e;
      },
      [sheet, address, expected] as const,
      { timeout: 15_000 }
    );
  } catch {
    const shown = await value(page, sheet, address);
    throw new Error(`${sheet}!${address} shows ${JSON.stringify(shown)}, not ${expected / 100}`);
  }
}

/** What AIDLIST answers for a place, as the cells show it. */
function listOf(ledger: AidLedger, place: string): unknown[][] {
  const result = functionSpec("AIDLIST")!.evaluate(ledger, [place]);
  if (!result.ok || !Array.isArray(result.value)) throw new Error("AIDLIST gave no list");
  const shown = (v: CellValue) =>
    isAidError(v) ? { NA: "#N/A", VALUE: "#VALUE!", NUM: "#NUM!" }[v.code] : v === "" ? null : v;
  return result.value.map((row) => row.map(shown));
}

/** The bundled rows with `n` copies of the first Viet Nam record under new ids. */
function withExtraVietNam(n: number): CommitmentRecord[] {
  const rows = bundledCopy();
  const viet = rows.find((r) => r.id === "viet-nam-used-vessels-2015")!;
  for (let i = 0; i < n; i++) rows.push({ ...viet, id: `viet-nam-extra-${i}` });
  return rows;
}

test("a user's formulas over Facts, by address and by structured reference, show the new totals after a refresh, never #REF!", async () => {
  const { page } = workbench();
  await loadData(workbench());
  const header = (await values(page, TABLES.facts.sheet, "A1:Z1"))[0]!;
  const usd = header.indexOf("AmountUSD");
  const column = addressOf(0, usd).replace(/\d+$/, "");
  await setFormula(page, "Sheet1", "A1", `=SUM(Facts!${column}2:${column}500)`);
  await setFormula(page, "Sheet1", "A2", `=SUM(${TABLES.facts.table}[AmountUSD])`);
  const before = factsUsdCents(loadBundledLedger());
  expect([
    cents(await value(page, "Sheet1", "A1")),
    cents(await value(page, "Sheet1", "A2")),
  ]).toEqual([before, before]);

  const changed = ticadAt600Million();
  await refreshFrom(workbench(), "ticad-600.json", changed);
  const after = factsUsdCents(ledgerOf(changed));
  expect(after).not.toBe(before);
  await waitForCents(page, "Sheet1", "A1", after);
  await waitForCents(page, "Sheet1", "A2", after);
});

test("the sheet names and order the user chose survive a refresh", async () => {
  const { page } = workbench();
  await loadData(workbench());
  await page.evaluate(() => {
    const w = window.aidWorkbench!;
    w.renameSheet("Facts", "My facts");
    w.moveSheet("Rates", 0);
  });
  const chosen = await sheetNames(page);
  expect(chosen).toEqual(["Rates", "Sheet1", "Commitments", "My facts", "Summary"]);

  const changed = ticadAt600Million();
  await refreshFrom(workbench(), "ticad-600.json", changed);
  // The new amount is in the Commitments table...
  await page.waitForFunction(
    () => window.aidWorkbench!.values("Commitments").some((row) => row.includes(600000000)),
    undefined,
    { timeout: 15_000 }
  );
  // ...and the tabs are as the user left them, each table on its sheet.
  expect(await sheetNames(page)).toEqual(chosen);
  const tables = await page.evaluate(() => window.aidWorkbench!.tables());
  expect(Object.fromEntries(tables.map((t) => [t.name, t.sheet]))).toEqual({
    [TABLES.commitments.table]: "Commitments",
    [TABLES.facts.table]: "My facts",
    [TABLES.rates.table]: "Rates",
  });
});

test('=AIDLIST("Viet Nam") typed before a load spills the new records after it, with no #SPILL! and nothing stale', async () => {
  const { page } = workbench();
  await setFormula(page, "Sheet1", "B2", '=AIDLIST("Viet Nam")');
  const bundled = listOf(loadBundledLedger(), "Viet Nam");
  const block = (rows: unknown[][]) =>
    `B2:${addressOf(1 + rows.length - 1 + 2, 1 + rows[0]!.length - 1)}`;
  const padded = (rows: unknown[][], extra: number) => [
    ...rows,
    ...Array.from({ length: extra }, () => rows[0]!.map(() => null)),
  ];
  expect(await values(page, "Sheet1", block(bundled))).toEqual(padded(bundled, 2));

  await loadData(workbench());
  expect(await values(page, "Sheet1", block(bundled))).toEqual(padded(bundled, 2));

  const more = withExtraVietNam(2);
  await refreshFrom(workbench(), "more-viet-nam.json", more);
  const grown = listOf(ledgerOf(more), "Viet Nam");
  expect(grown).toHaveLength(bundled.length + 2);
  await waitForValue(page, "Sheet1", `B${1 + grown.length}`, "viet-nam-extra-1");
  expect(await values(page, "Sheet1", block(grown))).toEqual(padded(grown, 2));

  // Back to the bundled data: the spill shrinks and the rows it left are empty.
  await refreshFrom(workbench(), "bundled.json", bundledCopy());
  await waitForValue(page, "Sheet1", `B${1 + grown.length}`, null);
  expect(await values(page, "Sheet1", block(grown))).toEqual(padded(bundled, 4));
});

test("a cell that showed #N/A for a place a refresh adds shows a number after it", async () => {
  const { page } = workbench();
  await loadData(workbench());
  const fund = "Example Security Fund";
  await setFormula(page, "Sheet1", "A1", `=AIDTOTAL("${fund}",,,,"all")`);
  expect(await value(page, "Sheet1", "A1")).toBe("#N/A");

  const rows = bundledCopy();
  const unodc = rows.find((r) => r.recipientType === "organization")!;
  rows.push({
    ...unodc,
    id: "example-security-fund-2016",
    recipient: fund,
    recipientType: "fund",
    channel: fund,
  });
  const expected = functionSpec("AIDTOTAL")!.evaluate(ledgerOf(rows), [
    fund,
    null,
    null,
    null,
    "all",
  ]);
  if (!expected.ok) throw new Error("the new fund is not found by the domain either");
  await refreshFrom(workbench(), "with-fund.json", rows);
  await waitForValue(page, "Sheet1", "A1", expected.value as number);
});
