/**
 * Checks the bundled dataset against the source documents: every record's document exists, its
 * section headings occur, and its evidence phrase occurs verbatim inside that section. The figures
 * themselves are checked against the phrase by the schema (untracedFigures). Then every text file
 * of the repository (data, src, tests, scripts, bench, docs, README) is checked for a run of 12
 * words shared with a source document: the project carries short phrases, never sentences.
 *
 *   npm run check:evidence            (documents in ../shared/sources)
 *   npx tsx scripts/checkEvidence.ts <sources-dir> [dataset.json]
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { bundledReference, formatProblem, loadDatasetText, type Problem } from "../src/domain";
import { sharedRuns, untracedEvidence } from "../src/domain/dataset/evidence";

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
const root = join(__dirname, "..");
const TEXT = /\.(?:json|ts|tsx|js|mjs|md|csv|txt|html|css|xml)$/;
function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : textFiles(path);
    return TEXT.test(name) ? [path] : [];
  });
}
const repoFiles = [
  ...["data", "src", "tests", "scripts", "bench", "docs"].flatMap((d) => textFiles(join(root, d))),
  join(root, "README.md"),
];
// Recipients' names are facts the project carries whole, however long (see sharedRuns).
const names = [
  ...new Set([
    ...loaded.value.records.map((r) => r.record.recipient),
    ...bundledReference().recipients.recipients.flatMap((r) => [r.name, ...r.aliases]),
  ]),
];
let copied = 0;
for (const file of repoFiles) {
  const text = readFileSync(file, "utf8");
  for (const [name, source] of sources)
    for (const run of sharedRuns(text, source, 12, names)) {
      copied++;
      console.error(`${relative(root, file)}: 12 words in a row from ${name}: "${run}"`);
    }
}
if (copied > 0) {
  console.error(
    `evidence check: ${copied} run(s) of 12 words copied from the sources; rephrase them`
  );
  process.exit(1);
}
if (problems.length > 0) {
  console.error(problems.map(formatProblem).join("\n"));
  console.error(
    `evidence check: ${problems.length} problem(s) in ${loaded.value.records.length} records`
  );
  process.exit(1);
}
console.log(
  `evidence check: all ${loaded.value.records.length} records trace to ${sources.size} source documents (phrase verbatim and under 12 words, inside its section; every figure stated in the phrase); no run of 12 source words in ${repoFiles.length} repository files`
);
