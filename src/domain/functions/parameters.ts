import type { AidLedger } from "../ledger";
import { messages } from "../messages/catalog";
import type { Fraction } from "../money/fraction";
import type { Currency } from "../money/money";
import type { Place } from "../places/taxonomy";
import { describeYearFilter } from "../dates/fiscalYear";
import { type YearFilter, parseYearFilter } from "../dates/yearArgument";
import type { KindFilter } from "../query/aidIndex";
import {
  type CellInput,
  isOmitted,
  parseCurrency,
  parseExactNumber,
  parseKind,
  parsePlace,
  parseText,
  parseTheme,
} from "./args";
import { type CellValue, type Result, ok } from "./result";

/**
 * Parameters as data, as spreadsheet engines declare their functions' metadata: each AID function
 * lists its parameters once (name, role, optional, default value, parser), and `bindArguments`
 * turns what a cell passed into named, typed arguments. Evaluate, Explain, the builder, the
 * formula-engine plugin (src/tooling), the streaming edge and the help all read that one list.
 * (This file is bundled into functions.js, whose source map a build test scans for the GPL
 * engine's name: so the engine is not named here.)
 */

/** What an argument holds once parsed, by what it means. */
export interface RoleValues {
  readonly place: Place;
  /** Year null: any year (filters) or the latest report (rates); fiscal: a 年度 (filters only). */
  readonly year: YearFilter;
  readonly currency: Currency;
  /** A theme id; null: any theme. */
  readonly theme: string | null;
  readonly kind: KindFilter;
  readonly id: string;
  readonly from: Currency;
  readonly to: Currency;
  readonly amount: Fraction;
}

/** What a parameter means, so the builder, explain and the tooling read one list. */
export type ParameterRole = keyof RoleValues;

export interface ParameterSpec<Role extends ParameterRole = ParameterRole> {
  readonly name: string;
  readonly role: Role;
  readonly description: string;
  readonly optional: boolean;
  /** The value an omitted optional argument takes; parsed values are of the same type. */
  readonly default?: RoleValues[Role];
  /** What leaving the argument out means, in words of the current language ("any theme", "the latest report"). */
  readonly leftOut?: () => string;
  /** Reads a given argument; `name` is the parameter's, for the message. */
  readonly parse: (ledger: AidLedger, value: CellInput, name: string) => Result<RoleValues[Role]>;
  /** What a parsed value means, in words, for Explain; absent when the value speaks for itself. */
  readonly meaning?: (ledger: AidLedger, value: RoleValues[Role]) => string;
}

/** Any parameter, whatever its role (the union keeps each role's parser and default together). */
export type AnyParameter = { [R in ParameterRole]: ParameterSpec<R> }[ParameterRole];

/**
 * The arguments a function receives: each parameter's parsed value under its role (a function
 * has at most one parameter of each role; a test holds every entry to that).
 */
export type ArgumentsOf<Ps extends readonly AnyParameter[]> = {
  readonly [P in Ps[number] as P["role"]]: RoleValues[P["role"]];
};

/** Bound arguments as consumers that work across functions (Explain) read them. */
export type BoundArguments = Partial<RoleValues>;

/**
 * What a function may need besides the ledger. `status` is the one-line description of the data
 * (LedgerStore.status()), for AIDVERSION; without it AIDVERSION names only what the ledger holds.
 */
export interface FunctionEnv {
  readonly status?: string;
}

/** What an answer measures: how Explain adds up the records behind it. */
export type FunctionMeasure = "money" | "count" | "people" | "list" | "source" | "rate" | "status";

/** What a successful answer holds: one cell's value, or a spilled table of them. */
export type AnswerValue = CellValue | CellValue[][];

export type FunctionAnswer = Result<AnswerValue>;

export interface FunctionSpec {
  /** As users type it in a cell. */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly AnyParameter[];
  readonly example: string;
  /** True when the answer is a spilled array. */
  readonly spills: boolean;
  readonly measure: FunctionMeasure;
  /** The answer for bound arguments (see bindArguments). */
  readonly run: (ledger: AidLedger, args: BoundArguments, env: FunctionEnv) => FunctionAnswer;
  /** Binds what a cell passed, then runs: the one call every host makes. */
  readonly evaluate: (
    ledger: AidLedger,
    args: readonly CellInput[],
    env?: FunctionEnv
  ) => FunctionAnswer;
}

/**
 * A catalog entry as defined: a FunctionSpec that keeps its name and its answer's type, so the
 * host types each custom function's result from the entry (`Answers` in src/host/answer.ts).
 */
export interface DefinedFunction<
  Name extends string = string,
  Answer extends AnswerValue = AnswerValue,
> extends FunctionSpec {
  readonly name: Name;
  readonly run: (ledger: AidLedger, args: BoundArguments, env: FunctionEnv) => Result<Answer>;
  readonly evaluate: (
    ledger: AidLedger,
    args: readonly CellInput[],
    env?: FunctionEnv
  ) => Result<Answer>;
}

/** A function's entry: its metadata, and its implementation over typed, named arguments. */
export function defineFunction<
  Name extends string,
  const Ps extends readonly AnyParameter[],
  Answer extends AnswerValue,
>(entry: {
  readonly name: Name;
  readonly description: string;
  readonly parameters: Ps;
  readonly example: string;
  readonly spills: boolean;
  readonly measure: FunctionMeasure;
  readonly run: (ledger: AidLedger, args: ArgumentsOf<Ps>, env: FunctionEnv) => Result<Answer>;
}): DefinedFunction<Name, Answer> {
  // The binder builds exactly ArgumentsOf<Ps> from these parameters, so the record is that type.
  const run = entry.run as unknown as DefinedFunction<Name, Answer>["run"];
  const spec: DefinedFunction<Name, Answer> = {
    ...entry,
    run,
    evaluate: (ledger, args, env = {}) => {
      const bound = bindArguments(spec, ledger, args);
      return bound.ok ? run(ledger, bound.value, env) : bound;
    },
  };
  return spec;
}

/** One argument read by its parameter: the default when left out, else the parser's answer. */
export function bindArgument<R extends ParameterRole>(
  parameter: ParameterSpec<R>,
  ledger: AidLedger,
  value: CellInput
): Result<RoleValues[R]> {
  if (parameter.optional && parameter.default !== undefined && isOmitted(value))
    return ok(parameter.default);
  return parameter.parse(ledger, value ?? null, parameter.name);
}

/**
 * What a cell passed, as typed arguments: each parameter's value under its role, read in the
 * order declared, or the first argument's error. Arguments past the last parameter are ignored,
 * as Excel does not pass them.
 */
export function bindArguments(
  spec: Pick<FunctionSpec, "parameters">,
  ledger: AidLedger,
  args: readonly CellInput[]
): Result<BoundArguments> {
  const bound: Record<string, unknown> = {};
  for (const [i, parameter] of spec.parameters.entries()) {
    const value = bindArgument(parameter as ParameterSpec, ledger, args[i]);
    if (!value.ok) return value;
    bound[parameter.role] = value.value;
  }
  return ok(bound as BoundArguments);
}

// The parameters the functions share.

export const place: ParameterSpec<"place"> = {
  name: "place",
  role: "place",
  optional: false,
  description:
    'A region, subregion, country (name in English or Japanese, alias or ISO code), recipient organization, or "*" for all.',
  parse: (ledger, value) => parsePlace(ledger, value),
  meaning: (ledger, p) => {
    const m = messages();
    if (p.kind === "all") return m.everyPlace;
    // A group says what it counts: "ASEAN: 10 member countries, and the fund JAIF (group)".
    if (p.kind === "group") return m.groupMeaning(ledger.places.describe(p).summary);
    const name = m.placeName({ name: p.name, japaneseName: ledger.places.japaneseName(p) });
    return m.placeMeaning(name, m.placeKind(p.kind));
  },
};

export const year: ParameterSpec<"year"> = {
  name: "year",
  role: "year",
  optional: true,
  description:
    'A year (2016: the fiscal year a record states, else the year announced), or a fiscal year "FY2016" or "2016年度" (1 April to 31 March). Omit for all years.',
  leftOut: () => messages().anyYearIncludingNone,
  parse: (_ledger, value, name) => parseYearFilter(value, name),
  meaning: (_ledger, y) =>
    y.year === null ? messages().anyYearIncludingNone : describeYearFilter(y.year, y.fiscal),
};

export const currency: ParameterSpec<"currency"> = {
  name: "currency",
  role: "currency",
  optional: true,
  default: "USD",
  description: '"USD" (default) or "JPY".',
  leftOut: () => messages().currencyDefault("USD"),
  parse: (_ledger, value, name) => parseCurrency(value, name),
  meaning: (_ledger, c) => c,
};

export const theme: ParameterSpec<"theme"> = {
  name: "theme",
  role: "theme",
  optional: true,
  description: 'A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.',
  leftOut: () => messages().anyThemeMeaning,
  parse: (ledger, value) => parseTheme(ledger, value),
  meaning: (ledger, t) => {
    const label = t === null ? null : (ledger.themes.resolve(t)?.label ?? t);
    return t === null || label === null
      ? messages().anyThemeMeaning
      : messages().themeName(label, ledger.themes.japaneseName(t));
  },
};

export const kind = (fallback: KindFilter): ParameterSpec<"kind"> => ({
  name: "kind",
  role: "kind",
  optional: true,
  default: fallback,
  description: `"committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "${fallback}".`,
  leftOut: () => messages().kindDefault(messages().kindName(fallback)),
  parse: (_ledger, value) => parseKind(value, fallback),
  meaning: (_ledger, k) => messages().kindName(k),
});

function currencyOf<R extends "from" | "to">(role: R): ParameterSpec<R> {
  return {
    name: role,
    role,
    optional: false,
    description: '"USD" or "JPY".',
    parse: (_ledger, value, name) => parseCurrency(value, name),
  };
}
export const from = currencyOf("from");
export const to = currencyOf("to");

/**
 * A report's year: a plain year (the report whose records count in it) or a fiscal year (the
 * report with records in that 年度), as the rate rule's rule 4 says; rates are stated per document.
 */
export const rateYear: ParameterSpec<"year"> = {
  ...year,
  description:
    'Use the rate of the report covering this year, or this fiscal year ("FY2016", "2016年度"). Omit for the latest report.',
  leftOut: () => messages().latestReport,
  parse: (_ledger, value, name) => parseYearFilter(value, name),
  meaning: (_ledger, y) =>
    y.year === null ? messages().latestReport : describeYearFilter(y.year, y.fiscal),
};

export const id: ParameterSpec<"id"> = {
  name: "id",
  role: "id",
  optional: false,
  description: "A record id, as in the first column of AIDLIST.",
  parse: (_ledger, value, name) => parseText(value, name),
};

export const amount: ParameterSpec<"amount"> = {
  name: "amount",
  role: "amount",
  optional: false,
  description: "The amount to convert.",
  parse: (_ledger, value, name) => parseExactNumber(value, name),
};
