import { MAX_NAME_LENGTH } from "../limits";
import { messages } from "../messages/catalog";
import type { CharacterProblem } from "../messages/sections/session";
import { foldJapanese } from "./japaneseNames";

/**
 * How typed names are compared: case, accents, curly apostrophes, extra spaces and a leading
 * "the" do not matter ("the Philippines" = "PHILIPPINES", "Cote d’Ivoire" = "Côte d'Ivoire"),
 * nor Japanese spelling variants (foldJapanese: ヴェトナム = ベトナム, full-width = half-width).
 */
export function normalizeName(value: string): string {
  // Every ledger built (each read of the workbook) normalizes the same reference names again.
  let normalized = normalizedNames.get(value);
  if (normalized === undefined) {
    if (normalizedNames.size >= NORMALIZED_CACHE_SIZE) normalizedNames.clear();
    normalizedNames.set(value, (normalized = normalize(value)));
  }
  return normalized;
}
/** Bounded, since names a user types pass through too. */
const NORMALIZED_CACHE_SIZE = 20_000;
const normalizedNames = new Map<string, string>();

function normalize(value: string): string {
  return foldJapanese(value)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

/** Levenshtein distance, for "did you mean" suggestions on the error path only. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The known display names closest to what was typed: names that contain it or that it contains
 * first, then by edit distance. At most `limit`, never the same name twice, and never a name that
 * looks the same as what was typed (same skeleton): suggesting it would read as "did you mean
 * what you typed?". Text longer than MAX_NAME_LENGTH gets no suggestions, so the search's cost
 * is bounded by the name limit times the number of names.
 */
export function nearestNames(
  typed: string,
  candidates: ReadonlyMap<string, string>,
  limit = 3
): string[] {
  if (typed.length > MAX_NAME_LENGTH) return [];
  const key = normalizeName(typed);
  if (key === "") return [];
  const looks = skeleton(typed);
  const scored: { name: string; score: number }[] = [];
  for (const [normalized, display] of candidates) {
    const contains = normalized.includes(key) || key.includes(normalized);
    const bound = Math.max(2, Math.floor(key.length / 3));
    // Lengths further apart than the bound cannot be within it: skip the quadratic distance.
    if (!contains && Math.abs(normalized.length - key.length) > bound) continue;
    if (skeleton(display) === looks) continue;
    const distance = contains ? 0 : editDistance(key, normalized);
    const score = contains ? Math.abs(normalized.length - key.length) / 100 : distance;
    if (contains || distance <= bound) scored.push({ name: display, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, limit);
}

/**
 * Scripts a name may use, by Unicode property. Letters of any other script count as "other".
 * Common characters (digits, punctuation, spaces) and combining marks belong to no script here.
 */
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  "Latin",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Hebrew",
  "Arabic",
  "Syriac",
  "Thaana",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Thai",
  "Lao",
  "Tibetan",
  "Myanmar",
  "Georgian",
  "Hangul",
  "Ethiopic",
  "Khmer",
  "Mongolian",
  "Hiragana",
  "Katakana",
  "Bopomofo",
  "Han",
].map((s) => [s, new RegExp(`\\p{Script=${s}}`, "u")] as const);

/**
 * Mixes that real names use (Unicode TS #39, "highly restrictive"): Japanese (Latin, Han, Hiragana,
 * Katakana), Chinese (Latin, Han, Bopomofo) and Korean (Latin, Han, Hangul).
 */
const ALLOWED_MIXES: readonly ReadonlySet<string>[] = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PRINTABLE_ASCII_TEXT = /^[\t\n\r\x20-\x7e]*$/;
const scriptCache = new Map<string, string | null>();

function scriptOf(ch: string): string | null {
  let script = scriptCache.get(ch);
  if (script === undefined) {
    script = /\p{L}/u.test(ch) ? (SCRIPTS.find(([, p]) => p.test(ch))?.[0] ?? "other") : null;
    // Bounded: a hostile file cannot grow it past the number of distinct characters it uses.
    if (scriptCache.size < 10_000) scriptCache.set(ch, script);
  }
  return script;
}

/**
 * Characters that show as nothing (or as a blank) although they are not a space: format characters
 * (zero-width space and joiners, bidi controls, the byte-order mark, soft hyphen), variation
 * selectors, Hangul fillers, the braille blank, line and paragraph separators.
 */
// Variation selectors and the Hangul fillers are alternatives, not a class: they combine.
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\u3164\uFFA0\u2800]|\p{Variation_Selector}|\u115F|\u1160/u;
const CONTROL = /\p{Cc}/u;

function codeOf(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Characters no text may hold, because XML (the IATI export) cannot carry them and a reader would
 * get other text back: a lone surrogate (half of a character outside the Basic Multilingual Plane;
 * the text was cut or mis-decoded), and the 66 non-characters (U+FDD0 to U+FDEF, and the last two
 * code points of every plane, U+FFFE and U+FFFF among them), which Unicode reserves for internal use.
 */
function unusableCharacter(ch: string): CharacterProblem["kind"] | null {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return "lone-surrogate";
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return "non-character";
  return null;
}

/**
 * Why `text` is not acceptable as a name, or null: a control character, an invisible character,
 * a lone surrogate or non-character (unusableCharacter), or letters of scripts that real names do not mix (a Greek "Ο" inside "UNΟDC"). Positions count
 * characters from 1. For free text (`kind` "text") tabs and line breaks are allowed and scripts
 * may mix; control and invisible characters are still refused.
 */
export function textProblem(text: string, kind: "name" | "text" = "name"): string | null {
  // Printable ASCII (nearly every name) is one script with nothing hidden: skip the per-letter work.
  if (kind === "name" ? PRINTABLE_ASCII.test(text) : PRINTABLE_ASCII_TEXT.test(text)) return null;
  const scripts = new Map<string, { ch: string; at: number }>();
  let at = 0;
  for (const ch of text) {
    at += 1;
    const unusable = unusableCharacter(ch);
    if (unusable) return messages().characterProblem({ kind: unusable, code: codeOf(ch) }, at);
    if (CONTROL.test(ch)) {
      if (kind === "text" && (ch === "\t" || ch === "\n" || ch === "\r")) continue;
      return messages().characterProblem({ kind: "control", code: codeOf(ch) }, at);
    }
    if (INVISIBLE.test(ch))
      return messages().characterProblem({ kind: "invisible", code: codeOf(ch) }, at);
    if (kind === "name") {
      const script = scriptOf(ch);
      if (script !== null && !scripts.has(script)) scripts.set(script, { ch, at });
    }
  }
  if (scripts.size < 2) return null;
  const used = [...scripts.keys()];
  if (ALLOWED_MIXES.some((mix) => used.every((s) => mix.has(s)))) return null;
  const [, second] = [...scripts.entries()].sort((a, b) => a[1].at - b[1].at);
  return messages().mixedScripts(used, second![0], second![1].ch, second![1].at);
}

/**
 * Letters of other scripts that look like Latin ones (Unicode's confusables, the common part), in
 * lower case, as normalizeName leaves them.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Greek
  α: "a",
  β: "b",
  ε: "e",
  ζ: "z",
  η: "h",
  ι: "i",
  κ: "k",
  μ: "m",
  ν: "n",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "y",
  χ: "x",
  ϲ: "c",
  ϳ: "j",
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  х: "x",
  у: "y",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  һ: "h",
  ү: "y",
  ӏ: "l",
  ԛ: "q",
  ԝ: "w",
};

/**
 * What a name looks like, for spotting look-alikes: normalized (normalizeName), invisible
 * characters removed, and Greek and Cyrillic letters that look Latin replaced by the Latin letter.
 * Two names with the same skeleton look the same to a reader.
 */
export function skeleton(value: string): string {
  let out = "";
  for (const ch of normalizeName(value.replace(new RegExp(INVISIBLE.source, "gu"), "")))
    out += LOOK_ALIKES[ch] ?? ch;
  return out;
}
