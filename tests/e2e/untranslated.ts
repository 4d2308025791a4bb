import type { Locator } from "playwright-core";
import { FIELD_NAMES, FUNCTIONS, SUMMARY_PIVOT, TABLES, loadBundledLedger } from "../../src/domain";

/*
 * The untranslated-text scan: every visible text in the pane (text nodes, and the title,
 * placeholder and aria-label a reader meets on hover or with a screen reader), with what may stay
 * in Latin letters taken out: ids and codes (anything with a digit, "-", "_", "." or "/" inside,
 * or in capitals), function names, field, table and sheet names, proper names and the reports'
 * own titles, and text marked with another `lang` (quotes from the English sources, which are
 * data). Any Latin word left over (two letters or more, with a lower-case letter) is English
 * the catalog did not translate. Reuse it for any tab: `await untranslatedText(pane)` → [].
 */

/** Proper names and terms that stay in Latin letters in Japanese text. */
export const LATIN_ALLOWED: readonly string[] = [
  "Aid Ledger",
  "Excel on the web",
  "Microsoft 365",
  "Microsoft Learn",
  "Microsoft",
  "Excel",
  "Windows",
  "Mac",
  "English",
  "Office",
  "https",
  "http",
  "aid dataset",
  "id",
];

/** Every name the pane shows as it is: functions, fields, tables, sheets, report titles. */
function namesKeptAsTheyAre(extra: readonly string[]): string[] {
  const tables = Object.values(TABLES).flatMap((t) => [t.table, t.sheet]);
  const titles = loadBundledLedger().rates.documents.map((d) => d.title);
  return [
    ...titles,
    ...extra,
    ...LATIN_ALLOWED,
    ...FUNCTIONS.map((f) => f.name),
    ...FIELD_NAMES,
    ...tables,
    // The Facts columns the Summary PivotTable is built from, named as the sheet names them.
    SUMMARY_PIVOT.dataField,
    SUMMARY_PIVOT.rowField,
    SUMMARY_PIVOT.columnField,
    SUMMARY_PIVOT.sheet,
    "Sources",
  ].sort((a, b) => b.length - a.length); // longest first, so a title goes before its words
}

/** The visible texts of the pane (hidden tabs and collapsed parts are left out). */
export function visibleTexts(pane: Locator): Promise<string[]> {
  return pane.evaluate((root) => {
    // Text marked as another language than the pane's (a quote from an English source, the
    // switch's "English") is in that language on purpose: lang says so to screen readers too.
    const primary = (el: Element | null) => (el?.getAttribute("lang") ?? "").split("-")[0];
    const paneLanguage = primary(root.querySelector("main[lang]"));
    const shown = (el: Element | null): boolean =>
      el instanceof HTMLElement &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== "hidden" &&
      primary(el.closest("[lang]")) === paneLanguage;
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && shown(node.parentElement)) texts.push(text);
    }
    for (const el of Array.from(root.querySelectorAll("[title], [placeholder], [aria-label]"))) {
      if (!shown(el)) continue;
      for (const name of ["title", "placeholder", "aria-label"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** The English words left in one text once the allowed names and codes are taken out. */
export function untranslatedWords(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const name of allowed) {
    // Whole words only: "id" is allowed, "approximately" keeps its "ly".
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    rest = rest.replace(new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`, "g"), " ");
  }
  return rest
    .split(/[\s"'“”「」『』（）()、。，,：:；;！？!?…→=<>＞［］[\]]+/)
    .filter((token) => /[a-z]/.test(token) && /[A-Za-z]{2}/.test(token))
    .filter((token) => !/[\d\-_./@]/.test(token)); // ids, addresses, file names, codes
}

/** Each visible text that still holds English, with the words found: [] when all is translated. */
export async function untranslatedText(
  pane: Locator,
  extraAllowed: readonly string[] = []
): Promise<{ text: string; words: string[] }[]> {
  const allowed = namesKeptAsTheyAre(extraAllowed);
  return (await visibleTexts(pane))
    .map((text) => ({ text, words: untranslatedWords(text, allowed) }))
    .filter((found) => found.words.length > 0);
}

/** The pane's width against its content's: sideways scroll when the first exceeds the second. */
export function scrollWidths(pane: Locator): Promise<{ scroll: number; client: number }> {
  return pane.evaluate((root) => ({ scroll: root.scrollWidth, client: root.clientWidth }));
}

/** The task pane's widths the Japanese issue names: Excel opens it at about 350 px, 320 px the narrowest. */
export const PANE_WIDTHS = [350, 320] as const;

/**
 * Where the pane scrolls sideways: set to each width in turn, measured, then given back its own
 * width. Empty when its text wraps at every width.
 */
export async function sidewaysAt(
  pane: Locator
): Promise<{ width: number; scroll: number; client: number }[]> {
  const found: { width: number; scroll: number; client: number }[] = [];
  for (const width of PANE_WIDTHS) {
    const actual = await pane.evaluate((el, w) => {
      (el as HTMLElement).style.width = `${w}px`;
      return Math.round(el.getBoundingClientRect().width);
    }, width);
    if (actual !== width) throw new Error(`the pane is ${actual} px wide, not the ${width} px set`);
    const { scroll, client } = await scrollWidths(pane);
    if (scroll > client) found.push({ width, scroll, client });
  }
  await pane.evaluate((el) => {
    (el as HTMLElement).style.width = "";
  });
  return found;
}
