/**
 * `aid extract`: from a report's plain text to candidate records in the dataset's own columns.
 * One candidate per aid figure (money, people to be trained, delivered items), each with its
 * evidence phrase as written, its heading path and what the sentence says about when, what kind,
 * for whom and on what theme. Figures are read from the text, never made up; what the text does
 * not say is left blank for a person to fill, and every reading of words is named a proposal in
 * `notes`.
 */
import type { FieldRow } from "../dataset/io";
import type { ReferenceData } from "../ledger";
import {
  bareMonthIn,
  channelsIn,
  clauseAround,
  fundNamesIn,
  fundNear,
  type KindReading,
  moneyKindIn,
  monthDateIn,
  namesAnOrganization,
  type NamedPlace,
  nearestPlace,
  PlaceFinder,
  proposeChannel,
  proposeItemKind,
  receivingOrganization,
  sentencePlaces,
  type StatedWhen,
  statedWhenIn,
  ThemeReader,
} from "./context";
import { type Mention, mentionsIn, otherMoneyIn } from "./mentions";
import {
  lineAt,
  type Paragraph,
  readStructure,
  type ReportStructure,
  type Sentence,
} from "./structure";

/** The most words an evidence phrase may have (the project carries phrases under 12 words). */
export const MAX_EVIDENCE_WORDS = 11;

export interface ExtractOptions {
  /** File name of the report, as records name it (sourceFile). */
  readonly sourceFile: string;
  /** Title of the report; default: the first line of its preamble, if it has one. */
  readonly documentTitle?: string;
  /** Who gives; default Japan, as in every MOFA report. */
  readonly donor?: string;
}

/** A candidate record and where its figure stands in the text. */
export interface Candidate {
  readonly row: FieldRow;
  /** 1-based line of the paragraph. */
  readonly line: number;
  /** The sentence stating the figure, by offsets in the text. */
  readonly sentence: { readonly start: number; readonly end: number };
  /** Required fields left blank for a person to fill. */
  readonly blanks: readonly string[];
}

export interface Extraction {
  readonly candidates: readonly Candidate[];
  readonly sourceTitle: string | null;
  /** Money in a currency the dataset cannot hold (it holds USD and JPY), by line: for a person to read. */
  readonly otherCurrencies: readonly { readonly line: number; readonly text: string }[];
}

/** Every field a record must have (commitmentRecordSchema): a candidate lists each one it leaves blank. */
const REQUIRED_FIELDS = [
  "id",
  "sourceFile",
  "sourceTitle",
  "sourceSection",
  "evidence",
  "donor",
  "kind",
  "recipient",
  "recipientType",
  "region",
  "theme",
] as const;

/**
 * What a sentence says around its figures, each read once per sentence (lazily) so that a
 * sentence of many figures costs each figure only a look-up near it.
 */
class SentenceContext {
  private cache = new Map<string, unknown>();

  constructor(
    readonly sentence: Sentence,
    private readonly places: PlaceFinder,
    private readonly themes: ThemeReader
  ) {}

  private once<T>(key: string, read: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, read());
    return this.cache.get(key) as T;
  }

  /**
   * The sentence with its line breaks read as spaces (same length, same offsets), so that words a
   * hard wrap splits ("West\nAfrica", "handed\nover") read as written on one line.
   */
  get text(): string {
    return this.once("text", () => this.sentence.text.replace(/[\r\n]/g, " "));
  }
  /** Where the sentence is, one object for all its candidates (a dense sentence has thousands). */
  get span(): { readonly start: number; readonly end: number } {
    return this.once("span", () => ({ start: this.sentence.start, end: this.sentence.end }));
  }
  get when() {
    return this.once("when", () => statedWhenIn(this.text));
  }
  get bareMonth() {
    return this.once("bareMonth", () => bareMonthIn(this.text));
  }
  get moneyKind() {
    return this.once("moneyKind", () => moneyKindIn(this.text));
  }
  get itemKind() {
    return this.once("itemKind", () => proposeItemKind(this.text));
  }
  get placesNamed() {
    return this.once("places", () => sentencePlaces(this.text, this.places));
  }
  get funds() {
    return this.once("funds", () => fundNamesIn(this.text));
  }
  get namesOrganization() {
    return this.once("organizations", () => namesAnOrganization(this.text));
  }
  get channels() {
    return this.once("channels", () => channelsIn(this.text));
  }
  get themeNames() {
    return this.once("themes", () => this.themes.inSentence(this.text));
  }
  theme(at: number, path: readonly string[]) {
    return this.themes.propose(this.themeNames, at, path);
  }
}

/** Reads every aid figure of a report's text into candidate records. */
export function extractCandidates(
  text: string,
  reference: ReferenceData,
  options: ExtractOptions
): Extraction {
  const structure = readStructure(text);
  const sourceTitle = options.documentTitle?.trim() || structure.preamble[0] || null;
  const places = new PlaceFinder(reference.taxonomy);
  const themes = new ThemeReader(reference.themes);
  const ids: TakenIds = { ids: new Set(), next: new Map(), slugs: new Map() };
  const candidates: Candidate[] = [];
  const otherCurrencies: { line: number; text: string }[] = [];

  for (const paragraph of structure.paragraphs) {
    let carriedDate: string | null = null;
    for (const sentence of paragraph.sentences) {
      const context = new SentenceContext(sentence, places, themes);
      for (const m of otherMoneyIn(context.text))
        otherCurrencies.push({ line: lineAt(structure, sentence.start + m.at), text: m.text });
      let previous: { mention: Mention; id: string } | null = null;
      for (const mention of mentionsIn(context.text)) {
        const candidate = toCandidate({
          mention,
          previous,
          context,
          paragraph,
          structure,
          carriedDate,
          sourceTitle,
          options,
          ids,
        });
        candidates.push(candidate);
        previous = { mention, id: String(candidate.row.id) };
      }
      carriedDate = monthDateIn(context.text) ?? carriedDate;
    }
  }
  return { candidates, sourceTitle, otherCurrencies };
}

interface CandidateInput {
  readonly mention: Mention;
  readonly previous: { mention: Mention; id: string } | null;
  readonly context: SentenceContext;
  readonly paragraph: Paragraph;
  readonly structure: ReportStructure;
  readonly carriedDate: string | null;
  readonly sourceTitle: string | null;
  readonly options: ExtractOptions;
  readonly ids: TakenIds;
}

function toCandidate(input: CandidateInput): Candidate {
  const { sentence } = input.context;
  const line = lineAt(input.structure, sentence.start + input.mention.at);
  const notes: string[] = [];
  const proposed = proposeFields(input, notes);
  const row = candidateRow(input, proposed, candidateId(input, proposed));
  const blanks: string[] = [];
  for (const f of REQUIRED_FIELDS)
    if (row[f] === null || String(row[f]).trim() === "") blanks.push(f);
  const fill = blanks.length > 0 ? ` To fill: ${blanks.join(", ")}.` : "";
  // Set on the row just made rather than copied into a new one: a row per figure is enough.
  row.notes = `Proposed by aid extract (line ${line}), check each: ${notes.join("; ") || "nothing read"}.${fill}`;
  return {
    row,
    line,
    sentence: input.context.span,
    blanks,
  };
}

/** What the sentence around a figure proposes for its record, each proposal said in notes. */
interface ProposedFields {
  readonly when: StatedWhen;
  readonly reading: ReturnType<typeof kindOf>;
  readonly placeFields: ReturnType<typeof recipientOf>;
  readonly channel: ReturnType<typeof proposeChannel>;
  readonly theme: ReturnType<SentenceContext["theme"]>;
  readonly partOf: ReturnType<typeof partOfPrevious>;
}

function proposeFields(input: CandidateInput, notes: string[]): ProposedFields {
  const { mention, context, paragraph } = input;
  const when = whenOf(context, mention, input.carriedDate, notes);

  const reading = kindOf(context, mention, when);
  if (reading.kind)
    notes.push(`kind ${reading.kind}${reading.cue ? ` (from "${reading.cue}")` : ""}`);
  if (mention.qualifiers.includes("up to")) notes.push('the text says "up to": a ceiling');
  if (mention.qualifiers.includes("a total of")) notes.push("the text states a total");

  const placeFields = recipientOf(context, mention, notes);

  const channel = proposeChannel(context.channels, mention.at);
  if (channel) notes.push(`channel ${channel}`);

  const theme = context.theme(mention.at, paragraph.path);
  if (theme) notes.push(`theme ${theme.id} (from the ${theme.from})`);
  const partOf = partOfPrevious(mention, input.previous, context.text);
  if (partOf) notes.push(`part of ${partOf} ("including")`);
  return { when, reading, placeFields, channel, theme, partOf };
}

/** A readable id: recipient (or section), year and what is counted, made unique in the file. */
function candidateId(input: CandidateInput, { when, placeFields }: ProposedFields): string {
  const { mention, paragraph } = input;
  const countingYear =
    when.fiscalYear ?? (when.announced ? Number(when.announced.slice(0, 4)) : when.periodFrom);
  return uniqueId(
    [
      placeFields?.recipient ?? paragraph.path[paragraph.path.length - 1] ?? "candidate",
      countingYear ?? "",
      mention.type === "people"
        ? "training"
        : mention.type === "quantity"
          ? lastWord(mention.unit)
          : "",
    ],
    input.ids
  );
}

function candidateRow(
  input: CandidateInput,
  proposed: ProposedFields,
  id: string
): { -readonly [K in keyof FieldRow]: FieldRow[K] } {
  const { mention, paragraph } = input;
  const { when, reading, placeFields, channel, theme, partOf } = proposed;
  return {
    id,
    sourceFile: input.options.sourceFile,
    sourceTitle: input.sourceTitle,
    sourceSection: paragraph.path.length > 0 ? paragraph.path.join(" > ") : null,
    // Sliced from the sentence as written: a phrase across a line break keeps it, verbatim.
    evidence: evidencePhrase(input.context.sentence.text, mention),
    donor: input.options.donor ?? "Japan",
    announced: when.announced,
    fiscalYear: when.fiscalYear,
    periodFrom: when.periodFrom,
    periodTo: when.periodTo,
    kind: reading.kind,
    amount: mention.type === "money" ? mention.amount : null,
    currency: mention.type === "money" ? mention.currency : null,
    approximate: mention.qualifiers.includes("approximate"),
    equivalentAmount: mention.type === "money" ? (mention.equivalent?.amount ?? null) : null,
    equivalentCurrency: mention.type === "money" ? (mention.equivalent?.currency ?? null) : null,
    recipient: placeFields?.recipient ?? null,
    recipientType: placeFields?.recipientType ?? null,
    region: placeFields?.region ?? null,
    subregion: placeFields?.subregion ?? null,
    country: placeFields?.country ?? null,
    channel,
    theme: theme?.id ?? null,
    crsPurpose: null,
    people: mention.type === "people" ? mention.count : null,
    quantity: mention.type === "quantity" ? mention.count : null,
    unit: mention.type === "quantity" ? mention.unit : null,
    partOf,
    notes: null,
  };
}

/** When the sentence says the figure happened; a date carried from an earlier sentence is said in notes. */
function whenOf(
  context: SentenceContext,
  mention: Mention,
  carriedDate: string | null,
  notes: string[]
): StatedWhen {
  let when: StatedWhen = context.when(mention.at);
  if (when.fiscalYear === null && when.announced === null && carriedDate !== null) {
    // "Also, in August ... METI held": the month is this sentence's, the year the paragraph's.
    const month = context.bareMonth;
    const year = carriedDate.slice(0, 4);
    const announced = month ? `${year}-${String(month).padStart(2, "0")}` : carriedDate;
    when = { ...when, announced };
    notes.push(
      month
        ? `date ${announced}: the month from this sentence, the year from an earlier one`
        : `date ${announced} read from an earlier sentence of the paragraph`
    );
  }
  if (when.since !== null) notes.push(`the text says "since ${when.since}"`);
  return when;
}

/** The proposed kind: from the sentence's words for money; training for people; for items, how they were given. */
function kindOf(context: SentenceContext, mention: Mention, when: StatedWhen): KindReading {
  if (mention.type === "money")
    return context.moneyKind(when, mention.qualifiers.includes("a total of"));
  if (mention.type === "people" || /countries$/.test(mention.unit))
    return { kind: "training", cue: null };
  return context.itemKind;
}

/**
 * The proposed recipient: a fund named by the figure, an organization it goes to, else a place,
 * the one its own clause names first ("…, Japan delivered five radars for Malaysia's coast guard").
 */
function recipientOf(
  context: SentenceContext,
  mention: Mention,
  notes: string[]
): PlaceFields | null {
  const { text } = context;
  const place = nearestPlace(context.placesNamed, mention.at, clauseAround(text, mention.at));
  const fund = mention.type === "money" ? fundNear(context.funds, mention.at) : null;
  const organization =
    fund || !context.namesOrganization ? null : receivingOrganization(text, mention.at);
  const body = fund ?? organization;
  if (!body) {
    if (place) notes.push(`recipient ${place.name} (${place.kind})`);
    return place ? fieldsOfPlace(place) : null;
  }
  const fromPlace = place ? fieldsOfPlace(place) : null;
  notes.push(
    `recipient ${body} (${fund ? "fund" : "organization"})${place ? `, region from ${place.name}` : ""}`
  );
  return {
    recipient: body,
    recipientType: fund ? "fund" : "organization",
    region: fromPlace?.region ?? null,
    subregion: fromPlace?.subregion ?? null,
    country: null,
  };
}

interface PlaceFields {
  recipient: string;
  recipientType: "country" | "region" | "organization" | "fund";
  region: string | null;
  subregion: string | null;
  country: string | null;
}

function fieldsOfPlace(place: NamedPlace): PlaceFields {
  switch (place.kind) {
    case "country":
      return {
        recipient: place.name,
        recipientType: "country",
        region: place.region,
        subregion: place.subregion,
        country: place.iso2,
      };
    case "subregion":
      return {
        recipient: place.name,
        recipientType: "region",
        region: place.region,
        subregion: place.name,
        country: null,
      };
    case "region":
      return {
        recipient: place.name,
        recipientType: "region",
        region: place.name,
        subregion: null,
        country: null,
      };
  }
}

/**
 * A figure stated as included in the one before it ("$120 million, including human resources
 * development for 30,000 people") is part of it: the dataset's partOf rule. One stated beside it
 * ("and") is not.
 */
function partOfPrevious(
  mention: Mention,
  previous: { mention: Mention; id: string } | null,
  sentence: string
): string | null {
  if (!previous || mention.type === "money") return null;
  const between = sentence.slice(previous.mention.end, mention.start);
  return /\binclud(?:e|es|ing)\b/i.test(between) ? previous.id : null;
}

function lastWord(unit: string): string {
  return unit.split(" ").pop() ?? unit;
}

/** Ids given so far, and for each base the next number to try, so that many alike stay linear. */
interface TakenIds {
  readonly ids: Set<string>;
  readonly next: Map<string, number>;
  readonly slugs: Map<string, string>;
}

/** One part's slug, remembered: the same recipients and years recur through a report. */
function slugOf(part: string, slugs: Map<string, string>): string {
  let slug = slugs.get(part);
  if (slug === undefined) {
    slug = part
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (slug.length > 40) slug = slug.slice(0, 40).replace(/-[^-]*$/, "");
    slugs.set(part, slug);
  }
  return slug;
}

/** A slug from the parts, made unique with -2, -3, ... */
function uniqueId(parts: readonly (string | number)[], taken: TakenIds): string {
  let base = "";
  for (const part of parts) {
    const slug = slugOf(String(part), taken.slugs);
    if (slug !== "") base = base === "" ? slug : `${base}-${slug}`;
  }
  if (base === "") base = "candidate";
  let n = taken.next.get(base) ?? 1;
  let id = n === 1 ? base : `${base}-${n}`;
  while (taken.ids.has(id)) id = `${base}-${++n}`;
  taken.next.set(base, n + 1);
  taken.ids.add(id);
  return id;
}

/** How far either side of a figure its evidence phrase's words are looked for. */
const EVIDENCE_REACH = 160;

/**
 * The evidence phrase: the figure as written (with its qualifier and bracketed equivalent), then
 * the words after it up to a clause break, then words before it, under 12 words in all. Always a
 * verbatim substring of the sentence.
 */
export function evidencePhrase(sentence: string, mention: Mention): string {
  const walk = new WordWalker(sentence, mention.start, mention.end);
  const words: Word[] = [walk.first()];
  while (words[words.length - 1]!.end < mention.end) {
    const next = walk.after(words[words.length - 1]!);
    if (!next) break;
    words.push(next);
  }
  const firstOfFigure = words[0]!;
  // Words after the figure, up to a clause break.
  if (!breaksAfter(sentence, words[words.length - 1]!)) {
    while (words.length < 9) {
      const next = walk.after(words[words.length - 1]!);
      if (!next || /^[(\d]/.test(sentence[next.start]!)) break;
      words.push(next);
      if (breaksAfter(sentence, next)) break;
    }
  }
  // Words before it, never across a clause break.
  while (words.length < 10) {
    const previous = walk.before(words[0]!);
    if (!previous || breaksBefore(sentence, previous)) break;
    words.unshift(previous);
  }
  while (words.length > MAX_EVIDENCE_WORDS && words[words.length - 1] !== firstOfFigure)
    words.pop();
  return trimPhrase(sentence.slice(words[0]!.start, words[words.length - 1]!.end));
}

interface Word {
  readonly start: number;
  readonly end: number;
}

// Module functions, not closures per phrase: a dense report makes 55,000 phrases a megabyte.
const lastCharOf = (sentence: string, w: Word, back = 1) => sentence[w.end - back] ?? "";
const breaksAfter = (sentence: string, w: Word) =>
  ",;:.)".includes(lastCharOf(sentence, w)) &&
  !(/\d/.test(lastCharOf(sentence, w, 2)) && ".,".includes(lastCharOf(sentence, w)));
const breaksBefore = (sentence: string, w: Word) => ",;:.".includes(lastCharOf(sentence, w));

/**
 * The words (runs of non-space characters) around a figure, one at a time, within EVIDENCE_REACH
 * of it: a word cut by that reach is not a word of the phrase (unless it holds the figure), so
 * the phrase is made of whole words and a sentence of many figures costs each only its reach.
 */
class WordWalker {
  private readonly lo: number;
  private readonly hi: number;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number
  ) {
    this.lo = Math.max(0, start - EVIDENCE_REACH);
    this.hi = Math.min(text.length, end + EVIDENCE_REACH);
  }

  private space(i: number): boolean {
    return isWhiteSpace(this.text.charCodeAt(i));
  }

  /** The word holding the figure's first character. */
  first(): Word {
    let s = this.start;
    while (s > this.lo && !this.space(s - 1)) s--;
    let e = this.start;
    while (e < this.text.length && !this.space(e) && (e < this.hi || e < this.end)) e++;
    return { start: s, end: Math.max(e, this.start + 1) };
  }

  after(w: Word): Word | null {
    let s = w.end;
    while (s < this.hi && this.space(s)) s++;
    if (s >= this.hi) return null;
    let e = s;
    while (e < this.text.length && !this.space(e)) {
      if (e >= this.hi && e >= this.end) return null;
      e++;
    }
    return { start: s, end: e };
  }

  before(w: Word): Word | null {
    let e = w.start;
    while (e > this.lo && this.space(e - 1)) e--;
    if (e <= this.lo) return null;
    let s = e;
    while (s > this.lo && !this.space(s - 1)) s--;
    if (s === this.lo && s > 0 && !this.space(s - 1)) return null;
    return { start: s, end: e };
  }
}

/** Whether a character code is white space as `\s` reads it (without a regular expression per character). */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Drops punctuation that ends the clause, and an opening bracket left without its close. */
function trimPhrase(phrase: string): string {
  let p = phrase.replace(/[,;:.]+$/, "");
  const open = (p.match(/\(/g) ?? []).length;
  const close = (p.match(/\)/g) ?? []).length;
  if (close > open && p.endsWith(")")) p = p.slice(0, -1);
  p = p.replace(/[,;:]+$/, "");
  // A phrase ends on a word that carries meaning, not on "for", "to", "the".
  for (;;) {
    const shorter = p.replace(/\s+(?:for|to|of|and|or|the|a|an|in|by|with|on|at|from)$/i, "");
    if (shorter === p) return p;
    p = shorter;
  }
}
