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
 * When a sentence says the figure at offset `at` happened: the fiscal year when it says FY, a
 * period "from 2016 to 2018" / "over the period of 2001 to ... 2016", else the date nearest the
 * figure. Dates inside a period ("to the end of August 2016") are the period's, not an announcement.
 */
export function statedWhen(sentence: string, at: number): StatedWhen {
  const fy = /\bFY\s?((?:19|20|21)\d{2})\b/.exec(sentence);
  const period = new RegExp(
    String.raw`\b(?:from|between|of)\s+((?:19|20|21)\d{2})\s+(?:to|and|through|until|-|–)\s+(?:the end of\s+)?(?:${MONTH}\s+)?((?:19|20|21)\d{2})\b`
  ).exec(sentence);
  const since = /\bsince\s+((?:19|20|21)\d{2})\b/i.exec(sentence);
  const inPeriod = (d: DateAt) =>
    period !== null && d.at >= period.index && d.at < period.index + period[0].length;
  const dates = datesIn(sentence).filter(
    (d) => !inPeriod(d) && !(since && d.at === since.index + since[0].length - 4)
  );
  dates.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at) || a.at - b.at);
  return {
    fiscalYear: fy ? Number(fy[1]) : null,
    announced: fy ? null : (dates[0]?.value ?? null),
    periodFrom: period ? Number(period[1]) : null,
    periodTo: period ? Number(period[3]) : null,
    since: since ? Number(since[1]) : null,
  };
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
 * The kind a sentence's words suggest for a money figure: loans and grant aid by name; a total
 * "contributed"/"disbursed" with no year, or a span of years, as cumulative; contributions and
 * funding; announcements and decisions as pledges. Null when the words say nothing.
 */
export function proposeMoneyKind(
  sentence: string,
  when: StatedWhen,
  totalled: boolean
): KindReading {
  const cue = (re: RegExp) => re.exec(sentence)?.[0] ?? null;
  const loan = cue(/\b(?:ODA )?loans?\b/i);
  if (loan) return { kind: "loan", cue: loan };
  const grant = cue(/\bgrant aid\b|\bgrants?\b/i);
  if (grant) return { kind: "grant", cue: grant };
  const undated = when.fiscalYear === null && when.announced === null;
  const overSpan = cue(/\bover the period\b|\bto date\b|\bsince (?:19|20)\d{2}\b/i);
  if (overSpan || (totalled && undated && /\b(?:contributed|disbursed)\b/i.test(sentence)))
    return { kind: "cumulative", cue: overSpan ?? "a total of" };
  const contribution = cue(/\bcontribut\w*|\bfunding\b/i);
  if (contribution) return { kind: "contribution", cue: contribution };
  const pledge = cue(
    /\bpledg\w*|\bannounc\w*|\bcommitted\b|\bwould (?:provide|implement|extend)\b|\bwill (?:provide|implement|extend)\b|\bdecided to (?:provide|extend)\b/i
  );
  if (pledge) return { kind: "pledge", cue: pledge };
  return { kind: null, cue: null };
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

/** The donor is not a recipient: its name is never proposed as one. */
const DONOR = "JP";

/**
 * Finds the taxonomy's places by name in text: names and aliases (not the ISO codes, which are
 * ordinary words such as "IT" or "TO"), case as written, "Asian"/"African" for the region.
 */
export class PlaceFinder {
  private readonly names: PlaceName[] = [];

  constructor(taxonomy: Taxonomy) {
    const add = (name: string, place: NamedPlace) => {
      if (name.length < 4 && name.toUpperCase() === name) return;
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]");
      this.names.push({ pattern: new RegExp(String.raw`\b${escaped}n?\b`, "g"), place });
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
    this.names.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  }

  /** Places named in `text`, each with its offset; a name inside a longer one is not counted. */
  find(text: string): { at: number; end: number; place: NamedPlace }[] {
    const found: { at: number; end: number; place: NamedPlace }[] = [];
    for (const { pattern, place } of this.names) {
      for (const m of text.matchAll(pattern)) {
        const end = m.index + m[0].length;
        if (found.some((f) => m.index < f.end && end > f.at)) continue;
        found.push({ at: m.index, end, place });
      }
    }
    return found.sort((a, b) => a.at - b.at);
  }

  /**
   * The place a figure is for: one written after "to" ("grant aid to Indonesia"), nearest the
   * figure; else the nearest after it ("for Asia", "in Myanmar"); else the nearest before. Names
   * inside brackets are a list of members or an aside, not the recipient.
   */
  nearest(text: string, at: number): NamedPlace | null {
    const all = this.find(text).filter((f) => !insideBrackets(text, f.at));
    const afterTo = all
      .filter((f) => /\bto\s+(?:the\s+)?$/.test(text.slice(Math.max(0, f.at - 12), f.at)))
      .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at));
    if (afterTo[0]) return afterTo[0].place;
    const after = all.find((f) => f.at >= at);
    if (after) return after.place;
    return all.length > 0 ? all[all.length - 1]!.place : null;
  }
}

function insideBrackets(text: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && depth > 0) depth--;
  }
  return depth > 0;
}

/** Small words a proper name may hold: "Code of Conduct", "off the Coast of". */
const NAME_JOINERS = new Set(["of", "for", "and", "on", "off", "the", "to", "in"]);

/** How far (characters) a fund's name may stand from the figure and still be its recipient. */
const FUND_REACH = 60;

export function fundNameNear(sentence: string, at: number): string | null {
  const words = [...sentence.matchAll(/[^\s]+/g)].map((m) => ({ text: m[0], at: m.index }));
  const bare = (w: string) => w.replace(/[,;:.()“”"]+$/g, "");
  const isName = (w: string) => /^[A-Z][\w’'-]*$/.test(bare(w)) && !/[,;:.(]$/.test(w);
  let best = null as { name: string; distance: number } | null;
  words.forEach((w, i) => {
    if (bare(w.text) !== "Fund") return;
    let from = i;
    while (from > 0) {
      const prev = words[from - 1]!.text;
      if (/[,;:.)]$/.test(prev)) break;
      if (isName(prev) || (NAME_JOINERS.has(prev) && prev !== "the")) from--;
      else break;
    }
    let to = i;
    if (!/[,;:.)]$/.test(w.text)) {
      while (to + 1 < words.length && to - from < 16) {
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
    const name = words
      .slice(from, to + 1)
      .map((x) => x.text)
      .join(" ")
      .replace(/[,;:.]+$/, "");
    const start = words[from]!.at;
    const end = words[to]!.at + words[to]!.text.length;
    const distance = start > at ? start - at : Math.max(0, at - end);
    if (from < i && distance <= FUND_REACH && (!best || distance < best.distance))
      best = { name, distance };
  });
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

/** An organization the figure is given to: "to a UNODC project", "to the ... Project of UNODC". */
export function receivingOrganization(sentence: string, at: number): string | null {
  const after = sentence.slice(at).split(/[;.](?:\s|$)/)[0]!;
  for (const name of RECEIVING) {
    if (new RegExp(String.raw`\bto\b[^,;]{0,80}?\b${name}\b`).test(after)) return name;
  }
  return null;
}

/** The organization named nearest the figure, as a proposed channel. */
export function proposeChannel(sentence: string, at: number): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of CHANNELS) {
    for (const m of sentence.matchAll(new RegExp(String.raw`\b${name}\b`, "g"))) {
      const distance = Math.abs(m.index - at);
      if (!best || distance < best.distance) best = { name, distance };
    }
  }
  return best?.name ?? null;
}

/**
 * The theme whose id, label or alias is written nearest the figure in its sentence; else the one
 * the innermost heading names; else null.
 */
export function proposeTheme(
  themes: ThemeList,
  sentence: string,
  at: number,
  path: readonly string[]
): { id: string; from: "sentence" | "heading" } | null {
  const names = themes.themes.flatMap((t) =>
    [t.id, t.label, ...t.aliases].map((n) => ({
      id: t.id,
      pattern: new RegExp(String.raw`\b${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\b`, "i"),
    }))
  );
  let best: { id: string; distance: number } | null = null;
  for (const { id, pattern } of names) {
    const global = new RegExp(pattern.source, "gi");
    for (const m of sentence.matchAll(global)) {
      const distance = Math.abs(m.index - at);
      if (!best || distance < best.distance) best = { id, distance };
    }
  }
  if (best) return { id: best.id, from: "sentence" };
  for (const heading of [...path].reverse()) {
    const hit = names.find((n) => n.pattern.test(heading));
    if (hit) return { id: hit.id, from: "heading" };
  }
  return null;
}
