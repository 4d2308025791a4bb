import {
  AIDCONVERT,
  AIDCOUNT,
  AIDLIST,
  AIDPEOPLE,
  AIDRATE,
  AIDSOURCE,
  AIDTOTAL,
  AIDVERSION,
} from "./aidFunctions";
import type { FunctionSpec } from "./parameters";

export {
  type AnswerValue,
  type AnyParameter,
  type BoundArguments,
  type DefinedFunction,
  type FunctionEnv,
  type FunctionMeasure,
  type FunctionSpec,
  type ParameterRole,
  type ParameterSpec,
  type RoleValues,
  bindArgument,
  bindArguments,
} from "./parameters";

const ENTRIES = [
  AIDTOTAL,
  AIDCOUNT,
  AIDPEOPLE,
  AIDLIST,
  AIDSOURCE,
  AIDRATE,
  AIDCONVERT,
  AIDVERSION,
] as const;

/** Any entry of the catalog with its name and answer type kept (the host types its results from it). */
export type CatalogEntry = (typeof ENTRIES)[number];

/**
 * Every AID function, in the order the README and the task pane list them. Each entry (in
 * aidFunctions.ts) declares its parameters beside its implementation; a new function is one
 * entry there and one line in ENTRIES.
 */
export const FUNCTIONS: readonly FunctionSpec[] = ENTRIES;

export function functionSpec(name: string): FunctionSpec | undefined {
  return FUNCTIONS.find((f) => f.name === name.toUpperCase());
}
