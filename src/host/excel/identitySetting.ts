import type { DatasetIdentity } from "../../domain";

/** Workbook setting (per file and add-in) that holds the loaded dataset's identity as JSON. */
export const IDENTITY_SETTING = "aidLedger.identity";

export function identityToSetting(identity: DatasetIdentity): string {
  return JSON.stringify(identity);
}

/** The identity stored in the setting, or null when it is not valid JSON of the expected shape. */
export function identityFromSetting(value: unknown): DatasetIdentity | null {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const o = parsed as Record<string, unknown>;
  const texts = ["source", "version", "contentHash", "loadedAt"] as const;
  if (!texts.every((k) => typeof o[k] === "string") || typeof o.records !== "number") return null;
  return {
    source: o.source as string,
    version: o.version as string,
    contentHash: o.contentHash as string,
    loadedAt: o.loadedAt as string,
    records: o.records,
  };
}
