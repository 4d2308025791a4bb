import {
  type CommitmentRecord,
  type Problem,
  MANIFEST_FILE,
  contentHash,
  messages,
  readPublishedManifest,
  siblingAddress,
} from "../../domain";
import type { Fetched } from "./fetchDataset";

/**
 * A dataset downloaded from an address whose manifest (aid publish) names it must be the data
 * the manifest describes: another hash means a half-published site, a stale cache or a changed
 * file, and the refresh is refused before anything is written. No manifest, or one that names
 * another file, is no check: data may be served without aid publish.
 */
export async function checkAgainstManifest(
  fetchText: (url: string) => Promise<Fetched>,
  address: string,
  fileName: string,
  records: readonly CommitmentRecord[]
): Promise<Problem | null> {
  const fetched = await fetchText(siblingAddress(address, MANIFEST_FILE));
  if (!fetched.ok) return null;
  const manifest = readPublishedManifest(fetched.text);
  if (!manifest.ok || manifest.value.dataset !== fileName) return null;
  const hash = contentHash(records);
  if (hash === manifest.value.contentHash) return null;
  return {
    row: 0,
    field: "(address)",
    get message() {
      return messages().downloadNotManifested(
        address,
        { hash: manifest.value.contentHash, records: manifest.value.records },
        { hash, records: records.length }
      );
    },
  };
}
