/**
 * `npm run fuzz`: the fuzz suite at full size, outside Jest. AID_FUZZ_RUNS is the total number of
 * generated cases (default 100,000), shared among the areas (export: the IATI export and publish);
 * AID_FUZZ_SEED replays a run; AID_FUZZ_AREAS=workbook runs only the workbook's sessions.
 * Prints how many cases of each property ran, and exits 1 on the first failure (with fast-check's
 * counterexample and seed).
 */
import "../setup/customFunctionsGlobal";
import { argumentProperties } from "./argumentProperties";
import { datasetProperties } from "./datasetProperties";
import { extractProperties } from "./extractProperties";
import { exportProperties } from "./exportProperties";
import { fetchProperties } from "./fetchProperties";
import { FAULT_COVERAGE, workbookProperties } from "./workbookProperties";
import { CaseCounter, type FuzzArea, fuzzAreas, runsFor } from "./fuzzRuns";

process.env.AID_FUZZ_RUNS ??= "100000";

async function main(): Promise<void> {
  const areas: [FuzzArea, (runs: number, counter: CaseCounter) => void | Promise<void>][] = [
    ["datasets", datasetProperties],
    ["arguments", argumentProperties],
    ["fetch", fetchProperties],
    // Pathological cases of 512 KB: linear growth (timed at a quarter of the size too), and at most
    // AID_FUZZ_EXTRACT_MS each (default 8 s: the densest texts, 130,000 candidates per MB, take that long on a loaded 2-core machine).
    [
      "extract",
      (runs, c) =>
        extractProperties(runs, c, {
          pathologicalSize: 512 * 1024,
          timeBoundMs: Number(process.env.AID_FUZZ_EXTRACT_MS ?? "8000"),
        }),
    ],
    ["export", exportProperties],
    ["workbook", workbookProperties],
  ];
  let total = 0;
  for (const [area, run] of fuzzAreas(areas)) {
    const counter = new CaseCounter();
    const started = Date.now();
    await run(runsFor(area), counter);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${area}: ${counter.total.toLocaleString("en-US")} cases in ${seconds} s`);
    for (const [name, n] of counter.counts) console.log(`  ${name}: ${n.toLocaleString("en-US")}`);
    if (area === "workbook")
      for (const [where, n] of FAULT_COVERAGE)
        console.log(`    failures injected in ${where}: ${n.toLocaleString("en-US")}`);
    total += counter.total;
  }
  console.log(`total: ${total.toLocaleString("en-US")} generated cases, no failure`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  if (e instanceof Error && e.cause !== undefined) console.error("Cause:", e.cause);
  process.exitCode = 1;
});
