import {
  type AidError,
  type AnswerValue,
  type CatalogEntry,
  type CellInput,
  type CellValue,
  type DefinedFunction,
  type ErrorCode,
  functionSpec,
  isAidError,
  messages,
  onLanguageChange,
  messageOf,
} from "../domain";
import { ledgerStore } from "./store";

/**
 * The edge between Excel and the domain. Every custom function is one call to `streamAnswer`: it
 * evaluates the catalog entry against the current ledger, turns an AidError into Excel's error
 * (given to setResult, as Microsoft documents for streaming functions), turns AidError cells of a spilled answer into error cells, and
 * turns anything unexpected into #VALUE! with a message. Nothing else ever leaves a custom function.
 */

/** What one cell of an answer holds once it reaches Excel. */
export type ExcelCell = string | number | boolean | CustomFunctions.Error;

/** A successful answer as it reaches Excel: a spilled table's cells become ExcelCells. */
type ExcelAnswer<Answer extends AnswerValue> = Answer extends readonly unknown[]
  ? ExcelCell[][]
  : Answer;

/**
 * The shape of each function's answer, read from its catalog entry (its name and what its `run`
 * returns), so a new function needs no line here.
 */
export type Answers = {
  [Entry in CatalogEntry as Entry["name"]]: Entry extends DefinedFunction<string, infer Answer>
    ? ExcelAnswer<Answer>
    : never;
};

const EXCEL_ERROR: Readonly<Record<ErrorCode, () => CustomFunctions.ErrorCode>> = {
  VALUE: () => CustomFunctions.ErrorCode.invalidValue,
  NA: () => CustomFunctions.ErrorCode.notAvailable,
  // #NUM! would drop the message (see toExcelError).
  NUM: () => CustomFunctions.ErrorCode.invalidValue,
};

/**
 * Excel's error for a domain error, with the domain's message. Excel shows a custom message only on
 * #VALUE! and #N/A (Microsoft Learn, "Handle and return errors from your custom function"), so a
 * domain error of any other kind is given as #VALUE!, where its message can be read.
 */
export function toExcelError(error: AidError): CustomFunctions.Error {
  return new CustomFunctions.Error(EXCEL_ERROR[error.code](), error.message);
}

/** An answer as it goes to a cell: the value, or Excel's error for it. */
export type Outcome<Name extends keyof Answers> = Answers[Name] | CustomFunctions.Error;

/**
 * Evaluates `name` with the arguments Excel passed against the current ledger. Expected failures
 * and every unexpected exception come back as a CustomFunctions.Error value (never thrown).
 */
export function answer<Name extends keyof Answers>(
  name: Name,
  args: readonly unknown[]
): Outcome<Name> {
  // The catalog entry of `name` answers with the shape Answers[Name]; evaluate only maps error cells.
  return evaluate(name, args) as Outcome<Name>;
}

/**
 * Answers a streaming invocation now, and again whenever the ledger is replaced, for as long as the
 * cell holds the formula: Excel cancels the invocation when the formula goes (onCanceled). An
 * answer equal to the one the cell already shows is not sent again, so a change elsewhere in the
 * data does not recalculate the cells that depend on this one. A change of language answers again
 * (only an error's message changes, so only error cells are sent again).
 */
export function streamAnswer<Name extends keyof Answers>(
  name: Name,
  args: readonly unknown[],
  invocation: CustomFunctions.StreamingInvocation<Answers[Name]>
): void {
  let shown: string | null = null;
  const emit = () => {
    const readiness = ledgerStore.readiness();
    // Until it is known whether the workbook holds tables, give no result: Excel shows the cell
    // as busy, never an answer from data the workbook does not hold.
    if (readiness.state === "waiting") return;
    const outcome =
      readiness.state === "ready"
        ? answer(name, args)
        : name === "AIDVERSION"
          ? readiness.message
          : new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, readiness.message);
    const key = outcomeKey(outcome);
    if (key === shown) return;
    shown = key;
    invocation.setResult(outcome as Outcome<Name>);
  };
  emit();
  const stop = ledgerStore.subscribe(emit);
  // An error's message follows the pane's language: a switch sends it again in the new one.
  const stopLanguage = onLanguageChange(emit);
  invocation.onCanceled = () => {
    stop();
    stopLanguage();
  };
}

/** Equal answers have equal keys; an error's key holds its code and message. */
function outcomeKey(outcome: unknown): string {
  return JSON.stringify(outcome, (_key, value: unknown) =>
    value instanceof CustomFunctions.Error ? { error: value.code, message: value.message } : value
  );
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
      const parameter = spec.parameters[bad]?.name ?? messages().argumentNumber(bad + 1);
      return new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidValue,
        messages().notASingleValue(parameter)
      );
    }
    // Read only by AIDVERSION: the status line is not computed for the other functions.
    const env = {
      get status() {
        return ledgerStore.status();
      },
    };
    const result = spec.evaluate(ledgerStore.current(), inputs as CellInput[], env);
    if (!result.ok) return toExcelError(result.error);
    return Array.isArray(result.value)
      ? result.value.map((row) => row.map(toExcelCell))
      : toExcelCell(result.value);
  } catch (error) {
    return unexpected(name, messageOf(error));
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
    messages().unexpectedFailure(name, detail)
  );
}
