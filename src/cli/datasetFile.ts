/** Reading a dataset file for a command: read, validate, and print every problem when invalid. */
import {
  type AidLedger,
  bundledReference,
  formatProblem,
  loadDatasetText,
  type Problem,
  messageOf,
} from "../domain";
import type { CliIo } from "./runCli";
import { EXIT } from "./usage";

/** The ledger of a dataset file, or the exit code after printing why there is none. */
export function readDatasetFile(
  path: string,
  io: CliIo
): { ledger: AidLedger; text: string } | { exit: number } {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    io.stderr(`aid: cannot read ${path}: ${messageOf(e)}\n`);
    return { exit: EXIT.USAGE };
  }
  const built = loadDatasetText(text, bundledReference(), { fileName: path });
  if (!built.ok) {
    printProblems(path, built.problems, io);
    return { exit: EXIT.INVALID };
  }
  return { ledger: built.value, text };
}

/** Prints "invalid: <file> has N problems:" and each problem with its line, field and reason. */
export function printProblems(path: string, problems: readonly Problem[], io: CliIo): void {
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  io.stderr(
    `invalid: ${path} has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`
  );
}

/** The last part of a path, for a file name recorded in data (sourceFile, the manifest). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
