import { Body1Strong, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { type AidLedger, describeContents, explainDocumentRate, messages } from "../domain";
import { RateDerivation } from "./RateDerivation";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

export interface DatasetSummaryProps {
  readonly ledger: AidLedger;
}

/** The reports the data comes from, by title, and how each one's rate is derived: a sentence and its pairs. */
export function DatasetSummary({ ledger }: DatasetSummaryProps) {
  const styles = useStyles();
  const headingId = useId();
  const m = messages();
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        {m.reportsAndRates}
      </Subtitle2>
      <Body1Strong>{m.contentsSentence(describeContents(ledger))}</Body1Strong>
      <ul className={styles.list} aria-label={m.reportsList}>
        {ledger.rates.documents.map((d) => (
          <li key={d.document} className={styles.item}>
            <RateDerivation rate={explainDocumentRate(d)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
