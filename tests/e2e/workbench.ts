import * as fs from "fs";
import * as path from "path";
import { type Browser, type Locator, type Page, chromium } from "playwright-core";
import { type CommitmentRecord, type SheetCell, TABLES } from "../../src/domain";
import { blockAddress } from "../../src/domain/workbook/a1";
import { IDENTITY_SETTING } from "../../src/host/excel/identitySetting";
import type {} from "../../src/workbench/testApi"; // window.aidWorkbench's type
import { WORKBENCH_URL_VARIABLE, chromiumPath } from "./environment";

/** Flags for Chromium on these machines: root (no sandbox), no GPU, and no calls to Google's services (the network is closed). */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const VIEWPORT = { width: 1400, height: 900 };

export const ROOT = path.resolve(__dirname, "..", "..");

/** Headless Chromium (playwright-core gives each launch a fresh, temporary user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

export interface OpenWorkbench {
  readonly page: Page;
  /** The task pane: every control the tests use is looked up inside it. */
  readonly pane: Locator;
  /** Uncaught errors in the page, for afterEach to check. */
  readonly errors: string[];
}

/**
 * A fresh workbench page, once the pane is mounted and its session started. `query` is added to
 * the address: "?displayLanguage=ja-JP" opens the pane as Japanese Office would.
 */
export async function openWorkbench(browser: Browser, query = ""): Promise<OpenWorkbench> {
  const url = process.env[WORKBENCH_URL_VARIABLE];
  if (!url)
    throw new Error(`${WORKBENCH_URL_VARIABLE} is not set: run these tests with npm run test:e2e.`);
  const page = await browser.newPage({ viewport: VIEWPORT });
  // A control that never appears fails the test well within Jest's timeout, saying which one.
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
  await page.goto(`${url}${query}`);
  await page.waitForFunction(() => window.aidWorkbench !== undefined);
  await page.evaluate(() => window.aidWorkbench!.ready());
  return { page, pane: page.getByRole("complementary", { name: "Task pane" }), errors };
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.aidWorkbench!.sheetNames());
}

/** Displayed values of a block or cell, or of the sheet's whole used range without an address. */
export function values(page: Page, sheet: string, address?: string): Promise<SheetCell[][]> {
  return page.evaluate(([s, a]) => window.aidWorkbench!.values(s, a), [sheet, address] as const);
}

/** The displayed value of one cell. */
export async function value(page: Page, sheet: string, address: string): Promise<SheetCell> {
  return (await values(page, sheet, address))[0]?.[0] ?? null;
}

export function setFormula(
  page: Page,
  sheet: string,
  address: string,
  formula: string
): Promise<void> {
  return page.evaluate(([s, a, f]) => window.aidWorkbench!.setFormula(s, a, f), [
    sheet,
    address,
    formula,
  ] as const);
}

export function select(page: Page, sheet: string, address: string): Promise<void> {
  return page.evaluate(([s, a]) => window.aidWorkbench!.select(s, a), [sheet, address] as const);
}

/** Every sheet's values, by name: to show that nothing changed. */
export function snapshot(page: Page): Promise<Record<string, SheetCell[][]>> {
  return page.evaluate(() => {
    const workbench = window.aidWorkbench!;
    return Object.fromEntries(workbench.sheetNames().map((s) => [s, workbench.values(s)]));
  });
}

/** Every sheet's values and the identity stored with the tables: to show that a refused write changed nothing. */
export async function workbookState(
  page: Page
): Promise<{ sheets: Record<string, SheetCell[][]>; identity: unknown }> {
  return {
    sheets: await snapshot(page),
    identity: await page.evaluate((key) => window.aidWorkbench!.settings()[key], IDENTITY_SETTING),
  };
}

/** Waits until a cell shows `expected` (a number, text or error code); fails with what it shows instead. */
export async function waitForValue(
  page: Page,
  sheet: string,
  address: string,
  expected: SheetCell,
  timeout = 15_000
): Promise<void> {
  try {
    await page.waitForFunction(
      ([s, a, e]) => window.aidWorkbench!.values(s, a)[0]?.[0] === e,
      [sheet, address, expected] as const,
      { timeout }
    );
  } catch {
    const shown = await value(page, sheet, address);
    throw new Error(
      `${sheet}!${address} shows ${JSON.stringify(shown)}, not ${JSON.stringify(expected)}, after ${timeout} ms`
    );
  }
}

/** Waits until the workbook has these sheets. */
export async function waitForSheets(
  page: Page,
  sheets: readonly string[],
  timeout = 30_000
): Promise<void> {
  try {
    await page.waitForFunction(
      (wanted) => wanted.every((s) => window.aidWorkbench!.sheetNames().includes(s)),
      sheets,
      { timeout }
    );
  } catch {
    throw new Error(
      `Expected sheets ${sheets.join(", ")}; the workbook has ${(await sheetNames(page)).join(", ")}`
    );
  }
}

/** The A1 address of a zero-based row and column. */
export function addressOf(row: number, col: number): string {
  return blockAddress(row, col, 1, 1);
}

/** The address of a table cell found by its column header (row 1) and the value in another column. */
export async function tableCell(
  page: Page,
  sheet: string,
  column: string,
  where: { column: string; equals: SheetCell }
): Promise<string> {
  const all = await values(page, sheet);
  const header = all[0] ?? [];
  const col = header.indexOf(column);
  const key = header.indexOf(where.column);
  if (col < 0 || key < 0)
    throw new Error(`${sheet} has no column ${col < 0 ? column : where.column}`);
  const row = all.findIndex((r, i) => i > 0 && r[key] === where.equals);
  if (row < 0)
    throw new Error(`${sheet} has no row whose ${where.column} is ${String(where.equals)}`);
  return addressOf(row, col);
}

/**
 * Saves a full-page screenshot to test-results/screenshots/<name>.png, or, with
 * AID_UPDATE_SCREENSHOTS=1, to docs/screenshots/ where the README shows them.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const folder =
    process.env.AID_UPDATE_SCREENSHOTS === "1"
      ? path.join(ROOT, "docs", "screenshots")
      : path.join(ROOT, "test-results", "screenshots");
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Registers one browser per test file and a fresh workbench page per test (a test fails on any
 * page error); returns the current page's handles.
 */
export function useWorkbenchPage(query = ""): () => OpenWorkbench {
  let browser: Browser | undefined;
  let current: OpenWorkbench | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    current = await openWorkbench(browser!, query);
  });
  afterEach(async () => {
    expect(current!.errors).toEqual([]);
    await current!.page.close();
  });
  return () => current!;
}

/**
 * Clicks "Load data" and waits until the tables are written, the Summary sheet made and the pane
 * says so (the functions have switched by then).
 */
export async function loadData({
  page,
  pane,
}: Pick<OpenWorkbench, "page" | "pane">): Promise<void> {
  await pane.getByRole("button", { name: "Load data" }).click();
  await waitForSheets(page, [
    TABLES.commitments.sheet,
    TABLES.facts.sheet,
    TABLES.rates.sheet,
    "Summary",
  ]);
  await pane.getByText("Data loaded").waitFor();
}

/** A file as the pane's file input takes it. */
export interface DatasetFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/**
 * Refresh from a file, up to the preview: picks File under "Refresh from", gives the pane `rows`
 * as a JSON file named `name`, and clicks "Check for changes".
 */
export function checkChanges(
  open: Pick<OpenWorkbench, "pane">,
  name: string,
  rows: readonly CommitmentRecord[]
): Promise<void> {
  return checkFile(open, {
    name,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(rows), "utf8"),
  });
}

/** Refresh from any file (CSV, malformed text…), up to the preview. */
export async function checkFile(
  { pane }: Pick<OpenWorkbench, "pane">,
  file: DatasetFile
): Promise<void> {
  await pane
    .getByRole("radiogroup", { name: "Refresh from" })
    .getByRole("radio", { name: "File", exact: true })
    .check();
  await pane.getByLabel("Dataset file").setInputFiles(file);
  await pane.getByRole("button", { name: "Check for changes" }).click();
}

/** Refresh from a web address, up to the preview. */
export async function checkAddress(
  { pane }: Pick<OpenWorkbench, "pane">,
  url: string
): Promise<void> {
  await pane
    .getByRole("radiogroup", { name: "Refresh from" })
    .getByRole("radio", { name: "Web address", exact: true })
    .check();
  await pane.getByRole("textbox", { name: "Web address (https)" }).fill(url);
  await pane.getByRole("button", { name: "Check for changes" }).click();
}

/** Refresh from a file: Check for changes, then Apply changes. */
export async function refreshFrom(
  open: Pick<OpenWorkbench, "pane">,
  name: string,
  rows: readonly CommitmentRecord[]
): Promise<void> {
  await checkChanges(open, name, rows);
  await applyChanges(open);
}

/** Apply changes, in the review that Check for changes showed. */
export async function applyChanges({ pane }: Pick<OpenWorkbench, "pane">): Promise<void> {
  await pane
    .getByRole("region", { name: "Changes" })
    .getByRole("button", { name: "Apply changes" })
    .click();
}
