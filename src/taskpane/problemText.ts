import { formatProblem, formatSheetProblem, messages, type Problem } from "../domain";

/**
 * A problem as one line: "line 4 (record 3), id x, field amount: reason" for a file,
 * "row 5 (record 4), ..." for the workbook's tables. A problem with the source as a whole
 * (record 0, such as an address that cannot be fetched) is "field: reason".
 */
export function problemText(problem: Problem, where: "file" | "sheet"): string {
  if (problem.row === 0 && problem.line === undefined)
    return messages().problemWhole(problem.field, problem.message);
  return where === "file" ? formatProblem(problem) : formatSheetProblem(problem);
}
