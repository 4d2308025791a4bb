/**
 * `aid publish <dataset> --out <dir> [--version <v>] [--name <file.json>]`: validates the dataset,
 * then writes it (canonical JSON, so its content hash is the manifest's) and manifest.json beside
 * it, for a web server the pane refreshes from. Nothing is written when the dataset is invalid.
 */
import { toJson } from "../domain";
import { buildManifest, MANIFEST_FILE } from "../domain/publish/manifest";
import { readDatasetFile } from "./datasetFile";
import type { CliIo } from "./runCli";
import { errorText, EXIT, parseArgs, UsageError } from "./usage";

/** Runs `aid publish`; returns the exit code. */
export function publishCommand(args: readonly string[], io: CliIo): number {
  const { options, positional } = parseArgs("publish", args, ["--out", "--version", "--name"]);
  if (positional.length !== 1)
    throw new UsageError(
      "publish needs one dataset file, e.g. aid publish commitments.csv --out site/"
    );
  const out = options.get("--out");
  if (out === undefined) throw new UsageError("publish needs --out <dir>, the folder to write to");
  const name = options.get("--name") ?? "commitments.json";
  if (!/^[^/\\]+\.json$/.test(name))
    throw new UsageError(`--name must be a file name ending in .json; got ${JSON.stringify(name)}`);
  if (!io.writeFile) throw new Error("publish needs an io.writeFile");
  const loaded = readDatasetFile(positional[0]!, io);
  if ("exit" in loaded) return loaded.exit;

  const records = loaded.ledger.records.map((r) => r.record);
  const published = io.now?.() ?? new Date();
  const manifest = buildManifest(records, {
    version: options.get("--version") ?? published.toISOString().slice(0, 10),
    published,
    dataset: name,
  });
  const dir = out.replace(/[\\/]+$/, "");
  try {
    // The dataset first: a manifest never names a file that is not there yet.
    io.writeFile(`${dir}/${name}`, toJson(records));
    io.writeFile(`${dir}/${MANIFEST_FILE}`, JSON.stringify(manifest, null, 2) + "\n");
  } catch (e) {
    io.stderr(`aid: cannot write to ${out}: ${errorText(e)}\n`);
    return EXIT.USAGE;
  }
  io.stdout(
    `published: ${manifest.records} records (${manifest.contentHash}, version ${manifest.version}) to ${dir}/${name} and ${dir}/${MANIFEST_FILE}\n`
  );
  return EXIT.OK;
}
