/**
 * Recall of `aid extract` against a dataset: for each record taken from a document, is its figure
 * proposed by a candidate from the same sentence? The measure the maintainers' path is judged by:
 * a figure the dataset records but extract misses would be lost in next year's edition.
 */
import type { CommitmentRecord } from "../dataset/schema";
import type { Candidate } from "./extract";
import { readStructure } from "./structure";

export interface RecallRow {
  readonly id: string;
  /** The record's figure, as "USD 120000000", "30000 people" or "6 used vessels". */
  readonly figure: string;
  /** The candidate that proposes it, or null when none does. */
  readonly candidate: string | null;
  /** Why it counts as missed: the phrase is not found, or no candidate of its sentence states the figure. */
  readonly reason: string | null;
}

export interface Recall {
  readonly rows: readonly RecallRow[];
  readonly found: number;
  readonly total: number;
}

function figureOf(r: CommitmentRecord): string {
  if (r.amount !== null) return `${r.currency} ${r.amount}`;
  if (r.people !== null) return `${r.people} people`;
  return `${r.quantity} ${r.unit}`;
}

/** Whether a candidate states the record's figure (amount and currency, people, or quantity). */
function statesFigure(c: Candidate, r: CommitmentRecord): boolean {
  if (r.amount !== null) return c.row.amount === r.amount && c.row.currency === r.currency;
  if (r.people !== null) return c.row.people === r.people;
  return r.quantity !== null && c.row.quantity === r.quantity;
}

/** Measures recall over the records whose sourceFile is `sourceFile`, against the document's text. */
export function measureRecall(
  text: string,
  sourceFile: string,
  records: readonly CommitmentRecord[],
  candidates: readonly Candidate[]
): Recall {
  const sentences = readStructure(text).paragraphs.flatMap((p) => p.sentences);
  const rows: RecallRow[] = records
    .filter((r) => r.sourceFile === sourceFile)
    .map((r) => {
      const at = text.indexOf(r.evidence);
      const sentence = sentences.find((s) => at >= s.start && at < s.end);
      if (at < 0 || !sentence)
        return {
          id: r.id,
          figure: figureOf(r),
          candidate: null,
          reason: "evidence phrase not in the text",
        };
      const match = candidates.find(
        (c) => c.sentence.start === sentence.start && statesFigure(c, r)
      );
      return match
        ? { id: r.id, figure: figureOf(r), candidate: String(match.row.id), reason: null }
        : {
            id: r.id,
            figure: figureOf(r),
            candidate: null,
            reason: "no candidate of its sentence states the figure",
          };
    });
  return { rows, found: rows.filter((r) => r.candidate !== null).length, total: rows.length };
}
