/**
 * `npm run bench`: how the ledger scales. For 10k, 100k and 1M synthetic records (generation not
 * timed): the time to build the ledger from already-validated records (toLedgerRecords and the
 * AidIndex timed apart, then the whole buildLedger), the index's own memory (its typed arrays,
 * counted exactly), the memory the built ledger holds (measured), and the median and 95th
 * percentile time of one AIDTOTAL answer through the catalog's evaluate, groups included. Then,
 * for 10k and 50k, the same kind of question asked the spreadsheet way (SUMIFS in HyperFormula).
 *
 *   npm run bench                      tables for people
 *   npm run bench -- --json            one JSON object on stdout with every figure (progress on stderr)
 *   npm run bench -- --sizes 10000,1000000 --no-sumifs
 *
 * Goals reported against: index memory under 10 MB at 10k; the ledger (index and ledger records)
 * under 250 MB at 1M; the 1M index built in under 2 s; AIDTOTAL under 5 us at every size. Figures
 * only: nothing here fails a build.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
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
import { createAidEngine } from "../src/tooling/hyperformula/aidFunctionPlugin";
import { generateRecords, seededRandom } from "../src/tooling/synthetic";
import { benchExtract } from "./extract";

const argv = process.argv.slice(2);
const JSON_OUTPUT = argv.includes("--json");
const sizesArg = argv.indexOf("--sizes");
const SIZES =
  sizesArg >= 0
    ? argv[sizesArg + 1]!.split(",").map((s) => Number(s.replace(/_/g, "")))
    : [10_000, 100_000, 1_000_000];
const SUMIFS_SIZES = argv.includes("--no-sumifs") ? [] : [10_000, 50_000];
/** Human-readable output: stdout normally, stderr with --json (stdout then carries the JSON alone). */
const say = (line = "") => (JSON_OUTPUT ? console.error(line) : console.log(line));
const MB = 2 ** 20;
const GOALS = {
  indexBytesAt10k: 10 * MB,
  ledgerBytesAt1M: 250 * MB,
  indexBuildMsAt1M: 2000,
  aidTotalUs: 5,
};
const CALLS = 20_000;
const BATCH = 100;

/** A full garbage collection, so heap figures are live data only. `tsx` does not pass --expose-gc, so expose it here. */
const gc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

const now = () => process.hrtime.bigint();
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
/** Live memory after a full collection: the JS heap plus typed-array buffers (which heapUsed leaves out; the index is mostly those). */
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
};
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const percentile = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MB`;
const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

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

/** CPU time of this process (all its threads, including the garbage collector's), in ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

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

/** SUMIFS over a sheet of the records against AIDTOTAL, for the same filters (region, year, theme, one kind). */
function benchSumifs(
  n: number,
  queries: number
): { n: number; sumifs: number; aidInSheet: number; aidDirect: number; maxDiff: number } {
  const records = generateRecords(n, { seed: 1 });
  const built = buildLedger(records, bundledReference());
  if (!built.ok) throw new Error("synthetic records did not build");
  const ledger = built.value;
  // One row per record: region, year, theme, kind, and its USD value as AIDLIST shows it
  // (blank when the record is part of a figure already counted, or states no amount).
  const rows = ledger.records.map((r) => {
    const usd = r.countsMoney ? ledger.convertRecord(r, "USD") : null;
    return [
      r.record.region,
      r.countingYear,
      r.record.theme,
      r.record.kind,
      usd?.ok ? Number(usd.value) / 100 : null,
    ];
  });
  const engine = createAidEngine(() => ledger, { Data: rows, Q: [] }, { maxRows: n + 10 });
  const q = engine.getSheetId("Q")!;
  const last = n;
  const col = (c: string) => `Data!$${c}$1:$${c}$${last}`;
  const random = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const regions = [
    "Africa",
    "Asia",
    "Europe",
    "Middle East",
    "Latin America and the Caribbean",
    "Oceania",
    "Global",
  ];
  const themes = ledger.themes.themes.map((t) => t.id);
  const kinds = ["pledge", "contribution", "grant", "loan"];
  const filters = Array.from({ length: queries + 1 }, () => ({
    region: pick(regions),
    year: 2000 + Math.floor(random() * 26),
    theme: pick(themes),
    kind: pick(kinds),
  }));

  const timeFormula = (row: number, column: number, formula: string) => {
    const address = { sheet: q, row, col: column };
    const t0 = now();
    engine.setCellContents(address, [[formula]]);
    const value = engine.getCellValue(address);
    return { us: Number(now() - t0) / 1e3, value };
  };
  const sumifs: number[] = [];
  const aidInSheet: number[] = [];
  const aidDirect: number[] = [];
  let maxDiff = 0;
  const spec = functionSpec("AIDTOTAL")!;
  filters.forEach((f, i) => {
    const s = timeFormula(
      i,
      0,
      `=SUMIFS(${col("E")},${col("A")},"${f.region}",${col("B")},${f.year},${col("C")},"${f.theme}",${col("D")},"${f.kind}")`
    );
    const a = timeFormula(
      i,
      1,
      `=AIDTOTAL("${f.region}",${f.year},"USD","${f.theme}","${f.kind}")`
    );
    const args = [f.region, f.year, "USD", f.theme, f.kind];
    const t0 = now();
    for (let k = 0; k < BATCH; k++) spec.evaluate(ledger, args);
    const direct = Number(now() - t0) / 1e3 / BATCH;
    if (i === 0) return; // the first formula also builds the engine's range structures
    sumifs.push(s.us);
    aidInSheet.push(a.us);
    aidDirect.push(direct);
    if (typeof s.value === "number" && typeof a.value === "number")
      maxDiff = Math.max(maxDiff, Math.abs(s.value - a.value));
    else
      throw new Error(`non-numeric answer: SUMIFS ${String(s.value)}, AIDTOTAL ${String(a.value)}`);
  });
  engine.destroy();
  return {
    n,
    sumifs: median(sumifs),
    aidInSheet: median(aidInSheet),
    aidDirect: median(aidDirect),
    maxDiff,
  };
}

/** Every figure of a run, as `--json` prints it (bytes, milliseconds, microseconds). */
interface BenchReport {
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryBytes: number;
    readonly loadAverage1m: number;
    readonly node: string;
    readonly v8: string;
    readonly heapLimitBytes: number;
  };
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
  readonly sumifs: readonly {
    readonly records: number;
    readonly sumifsCellUs: number;
    readonly aidTotalCellUs: number;
    readonly aidTotalEvaluateUs: number;
    readonly maxDifference: number;
  }[];
  readonly goals: readonly {
    readonly goal: string;
    readonly target: number;
    readonly measured: number | null;
    readonly met: boolean | null;
  }[];
  readonly totalSeconds: number;
}

function goalsOf(results: readonly SizeResult[]): BenchReport["goals"] {
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

function main(): void {
  const started = now();
  const cpu = cpus();
  const heapLimit = getHeapStatistics().heap_size_limit;
  say("Aid Ledger benchmark");
  say(
    `machine: ${cpu[0]?.model.trim() ?? "unknown CPU"} x ${cpu.length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GB RAM, load average ${fmt(loadavg()[0]!, 2)}; Node ${process.version}; V8 ${process.versions.v8}; heap limit ${mb(heapLimit)}`
  );
  say(
    `records: synthetic (src/tooling/synthetic.ts, seed 1), generated before timing; AIDTOTAL: median of ${fmt(CALLS)} calls in batches of ${BATCH} over 64 rotating queries (groups included), through the catalog's evaluate`
  );

  // The generator's records are validated once here, at the smallest size; larger sizes are the same generator.
  const validated = Math.min(...SIZES, 10_000);
  const check = createLedger({
    rows: generateRecords(validated, { seed: 1 }),
    reference: bundledReference(),
  });
  say(
    `validation: ${fmt(validated)} synthetic records through createLedger: ${check.ok ? "valid" : `INVALID (${check.problems.length} problems)`}`
  );
  say();

  const queries = aidTotalQueries(64);
  const results = SIZES.map((n) => {
    if (JSON_OUTPUT) say(`measuring ${fmt(n)} records...`);
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

  const sumifs = SUMIFS_SIZES.map((n) => benchSumifs(n, 20));
  if (sumifs.length > 0) {
    say(
      `SUMIFS in HyperFormula vs AIDTOTAL (median of 20 distinct region/year/theme/kind questions; formula set in a cell and read back):`
    );
    say(
      table(
        [
          "records",
          "SUMIFS (HF cell)",
          "AIDTOTAL (HF cell)",
          "AIDTOTAL (evaluate)",
          "SUMIFS / AIDTOTAL evaluate",
          "SUMIFS / AIDTOTAL cell",
          "max |difference|",
        ],
        sumifs.map((s) => [
          fmt(s.n),
          `${fmt(s.sumifs, 1)} us`,
          `${fmt(s.aidInSheet, 1)} us`,
          `${fmt(s.aidDirect, 2)} us`,
          `x${fmt(s.sumifs / s.aidDirect, 0)}`,
          `x${fmt(s.sumifs / s.aidInSheet, 1)}`,
          `$${fmt(s.maxDiff, 4)}`,
        ])
      )
    );
    say(
      "(max |difference|: SUMIFS adds per-record values already rounded to cents, in floating point; AIDTOTAL adds exactly and rounds once.)"
    );
  }
  say();
  benchExtract(say, argv);
  const totalSeconds = ms(started, now()) / 1000;
  say(`\ntotal bench time ${fmt(totalSeconds, 1)} s`);

  if (!JSON_OUTPUT) return;
  const report: BenchReport = {
    machine: {
      cpu: cpu[0]?.model.trim() ?? "unknown",
      cores: cpu.length,
      memoryBytes: totalmem(),
      loadAverage1m: loadavg()[0]!,
      node: process.version,
      v8: process.versions.v8,
      heapLimitBytes: heapLimit,
    },
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
    sumifs: sumifs.map((s) => ({
      records: s.n,
      sumifsCellUs: s.sumifs,
      aidTotalCellUs: s.aidInSheet,
      aidTotalEvaluateUs: s.aidDirect,
      maxDifference: s.maxDiff,
    })),
    goals,
    totalSeconds,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
