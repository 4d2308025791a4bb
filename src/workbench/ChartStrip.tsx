import { useSyncExternalStore } from "react";
import type { Spreadsheet } from "./spreadsheet";

export interface ChartStripProps {
  readonly spreadsheet: Spreadsheet;
}

const WIDTH = 160;
const HEIGHT = 80;

/**
 * The active sheet's charts, each as a small column chart of its first series (an SVG), captioned
 * with its name and source; a chart whose source sheet was deleted says so, as Excel shows #REF!.
 */
export function ChartStrip({ spreadsheet }: ChartStripProps) {
  useSyncExternalStore(spreadsheet.subscribe, () => spreadsheet.version);
  const sheet = spreadsheet.selection.sheet;
  const charts = spreadsheet.model.read.charts().filter((c) => c.sheet === sheet);
  if (charts.length === 0) return null;
  return (
    <div className="chart-strip" aria-label="Charts">
      {charts.map((chart) => {
        const values = chart.series[0]?.values ?? [];
        const max = Math.max(1, ...values.map((v) => Math.abs(v)));
        const bar = values.length > 0 ? WIDTH / values.length : WIDTH;
        return (
          <figure key={chart.name}>
            <svg width={WIDTH} height={HEIGHT} role="img" aria-label={chart.name}>
              <rect width={WIDTH} height={HEIGHT} fill="#fafafa" stroke="#d1d1d1" />
              {values.map((v, i) => {
                const h = (Math.abs(v) / max) * (HEIGHT - 4);
                return (
                  <rect
                    key={i}
                    x={i * bar + 1}
                    y={HEIGHT - h}
                    width={Math.max(1, bar - 2)}
                    height={h}
                    fill="#107c41"
                  />
                );
              })}
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
