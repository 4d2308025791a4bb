import { messages } from "../messages/catalog";
import type { ExplainedRecord, FormulaExplanation } from "../functions/explain";
import type { AidLedger } from "../ledger";
import { type Currency, minorToNumber } from "../money/money";
import type { ChartSpec, PivotSpec } from "../workbook/port";

/** One cell of the summary: committed USD for a region in a year, exact, or why there is none. */
export interface SummaryPoint {
  readonly region: string;
  readonly year: number;
  /** Exact US cents; null when a document the sum needs has no rate. */
  readonly usdMinor: bigint | null;
  /** The same in dollars, for a chart (the only conversion to a number). */
  readonly usd: number | null;
  /** Why usd is null: the missing-rate message. */
  readonly note: string | null;
}

/** Committed USD by region (rows) and year (columns), as the Summary sheet's chart draws it. */
export interface SummarySeries {
  /** Regions with at least one committed record that counts in a year, in taxonomy order. */
  readonly regions: readonly string[];
  /** Years with at least one such record, ascending. */
  readonly years: readonly number[];
  /** One point per region and year, regions outer, years inner. */
  readonly points: readonly SummaryPoint[];
}

/**
 * Committed US dollars (pledges, contributions, grants, loans) by region and year, exact, from the
 * index: the same sums AIDTOTAL(region, year) gives. For a native Excel chart beside the Summary
 * PivotTable and for the workbench's drawing of it. Records with no year are not in any column.
 */
export function summarySeries(ledger: AidLedger): SummarySeries {
  const years = new Set<number>();
  const regions = new Set<string>();
  for (const r of ledger.records) {
    if (r.countingYear === null || !r.amount || !r.countsMoney) continue;
    if (!["pledge", "contribution", "grant", "loan"].includes(r.record.kind)) continue;
    years.add(r.countingYear);
    regions.add(r.record.region);
  }
  const orderedRegions = ledger.places.regionNames.filter((n) => regions.has(n));
  const orderedYears = [...years].sort((a, b) => a - b);
  const points: SummaryPoint[] = [];
  for (const region of orderedRegions) {
    const place = ledger.places.resolve(region)!;
    for (const year of orderedYears) {
      const total = ledger.total({ place, year, theme: null, kind: "committed" }, "USD");
      points.push(
        total.ok
          ? {
              region,
              year,
              usdMinor: total.value,
              usd: minorToNumber(total.value, "USD"),
              note: null,
            }
          : { region, year, usdMinor: null, usd: null, note: total.error.message }
      );
    }
  }
  return { regions: orderedRegions, years: orderedYears, points };
}

/** One bar of a chart of an explanation. */
export interface ChartBar {
  readonly label: string;
  readonly value: number;
  /** Ids of the records in the bar. */
  readonly ids: readonly string[];
}

/** How an explanation's answer is drawn: bars, the unit, and records that could not be drawn. */
export interface AnswerChart {
  readonly bars: readonly ChartBar[];
  /** "USD", "JPY", "people" or "records". */
  readonly unit: Currency | "people" | "records";
}

function valueOf(e: FormulaExplanation, r: ExplainedRecord): number | null {
  if (e.measure === "money") return r.converted;
  if (e.measure === "people") return r.people;
  return 1;
}

/**
 * The records that add up to an explanation's answer, as bars by record or by year (records with
 * no year in "No year", last). Only records that add up are drawn; null when there is nothing to
 * draw (a rate, a source, an error, no records).
 */
export function answerChart(e: FormulaExplanation, by: "record" | "year"): AnswerChart | null {
  if (!["money", "people", "count", "list"].includes(e.measure) || e.error) return null;
  const unit = e.measure === "money" ? e.currency : e.measure === "people" ? "people" : "records";
  const drawn = e.adding.flatMap((r) => {
    const v = valueOf(e, r);
    return v === null ? [] : [{ r, v }];
  });
  if (drawn.length === 0) return null;
  if (by === "record")
    return {
      unit,
      bars: drawn.map(({ r, v }) => ({
        label: `${r.recipient} ${r.date}`.trim(),
        value: v,
        ids: [r.id],
      })),
    };
  // Sum in exact minor units (cents for USD): the values came from exact minor units.
  const factor = unit === "USD" ? 100 : 1;
  const byYear = new Map<number | null, { minor: bigint; ids: string[] }>();
  for (const { r, v } of drawn) {
    const y = r.year ?? null;
    const bar = byYear.get(y) ?? { minor: 0n, ids: [] };
    bar.minor += BigInt(Math.round(v * factor));
    bar.ids.push(r.id);
    byYear.set(y, bar);
  }
  const keys = [...byYear.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return {
    unit,
    bars: keys.map((y) => {
      const bar = byYear.get(y)!;
      const value =
        unit === "USD" || unit === "JPY" ? minorToNumber(bar.minor, unit) : Number(bar.minor);
      return { label: y === null ? messages().noYear : String(y), value, ids: bar.ids };
    }),
  };
}

/** The Summary sheet's native chart: committed USD by region and year, from summarySeries. */
export function summaryChart(ledger: AidLedger, pivot: PivotSpec): ChartSpec {
  const series = summarySeries(ledger);
  const at = new Map(series.points.map((p) => [`${p.region}|${p.year}`, p.usd]));
  return {
    sheet: pivot.sheet,
    pivot: pivot.name,
    name: "AidSummaryChart",
    title: "Committed USD by region and year",
    // Right of the PivotTable (at most a label, one column a year and a total), above the chart.
    dataAt: "R3",
    header: ["Region", ...series.years.map(String)],
    rows: series.regions.map((region) => [
      region,
      ...series.years.map((year) => at.get(`${region}|${year}`) ?? null),
    ]),
    position: "R12:AB32",
  };
}
