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
  type AnyParameter,
  type BoundArguments,
  type FunctionEnv,
  type FunctionMeasure,
  type FunctionSpec,
  type ParameterRole,
  type ParameterSpec,
  type RoleValues,
  bindArgument,
  bindArguments,
} from "./parameters";

/**
 * Every AID function, in the order the README and the task pane list them. Each entry (in
 * aidFunctions.ts) declares its parameters beside its implementation; a new function is one
 * entry there and one line here.
 */
export const FUNCTIONS: readonly FunctionSpec[] = [
  AIDTOTAL,
  AIDCOUNT,
  AIDPEOPLE,
  AIDLIST,
  AIDSOURCE,
  AIDRATE,
  AIDCONVERT,
  AIDVERSION,
];

export function functionSpec(name: string): FunctionSpec | undefined {
  return FUNCTIONS.find((f) => f.name === name.toUpperCase());
}
