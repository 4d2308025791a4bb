/**
 * What a sentence says around a figure, read as proposals for a person to check: when (fiscal
 * year, date, period), what kind of aid, for whom (a place of the taxonomy), through whom (an
 * organization) and on what theme. Every reading is a proposal; a figure is never read here.
 */
import type { Kind } from "../dataset/schema";
import type { Taxonomy } from "../places/taxonomy";
import type { ThemeList } from "../places/themes";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH = `(${MONTHS.join("|")})`;

export interface StatedWhen {
  readonly fiscalYear: number | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly announced: string | null;
  readonly periodFrom: number | null;
  readonly periodTo: number | null;
  /** "since 2007": a start with no end, said in the notes (a record's period needs both ends). */
  readonly since: number | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

interface DateAt {
  readonly at: number;
  readonly end: number;
  readonly value: string;
}

/** Month-year dates ("in August 2016", "27 August 2016", "August 27, 2016") and bare years after in/by. */
function datesIn(sentence: string): DateAt[] {
  const found: DateAt[] = [];
  const taken: [number, number][] = [];
  const full = new RegExp(
    String.raw`\b(?:(\d{1,2})\s+)?${MONTH}\s+(?:(\d{1,2}),\s+)?((?:19|20|21)\d{2})\b`,
    "g"
  );
  for (const m of sentence.matchAll(full)) {
    const month = MONTHS.indexOf(m[2]!) + 1;
    const day = m[1] ?? m[3];
    const value = `${m[4]}-${pad(month)}${day ? `-${pad(Number(day))}` : ""}`;
    found.push({ at: m.index, end: m.index + m[0].length, value });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of sentence.matchAll(
    /\b(?:[Ii]n|[Bb]y)\s+((?:19|20|21)\d{2})\b(?!\s*(?:to|-|–))/g
  )) {
    const at = m.index + m[0].length - 4;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    found.push({ at, end: at + 4, value: m[1]! });
  }
  return found;
}

/**
 * When a sentence says its figures happened: the fiscal year when it says FY, a period "from 2016
 * to 2018" / "over the period of 2001 to ... 2016", else the date nearest the figure. Dates inside
 * a period ("to the end of August 2016") are the period's, not an announcement. The sentence is
 * read once; each figure's date is then found by a binary search, so many figures stay linear.
 */
export function statedWhenIn(sentence: string): (at: number) => StatedWhen {
  const fy = /\bFY\s?((?:19|20|21)\d{2})\b/.exec(sentence);
  const period = new RegExp(
    String.raw`\b(?:from|between|of)\s+((?:19|20|21)\d{2})\s+(?:to|and|through|until|-|–)\s+(?:the end of\s+)?(?:${MONTH}\s+)?((?:19|20|21)\d{2})\b`
  ).exec(sentence);
  const since = /\bsince\s+((?:19|20|21)\d{2})\b/i.exec(sentence);
  const inPeriod = (d: DateAt) =>
    period !== null && d.at >= period.index && d.at < period.index + period[0].length;
  const dates = fy
    ? []
    : datesIn(sentence)
        .filter((d) => !inPeriod(d) && !(since && d.at === since.index + since[0].length - 4))
        .sort((a, b) => a.at - b.at);
  const stated = {
    fiscalYear: fy ? Number(fy[1]) : null,
    periodFrom: period ? Number(period[1]) : null,
    periodTo: period ? Number(period[3]) : null,
    since: since ? Number(since[1]) : null,
  };
  return (at) => ({ ...stated, announced: nearest(dates, at)?.value ?? null });
}

/**
 * The item of `sorted` (by `at`) nearest to offset `at`; on a tie, the earlier one. A binary
 * search: the nearest is the last item at or before `at` or the first after it.
 */
function nearest<T extends { readonly at: number }>(sorted: readonly T[], at: number): T | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  const before = sorted[lo - 1];
  const after = sorted[lo];
  if (!before) return after ?? null;
  if (!after) return before;
  return after.at - at < at - before.at ? after : before;
}

/** A month written without its year ("in August"), as 1-12, or null. */
export function bareMonthIn(sentence: string): number | null {
  const m = new RegExp(String.raw`\b(?:in|on|by)\s+${MONTH}\b(?!\s+\d)`).exec(sentence);
  return m ? MONTHS.indexOf(m[1]!) + 1 : null;
}

/** The month-year date a sentence states, for carrying an announcement date to the next sentences. */
export function monthDateIn(sentence: string): string | null {
  const withMonth = datesIn(sentence).filter((d) => d.value.length >= 7);
  return withMonth.length > 0 ? withMonth[withMonth.length - 1]!.value : null;
}

/** A proposed kind and the words it was read from. */
export interface KindReading {
  readonly kind: Kind | null;
  readonly cue: string | null;
}

/**
 * The kind a sentence's words suggest for its money figures: loans and grant aid by name; a total
 * "contributed"/"disbursed" with no year, or a span of years, as cumulative; contributions and
 * funding; announcements and decisions as pledges. Null when the words say nothing. The words are
 * looked for once per sentence; what differs by figure (its date, "a total of") is applied after.
 */
export function moneyKindIn(
  sentence: string
): (when: StatedWhen, totalled: boolean) => KindReading {
  const cue = (re: RegExp) => re.exec(sentence)?.[0] ?? null;
  const loan = cue(/\b(?:ODA )?loans?\b/i);
  const grant = cue(/\bgrant aid\b|\bgrants?\b/i);
  const overSpan = cue(/\bover the period\b|\bto date\b|\bsince (?:19|20)\d{2}\b/i);
  const paid = /\b(?:contributed|disbursed)\b/i.test(sentence);
  const contribution = cue(/\bcontribut\w*|\bfunding\b/i);
  const pledge = cue(
    /\bpledg\w*|\bannounc\w*|\bcommitted\b|\bwould (?:provide|implement|extend)\b|\bwill (?:provide|implement|extend)\b|\bdecided to (?:provide|extend)\b/i
  );
  return (when, totalled) => {
    if (loan) return { kind: "loan", cue: loan };
    if (grant) return { kind: "grant", cue: grant };
    const undated = when.fiscalYear === null && when.announced === null;
    if (overSpan || (totalled && undated && paid))
      return { kind: "cumulative", cue: overSpan ?? "a total of" };
    if (contribution) return { kind: "contribution", cue: contribution };
    if (pledge) return { kind: "pledge", cue: pledge };
    return { kind: null, cue: null };
  };
}

/** The kind for delivered items: a loan or grant aid when the sentence says so, else in kind. */
export function proposeItemKind(sentence: string): KindReading {
  const loan = /\b(?:ODA )?loans?\b/i.exec(sentence);
  if (loan) return { kind: "loan", cue: loan[0] };
  const grant = /\bgrant aid\b/i.exec(sentence);
  if (grant) return { kind: "grant", cue: grant[0] };
  return { kind: "in-kind", cue: null };
}

/** A place of the taxonomy named in the text. */
export type NamedPlace =
  | {
      readonly kind: "country";
      readonly name: string;
      readonly iso2: string;
      readonly region: string;
      readonly subregion: string | null;
    }
  | { readonly kind: "subregion"; readonly name: string; readonly region: string }
  | { readonly kind: "region"; readonly name: string };

interface PlaceName {
  readonly pattern: RegExp;
  readonly place: NamedPlace;
}

/** A word of letters: where a place's name can start. */
const FIRST_WORD = /^[\p{L}\p{M}]+/u;
const WORDS = /[\p{L}\p{M}]+/gu;

/** The donor is not a recipient: its name is never proposed as one. */
const DONOR = "JP";

/**
 * Finds the taxonomy's places by name in text: names and aliases (not the ISO codes, which are
 * ordinary words such as "IT" or "TO"), case as written, "Asian"/"African" for the region.
 */
export class PlaceFinder {
  /** Each name's pattern (sticky), by the name's first word, longer names first. */
  private readonly byFirstWord = new Map<string, PlaceName[]>();

  constructor(taxonomy: Taxonomy) {
    const add = (name: string, place: NamedPlace) => {
      if (name.length < 4 && name.toUpperCase() === name) return;
      const first = FIRST_WORD.exec(name)?.[0];
      if (first === undefined) return;
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]");
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ pattern: new RegExp(String.raw`\b${escaped}n?\b`, "y"), place });
      this.byFirstWord.set(first, list);
    };
    for (const region of taxonomy.regions) {
      if (region.name === "Global") continue;
      for (const n of [region.name, ...region.aliases])
        add(n, { kind: "region", name: region.name });
      for (const sub of region.subregions)
        for (const n of [sub.name, ...sub.aliases])
          add(n, { kind: "subregion", name: sub.name, region: region.name });
    }
    for (const c of taxonomy.countries) {
      if (c.iso2 === DONOR) continue;
      for (const n of [c.name, ...c.aliases])
        add(n, {
          kind: "country",
          name: c.name,
          iso2: c.iso2,
          region: c.region,
          subregion: c.subregion,
        });
    }
    // Longer names first, so "Southeast Asia" wins over "Asia" at the same place.
    for (const list of this.byFirstWord.values())
      list.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  }

  /**
   * Places named in `text`, each with its offset, in text order; a name inside a longer one is not
   * counted. One pass over the text's words: at each word, only the names that start with it
   * ("Asian" also tries the names starting "Asia") are tried, the longest match taken.
   */
  find(text: string): PlaceAt[] {
    const found: PlaceAt[] = [];
    let covered = 0;
    for (const w of text.matchAll(WORDS)) {
      if (w.index < covered) continue;
      const word = w[0];
      const names = [
        ...(this.byFirstWord.get(word) ?? []),
        ...(word.endsWith("n") ? (this.byFirstWord.get(word.slice(0, -1)) ?? []) : []),
      ];
      let best: PlaceAt | null = null;
      for (const { pattern, place } of names) {
        pattern.lastIndex = w.index;
        const m = pattern.exec(text);
        if (m && (!best || m[0].length > best.end - best.at))
          best = { at: w.index, end: w.index + m[0].length, place };
      }
      if (best) {
        found.push(best);
        covered = best.end;
      }
    }
    return found;
  }

  /** The places of a sentence a figure can be for: names inside brackets (a list of members, an aside) are left out. */
  recipientsIn(text: string): PlaceAt[] {
    const depth = bracketDepths(text);
    return this.find(text).filter((f) => depth[f.at] === 0);
  }
}

/** A place named at an offset of a text. */
export interface PlaceAt {
  readonly at: number;
  readonly end: number;
  readonly place: NamedPlace;
}

/** The bracket depth at each offset of the text, in one pass. */
function bracketDepths(text: string): Uint32Array {
  const depths = new Uint32Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depths[i] = depth;
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && depth > 0) depth--;
  }
  depths[text.length] = depth;
  return depths;
}

/** The farthest a clause reaches either side of its figure. */
const CLAUSE_REACH = 200;

/**
 * The clause around offset `at`: from the comma, semicolon or colon before it (outside brackets)
 * to the one after it, as offsets [from, to), at most CLAUSE_REACH characters either side.
 * "Having completed its grant to Sri Lanka in 2017, Japan delivered five radars for Malaysia's
 * coast guard": the figure's clause names Malaysia.
 */
export function clauseAround(text: string, at: number): { from: number; to: number } {
  const OPEN = 40; // (
  const CLOSE = 41; // )
  const isDigit = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  // , ; : end a clause; a comma inside a number ("100,000") does not.
  const breaksAt = (i: number) => {
    const c = text.charCodeAt(i);
    return c === 59 || c === 58 || (c === 44 && !(isDigit(i - 1) && isDigit(i + 1)));
  };
  let from = at;
  for (let depth = 0; from > 0 && at - from < CLAUSE_REACH; from--) {
    const c = text.charCodeAt(from - 1);
    if (c === CLOSE) depth++;
    else if (c === OPEN) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && breaksAt(from - 1)) break;
  }
  let to = at;
  for (let depth = 0; to < text.length && to - at < CLAUSE_REACH; to++) {
    const c = text.charCodeAt(to);
    if (c === OPEN) depth++;
    else if (c === CLOSE) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && breaksAt(to)) break;
  }
  return { from, to };
}

/** Bodies of a state that receive deliveries: "Malaysia's coast guard", "the police of Cambodia". */
const BODIES =
  "coast guards?|coastguards?|navy|navies|police|customs|border guards?|armed forces|military|ministry|ministries|authorities|government";
const OWNER_AFTER = new RegExp(String.raw`^n?['’]s?\s+(?:${BODIES})\b`, "i");
const OWNER_BEFORE = new RegExp(String.raw`\b(?:${BODIES})\s+of\s+(?:the\s+)?$`, "i");
const AFTER_TO = /\bto\s+(?:the\s+)?$/;

/**
 * A sentence's places, read once, each list in text order: all of them; those written after "to";
 * and those marked as a recipient, after "to" or as the owner of a body that receives
 * ("Malaysia's coast guard", "the coast guard of Viet Nam").
 */
export interface SentencePlaces {
  readonly all: readonly PlaceAt[];
  readonly afterTo: readonly PlaceAt[];
  readonly marked: readonly PlaceAt[];
}

export function sentencePlaces(text: string, finder: PlaceFinder): SentencePlaces {
  const all = finder.recipientsIn(text);
  const before = (p: PlaceAt) => text.slice(Math.max(0, p.at - 32), p.at);
  const afterTo = all.filter((p) => AFTER_TO.test(before(p)));
  const marked = all.filter(
    (p) =>
      AFTER_TO.test(before(p)) ||
      OWNER_BEFORE.test(before(p)) ||
      OWNER_AFTER.test(text.slice(p.end, p.end + 32))
  );
  return { all, afterTo, marked };
}

/**
 * The place a figure at `at` is for: the one its own clause marks as a recipient (after "to", or
 * "…'s coast guard"), nearest the figure; else the one written after "to" nearest it in the
 * sentence ("grant aid to Indonesia, a total of … for … Singapore Straits"); else the nearest
 * after it in its clause ("for Asia"), else before it; else the same in the whole sentence.
 * Binary searches over the sentence's places, so many figures stay linear.
 */
export function nearestPlace(
  places: SentencePlaces,
  at: number,
  clause: { from: number; to: number }
): NamedPlace | null {
  const whole = { from: 0, to: Number.MAX_VALUE };
  return (
    nearestIn(places.marked, at, clause) ??
    nearestIn(places.afterTo, at, whole) ??
    afterElseBefore(places.all, at, clause) ??
    afterElseBefore(places.all, at, whole)
  );
}

/** The place of `sorted` within [from, to) nearest `at` (the earlier on a tie). */
function nearestIn(
  sorted: readonly PlaceAt[],
  at: number,
  { from, to }: { from: number; to: number }
): NamedPlace | null {
  const lo = firstAtOrAfter(sorted, from);
  const hi = firstAtOrAfter(sorted, to);
  if (hi === lo) return null;
  const i = Math.min(Math.max(firstAtOrAfter(sorted, at), lo), hi);
  const before = i > lo ? sorted[i - 1]! : null;
  const next = i < hi ? sorted[i]! : null;
  if (!before) return next!.place;
  if (!next) return before.place;
  return next.at - at < at - before.at ? next.place : before.place;
}

/** The first place of `sorted` within [from, to) at or after `at`, else the last before it. */
function afterElseBefore(
  sorted: readonly PlaceAt[],
  at: number,
  { from, to }: { from: number; to: number }
): NamedPlace | null {
  const lo = firstAtOrAfter(sorted, from);
  const hi = firstAtOrAfter(sorted, to);
  if (hi === lo) return null;
  const i = Math.min(Math.max(firstAtOrAfter(sorted, at), lo), hi);
  return i < hi ? sorted[i]!.place : sorted[hi - 1]!.place;
}

/** Index of the first item of `sorted` whose offset is at or after `at` (its length when none is). */
function firstAtOrAfter(sorted: readonly { readonly at: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Small words a proper name may hold: "Code of Conduct", "off the Coast of". */
const NAME_JOINERS = new Set(["of", "for", "and", "on", "off", "the", "to", "in"]);

/** How far (characters) a fund's name may stand from the figure and still be its recipient. */
const FUND_REACH = 60;

/** The most words a fund's name may have on either side of "Fund". */
const FUND_NAME_WORDS = 16;

/** A fund named in a sentence, by its name in data/recipients.json or one of its aliases (the Somalia piracy trust fund). */
export interface FundName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The funds a sentence names, in text order, and the length of the longest name. */
export interface SentenceFunds {
  readonly names: readonly FundName[];
  readonly longest: number;
}

/** The funds a sentence names, each name read at most FUND_NAME_WORDS words either side of "Fund". */
export function fundNamesIn(sentence: string): SentenceFunds {
  const funds: FundName[] = [];
  if (!sentence.includes("Fund")) return { names: funds, longest: 0 };
  const words = [...sentence.matchAll(/[^\s]+/g)].map((m) => ({ text: m[0], at: m.index }));
  const bare = (w: string) => w.replace(/[,;:.()“”"]+$/g, "");
  const isName = (w: string) => /^[A-Z][\w’'-]*$/.test(bare(w)) && !/[,;:.(]$/.test(w);
  words.forEach((w, i) => {
    if (bare(w.text) !== "Fund") return;
    let from = i;
    while (from > 0 && i - from < FUND_NAME_WORDS) {
      const prev = words[from - 1]!.text;
      if (/[,;:.)]$/.test(prev)) break;
      if (isName(prev) || (NAME_JOINERS.has(prev) && prev !== "the")) from--;
      else break;
    }
    let to = i;
    if (!/[,;:.)]$/.test(w.text)) {
      while (to + 1 < words.length && to - i < FUND_NAME_WORDS) {
        const next = words[to + 1]!.text;
        if (next.startsWith("(")) break;
        const word = bare(next);
        if (!(/^[A-Z]/.test(word) || NAME_JOINERS.has(word))) break;
        to++;
        if (/[,;:.)]$/.test(next)) break;
      }
    }
    while (to > i && NAME_JOINERS.has(bare(words[to]!.text))) to--;
    while (from < i && NAME_JOINERS.has(words[from]!.text)) from++;
    if (from === i) return;
    const name = words
      .slice(from, to + 1)
      .map((x) => x.text)
      .join(" ")
      .replace(/[,;:.]+$/, "");
    funds.push({ name, start: words[from]!.at, end: words[to]!.at + words[to]!.text.length });
  });
  return { names: funds, longest: funds.reduce((n, f) => Math.max(n, f.end - f.start), 0) };
}

/** The fund named nearest the figure at `at`, within FUND_REACH characters of it (`funds` in text order). */
export function fundNear({ names: funds, longest }: SentenceFunds, at: number): string | null {
  let best = null as { name: string; distance: number } | null;
  // Only names starting within the reach, give or take the longest name, can be near: a binary search finds the first.
  let lo = 0;
  let hi = funds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (funds[mid]!.start < at - FUND_REACH - longest) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < funds.length && funds[i]!.start <= at + FUND_REACH; i++) {
    const f = funds[i]!;
    const distance = f.start > at ? f.start - at : Math.max(0, at - f.end);
    if (distance <= FUND_REACH && (!best || distance < best.distance))
      best = { name: f.name, distance };
  }
  return best?.name ?? null;
}

/** Organizations that channel aid, as the reports name them. */
const CHANNELS = [
  "UNODC",
  "IMO",
  "IOM",
  "UNDP",
  "UNICEF",
  "UNHCR",
  "WFP",
  "INTERPOL",
  "JICA",
  "JAIF",
  "HIDA",
];

/** Organizations that receive contributions (not agencies that implement Japan's own aid). */
const RECEIVING = ["UNODC", "IMO", "IOM", "UNDP", "UNICEF", "UNHCR", "WFP", "INTERPOL"];

const RECEIVING_NAMES = new RegExp(String.raw`\b(?:${RECEIVING.join("|")})\b`);
/** Whether a sentence names a receiving organization at all: when not, no figure of it needs receivingOrganization. */
export function namesAnOrganization(sentence: string): boolean {
  return RECEIVING_NAMES.test(sentence);
}

/** How far after a figure the organization it goes "to" may be named. */
const ORGANIZATION_REACH = 200;

/** An organization the figure is given to: "to a UNODC project", "to the ... Project of UNODC". */
export function receivingOrganization(sentence: string, at: number): string | null {
  const after = sentence.slice(at, at + ORGANIZATION_REACH).split(/[;.](?:\s|$)/)[0]!;
  for (const name of RECEIVING) {
    if (new RegExp(String.raw`\bto\b[^,;]{0,80}?\b${name}\b`).test(after)) return name;
  }
  return null;
}

const CHANNEL_NAMES = new RegExp(String.raw`\b(?:${CHANNELS.join("|")})\b`, "g");

/** The organizations a sentence names, in text order, for proposeChannel. */
export function channelsIn(sentence: string): { at: number; name: string }[] {
  return [...sentence.matchAll(CHANNEL_NAMES)].map((m) => ({ at: m.index, name: m[0] }));
}

/** The organization named nearest the figure, as a proposed channel. */
export function proposeChannel(
  channels: readonly { at: number; name: string }[],
  at: number
): string | null {
  return nearest(channels, at)?.name ?? null;
}

/**
 * The themes' ids, labels and aliases as patterns, compiled once: `inSentence` finds every one a
 * sentence names (once per sentence), `propose` the one nearest a figure, else the one the
 * innermost heading names.
 */
export class ThemeReader {
  private readonly names: { id: string; pattern: RegExp }[];
  private readonly byPath = new Map<string, string | null>();

  constructor(themes: ThemeList) {
    this.names = themes.themes.flatMap((t) =>
      [t.id, t.label, ...t.aliases].map((n) => ({
        id: t.id,
        pattern: new RegExp(String.raw`\b${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\b`, "gi"),
      }))
    );
  }

  /** Every theme name of a sentence, in text order. */
  inSentence(sentence: string): { at: number; id: string }[] {
    const found: { at: number; id: string }[] = [];
    for (const { id, pattern } of this.names)
      for (const m of sentence.matchAll(pattern)) found.push({ at: m.index, id });
    // Stable: at one offset, the theme listed first wins, as it did when each was tried in turn.
    return found.sort((a, b) => a.at - b.at);
  }

  /** The theme named nearest the figure in its sentence; else the one the innermost heading names; else null. */
  propose(
    inSentence: readonly { at: number; id: string }[],
    at: number,
    path: readonly string[]
  ): { id: string; from: "sentence" | "heading" } | null {
    const near = nearest(inSentence, at);
    if (near) return { id: near.id, from: "sentence" };
    const key = path.join("\u0000");
    let id = this.byPath.get(key);
    if (id === undefined) {
      id = null;
      for (const heading of [...path].reverse()) {
        const hit = this.names.find((n) => new RegExp(n.pattern.source, "i").test(heading));
        if (hit) {
          id = hit.id;
          break;
        }
      }
      this.byPath.set(key, id);
    }
    return id === null ? null : { id, from: "heading" };
  }
}
