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
import { messageOf } from "../domain";
import { usePaneActions } from "./paneActions";

const useStyles = makeStyles({
  heading: { margin: 0 },
  // minWidth 0 lets every child shrink to the pane: nothing scrolls sideways at 320 px.
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  button: { alignSelf: "flex-start" },
  summary: { overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The hint shown when the active cell holds no AID formula. */
export const EXPLAIN_HINT = 'Select a cell with an AID formula, such as =AIDTOTAL("Africa",2016).';

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
 * The Explain tab: how the active cell's AID formula is computed (for a cell inside an AIDLIST
 * spill, the spill's formula). It follows the selection while shown, and explains again on
 * "Explain selected cell" and when the data changes. The answer, or the error, is said once, in
 * the status line.
 */
export function ExplainTab({ ledger, active }: ExplainTabProps) {
  const styles = useStyles();
  const headingId = useId();
  const actions = usePaneActions();
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
        setView({ kind: "failed", message: `Could not read the selected cell: ${messageOf(e)}` });
    }
  }, [actions]);

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
    actions
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
  }, [active, actions, explain]);

  const useFix = async (formula: string) => {
    try {
      await actions.insertFormula(formula, { overwrite: true });
      await explain();
    } catch (e) {
      setView({ kind: "failed", message: `Could not insert ${formula}: ${messageOf(e)}` });
    }
  };

  const failed =
    view.kind === "failed" ||
    (view.kind === "explained" &&
      (view.explanation.error || view.explanation.blocked || view.explanation.fix));
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        Explain
      </Subtitle2>
      <Button className={styles.button} onClick={() => void explain()}>
        Explain selected cell
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
  if (view.kind === "waiting") return "Reading the selected cell…";
  if (view.kind === "failed") return view.message;
  if (view.kind === "none") return EXPLAIN_HINT;
  return view.explanation.summary;
}
