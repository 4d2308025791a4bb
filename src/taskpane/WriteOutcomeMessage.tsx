import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { SUMMARY_PIVOT, TABLES, messages } from "../domain";
import type { WriteOutcome } from "./useWriteRunner";

export interface WriteOutcomeMessageProps {
  readonly outcome: WriteOutcome;
}

/** The result of "Load data" or "Apply changes": success (with the PivotTable note), or why nothing changed. */
export function WriteOutcomeMessage({ outcome }: WriteOutcomeMessageProps) {
  const m = messages();
  if (!outcome.ok && "message" in outcome)
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>
            {outcome.action === "load" ? m.loadFailed : m.refreshFailed}
          </MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  if (!outcome.ok) return null;
  const written = m.tablesWritten(TABLES.commitments.sheet, TABLES.facts.sheet, TABLES.rates.sheet);
  const pivot = outcome.pivot.created
    ? m.pivotMade(
        SUMMARY_PIVOT.sheet,
        SUMMARY_PIVOT.dataField,
        SUMMARY_PIVOT.rowField,
        SUMMARY_PIVOT.columnField
      )
    : m.pivotNotMade(SUMMARY_PIVOT.sheet, outcome.pivot.reason);
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>
          {outcome.action === "load" ? m.dataLoaded : m.changesApplied}
        </MessageBarTitle>
        {written} {pivot}
        {outcome.chart?.created === true
          ? m.chartMade
          : outcome.chart
            ? m.chartNotMade(outcome.chart.reason)
            : ""}
      </MessageBarBody>
    </MessageBar>
  );
}
