import { makeStyles, tokens } from "@fluentui/react-components";
import { type AnswerChart, messages } from "../domain";

const useStyles = makeStyles({
  // The SVG scales to the pane's width: nothing scrolls sideways.
  svg: { width: "100%", height: "auto", display: "block" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  bar: { fill: tokens.colorBrandBackground },
});

const WIDTH = 300;
const ROW = 34;

/** "2.42 billion", "500 million", "30,000" (in Japanese 24.2億): short enough for a bar's label. */
export function shortNumber(value: number): string {
  return messages().shortNumber(value);
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
  const m = messages();
  const unit = ` ${m.chartUnit(chart.unit)}`;
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
          aria-label={m.chartValues(title)}
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
              {b.label}: {m.number(b.value, 20)}
              {unit}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
