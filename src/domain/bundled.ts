import commitments from "../../data/commitments.json";
import taxonomy from "../../data/taxonomy.json";
import themes from "../../data/themes.json";
import type { AidLedger, ReferenceData } from "./ledger";
import { createLedger } from "./ledger";
import { formatProblem } from "./dataset/problems";
import { taxonomySchema } from "./places/taxonomy";
import { themesSchema } from "./places/themes";

/** The taxonomy and themes shipped with the add-in, checked against their schemas on first use. */
let reference: ReferenceData | undefined;
export function bundledReference(): ReferenceData {
  reference ??= { taxonomy: taxonomySchema.parse(taxonomy), themes: themesSchema.parse(themes) };
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
      `The bundled dataset is invalid:\n${built.problems.map((p) => formatProblem(p)).join("\n")}`
    );
  return built.value;
}
