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
import { statesAidFigure } from "./mentions";

/** A sentence of the report, by absolute offsets in the text. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Body text (a paragraph or a list item, one line or hard-wrapped lines) with its heading path and sentences. */
export interface Paragraph {
  /** 1-based line number in the text of its first line. */
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
  /** Where each line starts in the text, for the line of an offset (lineAt). */
  readonly lineStarts: readonly number[];
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

/** A word this long cannot be an abbreviation or initials: the look back before a full stop stops here. */
const LONGEST_ABBREVIATION = 24;

/**
 * Splits text into sentences: a full stop, ! or ? followed by space (a line break counts) and a
 * capital, digit, quote or list mark ("- "). Text after the last such end is a sentence of its own (the end of a
 * paragraph ends a sentence). Linear: the look back for an abbreviation is bounded.
 */
export function splitSentences(text: string, offset = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(A-Z0-9]|[-–•*]\s)/g)) {
    const before = text.slice(Math.max(start, m.index - LONGEST_ABBREVIATION), m.index);
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

interface Line {
  readonly text: string;
  readonly start: number;
  readonly number: number;
}

/**
 * For each bar heading, whether it opens a group: the next line with text is a bar heading, or a
 * later bar heading (before a heading of another style) repeats its words and it is not itself
 * such a repeat. Computed in two passes over the lines, so a text of many headings stays linear.
 */
function barGroupOpeners(lines: readonly Line[], headings: readonly (Heading | null)[]): boolean[] {
  const opens = headings.map(() => false);
  // Backward: the next line with text, and whether a later bar heading of the same run repeats this one.
  let nextBody = -1;
  let laterInRun = new Set<string>();
  const nextBodyOf: number[] = new Array<number>(lines.length);
  const repeatedLater: boolean[] = new Array<boolean>(lines.length).fill(false);
  for (let i = lines.length - 1; i >= 0; i--) {
    nextBodyOf[i] = nextBody;
    if (lines[i]!.text.trim() !== "") nextBody = i;
    const h = headings[i];
    if (!h) continue;
    if (h.marker !== "bar") {
      laterInRun = new Set();
      continue;
    }
    repeatedLater[i] = laterInRun.has(h.text);
    laterInRun.add(h.text);
  }
  let previous: Heading | null = null;
  headings.forEach((h, i) => {
    if (!h) return;
    if (h.marker === "bar") {
      const next = nextBodyOf[i]!;
      const isRepeat = previous?.marker === "bar" && previous.text === h.text;
      opens[i] =
        (next >= 0 && headings[next]?.marker === "bar") || (!isRepeat && repeatedLater[i]!);
    }
    previous = h;
  });
  return opens;
}

/** A line that starts a list item or a numbered paragraph: never the continuation of the line before. */
const LIST_ITEM = /^\s*(?:[-*•–]|\(?[0-9a-z]{1,2}\)|\d{1,2}\.)\s/;
/** A line whose text ends a sentence. */
const ENDS_SENTENCE = /[.!?]["”’)]?\s*$/;

/**
 * Whether a line can be a title line: short, not ending a sentence, stating no aid figure, and not
 * continued by the next line (which would then start in lower case).
 */
function titleLike(line: Line, next: Line | undefined): boolean {
  const t = line.text.trim();
  return (
    t.length <= MAX_HEADING_LENGTH &&
    !ENDS_SENTENCE.test(t) &&
    !statesAidFigure(t) &&
    !/^\s*[a-z]/.test(next?.text ?? "")
  );
}

/**
 * Reads the headings, paragraphs and sentences of a report's plain text.
 *
 * Paragraphs: a line of text is a paragraph, and a line that does not end a sentence runs on into
 * the next line of text (hard-wrapped text), unless that line is blank, a heading or a list item.
 * In a text with no sentence punctuation at all, every line is a paragraph of its own. So a line
 * end is a sentence end only where the text has no other end (the end of a paragraph).
 *
 * Title: the opening lines before the first heading are its preamble when each is title-like
 * (see titleLike); the first line holding a figure, or any other line, starts the body.
 */
export function readStructure(text: string): ReportStructure {
  const lines: Line[] = [];
  let at = 0;
  text.split("\n").forEach((raw, i) => {
    lines.push({ text: raw.replace(/\r$/, ""), start: at, number: i + 1 });
    at += raw.length + 1;
  });
  const headings = lines.map((l) => headingOf(l.text));
  const opensGroup = barGroupOpeners(lines, headings);
  const punctuated = /[.!?]["”’)]?(?:\s|$)/.test(text);

  const levelOf = new Map<Marker, number>();
  const stack: { level: number; text: string; marker: Marker; group: boolean }[] = [];
  const preamble: string[] = [];
  const paragraphs: Paragraph[] = [];
  let inPreamble = true;
  let inBarGroup = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = headings[i];
    if (heading) {
      inPreamble = false;
      if (!levelOf.has(heading.marker)) levelOf.set(heading.marker, levelOf.size + 1);
      let level = levelOf.get(heading.marker)!;
      let group = false;
      if (heading.marker === "bar") {
        group = opensGroup[i]!;
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
      continue;
    }
    if (line.text.trim() === "") continue;
    if (inPreamble && titleLike(line, lines[i + 1])) {
      preamble.push(line.text.trim());
      continue;
    }
    inPreamble = false;
    // Hard-wrapped text: the paragraph runs on while its line does not end a sentence.
    let last = i;
    while (punctuated && !ENDS_SENTENCE.test(lines[last]!.text)) {
      const next = lines[last + 1];
      if (!next || next.text.trim() === "" || headings[last + 1] || LIST_ITEM.test(next.text))
        break;
      last++;
    }
    const end = lines[last]!.start + lines[last]!.text.length;
    const body = text.slice(line.start, end);
    paragraphs.push({
      line: line.number,
      start: line.start,
      text: body,
      path: stack.map((s) => s.text),
      sentences: splitSentences(body, line.start),
    });
    i = last;
  }
  return { preamble, paragraphs, lineStarts: lines.map((l) => l.start) };
}

/** The 1-based line of the text at an offset. */
export function lineAt(structure: ReportStructure, offset: number): number {
  const starts = structure.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
