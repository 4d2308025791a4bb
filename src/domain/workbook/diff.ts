import { FIELD_NAMES, type FieldName } from "../dataset/fields";
import type { CommitmentRecord } from "../dataset/schema";

export interface FieldChange {
  readonly field: FieldName;
  readonly from: unknown;
  readonly to: unknown;
}

export interface DatasetDiff {
  readonly added: readonly CommitmentRecord[];
  readonly removed: readonly CommitmentRecord[];
  readonly changed: readonly { readonly id: string; readonly changes: readonly FieldChange[] }[];
  readonly unchanged: number;
}

/** What replacing `before` by `after` would change, record by record (matched by id) and field by field. */
export function diffDatasets(
  before: readonly CommitmentRecord[],
  after: readonly CommitmentRecord[]
): DatasetDiff {
  const old = new Map(before.map((r) => [r.id, r]));
  const next = new Set(after.map((r) => r.id));
  const added: CommitmentRecord[] = [];
  const changed: { id: string; changes: FieldChange[] }[] = [];
  let unchanged = 0;
  for (const r of after) {
    const prior = old.get(r.id);
    if (!prior) {
      added.push(r);
      continue;
    }
    const changes = FIELD_NAMES.filter((f) => prior[f] !== r[f]).map((field) => ({
      field,
      from: prior[field],
      to: r[field],
    }));
    if (changes.length > 0) changed.push({ id: r.id, changes });
    else unchanged++;
  }
  return { added, removed: before.filter((r) => !next.has(r.id)), changed, unchanged };
}

export function isEmptyDiff(diff: DatasetDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
