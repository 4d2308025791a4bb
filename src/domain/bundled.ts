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
 * The taxonomy, themes, groups and recipients shipped with the add-in, checked against their
 * schemas and against each other on first use (a failure is a packaging bug: it throws).
 */
let reference: ReferenceData | undefined;
export function bundledReference(): ReferenceData {
  if (reference) return reference;
  const parsed: ReferenceData = {
    taxonomy: taxonomySchema.parse(taxonomy),
    themes: themesSchema.parse(themes),
    groups: groupsSchema.parse(groups),
    recipients: recipientsSchema.parse(recipients),
  };
  const problems = referenceProblems(parsed.taxonomy, parsed.groups, parsed.recipients);
  if (problems.length > 0)
    throw new Error(messages().bundledReferenceInconsistent(problems.join("\n")));
  reference = parsed;
  return reference;
}

/** The commitment rows shipped with the add-in (data/commitments.json), unvalidated. */
export function bundledRows(): readonly unknown[] {
  return commitments;
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
