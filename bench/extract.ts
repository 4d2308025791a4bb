/**
 * The extract timing of `npm run bench` (also alone: `npx tsx bench/extract.ts`): `aid extract`'s
 * domain step (extractCandidates, the CSV not included) on the inputs that were quadratic (1 MB of
 * `1.1.1.1.`, 470 KB of `training 1,1,…,1 people.`), a sentence of 55,000 counts, and the White
 * Paper (from ../shared/sources, else the tests' fictional report) repeated to 1 MB and to
 * `--extract-mb` MB (default 8; 64 is the file limit, MAX_FILE_BYTES). Goal: 1 MB of any text in
 * at most 2 s. Figures only: nothing here fails a build.
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { bundledReference } from "../src/domain";
import { extractCandidates } from "../src/domain/extract/extract";
import { MAX_FILE_BYTES } from "../src/domain/limits";
import { SECOND_REPORT } from "../tests/domain/extract/secondReport";
import type { Benchmark } from "./benchmark";

const MB = 2 ** 20;
const GOAL_SECONDS_PER_MB = 2;
const WHITE_PAPER = resolve(__dirname, "../../shared/sources/000_ecb32d6e9fafa848.txt");

/** `piece` repeated to `bytes` characters (the inputs are ASCII but for a few symbols). */
const repeated = (piece: string, bytes: number) =>
  piece.repeat(Math.ceil(bytes / piece.length)).slice(0, bytes);

/** Times extract on each input, prints a table through `say` and returns the figures. */
export function benchExtract(
  say: (line?: string) => void,
  argv: readonly string[]
): { name: string; seconds: number; secondsPerMb: number; candidates: number }[] {
  const figures: { name: string; seconds: number; secondsPerMb: number; candidates: number }[] = [];
  const at = argv.indexOf("--extract-mb");
  const largeMb = at >= 0 ? Number(argv[at + 1]) : 8;
  const report = existsSync(WHITE_PAPER) ? readFileSync(WHITE_PAPER, "utf8") : SECOND_REPORT;
  const reportName = existsSync(WHITE_PAPER) ? "the White Paper" : "the fictional report";
  const inputs: [string, () => string][] = [
    ["1 MB of 1.1.1.1.", () => repeated("1.1.1.1.", MB)],
    ["470 KB of training 1,1,…,1 people.", () => `training ${repeated("1,", 470 * 1024)}1 people.`],
    ["1 MB of 'training 1 people, '", () => repeated("training 1 people, ", MB)],
    [`${reportName} repeated to 1 MB`, () => repeated(`${report}\n`, MB)],
    [
      `${reportName} repeated to ${largeMb} MB`,
      () => repeated(`${report}\n`, Math.min(largeMb * MB, MAX_FILE_BYTES)),
    ],
  ];
  const reference = bundledReference();
  // Warm up: the first call compiles the place and theme patterns.
  extractCandidates(report, reference, { sourceFile: "warm-up.txt" });
  say(
    `aid extract (extractCandidates), load average ${loadavg()[0]!.toFixed(2)}; goal: at most ${GOAL_SECONDS_PER_MB} s per MB`
  );
  for (const [name, make] of inputs) {
    const text = make();
    const started = process.hrtime.bigint();
    const { candidates } = extractCandidates(text, reference, { sourceFile: "bench.txt" });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const perMb = seconds / (text.length / MB);
    figures.push({ name, seconds, secondsPerMb: perMb, candidates: candidates.length });
    say(
      `  ${name.padEnd(42)} ${seconds.toFixed(2).padStart(7)} s  ${perMb.toFixed(2).padStart(5)} s/MB  ${String(candidates.length).padStart(7)} candidates  ${perMb <= GOAL_SECONDS_PER_MB ? "met" : "NOT met"}`
    );
  }
  return figures;
}

/** `npm run bench -- --only extract [--extract-mb 64]`. */
export const extract: Benchmark = {
  name: "extract",
  about: "aid extract's time per MB on pathological text and the White Paper repeated",
  run: ({ say }) => ({ extract: benchExtract(say, process.argv.slice(2)) }),
};

if (process.argv[1]?.endsWith("extract.ts")) void benchExtract(console.log, process.argv.slice(2));
