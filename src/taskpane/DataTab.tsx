import { Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { BriefingCopy } from "./BriefingCopy";
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

/** The actions of the Data tab whose outcome the tab shows; only the last one's is shown. */
type Speaker = "load" | "refresh" | "briefing";

/**
 * The Data tab: what the workbook holds, loading it, refreshing it, a briefing copy, and the
 * problems in the user's edits. One outcome at a time: starting an action clears the last one's.
 */
export function DataTab({ session, state, ledger }: DataTabProps) {
  const styles = useStyles();
  const headingId = useId();
  const writer = useWriteRunner();
  const [speaker, setSpeaker] = useState<Speaker | null>(null);
  const busy = writer.running !== null || state.busy;
  const load = () => {
    if (busy) return;
    setSpeaker("load");
    void writer.run("load", (onProgress) => session.load(onProgress));
  };
  const outcome = writer.outcome && writer.outcome.action === speaker ? writer.outcome : null;
  return (
    <div className={styles.root}>
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
          Workbook data
        </Subtitle2>
        <DatasetStatus identity={state.identity} ledger={ledger} />
        <Button
          appearance="primary"
          className={styles.load}
          disabledFocusable={busy}
          onClick={load}
        >
          Load data
        </Button>
        {writer.running === "load" && <WritingProgress progress={writer.progress} />}
        {outcome?.action === "load" && <WriteOutcomeMessage outcome={outcome} />}
        <EditProblems problems={state.editProblems} />
      </section>
      <div className={styles.section}>
        <RefreshData
          session={session}
          current={ledger}
          shown={speaker === "refresh" || speaker === null}
          onStart={() => setSpeaker("refresh")}
          busy={busy}
          onApply={(prepared) =>
            writer.run("refresh", (onProgress) => session.apply(prepared, onProgress))
          }
        />
        {writer.running === "refresh" && <WritingProgress progress={writer.progress} />}
        {outcome?.action === "refresh" && <WriteOutcomeMessage outcome={outcome} />}
      </div>
      <BriefingCopy
        busy={busy}
        shown={speaker === "briefing"}
        onStart={() => setSpeaker("briefing")}
      />
      <DatasetSummary ledger={ledger} />
    </div>
  );
}
