import { makeStyles, tokens } from "@fluentui/react-components";
import type { AnswerChart } from "../domain";

const useStyles = makeStyles({
  // The SVG scales to the pane's width: nothing scrolls sideways.
  svg: { width: "100%", height: "auto", display: "block" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  bar: { fill: tokens.colorBrandBackground },
});

const WIDTH = 300;
const ROW = 34;

/** "2.42 billion", "500 million", "30,000": short enough for a bar's label. */
export function shortNumber(value: number): string {
  const abs = Math.abs(value);
  const scaled = (n: number, word: string) =>
    `${Number((value / n).toPrecision(3)).toLocaleString("en-US")} ${word}`;
  if (abs >= 1e12) return scaled(1e12, "trillion");
  if (abs >= 1e9) return scaled(1e9, "billion");
  if (abs >= 1e6) return scaled(1e6, "million");
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export interface AnswerChartViewProps {
  readonly chart: AnswerChart;
  /** The chart's accessible name, such as "Answer by record". */
  readonly title: string;
}

/**
 * A small horizontal bar chart in plain SVG (no chart library: the pane has a 250 KB budget): one
 * bar per record or year, its label above it and its value beside it. The SVG has role img and a
 * name; the numbers are also given as a list for screen readers.
 */
export function AnswerChartView({ chart, title }: AnswerChartViewProps) {
  const styles = useStyles();
  const max = Math.max(...chart.bars.map((b) => Math.abs(b.value)), 1);
  const height = chart.bars.length * ROW + 4;
  const unit =
    chart.unit === "records" || chart.unit === "people" ? ` ${chart.unit}` : ` ${chart.unit}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={title}
        preserveAspectRatio="xMinYMin meet"
      >
        {chart.bars.map((b, i) => {
          const y = i * ROW;
          const w = Math.max(1, (Math.abs(b.value) / max) * (WIDTH - 90));
          return (
            <g key={`${b.label}-${i}`}>
              <text className={styles.label} x={0} y={y + 11}>
                {b.label.length > 48 ? `${b.label.slice(0, 47)}…` : b.label}
              </text>
              <rect className={styles.bar} x={0} y={y + 15} width={w} height={14} rx={2} />
              <text className={styles.value} x={w + 4} y={y + 26}>
                {shortNumber(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul
          aria-label={`${title}, values`}
          style={{
            position: "absolute",
            left: "-10000px",
            width: "1px",
            height: "1px",
            overflow: "hidden",
          }}
        >
          {chart.bars.map((b, i) => (
            <li key={`${b.label}-${i}`}>
              {b.label}: {b.value.toLocaleString("en-US")}
              {unit}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
