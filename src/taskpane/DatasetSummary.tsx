import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { AidLedger } from "../domain";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column" },
});

export interface DatasetSummaryProps {
  readonly ledger: AidLedger;
}

/** How many records the functions answer from, from which documents, and how each document's rate is derived. */
export function DatasetSummary({ ledger }: DatasetSummaryProps) {
  const styles = useStyles();
  const headingId = useId();
  const documents = ledger.rates.documents;
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        Dataset
      </Subtitle2>
      <Body1 block>
        {ledger.records.length} records from {documents.length}{" "}
        {documents.length === 1 ? "document" : "documents"}.
      </Body1>
      <ul className={styles.list}>
        {documents.map((d) => (
          <li key={d.document} className={styles.item}>
            <Body1>{d.title}</Body1>
            <Caption1>{d.derivation}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
