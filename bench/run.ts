/**
 * `npm run bench`: every benchmark in BENCHMARKS, in order, on this machine, with its figures.
 * A benchmark is one file in bench/ exporting a `Benchmark` (bench/benchmark.ts); to add one,
 * import it here and add it to the list.
 *
 *   npm run bench                          tables for people
 *   npm run bench -- --json                one JSON object on stdout with every figure (progress on stderr)
 *   npm run bench -- --list                the benchmarks, by name
 *   npm run bench -- --only sumifs         only the named ones (comma-separated); --skip the others
 *   npm run bench -- --sizes 10000,1000000 --skip sumifs
 *
 * Figures only: nothing here fails a build. `npm run bench:validation` is its own script.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import type { Benchmark } from "./benchmark";
import { fmt, mb, ms, now } from "./measure";
import { scaling } from "./scaling";
import { sumifs } from "./sumifs";
import { writeRequests } from "./writeRequests";

const BENCHMARKS: readonly Benchmark[] = [scaling, sumifs, writeRequests];

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const listArg = (flag: string) => {
  const at = argv.indexOf(flag);
  return at >= 0 ? (argv[at + 1] ?? "").split(",").filter(Boolean) : null;
};
const sizes = (listArg("--sizes") ?? ["10000", "100000", "1000000"]).map((s) =>
  Number(s.replace(/_/g, ""))
);
const only = listArg("--only");
// --no-sumifs: the flag this script took before benchmarks had names.
const skip = [...(listArg("--skip") ?? []), ...(argv.includes("--no-sumifs") ? ["sumifs"] : [])];
/** Human-readable output: stdout normally, stderr with --json (stdout then carries the JSON alone). */
const say = (line = "") => (json ? console.error(line) : console.log(line));

/** The machine the figures were measured on. */
function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    memoryBytes: totalmem(),
    loadAverage1m: loadavg()[0]!,
    node: process.version,
    v8: process.versions.v8,
    heapLimitBytes: getHeapStatistics().heap_size_limit,
  };
}

async function main(): Promise<void> {
  if (argv.includes("--list")) {
    for (const b of BENCHMARKS) console.log(`${b.name.padEnd(16)} ${b.about}`);
    return;
  }
  const unknown = [...(only ?? []), ...skip].filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length)
    throw new Error(`no benchmark named ${unknown.join(", ")} (--list names them)`);
  const started = now();
  const m = machine();
  say("Aid Ledger benchmark");
  say(
    `machine: ${m.cpu} x ${m.cores} cores, ${fmt(m.memoryBytes / 2 ** 30, 1)} GB RAM, load average ${fmt(m.loadAverage1m, 2)}; Node ${m.node}; V8 ${m.v8}; heap limit ${mb(m.heapLimitBytes)}`
  );
  let report: Record<string, unknown> = { machine: m };
  for (const b of BENCHMARKS.filter(
    (b) => (only ?? [b.name]).includes(b.name) && !skip.includes(b.name)
  )) {
    report = { ...report, ...(await b.run({ sizes, say, json })) };
    say();
  }
  const totalSeconds = ms(started, now()) / 1000;
  say(`total bench time ${fmt(totalSeconds, 1)} s`);
  if (json) process.stdout.write(`${JSON.stringify({ ...report, totalSeconds })}\n`);
}

void main();
