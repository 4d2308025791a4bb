import {
  Body1,
  Body1Strong,
  Button,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  type AidLedger,
  type AnswerChange,
  type DatasetDiff,
  type FixedAddressCheck,
  type LostUserValue,
  answersThatChange,
  fixedAddressText,
  compareDocumentRates,
  isEmptyDiff,
  lostUserValueText,
} from "../domain";
import { messageOf } from "../domain";
import { usePaneActions } from "./paneActions";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface ChangesReviewProps {
  readonly diff: DatasetDiff;
  /** The user's own values that applying would delete with their records' rows. */
  readonly lostUserValues?: readonly LostUserValue[];
  /** The ledger the functions answer from now, and the one applying would bring. */
  readonly before: AidLedger;
  readonly after: AidLedger;
  /** The user's formulas that name a table's rows by a fixed address the new rows fall outside. */
  readonly fixedAddresses?: FixedAddressCheck;
  /** True while a write runs: Apply cannot be pressed again. */
  readonly busy: boolean;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

type SheetImpact =
  | { readonly kind: "reading" }
  | { readonly kind: "read"; readonly changes: readonly AnswerChange[]; readonly formulas: number }
  | { readonly kind: "failed"; readonly message: string };

/**
 * What applying a checked source would change, to confirm or cancel: records added, removed and
 * changed field by field; the document rates it moves (which change every conversion of those
 * documents); and the AID answers on the active sheet that would change.
 */
export function ChangesReview({
  diff,
  lostUserValues = [],
  before,
  after,
  fixedAddresses,
  busy,
  onApply,
  onCancel,
}: ChangesReviewProps) {
  const styles = useStyles();
  const actions = usePaneActions();
  const empty = isEmptyDiff(diff);
  const rates = compareDocumentRates(before, after);
  const [impact, setImpact] = useState<SheetImpact>({ kind: "reading" });
  useEffect(() => {
    let current = true;
    actions.sheetFormulas().then(
      (formulas) =>
        current &&
        setImpact({
          kind: "read",
          changes: answersThatChange(formulas, before, after),
          formulas: formulas.length,
        }),
      (e: unknown) =>
        current &&
        setImpact({
          kind: "failed",
          message: `Could not read this sheet's formulas: ${messageOf(e)}`,
        })
    );
    return () => {
      current = false;
    };
  }, [actions, before, after]);
  return (
    <section role="region" aria-label="Changes" className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h3">
        Changes
      </Subtitle2>
      <Body1 block>
        {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed,{" "}
        {diff.unchanged} unchanged
      </Body1>
      {empty && <Body1 block>No changes. Applying rewrites the tables with the same data.</Body1>}
      {(
        [
          ["Added", diff.added],
          ["Removed", diff.removed],
        ] as const
      ).map(([title, records]) =>
        records.length === 0 ? null : (
          <div key={title}>
            <Body1Strong>{title}</Body1Strong>
            <ul className={styles.list} aria-label={title}>
              {records.map((r) => (
                <li key={r.id}>{r.id}</li>
              ))}
            </ul>
          </div>
        )
      )}
      {lostUserValues.length > 0 && (
        <div>
          <Body1Strong>Your values that go with removed records</Body1Strong>
          <ul className={styles.list} aria-label="Your values that go with removed records">
            {lostUserValues.map((lost) => (
              <li key={`${lost.table}|${lost.key}|${lost.column}`}>{lostUserValueText(lost)}</li>
            ))}
          </ul>
        </div>
      )}
      {diff.changed.length > 0 && (
        <div>
          <Body1Strong>Changed</Body1Strong>
          <ul className={styles.list} aria-label="Changed">
            {diff.changed.map((c) => (
              <li key={c.id}>
                {c.id}
                <ul className={styles.list}>
                  {c.changes.map((f) => (
                    <li key={f.field}>
                      {f.field}: {valueText(f.from)} → {valueText(f.to)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {rates.length > 0 && (
        <div>
          <Body1Strong>Rates</Body1Strong>
          <ul className={styles.list} aria-label="Rates that change">
            {rates.map((r) => (
              <li key={r.document}>{r.sentence}</li>
            ))}
          </ul>
        </div>
      )}
      {fixedAddresses?.kind === "failed" && (
        <Body1 block>
          Could not check the workbook&apos;s formulas for fixed addresses: {fixedAddresses.reason}
        </Body1>
      )}
      {fixedAddresses?.kind === "checked" && fixedAddresses.found.length > 0 && (
        <div>
          <Body1Strong>Formulas that will miss the new rows</Body1Strong>
          <ul className={styles.list} aria-label="Formulas that will miss the new rows">
            {fixedAddresses.found.map((f) => (
              <li key={`${f.cell} ${f.reference}`}>{fixedAddressText(f)}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <Body1Strong>Answers on this sheet</Body1Strong>
        {impact.kind === "reading" && <Body1 block>Reading this sheet’s AID formulas…</Body1>}
        {impact.kind === "failed" && <Body1 block>{impact.message}</Body1>}
        {impact.kind === "read" &&
          (impact.changes.length === 0 ? (
            <Body1 block>
              {impact.formulas === 0
                ? "This sheet has no AID formula."
                : `None of this sheet’s ${impact.formulas} AID ${impact.formulas === 1 ? "formula changes" : "formulas change"}.`}
            </Body1>
          ) : (
            <ul className={styles.list} aria-label="Answers that change">
              {impact.changes.map((c) => (
                <li key={c.address}>{c.text}</li>
              ))}
            </ul>
          ))}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={onApply}>
          Apply changes
        </Button>
        <Button disabledFocusable={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

/** A field's value as the user typed it in a file: empty shown as such, text as is. */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  return typeof value === "string" ? value : JSON.stringify(value);
}
