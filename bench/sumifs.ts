/*
 * The same kind of question asked the spreadsheet way: SUMIFS in HyperFormula over a sheet of the
 * records, against AIDTOTAL in a cell and through the catalog's evaluate, at 10k and 50k records.
 */
import { buildLedger, bundledReference, functionSpec } from "../src/domain";
import { createAidEngine } from "../src/tooling/hyperformula/aidFunctionPlugin";
import { generateRecords, seededRandom } from "../src/tooling/synthetic";
import type { Benchmark, BenchOptions } from "./benchmark";
import { BATCH, fmt, median, now, table } from "./measure";

const SUMIFS_SIZES = [10_000, 50_000];

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

/** The SUMIFS comparison's figures, as `--json` prints them (microseconds, dollars). */
interface SumifsReport extends Record<string, unknown> {
  readonly sumifs: readonly {
    readonly records: number;
    readonly sumifsCellUs: number;
    readonly aidTotalCellUs: number;
    readonly aidTotalEvaluateUs: number;
    readonly maxDifference: number;
  }[];
}

export const sumifs: Benchmark = {
  name: "sumifs",
  about: "SUMIFS in HyperFormula against AIDTOTAL, 10k and 50k records",
  run({ say }: BenchOptions): SumifsReport {
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
    return {
      sumifs: sumifs.map((s) => ({
        records: s.n,
        sumifsCellUs: s.sumifs,
        aidTotalCellUs: s.aidInSheet,
        aidTotalEvaluateUs: s.aidDirect,
        maxDifference: s.maxDiff,
      })),
    };
  },
};
