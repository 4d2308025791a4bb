/**
 * The shape of a report's plain text: its title lines, its headings (and so each paragraph's
 * heading path) and its sentences, each with its offsets in the text so that evidence phrases
 * stay verbatim substrings.
 *
 * Headings, as MOFA's plain-text reports mark them:
 * - numbered: "2. Japan's Efforts ..." , "(3) Assistance for Security and Stability", "(a) ...":
 *   a short line with no closing full stop. Levels follow the order in which each style first
 *   appears (the 2010 report: "1." > "(1)" > "(a)"; the White Paper excerpt: "(3)" > "|");
 * - a bar: "| Counter-Terrorism". A bar heading opens a group, and the bar headings after it are
 *   inside it, when another bar heading follows it with no text between ("| Capacity Building for
 *   Maritime, ..." then "| The Seas", "| Outer Space", "| Cyberspace"), or when a later bar heading
 *   repeats it ("| Measures against Transnational Organized Crime", an introduction, the same
 *   heading again, then "| Measures against Trafficking in Persons", ...);
 * - a label in angle brackets, "<Japan's Efforts>", a level of its own between the numbered
 *   section and its bar headings, as the dataset's section paths record it.
 */

/** A sentence of the report, by absolute offsets in the text. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A line of body text (a paragraph or a list item) with its heading path and sentences. */
export interface Paragraph {
  /** 1-based line number in the text. */
  readonly line: number;
  readonly start: number;
  readonly text: string;
  /** Heading texts, outer to inner, without their numbering: "Assistance for ... > The Seas". */
  readonly path: readonly string[];
  readonly sentences: readonly Sentence[];
}

export interface ReportStructure {
  /** The lines before the first heading that are not sentences (a title, a date, an author). */
  readonly preamble: readonly string[];
  readonly paragraphs: readonly Paragraph[];
}

type Marker = "numDot" | "paren" | "parenAlpha" | "bar" | "label";

interface Heading {
  readonly marker: Marker;
  readonly text: string;
}

const MAX_HEADING_LENGTH = 140;

/** A heading line, or null for body text. */
function headingOf(line: string): Heading | null {
  const t = line.trim();
  if (t.length === 0 || t.length > MAX_HEADING_LENGTH) return null;
  const bar = /^\|\s+(.+)$/.exec(t);
  if (bar) return { marker: "bar", text: bar[1]!.trim() };
  const label = /^<([^<>]+)>$/.exec(t);
  if (label) return { marker: "label", text: label[1]!.trim() };
  // Numbered headings are short and end without a full stop; a numbered paragraph is a sentence.
  if (/[.;:,]$/.test(t)) return null;
  const numDot = /^(\d{1,2})\.\s+(\S.*)$/.exec(t);
  if (numDot) return { marker: "numDot", text: numDot[2]!.trim() };
  const paren = /^\((\d{1,2})\)\s+(\S.*)$/.exec(t);
  if (paren) return { marker: "paren", text: paren[2]!.trim() };
  const alpha = /^\(([a-z])\)\s+(\S.*)$/.exec(t);
  if (alpha) return { marker: "parenAlpha", text: alpha[2]!.trim() };
  return null;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "etc",
  "e.g",
  "i.e",
  "no",
  "nos",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "vs",
  "approx",
  "incl",
  "fig",
]);

/** Splits one line into sentences: a full stop, ! or ? followed by space and a capital, digit or quote. */
export function splitSentences(text: string, offset = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(A-Z0-9])/g)) {
    const before = text.slice(start, m.index);
    const word = /([A-Za-z.]+)$/.exec(before)?.[1] ?? "";
    // "U.S." and other initials, or a known abbreviation: not an end.
    if (/^(?:[A-Z]\.)*[A-Z]$/.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    const end = m.index + m[0].trimEnd().length;
    sentences.push({ start: offset + start, end: offset + end, text: text.slice(start, end) });
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trimEnd();
  if (rest.trim().length > 0)
    sentences.push({ start: offset + start, end: offset + start + rest.length, text: rest });
  return sentences;
}

/**
 * Whether the bar heading at line `i` opens a group: the next line with text is a bar heading, or
 * a later bar heading (before a heading of another style) repeats its words and it is not itself
 * such a repeat.
 */
function opensBarGroup(
  lines: readonly { text: string }[],
  headings: readonly (Heading | null)[],
  i: number
): boolean {
  const text = headings[i]!.text;
  const nextBody = lines.findIndex((l, j) => j > i && l.text.trim() !== "");
  if (nextBody >= 0 && headings[nextBody]?.marker === "bar") return true;
  const previousBar = headings
    .slice(0, i)
    .reverse()
    .find((h) => h !== null);
  if (previousBar?.marker === "bar" && previousBar.text === text) return false;
  for (let j = i + 1; j < headings.length; j++) {
    const h = headings[j];
    if (!h) continue;
    if (h.marker !== "bar") return false;
    if (h.text === text) return true;
  }
  return false;
}

/** Reads the headings, paragraphs and sentences of a report's plain text. */
export function readStructure(text: string): ReportStructure {
  const lines: { text: string; start: number; number: number }[] = [];
  let at = 0;
  text.split("\n").forEach((raw, i) => {
    lines.push({ text: raw.replace(/\r$/, ""), start: at, number: i + 1 });
    at += raw.length + 1;
  });
  const headings = lines.map((l) => headingOf(l.text));

  const levelOf = new Map<Marker, number>();
  const stack: { level: number; text: string; marker: Marker; group: boolean }[] = [];
  const preamble: string[] = [];
  const paragraphs: Paragraph[] = [];
  let seenHeading = false;
  let inBarGroup = false;

  lines.forEach((line, i) => {
    const heading = headings[i];
    if (heading) {
      seenHeading = true;
      if (!levelOf.has(heading.marker)) levelOf.set(heading.marker, levelOf.size + 1);
      let level = levelOf.get(heading.marker)!;
      let group = false;
      if (heading.marker === "bar") {
        group = opensBarGroup(lines, headings, i);
        if (group) inBarGroup = true;
        else if (inBarGroup) level += 1;
      }
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) {
        const popped = stack.pop()!;
        if (popped.group && level < popped.level) inBarGroup = false;
      }
      // A heading of a higher level than the bars closes any bar group.
      if (heading.marker !== "bar" && level <= (levelOf.get("bar") ?? Infinity)) inBarGroup = false;
      stack.push({ level, text: heading.text, marker: heading.marker, group });
      return;
    }
    const body = line.text;
    if (body.trim() === "") return;
    if (!seenHeading && !/[.!?]$/.test(body.trim())) {
      preamble.push(body.trim());
      return;
    }
    paragraphs.push({
      line: line.number,
      start: line.start,
      text: body,
      path: stack.map((s) => s.text),
      sentences: splitSentences(body, line.start),
    });
  });
  return { preamble, paragraphs };
}
