import {
  Body1,
  Button,
  makeStyles,
  mergeClasses,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { AidLedger, FormulaExplanation } from "../domain";
import { ExplanationCards } from "./ExplanationCards";
import { english, messageOf, messages } from "../domain";
import { usePaneActions } from "./paneActions";

const useStyles = makeStyles({
  heading: { margin: 0 },
  // minWidth 0 lets every child shrink to the pane: nothing scrolls sideways at 320 px.
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  button: { alignSelf: "flex-start" },
  summary: { overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The hint shown when the active cell holds no AID formula (in English; messages().explainHint in the pane's language). */
export const EXPLAIN_HINT = english.explainHint;

type View =
  | { readonly kind: "waiting" }
  | { readonly kind: "none" }
  | { readonly kind: "explained"; readonly explanation: FormulaExplanation }
  | { readonly kind: "failed"; readonly message: string };

export interface ExplainTabProps {
  /** The ledger the functions answer from: the explanation is computed again when it changes. */
  readonly ledger: AidLedger;
  /** Whether the tab is shown: the selection is watched only then. */
  readonly active: boolean;
}

/**
 * The explanation of the selected cell, kept current: computed when the tab is shown, when the
 * data or the language changes, and on every selection while shown; only the latest request shows.
 */
function useExplanation(ledger: AidLedger, active: boolean) {
  const actions = usePaneActions();
  const language = messages();
  const [view, setView] = useState<View>({ kind: "waiting" });
  const latest = useRef(0);
  const explain = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const result = await actions.explainSelection();
      if (ticket !== latest.current) return;
      setView(
        result.kind === "explained"
          ? { kind: "explained", explanation: result.explanation }
          : { kind: "none" }
      );
    } catch (e) {
      if (ticket === latest.current)
        setView({
          kind: "failed",
          get message() {
            return messages().couldNotReadSelection(messageOf(e));
          },
        });
    }
  }, [actions]);

  // Explain when the tab is shown and whenever the data (or the language it is said in) changes.
  useEffect(() => {
    if (active) void explain();
  }, [active, explain, ledger, language]);

  // Follow the selection while the tab is shown; stop watching when hidden or unmounted.
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let stop: (() => Promise<void>) | null = null;
    const failed = (say: (reason: string) => string) => (e: unknown) =>
      setView({ kind: "failed", message: say(messageOf(e)) });
    const unwatch = (s: () => Promise<void>) =>
      void s().catch(failed(messages().couldNotStopFollowing));
    actions
      .watchSelection(() => void explain())
      .then((s) => (stopped ? unwatch(s) : (stop = s)), failed(messages().couldNotFollow));
    return () => {
      stopped = true;
      if (stop) unwatch(stop);
    };
  }, [active, actions, explain]);

  const useFix = async (formula: string) => {
    try {
      await actions.insertFormula(formula, { overwrite: true });
      await explain();
    } catch (e) {
      setView({
        kind: "failed",
        get message() {
          return messages().couldNotInsert(formula, messageOf(e));
        },
      });
    }
  };
  return { view, explain, useFix };
}

/**
 * The Explain tab: how the active cell's AID formula is computed (for a cell inside an AIDLIST
 * spill, the spill's formula). It follows the selection while shown, and explains again on
 * "Explain selected cell" and when the data changes. The answer, or the error, is said once, in
 * the status line.
 */
export function ExplainTab({ ledger, active }: ExplainTabProps) {
  const styles = useStyles();
  const headingId = useId();
  const m = messages();
  const { view, explain, useFix } = useExplanation(ledger, active);
  const failed =
    view.kind === "failed" ||
    (view.kind === "explained" &&
      (view.explanation.error || view.explanation.blocked || view.explanation.fix));
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        {m.explainHeading}
      </Subtitle2>
      <Button className={styles.button} onClick={() => void explain()}>
        {m.explainSelectedCell}
      </Button>
      <Body1
        role="status"
        className={mergeClasses(styles.summary, failed ? styles.error : undefined)}
      >
        {summary(view)}
      </Body1>
      {view.kind === "explained" && (
        <ExplanationCards
          explanation={view.explanation}
          onUseFix={
            view.explanation.anchor === null ? (formula) => void useFix(formula) : undefined
          }
        />
      )}
    </section>
  );
}

/** One line for the live region: the answer in short, the error, the hint, or the failure. */
function summary(view: View): string {
  if (view.kind === "waiting") return messages().readingSelectedCell;
  if (view.kind === "failed") return view.message;
  if (view.kind === "none") return messages().explainHint;
  return view.explanation.summary;
}
