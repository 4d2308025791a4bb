/**
 * The figures one sentence states that can be aid: money (with the equivalent in the other
 * currency in brackets), people to be trained or developed, and delivered items. Numbers are read
 * by the project's one number reader (readFigures); this module only decides which of them are
 * aid figures, from the words around them.
 */
import { readFigures, type StatedFigure } from "../dataset/evidence";
import type { Currency } from "../money/money";

export interface MoneyMention {
  readonly type: "money";
  /** Offsets in the sentence of the whole phrase: qualifier, amount, bracketed equivalent. */
  readonly start: number;
  readonly end: number;
  /** Offset of the amount itself (its currency sign or number). */
  readonly at: number;
  readonly amount: string;
  readonly currency: Currency;
  readonly equivalent: { readonly amount: string; readonly currency: Currency } | null;
  readonly qualifiers: readonly Qualifier[];
}

export interface CountMention {
  readonly type: "people" | "quantity";
  readonly start: number;
  readonly end: number;
  readonly at: number;
  readonly count: number;
  /** The noun as written after the number: "people", "used vessels", "ASEAN countries". */
  readonly unit: string;
  readonly qualifiers: readonly Qualifier[];
}

export type Mention = MoneyMention | CountMention;

/** What the words before a figure say about it. */
export type Qualifier = "approximate" | "up to" | "a total of";

const SCALE = String.raw`(?:\s*(?:thousand|million|billion|trillion))?`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Currency first ("$1.8 billion", "US$4.2 million", "¥52 billion", "USD 68million", "JPY 410 million") or after ("861 million yen"). */
const MONEY = new RegExp(
  String.raw`(US\$|\$|¥|￥|\bUSD|\bJPY)\s*(?:${NUMBER})${SCALE}|(?<![\w.,])(?:${NUMBER})${SCALE}\s*(yen\b|US dollars\b|dollars\b|USD\b|JPY\b)`,
  "gi"
);

function currencyOf(marker: string): Currency {
  return /\$|usd|dollar/i.test(marker) ? "USD" : "JPY";
}

/** How far before a figure its qualifier may start ("a total amount of approximately "). */
const QUALIFIER_REACH = 48;

/** Qualifiers written just before offset `at`, and where the qualified phrase starts. */
function qualifiersBefore(
  sentence: string,
  at: number
): { start: number; qualifiers: Qualifier[] } {
  // Only the words just before the figure: an end-anchored pattern never reads the whole sentence.
  const from = Math.max(0, at - QUALIFIER_REACH);
  const before = sentence.slice(from, at);
  const qualifiers: Qualifier[] = [];
  let start = before.length;
  const approx = /\b(approximately|about|around|roughly|some|nearly|almost)\s+$/i.exec(
    before.slice(0, start)
  );
  if (approx) {
    qualifiers.push("approximate");
    start = approx.index;
  }
  const upTo = /\bup to\s+$/i.exec(before.slice(0, start));
  if (upTo) {
    qualifiers.push("up to");
    start = upTo.index;
  }
  const total = /\b(a total(?: amount)? of|totall?ing|in total)\s+$/i.exec(before.slice(0, start));
  if (total) {
    qualifiers.push("a total of");
    start = total.index;
  }
  return { start: from + start, qualifiers };
}

/** Money figures of a sentence; an amount in brackets right after one, in the other currency, is its equivalent. */
export function moneyMentions(sentence: string): MoneyMention[] {
  const raw = [...sentence.matchAll(MONEY)].map((m) => {
    const figure = readFigures(m[0]).find((f) => f.written === "digits")!;
    return {
      at: m.index,
      end: m.index + m[0].length,
      amount: figure.value,
      currency: currencyOf(m[1] ?? m[2]!),
    };
  });
  const mentions: MoneyMention[] = [];
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i]!;
    const { start, qualifiers } = qualifiersBefore(sentence, m.at);
    let end = m.end;
    let equivalent: MoneyMention["equivalent"] = null;
    const next = raw[i + 1];
    if (next && next.currency !== m.currency) {
      const between = sentence.slice(m.end, next.at);
      const after = sentence.slice(next.end);
      if (
        /^\s*\(\s*(?:(?:approximately|about|around|roughly|some)\s+)?$/i.test(between) &&
        /^\s*\)/.test(after)
      ) {
        equivalent = { amount: next.amount, currency: next.currency };
        end = next.end + after.indexOf(")") + 1;
        i++;
      }
    }
    mentions.push({
      type: "money",
      start,
      end,
      at: m.at,
      amount: m.amount,
      currency: m.currency,
      equivalent,
      qualifiers,
    });
  }
  return mentions;
}

const PEOPLE_NOUNS =
  "people|persons|personnel|trainees|participants|officials|officers|police officers|farmers|instructors|experts|students|youths|young people|staff|teachers|judges|prosecutors|investigators|engineers";
const ITEM_NOUNS =
  "vessels|boats|ships|patrol boats|vehicles|cars|trucks|motorcycles|aircraft|helicopters|drones|scanners|radars|cameras|computers|units|sets|equipment sets";
/**
 * A number followed by up to three describing words and a noun. A describing word is a word
 * ("used", "X-band", "all-weather") or a measure written with a number ("30-metre", "1,000-tonne");
 * the noun may be the end of a hyphenated word ("speed-boats").
 */
/** Number words: never a describing word, since a count's own number is the one next to its noun. */
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";
const COUNTED = (nouns: string) =>
  new RegExp(
    String.raw`^((?:\s+(?!(?:of|to|in|for|and|or|from|the|by|with|at|on|${NUMBER_WORDS})\b)(?:[A-Za-z][\w-]*|\d[\d,.]*-[A-Za-z][\w-]*)){0,3}?)\s+((?:[A-Za-z]+-)?(?:${nouns}))\b`,
    "i"
  );
const PEOPLE_AFTER = COUNTED(PEOPLE_NOUNS);
const ITEM_AFTER = COUNTED(ITEM_NOUNS);
const COUNTRIES_AFTER = COUNTED("countries");
const ANY_COUNTED_NOUN = new RegExp(String.raw`(?:${PEOPLE_NOUNS}|${ITEM_NOUNS}|countries)\b`, "i");
/** How far after a number its describing words and noun may reach. */
const NOUN_REACH = 160;

/** People are aid when they are trained, developed, invited or taught. */
const TRAINING_CUE =
  /\b(?:train\w*|human resources|develop\w*|invit\w*|capacity|educat\w*|instruct\w*|skills?|seminars?|courses?|workshops?|scholarships?|fellowships?)\b/i;
/** Items are aid when they are provided, delivered, donated, handed over, received, granted or lent. */
const DELIVERY_CUE =
  /\b(?:provi\w*|deliver\w*|donat\w*|handed over|hand over|suppl\w*|grant\w*|equip\w*|transfer\w*|receiv\w*|loans?|lent|gave|give\w*)\b/i;

/** A count before its noun, whatever the sentence says about aid. */
interface Counted {
  readonly figure: StatedFigure;
  readonly type: "people" | "quantity";
  readonly countries: boolean;
  readonly count: number;
  readonly match: RegExpExecArray;
}

/** A number as the figure reader (readFigures) reads one: digits with an optional scale, or a number word. */
const NUMBER_TOKEN = new RegExp(
  String.raw`(?:${NUMBER})(?:\s*(?:thousand|million|billion|trillion))?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b`,
  "gi"
);

/**
 * Numbers followed by a counted noun, outside the money mentions. Each test reads only the words
 * next to its number, and a number's value is read (readFigures, the project's one reader) only
 * once a noun follows it, so a sentence of many bare numbers stays cheap.
 */
function countedIn(sentence: string, money: readonly MoneyMention[]): Counted[] {
  const found: Counted[] = [];
  // Most sentences count nothing: their numbers are not read when no counted noun is there.
  if (!ANY_COUNTED_NOUN.test(sentence)) return found;
  let m = 0;
  for (const token of sentence.matchAll(NUMBER_TOKEN)) {
    const index = token.index;
    const length = token[0].length;
    // Money and numbers are both in text order: one pass finds the money phrase a number is in.
    while (m < money.length && money[m]!.end <= index) m++;
    if (m < money.length && index >= money[m]!.start) continue;
    if (/[A-Za-z-]/.test(sentence[index - 1] ?? "")) continue;
    if (/[A-Za-z]/.test(sentence[index + length] ?? "")) continue;
    const end = index + length;
    const after = sentence.slice(end, end + NOUN_REACH);
    const people = PEOPLE_AFTER.exec(after);
    const item = people ? null : ITEM_AFTER.exec(after);
    const countries = people || item ? null : COUNTRIES_AFTER.exec(after);
    const match = people ?? item ?? countries;
    if (!match) continue;
    const before = sentence.slice(Math.max(0, index - 16), index);
    if (/\b(?:these|those|the|its|their|first|second)\s+$/i.test(before)) continue;
    const figure = readFigures(token[0])[0];
    if (!figure || figure.length !== length || !/^\d+(?:\.\d+)?$/.test(figure.value)) continue;
    const count = Number(figure.value);
    if (!Number.isSafeInteger(count) || count <= 0) continue;
    // "In 2018 Japan provided four boats": a year is not a count of what follows its words.
    if (/^(?:19|20)\d\d$/.test(figure.value) && match[1]!.trim() !== "") continue;
    found.push({
      figure: { ...figure, index },
      type: people ? "people" : "quantity",
      countries: countries !== null,
      count,
      match,
    });
  }
  return found;
}

/**
 * People and items a sentence counts: "30,000 people", "about 9.6 million people", "six used
 * vessels", "four 30-metre boats", "eight speed-boats", "participants from 14 countries"
 * (training). Not counts: a number glued to letters (G7, P-3C, FY2016), a year, a number after
 * "these"/"those"/"the" (a reference to things already counted), or a count with no training or
 * delivery in its sentence. Each number's test reads only the words next to it; the sentence's
 * training and delivery words are looked for once, so a sentence of many numbers stays linear.
 */
export function countMentions(sentence: string, money: readonly MoneyMention[]): CountMention[] {
  let training: boolean | undefined;
  let delivery: boolean | undefined;
  const mentions: CountMention[] = [];
  for (const c of countedIn(sentence, money)) {
    const cued =
      c.type === "people" || c.countries
        ? (training ??= TRAINING_CUE.test(sentence))
        : (delivery ??= DELIVERY_CUE.test(sentence));
    if (!cued) continue;
    const f = c.figure;
    const { start, qualifiers } = qualifiersBefore(sentence, f.index);
    const unit = (c.match[1]! + " " + c.match[2]!).trim().replace(/\s+/g, " ");
    mentions.push({
      type: c.type,
      start,
      end: f.index + f.length + c.match[0].length,
      at: f.index,
      count: c.count,
      unit,
      qualifiers,
    });
  }
  return mentions;
}

/**
 * Whether a line states an aid figure: money, or a count of people or items, whether or not it
 * speaks of training or delivery. A line that does is never a title.
 */
export function statesAidFigure(line: string): boolean {
  const money = moneyMentions(line);
  return money.length > 0 || countedIn(line, money).length > 0;
}

const OTHER_MONEY = new RegExp(
  String.raw`(?:€|£|\bEUR|\bGBP|\bCHF|\bAUD|\bCNY|\bKRW)\s*(?:${NUMBER})${SCALE}|(?<![\w.,])(?:${NUMBER})${SCALE}\s*(?:euros?|pounds sterling)\b`,
  "gi"
);

/** Money in other currencies, as written: the dataset cannot hold it, so it is reported, not proposed. */
export function otherMoneyIn(sentence: string): { at: number; text: string }[] {
  return [...sentence.matchAll(OTHER_MONEY)].map((m) => ({ at: m.index, text: m[0] }));
}

/** Every aid figure of a sentence, in order. */
export function mentionsIn(sentence: string): Mention[] {
  const money = moneyMentions(sentence);
  return [...money, ...countMentions(sentence, money)].sort((a, b) => a.at - b.at);
}
