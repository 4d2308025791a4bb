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

/**
 * The numbers a phrase states, as exact decimal strings: "$1.8 billion" gives 1800000000,
 * "30,000 people" 30000, "USD 68million" 68000000, "six used vessels" 6.
 */
export function figuresIn(phrase: string): string[] {
  const found: string[] = [];
  const numeric =
    /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)?/gi;
  for (const m of phrase.matchAll(numeric)) {
    const value = new Money(m[1]!.replace(/,/g, ""));
    const scale = m[2] ? SCALES[m[2].toLowerCase()]! : "1";
    found.push(value.times(scale).toFixed());
  }
  for (const m of phrase.toLowerCase().matchAll(/\b([a-z]+)\b/g)) {
    const n = WORDS[m[1]!];
    if (n !== undefined) found.push(String(n));
  }
  return found;
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
