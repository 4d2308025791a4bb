/**
 * `aid publish <dataset> --out <dir> [--version <v>] [--name <file.json>]`: validates the dataset,
 * then publishes into `--out`, all or nothing (src/domain/publish/atomicPublish.ts): the dataset
 * (canonical JSON, so its content hash is the manifest's), the same data as an .xlsx beside it
 * (aid-ledger.xlsx, or the dataset's name with .xlsx), and manifest.json last. A symbolic link
 * at any of those names is refused. Nothing is written when the dataset is invalid.
 */
import { contentHash, toJson, messageOf } from "../domain";
import { publishFiles } from "../domain/publish/atomicPublish";
import { buildManifest, MANIFEST_FILE } from "../domain/publish/manifest";
import { readDatasetFile } from "./datasetFile";
import type { CliIo } from "./runCli";
import { EXIT, parseArgs, UsageError } from "./usage";
import { writeWorkbookFile } from "./workbookFile";

/** Runs `aid publish`; resolves to the exit code. */
export async function publishCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { options, positional } = parseArgs("publish", args, ["--out", "--version", "--name"]);
  if (positional.length !== 1)
    throw new UsageError(
      "publish needs one dataset file, e.g. aid publish commitments.csv --out site/"
    );
  const out = options.get("--out");
  if (out === undefined) throw new UsageError("publish needs --out <dir>, the folder to write to");
  const name = options.get("--name") ?? "commitments.json";
  if (!/^[^/\\]+\.json$/.test(name) || name === MANIFEST_FILE)
    throw new UsageError(
      `--name must be a file name ending in .json (not ${MANIFEST_FILE}); got ${JSON.stringify(name)}`
    );
  if (!io.files || !io.makeFolder) throw new Error("publish needs io.files and io.makeFolder");
  const loaded = readDatasetFile(positional[0]!, io);
  if ("exit" in loaded) return loaded.exit;

  const records = loaded.ledger.records.map((r) => r.record);
  const published = io.now?.() ?? new Date();
  const manifest = buildManifest(records, {
    version: options.get("--version") ?? published.toISOString().slice(0, 10),
    published,
    dataset: name,
  });
  const workbookName = name.replace(/\.json$/, ".xlsx");
  const workbook = await writeWorkbookFile(loaded.ledger, {
    source: `file:${positional[0]!}`,
    version: manifest.version,
    contentHash: contentHash(records),
    loadedAt: manifest.published,
    records: records.length,
  });
  const dir = out.replace(/[\\/]+$/, "") || "/";
  try {
    io.makeFolder(dir);
  } catch (e) {
    io.stderr(`aid: cannot create ${out}: ${messageOf(e)}\n`);
    return EXIT.USAGE;
  }
  const outcome = publishFiles(
    dir,
    [
      { name, data: toJson(records) },
      { name: workbookName, data: workbook },
      // Last: a manifest never describes a file that is not yet in place.
      { name: MANIFEST_FILE, data: JSON.stringify(manifest, null, 2) + "\n" },
    ],
    io.files,
    `${published.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  );
  if (!outcome.ok) {
    io.stderr(`aid: publish to ${out} failed: ${outcome.message}\n`);
    return EXIT.USAGE;
  }
  io.stdout(
    `published: ${manifest.records} records (${manifest.contentHash}, version ${manifest.version}) to ${outcome.written.join(", ")}\n`
  );
  return EXIT.OK;
}
