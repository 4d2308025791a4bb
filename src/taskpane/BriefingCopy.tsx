import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { messageOf, messages } from "../domain";
import { type BriefingResult, usePaneActions } from "./paneActions";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  button: { alignSelf: "flex-start" },
});

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "making" }
  | { readonly kind: "done"; readonly result: BriefingResult }
  | { readonly kind: "failed"; readonly message: string };

export interface BriefingCopyProps {
  /** Called when a copy starts: the pane's other outcome gives way (one outcome at a time). */
  readonly onStart?: () => void;
  /** False when another action spoke since: this outcome is cleared. */
  readonly shown?: boolean;
  /** True while the tables are being written: no copy then. */
  readonly busy?: boolean;
}

/**
 * "Make a briefing copy": a copy of the active sheet for colleagues without the add-in, every AID
 * formula replaced by its value, plus a Sources sheet (each value's formula, records, evidence,
 * rate and the data status). The original is not changed.
 */
export function BriefingCopy({ onStart, shown = true, busy = false }: BriefingCopyProps) {
  const styles = useStyles();
  const m = messages();
  const headingId = useId();
  const actions = usePaneActions();
  const [state, setState] = useState<State>({ kind: "idle" });
  useEffect(() => {
    if (!shown) setState({ kind: "idle" });
  }, [shown]);
  const make = async () => {
    if (state.kind === "making" || busy) return;
    onStart?.();
    setState({ kind: "making" });
    try {
      setState({ kind: "done", result: await actions.makeBriefingCopy() });
    } catch (e) {
      setState({
        kind: "failed",
        get message() {
          return messages().copyFailed(messageOf(e));
        },
      });
    }
  };
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        {m.shareHeading}
      </Subtitle2>
      <Body1>{m.briefingIntro}</Body1>
      <Button
        className={styles.button}
        disabledFocusable={state.kind === "making" || busy}
        onClick={() => void make()}
      >
        {m.makeBriefingCopy}
      </Button>
      {state.kind === "making" && <Body1 role="status">{m.copyingSheet}</Body1>}
      {state.kind === "done" &&
        (state.result.made ? (
          <MessageBar intent="success" layout="multiline" role="status">
            <MessageBarBody>
              <MessageBarTitle>{m.briefingMade}</MessageBarTitle>
              {m.briefingMadeText(
                state.result.sheet,
                state.result.formulas,
                state.result.sourcesSheet
              )}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{m.noCopyMade}</MessageBarTitle>
              {state.result.reason}
            </MessageBarBody>
          </MessageBar>
        ))}
      {state.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
