import { messages } from "../messages/catalog";
import { Money } from "../money/money";
import type { CommitmentRecord } from "./schema";

/** Scale words, as powers of ten. */
const SCALES: Readonly<Record<string, number>> = {
  thousand: 3,
  million: 6,
  billion: 9,
  trillion: 12,
};
const WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/** One number a text states, where it stands, and its exact value. */
export interface StatedFigure {
  /** Exact decimal string: "1800000000" for "1.8 billion", "6" for "six". */
  readonly value: string;
  /** Offset of the first character of the number (digits or word) in the text. */
  readonly index: number;
  /** Length of the number as written, its scale word included ("1.8 billion", "68million"). */
  readonly length: number;
  readonly written: "digits" | "word";
}

/**
 * A figure in digits (with thousands commas or none, a decimal part, a scale word) or one of the
 * number words: one pattern, so a text is read in one pass and its figures come in order.
 */
const FIGURE = new RegExp(
  String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*(?:thousand|million|billion|trillion))?` +
    String.raw`|\b(${Object.keys(WORDS).join("|")})\b`,
  "gi"
);

/**
 * Every number a text states, with its position, in order of position: "$1.8 billion" gives
 * 1800000000 at the "1", "six used vessels" 6 at the "s". The one number reader of the project:
 * the evidence check and `aid extract` both read figures through it.
 */
export function readFigures(text: string): StatedFigure[] {
  const found: StatedFigure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m !== null; m = FIGURE.exec(text)) {
    found.push({
      value: valueOf(m),
      index: m.index,
      length: m[0].length,
      written: m[3] !== undefined ? "word" : "digits",
    });
  }
  return found;
}

/** The exact value of one match of FIGURE. */
function valueOf(m: RegExpExecArray): string {
  const word = m[3];
  if (word !== undefined) return String(WORDS[word.toLowerCase()]!);
  const scale = m[2] ? SCALES[m[2].trim().toLowerCase()]! : 0;
  return exactDecimal(m[1]!.replace(/,/g, ""), scale);
}

/**
 * "0012.50" times ten to the `exponent`, as the shortest exact decimal string ("12.5" for 0,
 * "12500" for 3): the digits moved, not multiplied, since decimal.js cost most of the evidence
 * check. Past 40 digits, decimal.js, which rounds there, gives the answer as it always did.
 */
export function exactDecimal(digits: string, exponent = 0): string {
  if (digits.length > 40) return new Money(digits).times(`1e${exponent}`).toFixed();
  const point = digits.indexOf(".");
  let whole = point < 0 ? digits : digits.slice(0, point);
  let fraction = point < 0 ? "" : digits.slice(point + 1);
  if (exponent > 0) {
    whole += fraction.slice(0, exponent).padEnd(exponent, "0");
    fraction = fraction.slice(exponent);
  }
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  whole = whole.slice(start);
  return end > 0 ? `${whole}.${fraction.slice(0, end)}` : whole;
}

/**
 * The numbers a phrase states, as exact decimal strings: "$1.8 billion" gives 1800000000,
 * "30,000 people" 30000, "USD 68million" 68000000, "six used vessels" 6.
 */
export function figuresIn(phrase: string): string[] {
  // readFigures' values, without an object per figure: the evidence check reads every record.
  const values: string[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(phrase); m !== null; m = FIGURE.exec(phrase)) values.push(valueOf(m));
  return values;
}

/** Evidence phrases are short: fewer than this many words (the sources' sentences stay out of the project). */
export const EVIDENCE_MAX_WORDS = 11;

/** The words of a phrase, as the length rule counts them (runs of non-space characters). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== "");
}

/**
 * Every figure a record states (amount, stated equivalent, people, quantity) must be readable in
 * its evidence phrase, so each number in the dataset can be traced to the words that state it.
 * Returns the fields whose figure the phrase does not state, each with a message that names the
 * phrase, what it does state, and the fix: a figure and its phrase change together, as when a new
 * report restates the figure.
 */
export function untracedFigures(
  r: CommitmentRecord
): readonly { field: string; message: string }[] {
  const stated = figuresIn(r.evidence);
  if (
    isStated(r.amount, stated) &&
    isStated(r.equivalentAmount, stated) &&
    isStated(r.people, stated) &&
    isStated(r.quantity, stated)
  )
    return ALL_TRACED;
  const figures: [string, string | number | null][] = [
    ["amount", r.amount],
    ["equivalentAmount", r.equivalentAmount],
    ["people", r.people],
    ["quantity", r.quantity],
  ];
  return figures
    .filter(([, v]) => !isStated(v, stated))
    .map(([field, v]) => ({ field, message: untracedMessage(r, field, v!, stated) }));
}

const ALL_TRACED: readonly { field: string; message: string }[] = [];

// Stated values are in exactFigure's form already, so a figure written that way is found as it
// is, with no string made for it (nearly every figure); any other goes through exactFigure.
const isStated = (v: string | number | null, stated: readonly string[]) =>
  v === null || (typeof v === "string" && stated.includes(v)) || stated.includes(exactFigure(v));

/** A record's figure as readFigures writes a stated one ("120000000.00" as "120000000"). */
function exactFigure(v: string | number): string {
  const text = String(v);
  return text.length <= 40 && /^\d+(?:\.\d+)?$/.test(text)
    ? exactDecimal(text)
    : new Money(text).toFixed();
}

function untracedMessage(
  r: CommitmentRecord,
  field: string,
  v: string | number,
  stated: readonly string[]
): string {
  return messages().figureNotInEvidence(
    field,
    String(v),
    r.evidence,
    [...new Set(stated)],
    EVIDENCE_MAX_WORDS
  );
}

/** One source document's text, by file name. */
export type SourceTexts = ReadonlyMap<string, string>;

/**
 * A heading line of a source document, as the documents mark them: "| Counter-Terrorism",
 * "<Japan's Efforts>", "(3) Assistance for ...", "2. Japan's Efforts ...", "(a) ...". Returns the
 * heading's words without the marker, or null for a line of text.
 */
export function headingOf(line: string): string | null {
  const t = line.trim();
  const marked = /^(?:\|\s+|\(\d+\)\s+|\([a-z]\)\s+|\d+\.\s+)(.+)$/.exec(t);
  if (marked) return marked[1]!.trim();
  const bracketed = /^<([^<>]+)>$/.exec(t);
  return bracketed ? bracketed[1]!.trim() : null;
}

interface HeadingLine {
  readonly heading: string;
  /** Offset where the line starts and where the next line starts. */
  readonly start: number;
  readonly end: number;
}

function headingLines(text: string): HeadingLine[] {
  const out: HeadingLine[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    const end = start + line.length + 1;
    const heading = headingOf(line);
    if (heading !== null) out.push({ heading, start, end });
    start = end;
  }
  return out;
}

/**
 * Checks records against the source documents themselves: the document exists, every part of the
 * section path is a heading line of it, in order (a heading the document repeats is named as
 * often as it is nested), and the evidence phrase occurs verbatim inside the innermost section:
 * after its heading and before the next heading line.
 */
export function untracedEvidence(
  r: CommitmentRecord,
  sources: SourceTexts
): { field: string; message: string }[] {
  const text = sources.get(r.sourceFile);
  if (text === undefined)
    return [{ field: "sourceFile", message: messages().noSourceDocument(r.sourceFile) }];
  const headings = headingLines(text);
  const problems: { field: string; message: string }[] = [];
  let next = 0;
  let section: HeadingLine | undefined;
  for (const heading of r.sourceSection.split(" > ")) {
    const at = headings.findIndex((h, i) => i >= next && h.heading === heading);
    if (at < 0) {
      problems.push({
        field: "sourceSection",
        message: messages().notAHeadingOf(heading, r.sourceFile),
      });
    } else {
      section = headings[at];
      next = at + 1;
    }
  }
  const from = section?.end ?? 0;
  const to = problems.length === 0 ? (headings[next]?.start ?? text.length) : text.length;
  const evidenceAt = text.indexOf(r.evidence, from);
  if (evidenceAt < 0 || evidenceAt + r.evidence.length > to) {
    const anywhere = text.includes(r.evidence);
    problems.push({
      field: "evidence",
      message: anywhere
        ? messages().evidenceOutsideSection(r.sourceFile, r.sourceSection)
        : messages().evidenceNotVerbatim(r.sourceFile),
    });
  }
  const words = wordsOf(r.evidence).length;
  if (words > EVIDENCE_MAX_WORDS)
    problems.push({
      field: "evidence",
      message: messages().evidenceTooLong(words, EVIDENCE_MAX_WORDS),
    });
  return problems;
}

/**
 * Runs of `length` consecutive words that `text` shares with `source` (words compared without
 * case and punctuation at their ends). The project may carry short phrases of the source
 * documents, never their sentences: no run of 12 words may enter it. Proper names are facts the
 * project may carry (a fund's full name has 13 words): each of `names` is cut out of `text` first,
 * so a name counts as a break, never as part of a run.
 */
export function sharedRuns(
  text: string,
  source: string,
  length = 12,
  names: readonly string[] = []
): string[] {
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (name.trim() !== "") text = text.split(name).join(" \u2016 ");
  }
  const norm = (w: string) =>
    w === "\u2016" ? w : w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  const key = (ws: readonly string[], i: number) => ws.slice(i, i + length).join(" ");
  const sourceWords = wordsOf(source);
  const sourceNorm = sourceWords.map(norm).filter((w) => w !== "");
  const runs = new Set<string>();
  for (let i = 0; i + length <= sourceNorm.length; i++) runs.add(key(sourceNorm, i));
  const textNorm = wordsOf(text)
    .map(norm)
    .filter((w) => w !== "");
  const found = new Set<string>();
  for (let i = 0; i + length <= textNorm.length; i++) {
    const k = key(textNorm, i);
    if (runs.has(k)) found.add(k);
  }
  return [...found];
}
