/*
 * How the ledger scales: for each size (synthetic records, generation not timed) the time to build
 * the ledger from already-validated records (toLedgerRecords and the AidIndex timed apart, then the
 * whole buildLedger), the index's own memory (its typed arrays, counted exactly), the memory the
 * built ledger holds (measured), and the median and 95th percentile time of one AIDTOTAL answer
 * through the catalog's evaluate, groups included.
 *
 * Goals reported against: index memory under 10 MB at 10k; the ledger (index and ledger records)
 * under 250 MB at 1M; the 1M index built in under 2 s; AIDTOTAL under 5 us at every size.
 */
import {
  AidLedger,
  buildLedger,
  bundledReference,
  type CellInput,
  type CommitmentRecord,
  createLedger,
  functionSpec,
  type LedgerRecord,
} from "../src/domain";
import { toLedgerRecords } from "../src/domain/dataset/ledgerRecord";
import { PlaceDirectory } from "../src/domain/places/taxonomy";
import { ThemeDirectory } from "../src/domain/places/themes";
import { AidIndex, type Query } from "../src/domain/query/aidIndex";
import { deriveRates } from "../src/domain/rates/rateBook";
import { generateRecords, seededRandom } from "../src/tooling/synthetic";
import type { Benchmark, BenchOptions } from "./benchmark";
import {
  BATCH,
  cpuMs,
  fmt,
  mb,
  median,
  memory,
  ms,
  now,
  percentile,
  sizeLabel,
  table,
} from "./measure";

const MB = 2 ** 20;
const GOALS = {
  indexBytesAt10k: 10 * MB,
  ledgerBytesAt1M: 250 * MB,
  indexBuildMsAt1M: 2000,
  aidTotalUs: 5,
};
const CALLS = 20_000;

/** A rotating set of realistic AIDTOTAL questions: places by every kind of name, years, currencies, themes, kinds. */
function aidTotalQueries(count: number): CellInput[][] {
  const random = seededRandom(2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const places = [
    "*",
    "Africa",
    "Asia",
    "Southeast Asia",
    "East Africa",
    "Viet Nam",
    "Philippines",
    "KE",
    "IDN",
    "Kenya",
    "UNODC",
    "Japan-ASEAN Integration Fund (JAIF)",
    "ASEAN",
    "Least developed countries",
    "G5 Sahel",
    "Latin America and the Caribbean",
    "Middle East",
    "Global",
    "the Philippines",
  ];
  const years: CellInput[] = [null, 2016, 2005, "2020", 2025, 2011];
  const currencies: CellInput[] = [null, "USD", "JPY"];
  const themes: CellInput[] = [
    null,
    null,
    "maritime",
    "counter-terrorism",
    "drugs",
    "CT",
    "peace-stability",
  ];
  const kinds: CellInput[] = [null, null, "all", "grant", "cumulative", "committed", "pledge"];
  return Array.from({ length: count }, () => [
    pick(places),
    pick(years),
    pick(currencies),
    pick(themes),
    pick(kinds),
  ]);
}

/** Median microseconds of one AIDTOTAL answer, measured in batches so the timer's cost does not count. */
function timeAidTotal(
  ledger: AidLedger,
  queries: readonly CellInput[][]
): { median: number; p95: number; errors: number } {
  const spec = functionSpec("AIDTOTAL")!;
  const mask = queries.length - 1; // a power of two
  let errors = 0;
  for (const q of queries) if (!spec.evaluate(ledger, q).ok) errors++;
  let sink = 0;
  let k = 0;
  for (let i = 0; i < 5_000; i++) {
    const r = spec.evaluate(ledger, queries[k++ & mask]!);
    if (r.ok) sink += r.value as number;
  }
  const samples: number[] = [];
  for (let b = 0; b < CALLS / BATCH; b++) {
    const t0 = now();
    for (let i = 0; i < BATCH; i++) {
      const r = spec.evaluate(ledger, queries[k++ & mask]!);
      if (r.ok) sink += r.value as number;
    }
    samples.push(Number(now() - t0) / 1e3 / BATCH);
  }
  if (Number.isNaN(sink)) console.log("(impossible)"); // keeps the work observable
  return { median: median(samples), p95: percentile(samples, 0.95), errors };
}

/** A few single questions timed alone, from the broadest (every document's rate applied) to narrow ones. */
const PROBES: readonly CellInput[][] = [
  ["*"],
  ["*", null, "JPY"],
  ["Viet Nam"],
  ["Africa", 2016],
  ["Kenya", 2016, null, "maritime"],
  ["ASEAN", 2016],
  ["LDC", null, "JPY"],
];
const probeLabel = (args: readonly CellInput[]) =>
  `AIDTOTAL(${args.map((a) => (a === null ? "" : typeof a === "string" ? `"${a}"` : String(a))).join(",")})`;

function timeOne(ledger: AidLedger, args: readonly CellInput[]): number {
  const spec = functionSpec("AIDTOTAL")!;
  for (let i = 0; i < 500; i++) spec.evaluate(ledger, args);
  const samples: number[] = [];
  for (let b = 0; b < 20; b++) {
    const t0 = now();
    for (let i = 0; i < BATCH; i++) spec.evaluate(ledger, args);
    samples.push(Number(now() - t0) / 1e3 / BATCH);
  }
  return median(samples);
}

/** AIDTOTAL("*") against the sum of the region totals, in exact minor units (USD, committed). */
function sanity(ledger: AidLedger, n: number): string {
  const regions = bundledReference().taxonomy.regions.map((r) => r.name);
  const query = (name: string, kind: Query["kind"] = "committed"): Query => ({
    place: ledger.places.resolve(name)!,
    year: null,
    theme: null,
    kind,
  });
  const total = (name: string) => {
    const t = ledger.total(query(name), "USD");
    if (!t.ok) throw new Error(t.error.message);
    return t.value;
  };
  const all = total("*");
  const sum = regions.reduce((s, r) => s + total(r), 0n);
  const diff = all > sum ? all - sum : sum - all;
  const counts = regions.reduce((s, r) => s + ledger.index.count(query(r, "all")), 0);
  const ok =
    diff <= BigInt(regions.length) &&
    counts === ledger.index.count(query("*", "all")) &&
    counts === n;
  const usd = (minor: bigint) =>
    `$${fmt(Number(minor / 100n))}.${String(minor % 100n).padStart(2, "0")}`;
  return `${sizeLabel(n)}: AIDTOTAL("*") = ${usd(all)}; sum of ${regions.length} region totals = ${usd(sum)}; difference ${diff} cent(s) (at most one rounding per total); AIDCOUNT("*") = sum of region counts = ${fmt(counts)}: ${ok ? "OK" : "MISMATCH"}`;
}

interface SizeResult {
  readonly n: number;
  readonly recordsHeap: number;
  readonly toLedgerRecordsMs: number;
  readonly indexMs: number;
  readonly indexCpuMs: number;
  readonly toLedgerRecordsCpuMs: number;
  readonly buildLedgerMs: number;
  readonly buildLedgerCpuMs: number;
  readonly buildNote?: string;
  readonly ledgerHeap: number;
  readonly ledgerBuffers: number;
  readonly slots: number;
  readonly indexBytes: number;
  readonly byQuery: readonly number[];
  readonly aidTotal: { median: number; p95: number; errors: number };
  readonly sanity: string;
}

/**
 * The two stages of a build, timed apart (the index on records already normalized), in a function
 * of their own so that nothing they made is still referenced when the ledger's memory is measured.
 */
function timeStages(records: readonly CommitmentRecord[]) {
  const c0 = cpuMs();
  const t0 = now();
  const ledgerRecords = toLedgerRecords(records);
  const t1 = now();
  const c1 = cpuMs();
  const index = new AidIndex(ledgerRecords, placesFor(records));
  const t2 = now();
  const c2 = cpuMs();
  return {
    toLedgerRecordsMs: ms(t0, t1),
    indexMs: ms(t1, t2),
    indexCpuMs: c2 - c1,
    toLedgerRecordsCpuMs: c1 - c0,
    slots: index.slots,
    indexBytes: index.bytes,
  };
}

function benchSize(n: number, queries: readonly CellInput[][]): SizeResult {
  const reference = bundledReference();
  const before = memory();
  const records: CommitmentRecord[] = generateRecords(n, { seed: 1 });
  const recordsHeap = memory().heap - before.heap;
  const stages = timeStages(records);

  // The whole build, as loading does it after validation: records, rates, places, index.
  const beforeLedger = memory();
  const c3 = cpuMs();
  const t3 = now();
  let ledger: AidLedger;
  let buildNote: string | undefined;
  try {
    const built = buildLedger(records, reference);
    if (!built.ok)
      throw new Error(`synthetic records did not build: ${built.problems[0]?.message}`);
    ledger = built.value;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    buildNote = `buildLedger threw at ${fmt(n)} records (${e.message}); the ledger was assembled from the same parts instead`;
    ledger = assembleLedger(records);
  }
  const t4 = now();
  const c4 = cpuMs();
  const afterLedger = memory();

  return {
    n,
    recordsHeap,
    ...stages,
    buildLedgerMs: ms(t3, t4),
    buildLedgerCpuMs: c4 - c3,
    ...(buildNote ? { buildNote } : {}),
    ledgerHeap: afterLedger.heap - beforeLedger.heap,
    ledgerBuffers: afterLedger.buffers - beforeLedger.buffers,
    aidTotal: timeAidTotal(ledger, queries),
    byQuery: PROBES.map((args) => timeOne(ledger, args)),
    sanity: sanity(ledger, n),
  };
}

/**
 * buildLedger's parts, for when it cannot run: deriveRates spreads every dated record's year of a
 * document into Math.min/Math.max, which overflows the call stack past about 120,000 records per
 * document. The rates are derived from the records that state pairs plus each document's earliest
 * and latest record, which gives the same RateBook.
 */
function assembleLedger(records: readonly CommitmentRecord[]): AidLedger {
  const reference = bundledReference();
  const ledgerRecords = toLedgerRecords(records);
  const ends = new Map<string, { min: LedgerRecord; max: LedgerRecord }>();
  for (const r of ledgerRecords) {
    if (r.countingYear === null) continue;
    const e = ends.get(r.record.sourceFile);
    if (!e) ends.set(r.record.sourceFile, { min: r, max: r });
    else {
      if (r.countingYear < e.min.countingYear!) e.min = r;
      if (r.countingYear > e.max.countingYear!) e.max = r;
    }
  }
  const rateRecords = new Set(
    ledgerRecords.filter((r) => r.equivalent !== null || !ends.has(r.record.sourceFile))
  );
  for (const e of ends.values()) rateRecords.add(e.min).add(e.max);
  const rates = deriveRates([...rateRecords]);
  if (!rates.ok) throw new Error("rates did not derive");
  return new AidLedger(
    ledgerRecords,
    rates.value,
    placesFor(records),
    new ThemeDirectory(reference.themes)
  );
}

/** The place directory buildLedger makes: taxonomy, groups, listed recipients and those the records name. */
function placesFor(records: readonly CommitmentRecord[]): PlaceDirectory {
  const { taxonomy, groups, recipients } = bundledReference();
  const named = new Set<string>();
  for (const r of records)
    if (r.recipientType === "organization" || r.recipientType === "fund") named.add(r.recipient);
  return new PlaceDirectory(taxonomy, named, { groups, recipients });
}

/** The scaling benchmark's figures, as `--json` prints them (bytes, milliseconds, microseconds). */
interface ScalingReport extends Record<string, unknown> {
  readonly validation: { readonly records: number; readonly valid: boolean };
  readonly sizes: readonly {
    readonly records: number;
    readonly recordsHeapBytes: number;
    readonly toLedgerRecordsMs: number;
    readonly indexBuildMs: number;
    readonly indexBuildCpuMs: number;
    readonly toLedgerRecordsCpuMs: number;
    readonly buildLedgerMs: number;
    readonly buildLedgerCpuMs: number;
    readonly buildNote: string | null;
    readonly indexSlots: number;
    readonly indexBytes: number;
    readonly ledgerHeapBytes: number;
    readonly ledgerBufferBytes: number;
    readonly ledgerBytes: number;
    readonly aidTotalMedianUs: number;
    readonly aidTotalP95Us: number;
    readonly aidTotalErrors: number;
    readonly byQuery: readonly { readonly question: string; readonly medianUs: number }[];
    readonly sanityOk: boolean;
    readonly sanity: string;
  }[];
  readonly goals: readonly {
    readonly goal: string;
    readonly target: number;
    readonly measured: number | null;
    readonly met: boolean | null;
  }[];
}

function goalsOf(results: readonly SizeResult[]): ScalingReport["goals"] {
  const at = (n: number) => results.find((r) => r.n === n);
  const goal = (name: string, target: number, measured: number | undefined) => ({
    goal: name,
    target,
    measured: measured ?? null,
    met: measured === undefined ? null : measured < target,
  });
  const ledgerAt1M = at(1_000_000);
  return [
    goal("index bytes at 10k records", GOALS.indexBytesAt10k, at(10_000)?.indexBytes),
    goal(
      "ledger bytes (index, ledger records, maps; not the input rows) at 1M records",
      GOALS.ledgerBytesAt1M,
      ledgerAt1M ? ledgerAt1M.ledgerHeap + ledgerAt1M.ledgerBuffers : undefined
    ),
    goal("AidIndex build ms at 1M records (wall)", GOALS.indexBuildMsAt1M, at(1_000_000)?.indexMs),
    goal(
      "AidIndex build ms at 1M records (CPU time of the process, all threads: the work done, whatever the load)",
      GOALS.indexBuildMsAt1M,
      at(1_000_000)?.indexCpuMs
    ),
    goal(
      "AIDTOTAL median us, largest of all sizes",
      GOALS.aidTotalUs,
      results.length ? Math.max(...results.map((r) => r.aidTotal.median)) : undefined
    ),
  ];
}

export const scaling: Benchmark = {
  name: "scaling",
  about: "ledger build time and memory, and AIDTOTAL answer time, at each size",
  run({ sizes, say, json }: BenchOptions): ScalingReport {
    say(
      `records: synthetic (src/tooling/synthetic.ts, seed 1), generated before timing; AIDTOTAL: median of ${fmt(CALLS)} calls in batches of ${BATCH} over 64 rotating queries (groups included), through the catalog's evaluate`
    );

    // The generator's records are validated once here, at the smallest size; larger sizes are the same generator.
    const validated = Math.min(...sizes, 10_000);
    const check = createLedger({
      rows: generateRecords(validated, { seed: 1 }),
      reference: bundledReference(),
    });
    say(
      `validation: ${fmt(validated)} synthetic records through createLedger: ${check.ok ? "valid" : `INVALID (${check.problems.length} problems)`}`
    );
    say();

    const queries = aidTotalQueries(64);
    const results = sizes.map((n) => {
      if (json) say(`measuring ${fmt(n)} records...`);
      return benchSize(n, queries);
    });
    say(
      table(
        [
          "records",
          "records heap",
          "toLedgerRecords",
          "AidIndex build",
          "(CPU)",
          "buildLedger (all)",
          "index slots",
          "index memory",
          "ledger heap",
          "+ typed arrays",
          "AIDTOTAL median",
          "AIDTOTAL p95",
          "errors",
        ],
        results.map((r) => [
          fmt(r.n),
          mb(r.recordsHeap),
          `${fmt(r.toLedgerRecordsMs, 1)} ms`,
          `${fmt(r.indexMs, 1)} ms`,
          `${fmt(r.indexCpuMs, 0)} ms`,
          `${fmt(r.buildLedgerMs, 1)} ms${r.buildNote ? " *" : ""}`,
          fmt(r.slots),
          mb(r.indexBytes),
          mb(r.ledgerHeap),
          mb(r.ledgerBuffers),
          `${fmt(r.aidTotal.median, 2)} us`,
          `${fmt(r.aidTotal.p95, 2)} us`,
          String(r.aidTotal.errors),
        ])
      )
    );
    for (const r of results) if (r.buildNote) say(`* ${r.buildNote}.`);
    say();
    const goals = goalsOf(results);
    for (const g of goals)
      say(
        `goal: ${g.goal} < ${fmt(g.target)}: ${g.measured === null ? "not measured" : `${fmt(g.measured, 2)}, ${g.met ? "met" : "NOT met"}`}`
      );
    say();
    say("AIDTOTAL by question (median us, each question alone):");
    say(
      table(
        ["question", ...results.map((r) => sizeLabel(r.n))],
        PROBES.map((args, i) => [probeLabel(args), ...results.map((r) => fmt(r.byQuery[i]!, 2))])
      )
    );
    say();
    say("sanity:");
    for (const r of results) say(`  ${r.sanity}`);
    say();
    return {
      validation: { records: validated, valid: check.ok },
      sizes: results.map((r) => ({
        records: r.n,
        recordsHeapBytes: r.recordsHeap,
        toLedgerRecordsMs: r.toLedgerRecordsMs,
        indexBuildMs: r.indexMs,
        indexBuildCpuMs: r.indexCpuMs,
        toLedgerRecordsCpuMs: r.toLedgerRecordsCpuMs,
        buildLedgerMs: r.buildLedgerMs,
        buildLedgerCpuMs: r.buildLedgerCpuMs,
        buildNote: r.buildNote ?? null,
        indexSlots: r.slots,
        indexBytes: r.indexBytes,
        ledgerHeapBytes: r.ledgerHeap,
        ledgerBufferBytes: r.ledgerBuffers,
        ledgerBytes: r.ledgerHeap + r.ledgerBuffers,
        aidTotalMedianUs: r.aidTotal.median,
        aidTotalP95Us: r.aidTotal.p95,
        aidTotalErrors: r.aidTotal.errors,
        byQuery: PROBES.map((args, i) => ({ question: probeLabel(args), medianUs: r.byQuery[i]! })),
        sanityOk: r.sanity.endsWith("OK"),
        sanity: r.sanity,
      })),
      goals,
    };
  },
};
