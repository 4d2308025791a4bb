import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { type AidLedger, type Explanation, ERROR_TEXT } from "../domain";
import { answerText } from "./answerText";
import { ExplanationDetails } from "./ExplanationDetails";
import { messageOf } from "./messageOf";
import type { LedgerSession } from "./session/ledgerSession";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  button: { alignSelf: "flex-start" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The hint shown when the active cell holds no AID formula. */
export const EXPLAIN_HINT = 'Select a cell with an AID formula, such as =AIDTOTAL("Africa",2016).';

type View =
  | { readonly kind: "waiting" }
  | {
      readonly kind: "explained";
      readonly explanation: Explanation | null;
      readonly note: string | null;
    }
  | { readonly kind: "failed"; readonly message: string };

export interface ExplainTabProps {
  readonly session: LedgerSession;
  /** The ledger the functions answer from: the explanation is computed again when it changes. */
  readonly ledger: AidLedger;
  /** Whether the tab is shown: the selection is watched only then. */
  readonly active: boolean;
}

/**
 * The Explain tab: how the active cell's AID formula is computed. It follows the selection while
 * shown, and explains again on "Explain selected cell" and when the data changes.
 */
export function ExplainTab({ session, ledger, active }: ExplainTabProps) {
  const styles = useStyles();
  const headingId = useId();
  const [view, setView] = useState<View>({ kind: "waiting" });
  const latest = useRef(0);

  const explain = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const { explanation, note } = await session.explainSelection();
      if (ticket === latest.current) setView({ kind: "explained", explanation, note });
    } catch (e) {
      if (ticket === latest.current)
        setView({ kind: "failed", message: `Could not read the selected cell: ${messageOf(e)}` });
    }
  }, [session]);

  // Explain when the tab is shown and whenever the data the functions answer from changes.
  useEffect(() => {
    if (active) void explain();
  }, [active, explain, ledger]);

  // Follow the selection while the tab is shown; stop watching when hidden or unmounted.
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let stop: (() => Promise<void>) | null = null;
    const unwatch = (s: () => Promise<void>) =>
      void s().catch((e: unknown) =>
        setView({
          kind: "failed",
          message: `Could not stop following the selection: ${messageOf(e)}`,
        })
      );
    session
      .watchSelection(() => void explain())
      .then(
        (s) => (stopped ? unwatch(s) : (stop = s)),
        (e: unknown) =>
          setView({ kind: "failed", message: `Could not follow the selection: ${messageOf(e)}` })
      );
    return () => {
      stopped = true;
      if (stop) unwatch(stop);
    };
  }, [active, session, explain]);

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        Explain
      </Subtitle2>
      <Button className={styles.button} onClick={() => void explain()}>
        Explain selected cell
      </Button>
      <Body1 role="status" className={view.kind === "failed" ? styles.error : undefined}>
        {summary(view)}
      </Body1>
      {view.kind === "explained" && view.explanation && (
        <ExplanationDetails explanation={view.explanation} />
      )}
    </section>
  );
}

/** One line for the live region: the answer in short, the note, the hint, or the failure. */
function summary(view: View): string {
  if (view.kind === "waiting") return "Reading the selected cell…";
  if (view.kind === "failed") return view.message;
  const { explanation: e, note } = view;
  if (note) return note;
  if (!e) return EXPLAIN_HINT;
  const from = `from ${e.records.length} ${e.records.length === 1 ? "record" : "records"}`;
  return e.error
    ? `=${e.call} answers ${ERROR_TEXT[e.error.code]}: ${e.error.message}`
    : `=${e.call} answers ${answerText(e.answer)}${e.records.length ? `, ${from}` : ""}.`;
}
