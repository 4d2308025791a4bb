import { Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { AidLedger } from "../domain";
import { DatasetStatus } from "./DatasetStatus";
import { DatasetSummary } from "./DatasetSummary";
import { EditProblems } from "./EditProblems";
import { RefreshData } from "./RefreshData";
import type { LedgerSession, SessionState } from "./session/ledgerSession";
import { useWriteRunner } from "./useWriteRunner";
import { WriteOutcomeMessage } from "./WriteOutcomeMessage";
import { WritingProgress } from "./WritingProgress";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  load: { alignSelf: "flex-start" },
});

export interface DataTabProps {
  readonly session: LedgerSession;
  readonly state: SessionState;
  /** The ledger the functions answer from. */
  readonly ledger: AidLedger;
}

/** The Data tab: what the workbook holds, loading it, refreshing it, and the problems in the user's edits. */
export function DataTab({ session, state, ledger }: DataTabProps) {
  const styles = useStyles();
  const headingId = useId();
  const writer = useWriteRunner();
  const busy = writer.running !== null || state.busy;
  const load = () => {
    if (!busy) void writer.run("load", (onProgress) => session.load(onProgress));
  };
  return (
    <div className={styles.root}>
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
          Workbook data
        </Subtitle2>
        <DatasetStatus identity={state.identity} records={ledger.records.length} />
        <Button
          appearance="primary"
          className={styles.load}
          disabledFocusable={busy}
          onClick={load}
        >
          Load data
        </Button>
        {writer.running === "load" && <WritingProgress progress={writer.progress} />}
        {writer.outcome?.action === "load" && <WriteOutcomeMessage outcome={writer.outcome} />}
        <EditProblems problems={state.editProblems} />
      </section>
      <div className={styles.section}>
        <RefreshData
          session={session}
          busy={busy}
          onApply={(prepared) =>
            writer.run("refresh", (onProgress) => session.apply(prepared, onProgress))
          }
        />
        {writer.running === "refresh" && <WritingProgress progress={writer.progress} />}
        {writer.outcome?.action === "refresh" && <WriteOutcomeMessage outcome={writer.outcome} />}
      </div>
      <DatasetSummary ledger={ledger} />
    </div>
  );
}
