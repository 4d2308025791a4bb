import { type CellValue, ERROR_TEXT, isAidError } from "../domain";

/** An AID function's answer as the pane shows it: numbers with separators; a spilled table by its size. */
export function answerText(answer: CellValue | CellValue[][] | null): string {
  if (answer === null) return "none";
  if (Array.isArray(answer)) {
    const rows = answer.length;
    const columns = answer[0]?.length ?? 0;
    return `a table of ${rows} ${rows === 1 ? "row" : "rows"} and ${columns} ${columns === 1 ? "column" : "columns"}, spilled from the cell`;
  }
  return cellText(answer);
}

function cellText(value: CellValue): string {
  if (isAidError(value)) return `${ERROR_TEXT[value.code]} ${value.message}`;
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  return String(value);
}
