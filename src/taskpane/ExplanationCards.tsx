import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { type ExplainedRecord, type FormulaExplanation, answerChart } from "../domain";
import { AnswerChartView } from "./AnswerChartView";
import { RateDerivation } from "./RateDerivation";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  args: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  problem: { color: tokens.colorPaletteRedForeground1 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  apart: { backgroundColor: tokens.colorNeutralBackground3 },
  cardTitle: { margin: 0 },
  evidence: { fontStyle: "italic" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  sectionTitle: { margin: 0 },
  fix: { alignSelf: "flex-start", maxWidth: "100%", overflowWrap: "anywhere" },
});

export interface ExplanationCardsProps {
  readonly explanation: FormulaExplanation;
  /** Puts the corrected formula into the cell (for "put Africa in quotes"); absent: no button. */
  readonly onUseFix?: (formula: string) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/**
 * An explanation laid out for a 320-350 px pane: the formula, each argument as written with its
 * value and reading, the rate's derivation, then one card per record: those that add up to the
 * answer, and apart, those that match but add nothing (no amount, part of another's figure, no
 * rate), and a small chart. The answer or error is the tab's status line, not repeated here.
 */
export function ExplanationCards({ explanation: e, onUseFix }: ExplanationCardsProps) {
  const styles = useStyles();
  const addingId = useId();
  const apartId = useId();
  const [by, setBy] = useState<"record" | "year">("record");
  const chart = answerChart(e, by);
  // Worth a chart when more than one record adds up; the choice stays even when by year is one bar.
  const chartable = (answerChart(e, "record")?.bars.length ?? 0) > 1;
  const unitWord = e.measure === "money" ? e.currency : e.measure === "people" ? "people" : null;
  return (
    <div className={styles.root}>
      {e.anchor && (
        <Caption1>
          {e.cell} is in the table that {e.anchor} spills; this is {e.anchor}&apos;s formula.
        </Caption1>
      )}
      <Body1 className={styles.formula}>{e.formula}</Body1>
      {e.arguments.length > 0 && (
        <ul className={styles.args} aria-label="Arguments">
          {e.arguments.map((a) => (
            <li key={a.name}>
              <Body1>
                {a.text}
                {a.meaning ? `: ${a.meaning}` : ""}
              </Body1>
              {a.problem && (
                <Body1 block className={styles.problem}>
                  {a.problem}
                </Body1>
              )}
            </li>
          ))}
        </ul>
      )}
      {e.place?.definition && <Caption1>Group: {e.place.definition}</Caption1>}
      {e.fix && onUseFix && (
        <Button className={styles.fix} onClick={() => onUseFix(e.fix!)}>
          Use {e.fix}
        </Button>
      )}
      {e.rate && (
        <section className={styles.section} aria-label="Rate">
          <Body1Strong>Rate</Body1Strong>
          <RateDerivation rate={e.rate} />
        </section>
      )}
      {e.adding.length > 0 && (
        <section className={styles.section} aria-labelledby={addingId}>
          <Body1Strong id={addingId}>
            {e.measure === "money" || e.measure === "people"
              ? `${plural(e.adding.length, "record adds", "records add")} up to the answer`
              : e.measure === "source"
                ? "The record"
                : `${plural(e.adding.length, "record", "records")}`}
          </Body1Strong>
          <ul className={styles.list}>
            {e.adding.map((r) => (
              <li key={r.id}>
                <RecordExplained record={r} unit={unitWord} measure={e.measure} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {e.apart.length > 0 && (
        <section className={styles.section} aria-labelledby={apartId}>
          <Body1Strong id={apartId}>
            {plural(e.apart.length, "more record matches", "more records match")} but{" "}
            {e.apart.length === 1 ? "adds" : "add"} nothing
          </Body1Strong>
          <ul className={styles.list}>
            {e.apart.map((r) => (
              <li key={r.id}>
                <RecordExplained record={r} unit={unitWord} measure={e.measure} apart />
              </li>
            ))}
          </ul>
        </section>
      )}
      {chart && chartable && (
        <section className={styles.section} aria-label="Chart">
          <RadioGroup
            layout="horizontal"
            aria-label="Chart by"
            value={by}
            onChange={(_, d) => setBy(d.value as "record" | "year")}
          >
            <Radio value="record" label="By record" />
            <Radio value="year" label="By year" />
          </RadioGroup>
          <AnswerChartView chart={chart} title={`Answer by ${by}`} />
        </section>
      )}
    </div>
  );
}

function RecordExplained({
  record: r,
  unit,
  measure,
  apart = false,
}: {
  readonly record: ExplainedRecord;
  readonly unit: string | null;
  readonly measure: FormulaExplanation["measure"];
  readonly apart?: boolean;
}) {
  const styles = useStyles();
  const converted =
    measure === "money" && r.converted !== null && !apart
      ? `${unit} ${grouped(r.converted)}`
      : null;
  return (
    <article
      className={mergeClasses(styles.card, apart ? styles.apart : undefined)}
      aria-label={r.id}
    >
      <Body1Strong as="h3" className={styles.cardTitle}>
        {r.recipient}
        {r.date ? `, ${r.date}` : ""}
      </Body1Strong>
      {apart && r.apartReason && <Body1>{r.apartReason}.</Body1>}
      {r.yearRule && r.yearRule !== r.apartReason && <Body1>Year: {r.yearRule}.</Body1>}
      <Body1>Amount: {r.amount ?? "none stated"}</Body1>
      {converted && <Body1>Counts as: {converted}</Body1>}
      {measure === "people" && r.people !== null && <Body1>People: {grouped(r.people)}</Body1>}
      {r.amount && (
        <Body1>
          Rate: {r.rateValue ? `${r.rateValue}, ` : ""}
          {r.rateWhy ? lowerFirst(r.rateWhy) : r.rate}
        </Body1>
      )}
      <Body1 className={styles.evidence}>“{r.evidence}”</Body1>
      <Caption1>
        {r.sourceTitle ?? r.source} · <span>{r.id}</span>
      </Caption1>
    </article>
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
