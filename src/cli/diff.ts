/**
 * `aid diff <old> <new>`: what replacing one dataset file by another would change (records,
 * fields, document rates), for review before publishing. Exit codes as every `aid` command: 0 the
 * comparison is printed (the last line says whether anything changed), 1 either file is invalid
 * (every problem listed, nothing compared), 2 a usage error or an unreadable file.
 */
import { formatReview, reviewDatasets } from "../domain/publish/review";
import { readDatasetFile } from "./datasetFile";
import type { CliIo } from "./runCli";
import { EXIT, parseArgs, UsageError } from "./usage";

/** Runs `aid diff`; returns the exit code. */
export function diffCommand(args: readonly string[], io: CliIo): number {
  const { positional } = parseArgs("diff", args, []);
  if (positional.length !== 2)
    throw new UsageError("diff needs two dataset files, e.g. aid diff commitments.json next.csv");
  const [oldPath, newPath] = positional as [string, string];
  const before = readDatasetFile(oldPath, io);
  if ("exit" in before) return before.exit;
  const after = readDatasetFile(newPath, io);
  if ("exit" in after) return after.exit;
  const side = (l: typeof before.ledger) => ({
    records: l.records.map((r) => r.record),
    rates: l.rates,
  });
  const review = reviewDatasets(side(before.ledger), side(after.ledger));
  io.stdout(formatReview(review));
  return EXIT.OK;
}
