/**
 * `aid export --iati <out.xml> [--data <file>] [--identifier-prefix <p>] [--reporting-org-ref <ref>]
 * [--document-url <file>=<url> ...]`: the dataset (the bundled one, or a file) as IATI activity XML 2.03.
 */
import { type AidLedger, loadBundledLedger } from "../domain";
import { toIatiXml } from "../domain/iati/iatiExport";
import { readDatasetFile } from "./datasetFile";
import type { CliIo } from "./runCli";
import { errorText, EXIT, parseArgs, UsageError } from "./usage";

/** Runs `aid export`; returns the exit code. */
export function exportCommand(args: readonly string[], io: CliIo): number {
  const urls = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg !== "--document-url" && !arg.startsWith("--document-url=")) {
      rest.push(arg);
      continue;
    }
    const value =
      arg.includes("=") && arg.startsWith("--document-url=") ? arg.slice(15) : args[++i];
    const eq = value?.indexOf("=") ?? -1;
    if (value === undefined || eq <= 0)
      throw new UsageError("--document-url needs <source file>=<web address>");
    urls.set(value.slice(0, eq), value.slice(eq + 1));
  }
  const { options, positional } = parseArgs("export", rest, [
    "--iati",
    "--data",
    "--identifier-prefix",
    "--reporting-org-ref",
  ]);
  const out = options.get("--iati");
  if (out === undefined || positional.length > 0)
    throw new UsageError("export needs --iati <out.xml>, e.g. aid export --iati aid-ledger.xml");
  if (!io.writeFile) throw new Error("export needs an io.writeFile");

  let ledger: AidLedger;
  const data = options.get("--data");
  if (data !== undefined) {
    const loaded = readDatasetFile(data, io);
    if ("exit" in loaded) return loaded.exit;
    ledger = loaded.ledger;
  } else {
    ledger = loadBundledLedger();
  }
  const prefix = options.get("--identifier-prefix");
  const ref = options.get("--reporting-org-ref");
  const exported = toIatiXml(ledger, {
    generated: io.now?.() ?? new Date(),
    documentUrls: urls,
    ...(prefix !== undefined ? { identifierPrefix: prefix } : {}),
    ...(ref !== undefined ? { reportingOrgRef: ref } : {}),
  });
  try {
    io.writeFile(out, exported.xml);
  } catch (e) {
    io.stderr(`aid: cannot write ${out}: ${errorText(e)}\n`);
    return EXIT.USAGE;
  }
  io.stdout(
    `exported: ${exported.activities.length} activities (${exported.results.length} results inside them) to ${out}; ` +
      `${exported.skipped.length} records not exported:\n` +
      exported.skipped.map((s) => `  ${s.id}: ${s.reason}\n`).join("")
  );
  return EXIT.OK;
}
