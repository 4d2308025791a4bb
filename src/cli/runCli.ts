/**
 * The `aid` command, as a function: arguments and I/O in, exit code out, so every command and
 * exit code is testable in-process. src/cli/aid.ts wires it to the real process.
 *
 * Exit codes: 0 done (a formula that evaluates to an error value is still done), 1 the data or
 * formula is invalid, 2 usage error or unreadable file.
 */
import {
  type AidLedger,
  bundledReference,
  type Checked,
  FUNCTIONS,
  formatProblem,
  loadBundledLedger,
  loadDatasetText,
  type Problem,
  toCsv,
  toJson,
  limits,
  messageOf,
} from "../domain";
import { evaluateFormula } from "./calc";
import { diffCommand } from "./diff";
import { exportCommand } from "./exportIati";
import { extractCommand } from "./extract";
import { publishCommand } from "./publish";
import { EXIT, UsageError } from "./usage";
import { FileContentError } from "./readText";
import { escapeForTerminal } from "./terminalText";
import type { PublishFs } from "../domain/publish/atomicPublish";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * Reads a whole text file; throws when it cannot (missing, a directory, no permission), and
   * FileContentError (src/cli/readText.ts) when it is too large or not UTF-8.
   */
  readonly readFile: (path: string) => string;
  /** Writes a whole file (text or bytes), creating its folder; throws when it cannot. Needed by export. */
  readonly writeFile?: (path: string, data: string | Uint8Array) => void;
  /** Creates a folder and its parents (no error when it exists). Needed by publish. */
  readonly makeFolder?: (path: string) => void;
  /** The file operations of an all-or-nothing publish (src/cli/nodeFiles.ts). */
  readonly files?: PublishFs;
  /** The current time, for the manifest's date and the IATI file's generated-datetime. */
  readonly now?: () => Date;
}

export { EXIT };

export const USAGE = `aid: Japan's security-related aid commitments, from the command line.

Usage:
  aid calc [--data <file>] '<formula>'   Evaluate one formula with the AID functions (HyperFormula).
  aid dataset --json | --csv              Print the bundled dataset (validated records).
  aid validate <file>                     Validate a dataset file (.json or .csv).
  aid extract <report.txt> [--document-title <title>]
                                          Candidate records for every aid figure of a report (CSV).
  aid diff <old> <new>                    What would change: records, fields and document rates.
  aid publish <dataset> --out <dir>       Validate, then write the dataset, its .xlsx and manifest.json
                                          (all or nothing; never through a symbolic link).
  aid export --iati <out.xml> [--data <file>]
                                          The dataset as IATI activity XML 2.03.
  aid export --xlsx <out.xlsx> [--data <file>]
                                          The dataset as an .xlsx workbook: tables, SUMIFS totals, sources.
  aid help | --help                       Show this help.

Examples:
${FUNCTIONS.map((f) => `  aid calc '${f.example}'`).join("\n")}
  aid calc '=1+AIDCOUNT("*")'
  aid calc --data my-commitments.csv '=AIDPEOPLE("*")'
  aid dataset --csv > commitments.csv
  aid validate commitments.csv
  aid extract white-paper-2017.txt --document-title "White Paper on Development Cooperation 2017" > candidates.csv
  aid diff commitments.json next.csv
  aid publish next.csv --out site/
  aid export --iati aid-ledger.xml
  aid export --xlsx aid-ledger.xlsx

Functions:
${FUNCTIONS.map((f) => `  ${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`).join("\n")}

A formula that evaluates to an error prints it with its reason (e.g. #N/A: Unknown place ...)
and exits 0; a formula that cannot be parsed exits 1. Invalid data files exit 1 with every
problem listed (publish and export then write nothing); usage errors and files that cannot be
read or written exit 2. diff exits 0 once it has printed the comparison, changed or not.
`;

function usageError(io: CliIo, message: string): number {
  io.stderr(`aid: ${message}\nRun "aid help" for usage.\n`);
  return EXIT.USAGE;
}

/** A usage error thrown after the first await is printed as one thrown before it would be. */
function usageErrorAsync(io: CliIo): (e: unknown) => number {
  return (e) => {
    if (e instanceof UsageError) return usageError(io, e.message);
    throw e;
  };
}

/** Reads and validates a dataset file; problems or a read failure are printed here. */
function loadFile(path: string, io: CliIo): { ledger: AidLedger } | { exit: number } {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    if (e instanceof FileContentError) {
      io.stderr(`invalid: ${path}: ${e.message}\n`);
      return { exit: EXIT.INVALID };
    }
    io.stderr(`aid: cannot read ${path}: ${messageOf(e)}\n`);
    return { exit: EXIT.USAGE };
  }
  const built: Checked<AidLedger> = loadDatasetText(text, bundledReference(), { fileName: path });
  if (!built.ok) {
    printProblems(path, built.problems, io);
    return { exit: EXIT.INVALID };
  }
  return { ledger: built.value };
}

function printProblems(path: string, problems: readonly Problem[], io: CliIo): void {
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  io.stderr(
    `invalid: ${path} has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`
  );
}

/** `calc [--data <file>] <formula>`: options and the formula in any order. */
function calc(args: readonly string[], io: CliIo): number {
  let dataFile: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--data") {
      const file = args[++i];
      if (file === undefined) throw new UsageError("--data needs a file name");
      dataFile = file;
    } else if (arg.startsWith("--data=")) {
      dataFile = arg.slice("--data=".length);
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg} for calc`);
    } else {
      rest.push(arg);
    }
  }
  if (rest.length === 0)
    throw new UsageError("calc needs a formula, e.g. aid calc '=AIDTOTAL(\"Africa\",2016)'");
  if (rest.length > 1)
    throw new UsageError(
      `calc takes one formula; got ${rest.length} arguments (quote the formula)`
    );
  if (rest[0]!.length > limits.MAX_FORMULA_LENGTH)
    throw new UsageError(
      `a formula is at most ${limits.MAX_FORMULA_LENGTH} characters (Excel's limit); this one has ${rest[0]!.length}`
    );
  const formula = rest[0]!.trim();
  if (!formula.startsWith("="))
    throw new UsageError(`a formula starts with "="; got ${JSON.stringify(rest[0])}`);

  let ledger: AidLedger;
  if (dataFile !== undefined) {
    const loaded = loadFile(dataFile, io);
    if ("exit" in loaded) return loaded.exit;
    ledger = loaded.ledger;
  } else {
    ledger = loadBundledLedger();
  }
  const result = evaluateFormula(formula, ledger);
  if (result.syntaxError) {
    io.stderr(`aid: cannot parse ${formula}: ${result.text}\n`);
    return EXIT.INVALID;
  }
  io.stdout(`${result.text}\n`);
  return EXIT.OK;
}

function dataset(args: readonly string[], io: CliIo): number {
  const formats = args.filter((a) => a === "--json" || a === "--csv");
  const other = args.filter((a) => a !== "--json" && a !== "--csv");
  if (other.length > 0) throw new UsageError(`unknown argument ${other[0]} for dataset`);
  if (formats.length !== 1) throw new UsageError("dataset needs exactly one of --json or --csv");
  const records = loadBundledLedger().records.map((r) => r.record);
  io.stdout(formats[0] === "--json" ? toJson(records) : toCsv(records));
  return EXIT.OK;
}

function validate(args: readonly string[], io: CliIo): number {
  if (args.length !== 1 || args[0]!.startsWith("--"))
    throw new UsageError("validate needs one file name, e.g. aid validate commitments.csv");
  const path = args[0]!;
  const loaded = loadFile(path, io);
  if ("exit" in loaded) return loaded.exit;
  const n = loaded.ledger.records.length;
  io.stdout(`valid: ${n} record${n === 1 ? "" : "s"}\n`);
  return EXIT.OK;
}

/**
 * Runs the `aid` command with `argv` (the arguments after the program name) and returns the exit
 * code; a promise of it for the commands that write an .xlsx (publish, export --xlsx).
 */
export function runCli(argv: readonly string[], rawIo: CliIo): number | Promise<number> {
  // Everything printed may carry text from a data file: escape what a terminal would obey.
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(escapeForTerminal(text)),
    stderr: (text) => rawIo.stderr(escapeForTerminal(text)),
  };
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return EXIT.OK;
      case "calc":
        return calc(args, io);
      case "dataset":
        return dataset(args, io);
      case "validate":
        return validate(args, io);
      case "extract":
        return extractCommand(args, io);
      case "diff":
        return diffCommand(args, io);
      case "publish":
        return publishCommand(args, io).catch(usageErrorAsync(io));
      case "export": {
        const exported = exportCommand(args, io);
        return typeof exported === "number" ? exported : exported.catch(usageErrorAsync(io));
      }
      case undefined:
        io.stderr(USAGE);
        return EXIT.USAGE;
      default:
        return usageError(io, `unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e.message);
    throw e;
  }
}
