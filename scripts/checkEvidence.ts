/**
 * Checks the bundled dataset against the source documents: every record's document exists, its
 * section headings occur, and its evidence phrase occurs verbatim inside that section. The figures
 * themselves are checked against the phrase by the schema (untracedFigures).
 *
 *   npm run check:evidence            (documents in ../shared/sources)
 *   npx tsx scripts/checkEvidence.ts <sources-dir> [dataset.json]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { bundledReference, formatProblem, loadDatasetText, type Problem } from "../src/domain";
import { untracedEvidence } from "../src/domain/dataset/evidence";

const [sourcesDir, datasetFile = join(__dirname, "..", "data", "commitments.json")] =
  process.argv.slice(2);
if (!sourcesDir) {
  console.error("usage: tsx scripts/checkEvidence.ts <sources-dir> [dataset.json]");
  process.exit(2);
}
const sources = new Map(
  readdirSync(sourcesDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => [f, readFileSync(join(sourcesDir, f), "utf8")])
);
const loaded = loadDatasetText(readFileSync(datasetFile, "utf8"), bundledReference(), {
  fileName: datasetFile,
});
if (!loaded.ok) {
  console.error(loaded.problems.map(formatProblem).join("\n"));
  process.exit(1);
}
const problems: Problem[] = loaded.value.records.flatMap((r, i) =>
  untracedEvidence(r.record, sources).map((p) => ({ row: i + 1, id: r.record.id, ...p }))
);
if (problems.length > 0) {
  console.error(problems.map(formatProblem).join("\n"));
  console.error(
    `evidence check: ${problems.length} problem(s) in ${loaded.value.records.length} records`
  );
  process.exit(1);
}
console.log(
  `evidence check: all ${loaded.value.records.length} records trace to ${sources.size} source documents (phrase verbatim, inside its section; every figure stated in the phrase)`
);
