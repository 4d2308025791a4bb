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
import { type ExplainedRecord, type FormulaExplanation, answerChart, messages } from "../domain";
import { AnswerChartView } from "./AnswerChartView";
import { MoneyText } from "./MoneyText";
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

/**
 * An explanation laid out for a 320-350 px pane: the formula, each argument as written with its
 * value and reading, the rate's derivation, then one card per record: those that add up to the
 * answer, and apart, those that match but add nothing (no amount, part of another's figure, no
 * rate), and a small chart. The answer or error is the tab's status line, not repeated here
 * (except, where it reads in units such as 億円, its exact figure).
 */
export function ExplanationCards({ explanation: e, onUseFix }: ExplanationCardsProps) {
  const styles = useStyles();
  const m = messages();
  const unitWord = e.measure === "money" ? e.currency : e.measure === "people" ? "people" : null;
  const addingTitle =
    e.measure === "money" || e.measure === "people"
      ? m.recordsAddUp(e.adding.length)
      : e.measure === "source"
        ? m.theRecord
        : m.recordsListed(e.adding.length);
  return (
    <div className={styles.root}>
      {e.anchor && e.cell && <Caption1>{m.spillNote(e.cell, e.anchor)}</Caption1>}
      <Body1 className={styles.formula}>{e.formula}</Body1>
      <RoundedAnswer explanation={e} />
      <ArgumentList explanation={e} />
      {e.place?.definition && <Caption1>{m.groupLine(e.place.definition)}</Caption1>}
      {e.fix && onUseFix && (
        <Button className={styles.fix} onClick={() => onUseFix(e.fix!)}>
          {m.useFix(e.fix)}
        </Button>
      )}
      {e.rate && (
        <section className={styles.section} aria-label={m.rateHeading}>
          <Body1Strong>{m.rateHeading}</Body1Strong>
          <RateDerivation rate={e.rate} />
        </section>
      )}
      <RecordSection title={addingTitle} records={e.adding} unit={unitWord} measure={e.measure} />
      <RecordSection
        title={m.recordsApart(e.apart.length)}
        records={e.apart}
        unit={unitWord}
        measure={e.measure}
        apart
      />
      <ChartSection explanation={e} />
    </div>
  );
}

/** A money answer that reads in units (2,530億円), with its exact figure on hover; nothing otherwise. */
function RoundedAnswer({ explanation: e }: { readonly explanation: FormulaExplanation }) {
  const m = messages();
  const currency = e.answerCurrency;
  if (currency === null || typeof e.answer !== "number") return null;
  if (m.money(e.answer, currency) === m.moneyExact(e.answer, currency)) return null;
  return (
    <Body1>
      {m.answerLabel}: <MoneyText value={e.answer} currency={currency} />
    </Body1>
  );
}

function ArgumentList({ explanation: e }: { readonly explanation: FormulaExplanation }) {
  const styles = useStyles();
  if (e.arguments.length === 0) return null;
  return (
    <ul className={styles.args} aria-label={messages().argumentsLabel}>
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
  );
}

/** The records that add up, or those listed apart, under a heading that counts them. */
function RecordSection({
  title,
  records,
  unit,
  measure,
  apart = false,
}: {
  readonly title: string;
  readonly records: readonly ExplainedRecord[];
  readonly unit: string | null;
  readonly measure: FormulaExplanation["measure"];
  readonly apart?: boolean;
}) {
  const styles = useStyles();
  const titleId = useId();
  if (records.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <Body1Strong id={titleId}>{title}</Body1Strong>
      <ul className={styles.list}>
        {records.map((r) => (
          <li key={r.id}>
            <RecordExplained record={r} unit={unit} measure={measure} apart={apart} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A small chart of the records that add up, by record or by year, when more than one does. */
function ChartSection({ explanation: e }: { readonly explanation: FormulaExplanation }) {
  const styles = useStyles();
  const m = messages();
  const [by, setBy] = useState<"record" | "year">("record");
  const chart = answerChart(e, by);
  // Worth a chart when more than one record adds up; the choice stays even when by year is one bar.
  const chartable = (answerChart(e, "record")?.bars.length ?? 0) > 1;
  if (!chart || !chartable) return null;
  return (
    <section className={styles.section} aria-label={m.chartLabel}>
      <RadioGroup
        layout="horizontal"
        aria-label={m.chartBy}
        value={by}
        onChange={(_, d) => setBy(d.value as "record" | "year")}
      >
        <Radio value="record" label={m.byRecord} />
        <Radio value="year" label={m.byYear} />
      </RadioGroup>
      <AnswerChartView chart={chart} title={m.answerBy(by)} />
    </section>
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
  const m = messages();
  const counts =
    measure === "money" && r.converted !== null && !apart && (unit === "USD" || unit === "JPY")
      ? unit
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
      {r.yearRule && r.yearRule !== r.apartReason && <Body1>{m.yearLine(r.yearRule)}</Body1>}
      <Body1>
        {m.amountLabel}:{" "}
        {r.amountFigure ? (
          <MoneyText value={r.amountFigure.value} currency={r.amountFigure.currency} />
        ) : (
          (r.amount ?? m.noneStated)
        )}
      </Body1>
      {counts && (
        <Body1>
          {m.countsAsLabel}: <MoneyText value={r.converted!} currency={counts} />
        </Body1>
      )}
      {measure === "people" && r.people !== null && (
        <Body1>
          {m.peopleLabel}: {m.number(r.people)}
        </Body1>
      )}
      {r.amount && (
        <Body1>
          {m.rateLabel}: {r.rateValue ? `${r.rateValue}, ` : ""}
          {r.rateWhy ? lowerFirst(r.rateWhy) : r.rate}
        </Body1>
      )}
      {/* The source's own words and title are English data: lang says so (screen readers, the scan). */}
      <Body1 className={styles.evidence} lang="en">
        “{r.evidence}”
      </Body1>
      <Caption1>
        <span lang="en">{r.sourceTitle ?? r.source}</span> · <span>{r.id}</span>
      </Caption1>
    </article>
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
