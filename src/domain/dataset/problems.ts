import { messages } from "../messages/catalog";

/**
 * A problem found in input data, located so a user can find and fix it: the record (1-based, in
 * the order given), the text line where the input was a text file, the record id when known,
 * the field, and the reason.
 */
export interface Problem {
  readonly row: number;
  readonly line?: number;
  readonly id?: string;
  readonly field: string;
  readonly message: string;
  /**
   * What kind of refusal a file-level problem is, for the pane's diagnosis, which must not read
   * the message (it is in the user's language): not JSON, JSON but not a list of records, a
   * column the dataset does not have, a column it needs.
   */
  readonly code?: "not-json" | "not-records" | "unknown-column" | "missing-column";
}

/** "line 4 (record 3), id x, field amount: reason": a problem in a text file. */
export function formatProblem(p: Problem): string {
  return describe(p, "line");
}

/** "row 4 (record 3), id x, field amount: reason": a problem in a sheet, whose lines are rows. */
export function formatSheetProblem(p: Problem): string {
  return describe(p, "row");
}

function describe(p: Problem, lineLabel: "line" | "row"): string {
  const m = messages();
  return m.problemLine(m.problemAt(lineLabel, p.line, p.row), p.id || null, p.field, p.message);
}

/** A result that is either a value or the problems that prevented it. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Problem[] };
