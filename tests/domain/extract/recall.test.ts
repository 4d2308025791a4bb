/**
 * Recall of `aid extract` on the two source documents: every figure the dataset records must be
 * proposed by a candidate from the same sentence, and no money candidate may be a statistic.
 * The documents are not part of the repository; CI always has them beside it, in
 * ../shared/sources (as `npm run check:evidence` reads them). Without them this test fails.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundledReference, createLedger, loadBundledLedger } from "../../../src/domain";
import { untracedEvidence, untracedFigures } from "../../../src/domain/dataset/evidence";
import type { CommitmentRecord } from "../../../src/domain/dataset/schema";
import { type Extraction, extractCandidates } from "../../../src/domain/extract/extract";
import { measureRecall } from "../../../src/domain/extract/recall";

const SOURCES = resolve(__dirname, "../../../../shared/sources");
const records = loadBundledLedger().records.map((r) => r.record);
const documents = [...new Set(records.map((r) => r.sourceFile))].sort();

function source(file: string): string {
  const path = join(SOURCES, file);
  if (!existsSync(path))
    throw new Error(
      `The source document ${path} is missing: the recall test needs ../shared/sources beside the repository (CI has it).`
    );
  return readFileSync(path, "utf8");
}

const extracted = new Map<string, { text: string; extraction: Extraction }>();
function extractionOf(file: string) {
  let e = extracted.get(file);
  if (!e) {
    const text = source(file);
    e = { text, extraction: extractCandidates(text, bundledReference(), { sourceFile: file }) };
    extracted.set(file, e);
  }
  return e;
}

test("every document the dataset names is in ../shared/sources", () => {
  expect(documents.length).toBeGreaterThan(0);
  for (const file of documents) expect(source(file).length).toBeGreaterThan(0);
});

describe.each(documents)("aid extract on %s", (file) => {
  const mine = records.filter((r) => r.sourceFile === file);

  test.each(mine.map((r) => [r.id, r] as const))(
    "proposes the figure of %s, from the same sentence",
    (_id, record: CommitmentRecord) => {
      const { text, extraction } = extractionOf(file);
      const recall = measureRecall(text, file, [record], extraction.candidates);
      expect(recall.rows[0]).toMatchObject({ id: record.id, reason: null });
    }
  );

  test("recall is every record of the document", () => {
    const { text, extraction } = extractionOf(file);
    const recall = measureRecall(text, file, records, extraction.candidates);
    expect(recall.total).toBe(mine.length);
    expect(recall.found).toBe(recall.total);
  });

  test("no money candidate for a statistic: every amount proposed is one the dataset records, from its sentence", () => {
    const { text, extraction } = extractionOf(file);
    const money = extraction.candidates.filter((c) => c.row.amount !== null);
    expect(money.length).toBeGreaterThan(0);
    for (const c of money) {
      const match = mine.find((r) => {
        const at = text.indexOf(r.evidence);
        return (
          r.amount === c.row.amount &&
          r.currency === c.row.currency &&
          at >= c.sentence.start &&
          at < c.sentence.end
        );
      });
      expect({ evidence: c.row.evidence, recorded: match !== undefined }).toEqual({
        evidence: c.row.evidence,
        recorded: true,
      });
    }
  });

  test("once its blanks are filled, the extraction validates as a dataset", () => {
    const { extraction } = extractionOf(file);
    const filled = extraction.candidates.map((c) => ({
      ...c.row,
      sourceTitle: c.row.sourceTitle ?? "A title",
      kind: c.row.kind ?? "contribution",
      recipient: c.row.recipient ?? "Asia",
      recipientType: c.row.recipientType ?? "region",
      region: c.row.region ?? "Asia",
    }));
    const built = createLedger({ rows: filled, reference: bundledReference() });
    expect(built.ok ? [] : built.problems).toEqual([]);
  });

  test("every candidate's phrase traces as the dataset's do: verbatim, in its section, stating its figures", () => {
    const { text, extraction } = extractionOf(file);
    const sources = new Map([[file, text]]);
    for (const c of extraction.candidates) {
      const r = c.row as unknown as CommitmentRecord;
      expect([c.row.id, untracedEvidence(r, sources), untracedFigures(r)]).toEqual([
        c.row.id,
        [],
        [],
      ]);
    }
  });
});
