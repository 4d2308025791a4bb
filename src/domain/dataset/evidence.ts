import { Money } from "../money/money";
import type { CommitmentRecord } from "./schema";

const SCALES: Readonly<Record<string, string>> = {
  thousand: "1e3",
  million: "1e6",
  billion: "1e9",
  trillion: "1e12",
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
 * Every number a text states, with its position, in order of position: "$1.8 billion" gives
 * 1800000000 at the "1", "six used vessels" 6 at the "s". The one number reader of the project:
 * the evidence check and `aid extract` both read figures through it.
 */
export function readFigures(text: string): StatedFigure[] {
  const found: StatedFigure[] = [];
  const numeric =
    /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*(?:thousand|million|billion|trillion))?/gi;
  for (const m of text.matchAll(numeric)) {
    const value = new Money(m[1]!.replace(/,/g, ""));
    const scale = m[2] ? SCALES[m[2].trim().toLowerCase()]! : "1";
    found.push({
      value: value.times(scale).toFixed(),
      index: m.index,
      length: m[0].length,
      written: "digits",
    });
  }
  for (const m of text.matchAll(/\b([A-Za-z]+)\b/g)) {
    const n = WORDS[m[1]!.toLowerCase()];
    if (n !== undefined)
      found.push({ value: String(n), index: m.index, length: m[0].length, written: "word" });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The numbers a phrase states, as exact decimal strings: "$1.8 billion" gives 1800000000,
 * "30,000 people" 30000, "USD 68million" 68000000, "six used vessels" 6.
 */
export function figuresIn(phrase: string): string[] {
  return readFigures(phrase).map((f) => f.value);
}

/**
 * Every figure a record states (amount, stated equivalent, people, quantity) must be readable in
 * its evidence phrase, so each number in the dataset can be traced to the words that state it.
 * Returns the fields whose figure the phrase does not state.
 */
export function untracedFigures(r: CommitmentRecord): { field: string; message: string }[] {
  const stated = new Set(figuresIn(r.evidence));
  const figures: [string, string | number | null][] = [
    ["amount", r.amount],
    ["equivalentAmount", r.equivalentAmount],
    ["people", r.people],
    ["quantity", r.quantity],
  ];
  return figures
    .filter(([, v]) => v !== null && !stated.has(new Money(String(v)).toFixed()))
    .map(([field, v]) => ({
      field,
      message: `${v} is not stated in the evidence phrase "${r.evidence}"`,
    }));
}

/** One source document's text, by file name. */
export type SourceTexts = ReadonlyMap<string, string>;

/**
 * Checks records against the source documents themselves: the document exists, every part of the
 * section path is a heading in it, and the evidence phrase occurs verbatim after the section starts.
 */
export function untracedEvidence(
  r: CommitmentRecord,
  sources: SourceTexts
): { field: string; message: string }[] {
  const text = sources.get(r.sourceFile);
  if (text === undefined)
    return [{ field: "sourceFile", message: `no source document named "${r.sourceFile}"` }];
  const problems: { field: string; message: string }[] = [];
  let sectionStart = 0;
  for (const heading of r.sourceSection.split(" > ")) {
    const at = text.indexOf(heading, sectionStart);
    if (at < 0)
      problems.push({
        field: "sourceSection",
        message: `heading "${heading}" does not occur in ${r.sourceFile} (after the previous heading)`,
      });
    else sectionStart = at;
  }
  const evidenceAt = text.indexOf(r.evidence, sectionStart);
  if (evidenceAt < 0) {
    const anywhere = text.includes(r.evidence);
    problems.push({
      field: "evidence",
      message: anywhere
        ? `occurs in ${r.sourceFile} but not within section "${r.sourceSection}"`
        : `does not occur verbatim in ${r.sourceFile}`,
    });
  }
  return problems;
}
