import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { type AidLedger, type DatasetIdentity, describeDataStatus, messages } from "../domain";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  text: { overflowWrap: "anywhere" },
});

export interface DatasetStatusProps {
  /** What the workbook holds, or null when nothing was loaded into it. */
  readonly identity: DatasetIdentity | null;
  /** The ledger the functions answer from. */
  readonly ledger: AidLedger;
}

/**
 * Which data the workbook's functions answer from, in plain words ("Bundled data, 33 records from
 * 2 reports, loaded 29 Nov 2026 12:18"; "Data edited in this workbook since ..."), the same line
 * AIDVERSION() returns. A live region.
 */
export function DatasetStatus({ identity, ledger }: DatasetStatusProps) {
  const styles = useStyles();
  return (
    <div role="status" className={styles.root}>
      <Body1 className={styles.text}>{describeDataStatus(identity, ledger)}</Body1>
      <Caption1>{messages().aidVersionHint}</Caption1>
    </div>
  );
}
