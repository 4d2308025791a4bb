import {
  type AidError,
  type CellInput,
  type CellValue,
  type ErrorCode,
  functionSpec,
  isAidError,
} from "../domain";
import { ledgerStore } from "./store";

/**
 * The edge between Excel and the domain. Every custom function is one call to `answer`: it
 * evaluates the catalog entry against the current ledger, turns an AidError into Excel's error
 * (thrown, as Microsoft documents), turns AidError cells of a spilled answer into error cells, and
 * turns anything unexpected into #VALUE! with a message. Nothing else ever leaves a custom function.
 */

/** What one cell of an answer holds once it reaches Excel. */
export type ExcelCell = string | number | boolean | CustomFunctions.Error;

/** The shape of each function's answer (the catalog's `spills` says which ones are tables). */
export interface Answers {
  AIDTOTAL: number;
  AIDCOUNT: number;
  AIDPEOPLE: number;
  AIDLIST: ExcelCell[][];
  AIDSOURCE: string;
  AIDRATE: number;
  AIDCONVERT: number;
}

const EXCEL_ERROR: Readonly<Record<ErrorCode, () => CustomFunctions.ErrorCode>> = {
  VALUE: () => CustomFunctions.ErrorCode.invalidValue,
  NA: () => CustomFunctions.ErrorCode.notAvailable,
  NUM: () => CustomFunctions.ErrorCode.invalidNumber,
};

/** Excel's error for a domain error, with the domain's message. */
export function toExcelError(error: AidError): CustomFunctions.Error {
  return new CustomFunctions.Error(EXCEL_ERROR[error.code](), error.message);
}

/**
 * Evaluates `name` with the arguments Excel passed and returns the answer for the cell. Expected
 * failures throw a CustomFunctions.Error; so does every unexpected exception (as #VALUE!).
 */
export function answer<Name extends keyof Answers>(
  name: Name,
  args: readonly unknown[]
): Answers[Name] {
  const outcome = evaluate(name, args);
  // Excel's documented way to fail a cell; CustomFunctions.Error is not a JavaScript Error.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (outcome instanceof CustomFunctions.Error) throw outcome;
  // The catalog entry of `name` answers with the shape Answers[Name]; evaluate only maps error cells.
  return outcome as Answers[Name];
}

function evaluate(
  name: string,
  args: readonly unknown[]
): ExcelCell | ExcelCell[][] | CustomFunctions.Error {
  try {
    const spec = functionSpec(name);
    if (!spec) return unexpected(name, `no function ${name} in the catalog`);
    const inputs = args.map(toCellInput);
    const bad = inputs.indexOf(NOT_A_VALUE);
    if (bad >= 0) {
      const parameter = spec.parameters[bad]?.name ?? `argument ${bad + 1}`;
      return new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidValue,
        `${parameter} must be a single value: text, a number or TRUE/FALSE.`
      );
    }
    const result = spec.evaluate(ledgerStore.current(), inputs as CellInput[]);
    if (!result.ok) return toExcelError(result.error);
    return Array.isArray(result.value)
      ? result.value.map((row) => row.map(toExcelCell))
      : toExcelCell(result.value);
  } catch (error) {
    return unexpected(name, error instanceof Error ? error.message : String(error));
  }
}

function toExcelCell(value: CellValue): ExcelCell {
  return isAidError(value) ? toExcelError(value) : value;
}

const NOT_A_VALUE = Symbol("not a cell value");

/** Excel passes text, numbers, booleans, and null (or nothing) for an omitted argument. */
function toCellInput(value: unknown): CellInput | typeof NOT_A_VALUE {
  if (value === null || value === undefined) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return NOT_A_VALUE;
}

function unexpected(name: string, detail: string): CustomFunctions.Error {
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `${name} failed unexpectedly: ${detail}. Please report this to the Aid Ledger maintainers.`
  );
}
