import type { DatasetIdentity } from "../../../src/domain";

/** A dataset identity for a write, named by its source (the writer stores it in the workbook). */
export const identity = (source: string): DatasetIdentity => ({
  source,
  version: "0.1.0",
  contentHash: `fnv1a64:${source}`,
  loadedAt: "2025-01-01T00:00:00.000Z",
  records: 33,
});
