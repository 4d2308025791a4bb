import * as z from "../zod";

/**
 * Japanese names of places and themes. Countries are named by CLDR through
 * `Intl.DisplayNames(["ja"], { type: "region" })`, which Node and the JavaScript runtimes Excel
 * uses carry with their ICU data: no country list is typed here. Regions, subregions, groups,
 * recipients and themes carry their Japanese names in the data files (`ja`), beside the English.
 */

/** The `ja` field of a data file's entry: its Japanese names, the first the one shown. */
export const japaneseNamesField = z.optional(z.array(z.string().check(z.minLength(1))));

/** Text with no kana, CJK or full-width forms needs no folding: the common, fast path. */
const JAPANESE_OR_WIDE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
const VU = /ヴ([ァィェォュ]?)/g;
const VU_ROW: Readonly<Record<string, string>> = {
  ァ: "バ",
  ィ: "ビ",
  ェ: "ベ",
  ォ: "ボ",
  ュ: "ビュ",
  "": "ブ",
};
/** Dashes, tildes and minus signs typed for the long-vowel mark after a kana. */
const LONG_VOWEL = /(?<=[\u3041-\u30fa\u30fc])[-‐‑–—―−－~～]/g;
/** Middle dots and spaces between kana or kanji: "ボスニア・ヘルツェゴビナ" = "ボスニアヘルツェゴビナ". */
const SEPARATOR = /(?<=[\u3041-\u30ff\u3400-\u9fff])[\s・]+(?=[\u3041-\u30ff\u3400-\u9fff])/g;

/**
 * Japanese spelling variants folded to one form, before names are compared: full-width and
 * half-width forms (NFKC: "ﾍﾞﾄﾅﾑ", "ＡＳＥＡＮ"), ヴ spellings in common use (ヴェトナム =
 * ベトナム, ヴァ = バ, ヴ = ブ), a dash or tilde typed for the long-vowel mark ("ミャンマ-"),
 * and middle dots or spaces inside a Japanese name.
 */
export function foldJapanese(value: string): string {
  if (!JAPANESE_OR_WIDE.test(value)) return value;
  return value
    .normalize("NFKC")
    .replace(VU, (_, small: string) => VU_ROW[small]!)
    .replace(LONG_VOWEL, "ー")
    .replace(SEPARATOR, "");
}

let regionNames: Intl.DisplayNames | null | undefined;
let shortRegionNames: Intl.DisplayNames | null | undefined;

function displayNames(style: "long" | "short"): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(["ja"], { type: "region", style });
  } catch {
    // A runtime without Intl.DisplayNames (or without Japanese data) finds countries by English names only.
    return null;
  }
}

/**
 * A country's Japanese names from CLDR (ISO 3166-1 alpha-2 code, or a UN M49 area code): the
 * long and short names, each also without CLDR's bracketed gloss ("ミャンマー (ビルマ)" is also
 * "ミャンマー"). Empty when the runtime has no Japanese region names.
 */
export function cldrJapaneseNames(code: string): readonly string[] {
  // Every ledger built (each read of the workbook) names every country again: look each up once.
  let names = cldrNames.get(code);
  if (!names) cldrNames.set(code, (names = lookUpJapaneseNames(code)));
  return names;
}
const cldrNames = new Map<string, readonly string[]>();

function lookUpJapaneseNames(code: string): string[] {
  regionNames ??= displayNames("long");
  shortRegionNames ??= displayNames("short");
  const names = new Set<string>();
  for (const dn of [regionNames, shortRegionNames]) {
    const name = dn?.of(code);
    // Without data for a code, DisplayNames gives the code back.
    if (!name || name === code) continue;
    names.add(name);
    const bare = name.replace(/\s*[(（][^)）]*[)）]\s*$/, "");
    if (bare !== "") names.add(bare);
  }
  return [...names];
}

/** Whether a name is written in Japanese (kana or kanji), for suggestions in the script typed. */
export function isJapanese(value: string): boolean {
  return /[\u3041-\u30ff\u3400-\u9fff]/.test(value);
}
