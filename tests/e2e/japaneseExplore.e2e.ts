import type { Browser, Locator, Page } from "playwright-core";
import { FUNCTIONS, LIST_HEADER, loadBundledLedger } from "../../src/domain";
import { WORKBENCH_URL_VARIABLE } from "./environment";
import * as fs from "fs";
import * as path from "path";
import { sidewaysAt } from "./untranslated";
import { ROOT, VIEWPORT, launchChromium, select, setFormula } from "./workbench";

/*
 * The Build, Search, Explain and Functions tabs in Japanese, opened as Japanese Office opens the
 * pane (?displayLanguage=ja-JP, what Office.context.displayLanguage would give) at the 350 px of a
 * task pane: every tab in Japanese, nothing scrolls sideways, no English sentence left, and a yen
 * answer in 億円 with its exact figure on hover. Screenshots: docs/screenshots/ja-*.png.
 */

let browser: Browser;
let page: Page;
let pane: Locator;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(20_000);
  errors = [];
  page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
  await page.goto(`${process.env[WORKBENCH_URL_VARIABLE]}?displayLanguage=ja-JP`);
  await page.waitForFunction(() => window.aidWorkbench !== undefined);
  await page.evaluate(() => window.aidWorkbench!.ready());
  pane = page.locator("#pane");
});
afterEach(async () => {
  expect(errors).toEqual([]);
  await page.close();
});

/** Names that stay in Latin letters in Japanese text: functions, AIDLIST's headers, the reports' titles. */
const KEPT = [
  ...FUNCTIONS.map((f) => f.name),
  ...LIST_HEADER,
  // Parameter names stay English, as formulas write them ("year: 2016").
  ...FUNCTIONS.flatMap((f) => f.parameters.map((p) => p.name)),
  ...loadBundledLedger().rates.documents.map((d) => d.title),
  "Aid Ledger",
  "Excel",
  "Commitments",
  "Rates",
  "English",
].sort((a, b) => b.length - a.length);

/**
 * English words left in the visible pane: text nodes and the title, placeholder and aria-label a
 * reader meets, leaving out what is English on purpose (marked with lang: the sources' quotes and
 * titles, parameter names), formula literals in quotes, ids and codes (a digit, "-", "_", "." or
 * capitals only) and the names above.
 */
async function englishLeft(): Promise<string[]> {
  const texts = await pane.evaluate((root) => {
    const shown = (el: Element | null) =>
      el instanceof HTMLElement &&
      el.getClientRects().length > 0 &&
      !/^(?!ja)/i.test(el.closest("[lang]")?.getAttribute("lang") ?? "ja");
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.textContent?.trim() && shown(node.parentElement)) found.push(node.textContent);
    for (const el of Array.from(root.querySelectorAll("[title], [placeholder], [aria-label]")))
      if (shown(el))
        for (const name of ["title", "placeholder", "aria-label"])
          found.push(el.getAttribute(name) ?? "");
    return found;
  });
  return texts.flatMap((text) => {
    let rest = text.replace(/"[^"]*"/g, " ");
    for (const name of KEPT) rest = rest.split(name).join(" ");
    const words = rest
      .split(/[\s'“”「」（）()、。，,：:；;！？!?…=·<>［］[\]]+/)
      .filter((w) => /[a-z]/.test(w) && /[A-Za-z]{2}/.test(w) && !/[\d\-_./@]/.test(w));
    return words.length ? [`${words.join(" ")} ← ${text.trim().slice(0, 80)}`] : [];
  });
}

async function expectJapaneseAt350(name: string): Promise<void> {
  expect(Math.round(await pane.evaluate((el) => el.getBoundingClientRect().width))).toBe(350);
  expect(await sidewaysAt(pane)).toEqual([]);
  expect(await englishLeft()).toEqual([]);
  await paneScreenshot(name);
}

/** The pane alone, 350 px wide and full height: to docs/screenshots/ with AID_UPDATE_SCREENSHOTS=1. */
async function paneScreenshot(name: string): Promise<void> {
  const folder =
    process.env.AID_UPDATE_SCREENSHOTS === "1"
      ? path.join(ROOT, "docs", "screenshots")
      : path.join(ROOT, "test-results", "screenshots");
  fs.mkdirSync(folder, { recursive: true });
  // The pane scrolls inside the page: let it take its full height for the picture.
  await pane.evaluate((el) => {
    el.style.height = "auto";
    el.style.maxHeight = "none";
    el.style.overflow = "visible";
  });
  await pane.screenshot({ path: path.join(folder, `${name}.png`) });
}

test("Build in Japanese: アフリカ, 2016, JPY answers in 億円, the exact figure on hover", async () => {
  await select(page, "Sheet1", "B2");
  await pane.getByRole("tab", { name: "数式作成" }).click();
  await pane.getByRole("combobox", { name: "場所" }).fill("アフリカ");
  await pane
    .getByRole("option", { name: /^アフリカ \(\d+件\)/ })
    .first()
    .click();
  await pane.getByRole("combobox", { name: "年・年度" }).selectOption("2016");
  await pane.getByRole("combobox", { name: "通貨" }).selectOption("JPY");
  const preview = pane.getByRole("region", { name: "数式と答え" });
  await preview.getByText("答えは 2,530億円（3件の記録から）。").waitFor();
  await preview.getByText('=AIDTOTAL("Africa",2016,"JPY")').waitFor();
  expect(await preview.getByText("2,530億円", { exact: true }).getAttribute("title")).toBe(
    "253,000,000,000円"
  );
  await expectJapaneseAt350("ja-build");
  await pane.getByRole("button", { name: "選択したセルに挿入" }).click();
  await pane.getByText('=AIDTOTAL("Africa",2016,"JPY") を B2 に挿入しました。').waitFor();
});

test("Explain in Japanese: the yen answer in 億円, the records that add up, each year's rule", async () => {
  await setFormula(page, "Sheet1", "B2", '=AIDTOTAL("アフリカ",2016,"JPY")');
  await select(page, "Sheet1", "B2");
  await pane.getByRole("tab", { name: "説明" }).click();
  await pane
    .getByText('=AIDTOTAL("アフリカ",2016,"JPY") の答えは 2,530億円（3件の記録から）。')
    .waitFor();
  await pane.getByText("答えに加算される記録（3件）").waitFor();
  expect(await pane.getByText("2,530億円", { exact: true }).getAttribute("title")).toBe(
    "253,000,000,000円"
  );
  await pane
    .getByText(/^2016年: 2016年8月に発表。$/)
    .first()
    .waitFor();
  await expectJapaneseAt350("ja-explain");
});

test("Search in Japanese: ベトナム finds the Viet Nam records, their cards in Japanese", async () => {
  await pane.getByRole("tab", { name: "検索" }).click();
  await pane.getByRole("searchbox", { name: "記録を検索" }).fill("ベトナム");
  const inVietNam = loadBundledLedger().records.filter((r) => r.record.country === "VN").length;
  await pane.getByText(`「ベトナム」に該当する記録は${inVietNam}件です。`).waitFor();
  expect(await pane.getByRole("article").count()).toBe(inVietNam);
  await pane
    .getByRole("button", { name: /^AIDSOURCE を挿入: / })
    .first()
    .waitFor();
  await expectJapaneseAt350("ja-search");
});

test("Functions in Japanese: every function with its Japanese help and an example to insert", async () => {
  await pane.getByRole("tab", { name: "関数" }).click();
  await pane.getByText("例を選択したセルに挿入し、引数を変えてお使いください。").waitFor();
  for (const f of FUNCTIONS)
    await pane.getByRole("button", { name: `${f.example} を挿入` }).waitFor();
  const panel = pane.getByRole("tabpanel", { name: "関数" });
  await panel.getByText("条件に合う記録の件数です。", { exact: true }).waitFor();
  await expectJapaneseAt350("ja-functions");
});
