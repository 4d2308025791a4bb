import { messageOf, messages } from "../../domain/messages/catalog";
/**
 * The AID functions inside HyperFormula, for the command line, the benchmark, tests and previews.
 *
 * HyperFormula is GPLv3 (licence key "gpl-v3"): import it only from src/tooling, src/cli, bench
 * and tests, never from anything that ships in the add-in (src/domain, src/host, src/taskpane).
 *
 * Every function is declared from the domain's catalog (FUNCTIONS) and answers through the same
 * `evaluate` the custom functions call, so a formula means the same here as in Excel. The ledger
 * comes from a provider stored in the engine's `context` config, so each engine can have its own
 * and a workbench can swap it (then call refreshAidEngine).
 */
import {
  ArraySize,
  CellError,
  type ConfigParams,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  type FunctionMetadata,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  type Sheets,
  SimpleRangeValue,
} from "hyperformula";
import {
  type AidLedger,
  type CellInput,
  type CellValue,
  type ErrorCode,
  FUNCTIONS,
  type FunctionEnv,
  type FunctionSpec,
  isAidError,
} from "../../domain";

/** Returns the ledger the functions answer from; called on every evaluation, so a swap takes effect at once. */
export type LedgerProvider = () => AidLedger;

/** What createAidEngine stores in HyperFormula's `context` config option. */
export interface AidEngineContext {
  readonly aidLedger: LedgerProvider;
  /** The one-line status of the ledger's data, for AIDVERSION (e.g. LedgerStore.status). */
  readonly aidStatus?: () => string;
}

const ERROR_TYPES: Readonly<Record<ErrorCode, ErrorType>> = {
  VALUE: ErrorType.VALUE,
  NA: ErrorType.NA,
  NUM: ErrorType.NUM,
};

/** An AidError as HyperFormula's error value, message kept. */
export function toCellError(error: {
  readonly code: ErrorCode;
  readonly message: string;
}): CellError {
  return new CellError(ERROR_TYPES[error.code], error.message);
}

/** The parts of HyperFormula's (unexported) ProcedureAst this plugin reads. */
interface CallAst {
  readonly procedureName: string;
  readonly args: readonly ArgAst[];
}
interface ArgAst {
  readonly type: string;
  readonly value?: unknown;
  readonly procedureName?: string;
  readonly args?: readonly unknown[];
}
/** The parts of HyperFormula's (unexported) InterpreterState this plugin reads. */
interface EvaluationState {
  readonly formulaVertex?: unknown;
}

function metadataOf(spec: FunctionSpec): FunctionMetadata {
  return {
    method: "evaluateAid",
    parameters: spec.parameters.map((p) => ({
      argumentType: FunctionArgumentType.SCALAR,
      ...(p.optional ? { optionalArg: true } : {}),
    })),
    ...(spec.spills
      ? { sizeOfResultArrayMethod: "sizeOfAidArray", vectorizationForbidden: true }
      : {}),
  };
}

const SPECS = new Map(FUNCTIONS.map((f) => [f.name, f]));

function specOf(name: string): FunctionSpec {
  const spec = SPECS.get(name.toUpperCase());
  if (!spec)
    throw new Error(`AidFunctionPlugin was called for ${name}, which the catalog does not declare`);
  return spec;
}

/** A literal argument's value (a number, text, TRUE()/FALSE() or an empty argument), or undefined when it is computed. */
function literalOf(ast: ArgAst): { value: CellInput } | undefined {
  switch (ast.type) {
    case "EMPTY":
      return { value: null };
    case "NUMBER":
    case "STRING":
      return typeof ast.value === "number" || typeof ast.value === "string"
        ? { value: ast.value }
        : undefined;
    case "MINUS_UNARY_OP":
    case "PLUS_UNARY_OP": {
      const inner = ast.value as ArgAst | undefined;
      if (inner?.type !== "NUMBER" || typeof inner.value !== "number") return undefined;
      return { value: ast.type === "MINUS_UNARY_OP" ? -inner.value : inner.value };
    }
    case "FUNCTION_CALL":
      if (ast.args?.length === 0 && (ast.procedureName === "TRUE" || ast.procedureName === "FALSE"))
        return { value: ast.procedureName === "TRUE" };
      return undefined;
    default:
      return undefined;
  }
}

/** A value HyperFormula passed for a SCALAR parameter, as the domain takes it. Empty cells and empty arguments are omitted values. */
function toCellInput(value: unknown): CellInput | CellError {
  if (value === undefined || value === null || value === EmptyValue) return null;
  if (value instanceof CellError) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  // A rich number (date, currency, percent), should HyperFormula pass one: its raw value counts.
  const raw = (value as { val?: unknown }).val;
  return typeof raw === "number" ? raw : null;
}

function toCellContent(value: CellValue): string | number | boolean | CellError {
  return isAidError(value) ? toCellError(value) : value;
}

/**
 * HyperFormula function plugin for every function of the AID catalog. Register it with
 * registerAidFunctions() (createAidEngine does) and give each engine a ledger through
 * `context: { aidLedger }`.
 */
export class AidFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FUNCTIONS.map((f) => [f.name, metadataOf(f)])
  );

  /** The engine's ledger, or the reason there is none. */
  private ledger(): AidLedger | CellError {
    const context = this.config.context as Partial<AidEngineContext> | undefined;
    if (typeof context?.aidLedger !== "function") {
      return new CellError(
        ErrorType.NA,
        "This HyperFormula engine has no Aid Ledger: build it with createAidEngine(ledgerProvider)."
      );
    }
    try {
      return context.aidLedger();
    } catch (e) {
      // The store is not ready (LedgerNotReady): the message is what Excel's cell would say.
      if (e instanceof Error && e.name === "LedgerNotReady")
        return new CellError(ErrorType.NA, e.message);
      return new CellError(ErrorType.NA, messages().ledgerNotLoaded(messageOf(e)));
    }
  }

  /** What the functions need besides the ledger: the data's status, when the engine was given one. */
  private env(): FunctionEnv {
    const context = this.config.context as Partial<AidEngineContext> | undefined;
    return typeof context?.aidStatus === "function" ? { status: context.aidStatus() } : {};
  }

  /** Every AID function: evaluates the arguments, then asks the catalog's evaluate. */
  evaluateAid(ast: CallAst, state: EvaluationState): unknown {
    const spec = specOf(ast.procedureName);
    const run = this.runFunction as unknown as (
      args: readonly ArgAst[],
      state: EvaluationState,
      metadata: FunctionMetadata,
      fn: (...args: unknown[]) => unknown
    ) => never;
    return run(ast.args, state, this.metadata(spec.name), (...args: unknown[]) =>
      this.answer(spec, args, ast, state)
    );
  }

  private answer(
    spec: FunctionSpec,
    args: readonly unknown[],
    ast: CallAst,
    state: EvaluationState
  ): string | number | boolean | CellError | SimpleRangeValue {
    const inputs: CellInput[] = [];
    for (const arg of args) {
      const input = toCellInput(arg);
      if (input instanceof CellError) return input; // an error argument propagates, as in Excel
      inputs.push(input);
    }
    const ledger = this.ledger();
    if (ledger instanceof CellError) return ledger;
    let result: ReturnType<FunctionSpec["evaluate"]>;
    try {
      result = spec.evaluate(ledger, inputs, this.env());
    } catch (e) {
      return new CellError(ErrorType.VALUE, messages().functionFailed(spec.name, messageOf(e)));
    }
    if (!result.ok) return toCellError(result.error);
    const value = result.value;
    if (!Array.isArray(value)) return toCellContent(value);
    const reserved = this.reservedSize(ast, state);
    const width = value[0]?.length ?? 0;
    if (reserved && (value.length > reserved.height || width > reserved.width)) {
      return new CellError(
        ErrorType.VALUE,
        `${spec.name} now answers ${value.length} rows x ${width} columns, but this cell reserved ${reserved.height} x ${reserved.width} when the formula was entered. HyperFormula sizes arrays when it parses a formula: after changing the ledger, call refreshAidEngine (rebuildAndRecalculate).`
      );
    }
    return SimpleRangeValue.onlyValues(value.map((row) => row.map(toCellContent)));
  }

  /**
   * The size the engine reserved for this call's result when the call is the whole formula; a
   * larger result would break HyperFormula's array vertex, so it becomes an error value instead.
   * Nested calls are sized by the function around them: undefined.
   */
  private reservedSize(
    ast: CallAst,
    state: EvaluationState
  ): { width: number; height: number } | undefined {
    const vertex = state.formulaVertex as
      { formula?: unknown; width?: unknown; height?: unknown } | undefined;
    if (!vertex || vertex.formula !== ast) return undefined;
    return typeof vertex.width === "number" && typeof vertex.height === "number"
      ? { width: vertex.width, height: vertex.height }
      : { width: 1, height: 1 };
  }

  /**
   * The spill size of a spilling function, decided when the formula is parsed. With literal
   * arguments it is the real size, from the current ledger. With computed arguments (cell
   * references, expressions) it is an upper bound that stays true whatever those evaluate to: the
   * same call with every computed filter relaxed (place "*", optional filters omitted); the rows
   * below a shorter answer stay empty.
   */
  sizeOfAidArray(ast: CallAst, _state: EvaluationState): ArraySize {
    const spec = specOf(ast.procedureName);
    const ledger = this.ledger();
    const required = spec.parameters.filter((p) => !p.optional).length;
    if (
      ledger instanceof CellError ||
      ast.args.length < required ||
      ast.args.length > spec.parameters.length
    )
      return ArraySize.scalar();
    const args = ast.args.map((arg, i) => {
      const literal = literalOf(arg);
      return literal ? literal.value : relaxed(spec, i);
    });
    const result = spec.evaluate(ledger, args);
    if (!result.ok || !Array.isArray(result.value)) return ArraySize.scalar();
    return new ArraySize(result.value[0]?.length ?? 1, Math.max(1, result.value.length));
  }
}

/** The loosest value of a filter: every place, or the filter left out. */
function relaxed(spec: FunctionSpec, index: number): CellInput {
  return spec.parameters[index]?.role === "place" ? "*" : null;
}

function translations(): Record<string, Record<string, string>> {
  const names = Object.fromEntries(FUNCTIONS.map((f) => [f.name, f.name]));
  return Object.fromEntries(
    HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, names])
  );
}

/**
 * Registers the AID functions with HyperFormula (globally: engines built afterwards have them).
 * Idempotent: does nothing when this plugin already owns every name in every registered language;
 * otherwise registers again, replacing any other plugin that claimed an AID name.
 */
export function registerAidFunctions(): void {
  const owned = FUNCTIONS.every(
    (f) => HyperFormula.getFunctionPlugin(f.name) === AidFunctionPlugin
  );
  const translated = HyperFormula.getRegisteredLanguagesCodes().every((code) => {
    const names = new Set(HyperFormula.getRegisteredFunctionNames(code));
    return FUNCTIONS.every((f) => names.has(f.name));
  });
  if (owned && translated) return;
  HyperFormula.registerFunctionPlugin(AidFunctionPlugin, translations());
}

/**
 * A HyperFormula engine (licence key "gpl-v3") that knows the AID functions and answers them from
 * `ledger()`. Sheets default to one empty "Sheet1". Smart rounding is off, so numbers come out as
 * the domain computes them (HyperFormula otherwise rounds outputs to about 11 significant digits);
 * `config` may override anything except `context`. `status` gives AIDVERSION its line (a
 * LedgerStore's `status`); without it AIDVERSION names only what the ledger holds.
 */
export function createAidEngine(
  ledger: LedgerProvider,
  sheets: Sheets = { Sheet1: [] },
  config: Partial<ConfigParams> = {},
  status?: () => string
): HyperFormula {
  registerAidFunctions();
  const context: AidEngineContext = { aidLedger: ledger, ...(status ? { aidStatus: status } : {}) };
  return HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    smartRounding: false,
    ...config,
    context,
  });
}

/**
 * Re-evaluates every formula after the provider starts returning a different ledger. The AID
 * functions have no cell inputs that changed, and spill sizes are fixed when formulas are parsed,
 * so this rebuilds the engine from its sheets (HyperFormula's rebuildAndRecalculate).
 */
export function refreshAidEngine(engine: HyperFormula): void {
  engine.rebuildAndRecalculate();
}
