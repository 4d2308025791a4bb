/**
 * `npm run bench:validation`: how long a hostile-shaped dataset file takes to load, from text to
 * ledger, at 10k and 100k records: synthetic records (src/tooling/synthetic.ts) chained so that
 * each is partOf the next (one chain as long as the file: the case that was quadratic), written
 * as CSV, then loadDatasetText (parse, validate, build). Also the asynchronous loader on the same
 * text, and how many times it yielded. The CPU time of the synchronous load is printed beside its
 * wall-clock time: on a shared machine (load average above the cores) the wall clock mostly
 * measures the other processes. Then where the time of a 100,000-record load goes: the CPU time
 * of each phase (parse the CSV, validate, build the ledger and its index), the median of five
 * loads after the first. Figures only: nothing here fails a build.
 */
import { cpus, loadavg } from "node:os";
import { bundledReference, loadDatasetText, loadDatasetTextAsync, toCsv } from "../src/domain";
import { parseDatasetText } from "../src/domain/dataset/io";
import { validateRecords } from "../src/domain/dataset/validate";
import { buildLedger } from "../src/domain/ledger";
import { PlaceDirectory } from "../src/domain/places/taxonomy";
import { ThemeDirectory } from "../src/domain/places/themes";
import { generateRecords } from "../src/tooling/synthetic";
import { cpuMs, median } from "./measure";

const reference = bundledReference();
const now = () => process.hrtime.bigint();
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;

/** n records chained by partOf into one chain as long as the file, as CSV. */
function chainedCsv(n: number): string {
  const records = generateRecords(n, { seed: 7 }).map((r, i, all) => ({
    ...r,
    // One chain through every record: the last record is the top. Money and people then count
    // once, in the top record only, which is what partOf means.
    partOf: i + 1 < all.length ? all[i + 1]!.id : null,
  }));
  return toCsv(records);
}

/** CPU time of each phase of loadDatasetText (the same steps, timed one by one), median of `runs`. */
function phases(csv: string, runs: number): { parse: number; validate: number; build: number } {
  const context = {
    places: new PlaceDirectory(reference.taxonomy, [], {
      groups: reference.groups,
      recipients: reference.recipients,
    }),
    themes: new ThemeDirectory(reference.themes),
  };
  const times = { parse: [] as number[], validate: [] as number[], build: [] as number[] };
  for (let run = 0; run <= runs; run++) {
    const from = cpuMs();
    const raw = parseDatasetText(csv, "csv");
    const parsed = cpuMs();
    if (!raw.ok) throw new Error("the CSV did not parse");
    const valid = validateRecords(raw.value.rows, { ...context, lines: raw.value.lines ?? [] });
    const validated = cpuMs();
    if (!valid.ok) throw new Error("the records did not validate");
    if (!buildLedger(valid.value, reference).ok) throw new Error("the ledger was not built");
    // The first load warms the code up: it is not counted.
    if (run === 0) continue;
    times.parse.push(parsed - from);
    times.validate.push(validated - parsed);
    times.build.push(cpuMs() - validated);
  }
  return {
    parse: median(times.parse),
    validate: median(times.validate),
    build: median(times.build),
  };
}

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average ${loadavg()[0]!.toFixed(2)}; goal: 100,000 records in at most 1.5 s`
  );
  console.log(
    "| records | CSV size | chain length | loadDatasetText | its CPU time | loadDatasetTextAsync | yields |"
  );
  console.log(
    "|---------|----------|--------------|-----------------|--------------|----------------------|--------|"
  );
  for (const n of [10_000, 100_000]) {
    const csv = chainedCsv(n);
    let t = now();
    const cpuBefore = cpuMs();
    const built = loadDatasetText(csv, reference, { fileName: "bench.csv" });
    const syncMs = ms(t, now());
    const syncCpuMs = cpuMs() - cpuBefore;
    if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 3)));
    let yields = 0;
    t = now();
    const asyncBuilt = await loadDatasetTextAsync(csv, reference, {
      fileName: "bench.csv",
      onProgress: () => yields++,
    });
    const asyncMs = ms(t, now());
    if (!asyncBuilt.ok) throw new Error("the asynchronous load failed");
    console.log(
      `| ${n.toLocaleString("en-US")} | ${(csv.length / 1024 / 1024).toFixed(1)} MB | ${n.toLocaleString("en-US")} | ${syncMs.toFixed(0)} ms | ${syncCpuMs.toFixed(0)} ms | ${asyncMs.toFixed(0)} ms | ${yields} |`
    );
  }
  const { parse, validate, build } = phases(chainedCsv(100_000), 5);
  console.log(
    `\nWhere 100,000 records' load goes (CPU time, median of 5 loads after a first): parse the CSV ${parse.toFixed(0)} ms, validate ${validate.toFixed(0)} ms, build the ledger and index ${build.toFixed(0)} ms`
  );
}

void main();
