import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { SUMMARY_PIVOT, TABLES } from "../domain";
import type { WriteOutcome } from "./useWriteRunner";

export interface WriteOutcomeMessageProps {
  readonly outcome: WriteOutcome;
}

const written = `The ${TABLES.commitments.sheet}, ${TABLES.facts.sheet} and ${TABLES.rates.sheet} tables were written; the functions now answer from them.`;

/** The result of "Load data" or "Apply changes": success (with the PivotTable note), or why nothing changed. */
export function WriteOutcomeMessage({ outcome }: WriteOutcomeMessageProps) {
  if (!outcome.ok && "message" in outcome)
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>
            {outcome.action === "load" ? "Load failed" : "Refresh failed"}
          </MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  if (!outcome.ok) return null;
  const pivot = outcome.pivot.created
    ? `The ${SUMMARY_PIVOT.sheet} sheet has a PivotTable of ${SUMMARY_PIVOT.dataField} by ${SUMMARY_PIVOT.rowField} and ${SUMMARY_PIVOT.columnField}.`
    : `No ${SUMMARY_PIVOT.sheet} PivotTable: ${sentence(outcome.pivot.reason)}`;
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>
          {outcome.action === "load" ? "Data loaded" : "Changes applied"}
        </MessageBarTitle>
        {written} {pivot}
        {outcome.chart?.created === true
          ? " A chart of committed USD by region and year stands beside it."
          : outcome.chart
            ? ` No chart beside it: ${sentence(outcome.chart.reason)}`
            : ""}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A reason as the end of a sentence: one full stop, whether or not it came with one. */
function sentence(reason: string): string {
  const trimmed = reason.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
