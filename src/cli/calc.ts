import { type CellValue, DetailedCellError, ErrorType } from "hyperformula";
import type { AidLedger } from "../domain";
import { createAidEngine } from "../tooling/hyperformula/aidFunctionPlugin";

/** What one formula evaluated to, as the command line prints it. */
export interface Evaluated {
  /** The value: a number, text, TRUE/FALSE, "#N/A: reason", or rows of tab-separated cells. */
  readonly text: string;
  /** True when the formula could not be parsed (#ERROR!): nothing was evaluated. */
  readonly syntaxError: boolean;
}

/** One cell as text: numbers in JavaScript's shortest exact form (2420000000, 103.94444444444444), errors with their message. */
export function formatCell(value: CellValue, withMessage = true): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof DetailedCellError)
    return withMessage && value.message ? `${value.value}: ${value.message}` : value.value;
  return value;
}

/**
 * Evaluates one formula such as `=AIDTOTAL("Africa",2016)` in HyperFormula with the AID functions
 * answering from `ledger`. A spilled answer prints as tab-separated rows (errors inside it print
 * as their code only, so the columns stay aligned).
 */
export function evaluateFormula(formula: string, ledger: AidLedger): Evaluated {
  const engine = createAidEngine(() => ledger, { Calc: [[formula]] });
  try {
    const corner = { sheet: 0, row: 0, col: 0 };
    const value = engine.getCellValue(corner);
    if (value instanceof DetailedCellError && value.type === ErrorType.ERROR)
      return { text: formatCell(value), syntaxError: true };
    if (!engine.isCellPartOfArray(corner)) return { text: formatCell(value), syntaxError: false };
    // The formula is the sheet's only content, so the sheet is its spilled answer; rows below a
    // shorter answer than the engine reserved (computed arguments) are empty and dropped.
    const rows = engine.getSheetValues(0).filter((row) => row.some((cell) => cell !== null));
    return {
      text: rows.map((row) => row.map((cell) => formatCell(cell, false)).join("\t")).join("\n"),
      syntaxError: false,
    };
  } finally {
    engine.destroy();
  }
}
