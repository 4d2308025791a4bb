/**
 * `npm run bench:validation`: how long a hostile-shaped dataset file takes to load, from text to
 * ledger, at 10k and 100k records: synthetic records (src/tooling/synthetic.ts) chained so that
 * each is partOf the next (one chain as long as the file: the case that was quadratic), written
 * as CSV, then loadDatasetText (parse, validate, build). Also the asynchronous loader on the same
 * text, and how many times it yielded. The CPU time of the synchronous load is printed beside its
 * wall-clock time: on a shared machine (load average above the cores) the wall clock mostly
 * measures the other processes. Figures only: nothing here fails a build.
 */
import { cpus, loadavg } from "node:os";
import { bundledReference, loadDatasetText, loadDatasetTextAsync, toCsv } from "../src/domain";
import { generateRecords } from "../src/tooling/synthetic";
import { cpuMs } from "./measure";

const reference = bundledReference();
const now = () => process.hrtime.bigint();
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;

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
    const records = generateRecords(n, { seed: 7 }).map((r, i, all) => ({
      ...r,
      // One chain through every record: the last record is the top. Money and people then count
      // once, in the top record only, which is what partOf means.
      partOf: i + 1 < all.length ? all[i + 1]!.id : null,
    }));
    const csv = toCsv(records);
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
}

void main();
