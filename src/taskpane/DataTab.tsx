import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { BriefingCopy } from "./BriefingCopy";
import { type AidLedger, type CalculationMode, messages } from "../domain";
import { ChangesReview } from "./ChangesReview";
import { DatasetStatus } from "./DatasetStatus";
import { DatasetSummary } from "./DatasetSummary";
import { EditProblems } from "./EditProblems";
import { RefreshData } from "./RefreshData";
import { RepairAidCells } from "./RepairAidCells";
import { useDataActions } from "./paneActions";
import type { PreparedRefresh, SessionState } from "./session/ledgerSession";
import { useWriteRunner } from "./useWriteRunner";
import { WriteOutcomeMessage } from "./WriteOutcomeMessage";
import { WritingProgress } from "./WritingProgress";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface DataTabProps {
  readonly state: SessionState;
  /** The ledger the functions answer from. */
  readonly ledger: AidLedger;
}

/** The actions of the Data tab whose outcome the tab shows; only the last one's is shown. */
type Speaker = "load" | "refresh" | "briefing" | "reread" | "repair";

/**
 * The Data tab: what the workbook holds, loading it, refreshing it, a briefing copy, and the
 * problems in the user's edits. One outcome at a time: starting an action clears the last one's.
 */
export function DataTab({ state, ledger }: DataTabProps) {
  const styles = useStyles();
  const data = useDataActions();
  const m = messages();
  const headingId = useId();
  const writer = useWriteRunner();
  const [speaker, setSpeaker] = useState<Speaker | null>(null);
  const [reread, setReread] = useState<string | null>(null);
  // No event reports a change of Excel's calculation mode: read it again when the pane gets focus.
  useEffect(() => {
    const check = () => void data.checkCalculationMode();
    window.addEventListener("focus", check);
    return () => window.removeEventListener("focus", check);
  }, [data]);
  const rereadWorkbook = () => {
    if (busy) return;
    setSpeaker("reread");
    setReread(null);
    void data.reread().then(setReread);
  };
  const busy = writer.running !== null || state.busy;
  const load = () => {
    if (busy) return;
    setSpeaker("load");
    void writer.run("load", (onProgress) => data.load(onProgress));
  };
  const outcome = writer.outcome && writer.outcome.action === speaker ? writer.outcome : null;
  /** Load data's diff was confirmed, or tables the user deleted are to be created again. */
  const confirm = (prepared: PreparedRefresh, createMissing: boolean) => {
    if (busy) return;
    setSpeaker("load");
    void writer.run("load", (onProgress) => data.apply(prepared, onProgress, { createMissing }));
  };
  return (
    <div className={styles.root}>
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
          {m.workbookDataHeading}
        </Subtitle2>
        <DatasetStatus identity={state.identity} ledger={ledger} />
        {state.activity && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{state.activity}</MessageBarBody>
          </MessageBar>
        )}
        <CalculationModeMessage mode={state.calculationMode} />
        {state.notice && (
          <MessageBar intent={state.notice.intent} layout="multiline">
            <MessageBarBody>{state.notice.message}</MessageBarBody>
          </MessageBar>
        )}
        <PublishedMessage state={state} />
        <div className={styles.actions}>
          <Button appearance="primary" disabledFocusable={busy} onClick={load}>
            {m.loadData}
          </Button>
          <Button disabledFocusable={busy} onClick={rereadWorkbook}>
            {m.rereadWorkbook}
          </Button>
        </div>
        {speaker === "reread" && reread && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{reread}</MessageBarBody>
          </MessageBar>
        )}
        {writer.running === "load" && <WritingProgress progress={writer.progress} />}
        {outcome?.action === "load" && !outcome.ok && "review" in outcome && (
          <>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{m.loadReviewIntro}</MessageBarBody>
            </MessageBar>
            <ChangesReview
              diff={outcome.review.diff}
              before={ledger}
              after={outcome.review.ledger}
              fixedAddresses={outcome.review.fixedAddresses}
              lostUserValues={outcome.review.lostUserValues}
              replacedEdits={outcome.review.replacedEdits}
              busy={busy}
              onApply={() => confirm(outcome.review, false)}
              onCancel={() => writer.clear()}
            />
          </>
        )}
        {outcome && !outcome.ok && "missing" in outcome && (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>{m.tablesMissing(outcome.missing)}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => confirm(outcome.prepared, true)}>{m.createAgain}</Button>
              <Button onClick={() => writer.clear()}>{m.cancel}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {outcome?.action === "load" && <WriteOutcomeMessage outcome={outcome} />}
        <EditProblems problems={state.editProblems} />
      </section>
      <div className={styles.section}>
        <RefreshData
          current={ledger}
          shown={speaker === "refresh" || speaker === null}
          onStart={() => setSpeaker("refresh")}
          busy={busy}
          onApply={(prepared) =>
            writer.run("refresh", (onProgress) => data.apply(prepared, onProgress))
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
      <RepairAidCells
        repair={() => data.repairAidCells()}
        busy={busy}
        shown={speaker === "repair"}
        onStart={() => setSpeaker("repair")}
      />
      <DatasetSummary ledger={ledger} />
    </div>
  );
}

/** For data loaded from a web address: whether the publisher has a newer edition there. */
function PublishedMessage({ state }: { state: SessionState }) {
  const data = useDataActions();
  if (!state.identity?.source.startsWith("url:")) return null;
  const published = state.published;
  const m = messages();
  const check = <Button onClick={() => void data.checkPublished()}>{m.checkForNewer}</Button>;
  if (published?.comparison === "newer") {
    const manifest = published.manifest;
    return (
      <MessageBar intent="info" layout="multiline" role="status">
        <MessageBarBody>
          {m.newerDataset(
            manifest.version,
            manifest.records,
            manifest.documents.length,
            manifest.published.slice(0, 10),
            published.address
          )}
        </MessageBarBody>
        <MessageBarActions>{check}</MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline" role="status">
      <MessageBarBody>
        {published === null
          ? m.fromWebAddress
          : published.comparison === "unknown"
            ? m.publishedUnknown(published.reason)
            : m.latestPublished}
      </MessageBarBody>
      <MessageBarActions>{check}</MessageBarActions>
    </MessageBar>
  );
}

/**
 * In Manual calculation, streamed results are not shown until Excel calculates
 * (OfficeDev/Office-Add-in-samples#249, office-js #1567): say so, and how to switch back.
 */
function CalculationModeMessage({ mode }: { readonly mode: CalculationMode | null }) {
  if (mode === null || mode === "Automatic") return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {messages().calculationMode(mode === "Manual" ? "Manual" : "AutomaticExceptTables")}
      </MessageBarBody>
    </MessageBar>
  );
}
