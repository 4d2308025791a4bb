import { useSyncExternalStore } from "react";
import type { Spreadsheet } from "./spreadsheet";

export interface ChartStripProps {
  readonly spreadsheet: Spreadsheet;
}

const WIDTH = 160;
const HEIGHT = 80;
/** One colour per series, repeated past the last (Office's default palette, in order). */
const COLOURS = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47"];

/**
 * The active sheet's charts, each as a small clustered column chart of every series (an SVG): per
 * category, one bar per series, all on one scale. Captioned with its name and source; a chart
 * whose source sheet was deleted says so, as Excel shows #REF!.
 */
export function ChartStrip({ spreadsheet }: ChartStripProps) {
  useSyncExternalStore(spreadsheet.subscribe, () => spreadsheet.version);
  const sheet = spreadsheet.selection.sheet;
  const charts = spreadsheet.model.read.charts().filter((c) => c.sheet === sheet);
  if (charts.length === 0) return null;
  return (
    <div className="chart-strip" aria-label="Charts">
      {charts.map((chart) => {
        const categories = Math.max(0, ...chart.series.map((s) => s.values.length));
        const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => Math.abs(v))));
        const group = categories > 0 ? WIDTH / categories : WIDTH;
        const bar = group / Math.max(1, chart.series.length);
        return (
          <figure key={chart.name}>
            <svg width={WIDTH} height={HEIGHT} role="img" aria-label={chart.name}>
              <rect width={WIDTH} height={HEIGHT} fill="#fafafa" stroke="#d1d1d1" />
              {chart.series.map((series, s) => (
                <g key={s} role="list" aria-label={series.name} fill={COLOURS[s % COLOURS.length]}>
                  {series.values.map((v, i) => {
                    const h = (Math.abs(v) / max) * (HEIGHT - 4);
                    return (
                      <rect
                        key={i}
                        role="listitem"
                        aria-label={String(v)}
                        x={i * group + s * bar}
                        y={HEIGHT - h}
                        width={Math.max(1, bar - 1)}
                        height={h}
                      />
                    );
                  })}
                </g>
              ))}
            </svg>
            <figcaption>
              {chart.name}: {chart.source ?? "#REF!"}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
