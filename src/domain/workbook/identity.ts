import type { CommitmentRecord } from "../dataset/schema";
import { toJson } from "../dataset/io";

/**
 * A fingerprint of a dataset's records: FNV-1a (64-bit) over their canonical JSON. It tells one
 * dataset from another (has the workbook's data changed?); it is not a security measure.
 */
export function contentHash(records: readonly CommitmentRecord[]): string {
  const text = toJson(records);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return `fnv1a64:${hash.toString(16).padStart(16, "0")}`;
}
