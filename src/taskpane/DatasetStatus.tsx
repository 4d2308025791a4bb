import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { DatasetIdentity } from "../domain";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hash: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export interface DatasetStatusProps {
  /** What the workbook holds, or null when nothing was loaded into it. */
  readonly identity: DatasetIdentity | null;
  /** How many records the functions answer from (the bundled dataset's, when nothing is loaded). */
  readonly records: number;
}

/** What the workbook holds: where its data came from, when, and its fingerprint. A live region. */
export function DatasetStatus({ identity, records }: DatasetStatusProps) {
  const styles = useStyles();
  return (
    <div role="status" className={styles.root}>
      {identity ? (
        <>
          <Body1>
            Loaded: {identity.source}, {identity.records} records, {localTime(identity.loadedAt)},
            version {identity.version}
          </Body1>
          <Caption1 className={styles.hash}>Content hash {identity.contentHash}</Caption1>
        </>
      ) : (
        <Body1>
          No data loaded in this workbook: the functions use the bundled dataset ({records} records)
        </Body1>
      )}
    </div>
  );
}

function localTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString();
}
