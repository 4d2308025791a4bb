/**
 * `aid extract <report.txt> [--document-title <title>] [--source-file <name>]`: candidate records
 * for every aid figure of a report's plain text, as dataset CSV on stdout; a summary on stderr.
 */
import { bundledReference, toCsv, messageOf } from "../domain";
import { extractCandidates } from "../domain/extract/extract";
import { baseName } from "./datasetFile";
import type { CliIo } from "./runCli";
import { EXIT, parseArgs, UsageError } from "./usage";

/** Runs `aid extract`; returns the exit code. */
export function extractCommand(args: readonly string[], io: CliIo): number {
  const { options, positional } = parseArgs("extract", args, ["--document-title", "--source-file"]);
  if (positional.length !== 1)
    throw new UsageError(
      "extract needs one report file, e.g. aid extract report.txt > candidates.csv"
    );
  const path = positional[0]!;
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    io.stderr(`aid: cannot read ${path}: ${messageOf(e)}\n`);
    return EXIT.USAGE;
  }
  const title = options.get("--document-title");
  const extraction = extractCandidates(text, bundledReference(), {
    sourceFile: options.get("--source-file") ?? baseName(path),
    ...(title !== undefined ? { documentTitle: title } : {}),
  });
  const rows = extraction.candidates.map((c) => c.row);
  io.stdout(toCsv(rows));
  const count = (pick: (r: (typeof rows)[number]) => unknown) =>
    rows.filter((r) => pick(r) !== null).length;
  const blanks = new Map<string, number>();
  for (const c of extraction.candidates)
    for (const b of c.blanks) blanks.set(b, (blanks.get(b) ?? 0) + 1);
  // Said only when there are candidates: with none, "no field is blank" would be true of nothing.
  const toFill =
    rows.length === 0
      ? "No aid figure was found: nothing to fill."
      : blanks.size > 0
        ? `Blanks to fill before "aid validate": ${[...blanks].map(([f, n]) => `${f} (${n})`).join(", ")}.`
        : "No required field is blank.";
  io.stderr(
    `extract: ${rows.length} candidate${rows.length === 1 ? "" : "s"} from ${path}: ` +
      `${count((r) => r.amount)} money, ${count((r) => r.people)} people, ${count((r) => r.quantity)} quantities.\n` +
      `Kinds, recipients, places, themes and dates are proposals (see each row's notes). ${toFill}\n` +
      (extraction.sourceTitle === null
        ? `The report's title was not found in its first lines: give --document-title.\n`
        : "") +
      extraction.otherCurrencies
        .map(
          (o) =>
            `Not proposed: ${o.text} (line ${o.line}) is in a currency the dataset cannot hold (USD, JPY).\n`
        )
        .join("")
  );
  return EXIT.OK;
}
