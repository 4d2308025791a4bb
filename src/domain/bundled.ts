import commitments from "../../data/commitments.json";
import groups from "../../data/groups.json";
import recipients from "../../data/recipients.json";
import taxonomy from "../../data/taxonomy.json";
import themes from "../../data/themes.json";
import type { AidLedger, ReferenceData } from "./ledger";
import { createLedger } from "./ledger";
import { formatProblem } from "./dataset/problems";
import { messages } from "./messages/catalog";
import { groupsSchema, recipientsSchema, referenceProblems } from "./places/groups";
import { taxonomySchema } from "./places/taxonomy";
import { themesSchema } from "./places/themes";

/**
 * A data file as the build ships it (scripts/packData.js): each `{ $columns, $rows }` table back to
 * an array of objects, at any depth. A file read as it is edited (the tests, the command line)
 * holds no such table and comes back equal.
 */
export function unpackData<T>(value: T): T {
  return unpack(value) as T;
}

function unpack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpack);
  if (value === null || typeof value !== "object") return value;
  const { $columns: columns, $rows: rows } = value as { $columns?: unknown; $rows?: unknown };
  if (Array.isArray(columns) && Array.isArray(rows))
    return (rows as unknown[][]).map((row) =>
      Object.fromEntries((columns as string[]).map((key, i) => [key, unpack(row[i])]))
    );
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unpack(item)]));
}

/**
 * The taxonomy, themes, groups and recipients shipped with the add-in, checked against their
 * schemas and against each other on first use (a failure is a packaging bug: it throws).
 */
let reference: ReferenceData | undefined;
export function bundledReference(): ReferenceData {
  if (reference) return reference;
  const parsed: ReferenceData = {
    taxonomy: taxonomySchema.parse(unpackData(taxonomy)),
    themes: themesSchema.parse(unpackData(themes)),
    groups: groupsSchema.parse(unpackData(groups)),
    recipients: recipientsSchema.parse(unpackData(recipients)),
  };
  const problems = referenceProblems(parsed.taxonomy, parsed.groups, parsed.recipients);
  if (problems.length > 0)
    throw new Error(messages().bundledReferenceInconsistent(problems.join("\n")));
  reference = parsed;
  return reference;
}

let rows: readonly unknown[] | undefined;
/** The commitment rows shipped with the add-in (data/commitments.json), unvalidated. */
export function bundledRows(): readonly unknown[] {
  rows ??= unpackData(commitments);
  return rows;
}

/**
 * The ledger of the bundled dataset. The build and the tests validate the same file, so a
 * failure here is a packaging bug; it throws with every problem listed.
 */
export function loadBundledLedger(): AidLedger {
  const built = createLedger({ rows: bundledRows(), reference: bundledReference() });
  if (!built.ok)
    throw new Error(
      messages().bundledDatasetInvalid(built.problems.map((p) => formatProblem(p)).join("\n"))
    );
  return built.value;
}
