/**
 * `aid export --iati <out.xml> [--data <file>] [--identifier-prefix <p>] [--reporting-org-ref <ref>]
 * [--document-url <file>=<url> ...] [--document-date <file>=<date> ...]`: the dataset (the bundled
 * one, or a file) as IATI activity XML 2.03. `aid export --xlsx <out.xlsx> [--data <file>]`: the
 * dataset as an .xlsx workbook (src/cli/workbookFile.ts).
 */
import { type AidLedger, contentHash, loadBundledLedger, messageOf } from "../domain";
import { toIatiXml } from "../domain/iati/iatiExport";
import { readDatasetFile } from "./datasetFile";
import type { CliIo } from "./runCli";
import { EXIT, parseArgs, UsageError } from "./usage";
import { writeWorkbookFile } from "./workbookFile";

/** Runs `aid export`; returns the exit code (a promise of it for --xlsx). */
export function exportCommand(args: readonly string[], io: CliIo): number | Promise<number> {
  const { pairs, rest } = takePairs(args, ["--document-url", "--document-date"]);
  const urls = pairs.get("--document-url")!;
  const dates = pairs.get("--document-date")!;
  for (const [file, date] of dates)
    if (!/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(date))
      throw new UsageError(
        `--document-date for ${file} must be YYYY, YYYY-MM or YYYY-MM-DD; got ${date}`
      );
  const { options, positional } = parseArgs("export", rest, [
    "--iati",
    "--xlsx",
    "--data",
    "--identifier-prefix",
    "--reporting-org-ref",
  ]);
  const out = options.get("--iati");
  const xlsx = options.get("--xlsx");
  if ((out === undefined) === (xlsx === undefined) || positional.length > 0)
    throw new UsageError(
      "export needs one of --iati <out.xml> or --xlsx <out.xlsx>, e.g. aid export --iati aid-ledger.xml"
    );
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
  if (xlsx !== undefined) return exportWorkbook(ledger, xlsx, data, io);
  if (out === undefined) throw new UsageError("export needs --iati <out.xml>");
  const prefix = options.get("--identifier-prefix");
  const ref = options.get("--reporting-org-ref");
  const exported = toIatiXml(ledger, {
    generated: io.now?.() ?? new Date(),
    documentUrls: urls,
    documentDates: dates,
    ...(prefix !== undefined ? { identifierPrefix: prefix } : {}),
    ...(ref !== undefined ? { reportingOrgRef: ref } : {}),
  });
  try {
    io.writeFile(out, exported.xml);
  } catch (e) {
    io.stderr(`aid: cannot write ${out}: ${messageOf(e)}\n`);
    return EXIT.USAGE;
  }
  io.stdout(
    `exported: ${exported.activities.length} activities (${exported.results.length} results inside them) to ${out}; ` +
      `${exported.skipped.length} records not exported:\n` +
      exported.skipped.map((s) => `  ${s.id}: ${s.reason}\n`).join("")
  );
  return EXIT.OK;
}

async function exportWorkbook(
  ledger: AidLedger,
  out: string,
  data: string | undefined,
  io: CliIo
): Promise<number> {
  const records = ledger.records.map((r) => r.record);
  const bytes = await writeWorkbookFile(ledger, {
    source: data === undefined ? "bundled" : `file:${data}`,
    version: data ?? "bundled",
    contentHash: contentHash(records),
    loadedAt: (io.now?.() ?? new Date()).toISOString(),
    records: records.length,
  });
  try {
    io.writeFile!(out, bytes);
  } catch (e) {
    io.stderr(`aid: cannot write ${out}: ${messageOf(e)}\n`);
    return EXIT.USAGE;
  }
  io.stdout(`exported: ${records.length} records as an .xlsx workbook to ${out}\n`);
  return EXIT.OK;
}

/** Takes out the repeatable `--name <file>=<value>` options; the rest is parsed as usual. */
function takePairs(
  args: readonly string[],
  names: readonly string[]
): { pairs: Map<string, Map<string, string>>; rest: string[] } {
  const pairs = new Map(names.map((n) => [n, new Map<string, string>()]));
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = names.find((n) => arg === n || arg.startsWith(`${n}=`));
    if (name === undefined) {
      rest.push(arg);
      continue;
    }
    const value = arg === name ? args[++i] : arg.slice(name.length + 1);
    const eq = value?.indexOf("=") ?? -1;
    if (value === undefined || eq <= 0)
      throw new UsageError(`${name} needs <source file>=<value>, e.g. ${name} report.txt=...`);
    pairs.get(name)!.set(value.slice(0, eq), value.slice(eq + 1));
  }
  return { pairs, rest };
}
