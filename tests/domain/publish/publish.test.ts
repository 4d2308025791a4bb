import { type CommitmentRecord, contentHash } from "../../../src/domain";
import { compare, fraction } from "../../../src/domain/money/fraction";
import {
  buildManifest,
  compareToManifest,
  MANIFEST_FORMAT,
  readPublishedManifest,
  siblingAddress,
} from "../../../src/domain/publish/manifest";
import {
  diffRates,
  formatReview,
  isEmptyReview,
  reviewDatasets,
} from "../../../src/domain/publish/review";
import { bundledCopy, ledgerOf, TICAD_PLEDGE, ticadAt600Million } from "../helpers";

const PUBLISHED = new Date("2026-11-29T09:00:00.000Z");

describe("the published manifest", () => {
  const records = bundledCopy();
  const ledger = ledgerOf(records);
  const validated = ledger.records.map((r) => r.record);
  const manifest = buildManifest(validated, {
    version: "2026-11-29",
    published: PUBLISHED,
    dataset: "commitments.json",
  });

  test("states the version, content hash, record count, documents with titles, date and file", () => {
    expect(manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      version: "2026-11-29",
      contentHash: contentHash(validated),
      records: validated.length,
      published: "2026-11-29T09:00:00.000Z",
      dataset: "commitments.json",
    });
    const titles = new Map(validated.map((r) => [r.sourceFile, r.sourceTitle]));
    expect(manifest.documents.map((d) => [d.file, d.title])).toEqual(
      [...titles].sort(([a], [b]) => a.localeCompare(b))
    );
    expect(manifest.documents.reduce((n, d) => n + d.records, 0)).toBe(validated.length);
  });

  test("reads back what it wrote", () => {
    expect(readPublishedManifest(JSON.stringify(manifest))).toEqual({ ok: true, value: manifest });
  });

  test("a bad manifest is refused with every problem by field", () => {
    const bad = { ...manifest, format: "other/2", contentHash: "md5:x", dataset: "../x.json" };
    const read = readPublishedManifest(JSON.stringify(bad));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.field).sort()).toEqual(["contentHash", "dataset", "format"]);
    const notJson = readPublishedManifest("<html>");
    expect(notJson.ok ? [] : notJson.problems.map((p) => p.field)).toEqual(["(file)"]);
  });

  test("compareToManifest: same data, a newer edition, or other data", () => {
    const loaded = { contentHash: manifest.contentHash, loadedAt: "2026-11-30T00:00:00.000Z" };
    expect(compareToManifest(loaded, manifest)).toBe("same");
    const older = { contentHash: "fnv1a64:0000000000000000", loadedAt: "2026-11-28T00:00:00.000Z" };
    expect(compareToManifest(older, manifest)).toBe("newer");
    const later = { contentHash: "fnv1a64:0000000000000000", loadedAt: "2026-11-30T00:00:00.000Z" };
    expect(compareToManifest(later, manifest)).toBe("different");
  });
});

test("siblingAddress: the manifest beside the dataset, the dataset beside the manifest", () => {
  expect(siblingAddress("https://h.example/site/commitments.json?x=1#y", "manifest.json")).toBe(
    "https://h.example/site/manifest.json"
  );
  expect(siblingAddress("https://h.example/site/manifest.json", "aid-2017.json")).toBe(
    "https://h.example/site/aid-2017.json"
  );
});

describe("the review before publishing", () => {
  const before = ledgerOf(bundledCopy());
  const side = (l: typeof before) => ({ records: l.records.map((r) => r.record), rates: l.rates });

  test("the same data: nothing to review", () => {
    const review = reviewDatasets(side(before), side(ledgerOf(bundledCopy())));
    expect(isEmptyReview(review)).toBe(true);
    expect(formatReview(review)).toMatch(
      /0 added, 0 removed, 0 changed, \d+ unchanged; 0 document rates changed/
    );
  });

  test("a restated amount is a field change; removing its stated pair moves the document's rate", () => {
    const after = ledgerOf(ticadAt600Million());
    const review = reviewDatasets(side(before), side(after));
    expect(review.records.changed.map((c) => c.id)).toEqual([TICAD_PLEDGE]);
    const white = "000_ecb32d6e9fafa848.txt";
    expect(review.rates.map((r) => r.document)).toEqual([white]);
    const change = review.rates[0]!;
    // Four pairs (100.28, 103.89, 104, 116.67) had median 1871/18 = 103.944...; without 104,
    // three remain and the middle one is 187/1.8 = 103.888...
    expect(compare(change.from!, fraction(1871n, 18n))).toBe(0);
    expect(compare(change.to!, fraction(935n, 9n))).toBe(0);
    const text = formatReview(review);
    expect(text).toContain('amount: "500000000" -> "600000000"');
    expect(text).toContain(`rate ${white}`);
    expect(text).toContain("103.944444 -> 103.888889 JPY per USD");
  });

  test("diffRates: a document added or dropped shows as a rate from or to none", () => {
    const only2010: CommitmentRecord[] = bundledCopy().filter(
      (r) => r.sourceFile !== "000_ecb32d6e9fafa848.txt"
    );
    const changes = diffRates(before.rates, ledgerOf(only2010).rates);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.to).toBeNull();
  });
});
