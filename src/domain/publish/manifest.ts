/**
 * The manifest published beside a dataset file: small enough for the pane's web-address refresh
 * to read first, so it can say "a newer dataset is available" without downloading the dataset.
 * `aid publish` writes it; the pane reads it with readPublishedManifest and compareToManifest.
 */
import * as z from "../zod";
import type { Checked, Problem } from "../dataset/problems";
import type { CommitmentRecord } from "../dataset/schema";
import { contentHash } from "../workbook/identity";
import type { DatasetIdentity } from "../workbook/port";
import { messageOf, messages } from "../messages/catalog";
import { IN_CHOSEN_LANGUAGE, say } from "../dataset/schema";

/** The manifest's format name and version; a reader refuses formats it does not know. */
export const MANIFEST_FORMAT = "aid-ledger-manifest/1";
/** The manifest's file name beside the dataset. */
export const MANIFEST_FILE = "manifest.json";

export const publishedManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT, say("manifestFormatRule", MANIFEST_FORMAT)),
  /** The edition's version, as the publisher names it (default: the publication date). */
  version: z.string().check(z.trim(), z.minLength(1, say("mustNotBeEmpty"))),
  /** contentHash of the dataset's records: equal hashes, equal data. */
  contentHash: z.string().check(z.regex(/^fnv1a64:[0-9a-f]{16}$/, say("contentHashRule"))),
  records: z.number().check(z.int(), z.nonnegative()),
  documents: z.array(
    z.object({
      file: z.string().check(z.minLength(1)),
      title: z.string().check(z.minLength(1)),
      records: z.number().check(z.int(), z.positive()),
    })
  ),
  /** ISO 8601 time of publication. */
  published: z.iso.datetime({ offset: true, ...say("dateTimeRule") }),
  /** The dataset's file name, relative to the manifest's address. */
  dataset: z.string().check(z.minLength(1), z.regex(/^[^/\\]+$/, say("fileNameNotPath"))),
});

export type PublishedManifest = z.output<typeof publishedManifestSchema>;

/** The manifest for records about to be published. */
export function buildManifest(
  records: readonly CommitmentRecord[],
  options: { version: string; published: Date; dataset: string }
): PublishedManifest {
  const documents = new Map<string, { title: string; records: number }>();
  for (const r of records) {
    const d = documents.get(r.sourceFile) ?? { title: r.sourceTitle, records: 0 };
    d.records++;
    documents.set(r.sourceFile, d);
  }
  return {
    format: MANIFEST_FORMAT,
    version: options.version,
    contentHash: contentHash(records),
    records: records.length,
    documents: [...documents]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, d]) => ({ file, title: d.title, records: d.records })),
    published: options.published.toISOString(),
    dataset: options.dataset,
  };
}

/** Reads a manifest's text; every problem is named by field. */
export function readPublishedManifest(text: string): Checked<PublishedManifest> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          row: 0,
          field: "(file)",
          message: messages().notValidJson(messageOf(e)),
        },
      ],
    };
  }
  const parsed = publishedManifestSchema.safeParse(data, IN_CHOSEN_LANGUAGE);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: Problem[] = parsed.error.issues.map((i) => ({
    row: 0,
    field: i.path.length > 0 ? i.path.join(".") : "(manifest)",
    message: i.message,
  }));
  return { ok: false, problems };
}

/** How a published dataset stands to the one loaded: the same data, a newer edition, or other data. */
export type ManifestComparison = "newer" | "same" | "different";

/**
 * "same" when the manifest's records are the loaded ones (equal content hash); "newer" when they
 * differ and were published after the loaded data was loaded; "different" when they differ but
 * were published before (the workbook holds later edits, or data from elsewhere): the pane offers
 * the refresh either way, but only "newer" says a newer dataset is available.
 */
export function compareToManifest(
  identity: Pick<DatasetIdentity, "contentHash" | "loadedAt">,
  manifest: PublishedManifest
): ManifestComparison {
  if (identity.contentHash === manifest.contentHash) return "same";
  const loaded = Date.parse(identity.loadedAt);
  const published = Date.parse(manifest.published);
  return Number.isNaN(loaded) || published > loaded ? "newer" : "different";
}

/**
 * The address of a file published beside another: "https://h/site/commitments.json" and
 * "manifest.json" give "https://h/site/manifest.json" (query and fragment dropped). The pane reads
 * the manifest beside a dataset's address, and the dataset the manifest names beside the manifest.
 */
export function siblingAddress(address: string, fileName: string): string {
  const base = address.replace(/[?#].*$/, "");
  const slash = base.lastIndexOf("/");
  return `${slash >= 0 ? base.slice(0, slash + 1) : ""}${fileName}`;
}
