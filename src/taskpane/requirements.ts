import { messages } from "../domain";

/**
 * The requirement sets the pane and the functions use, and which Excel builds have them (Microsoft
 * Learn: "Custom Functions requirement sets", "Excel JavaScript API requirement sets", "Shared
 * runtime requirement sets"). The manifest requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.2
 * (Excel does not load the add-in without them); the others the pane checks when it opens.
 */
export const REQUIREMENTS: readonly { set: string; version: string }[] = [
  { set: "SharedRuntime", version: "1.1" },
  { set: "CustomFunctionsRuntime", version: "1.2" },
  { set: "ExcelApi", version: "1.13" },
  { set: "ExcelApi", version: "1.14" },
];

/**
 * The first Excel builds that have every set above: ExcelApi 1.14's, the latest of them (Microsoft
 * Learn, "Excel JavaScript API requirement sets": Windows Version 2108 (Build 14326.20508), Office
 * 2021 the same, Mac 16.52; SharedRuntime 1.1 came with Windows Version 2002 and Mac 16.35,
 * CustomFunctionsRuntime 1.2 with Windows 1909 and Mac 16.34). Excel on the web has them all.
 */
export const MINIMUM_BUILDS = {
  windows: "Version 2108 (Build 14326.20508)",
  mac: "16.52",
} as const;

/**
 * What the pane says when a set is missing, naming the user's Excel version
 * (Office.context.diagnostics.version), or null when every set is there.
 */
export function requirementsMessage(
  supports: (set: string, version: string) => boolean,
  version: string | null
): string | null {
  const missing = REQUIREMENTS.filter((r) => !supports(r.set, r.version));
  if (missing.length === 0) return null;
  const names = missing.map((r) => `${r.set} ${r.version}`).join(", ");
  return messages().requirementsMissing(version, names, MINIMUM_BUILDS);
}
