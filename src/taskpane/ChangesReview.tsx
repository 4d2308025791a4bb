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
  type ReplacedEdit,
  answersThatChange,
  fixedAddressText,
  compareDocumentRates,
  isEmptyDiff,
  lostUserValueText,
} from "../domain";
import { currentLanguage, messageOf, messages } from "../domain";
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
  /** The user's edits not taken in (they have problems) that applying would replace. */
  readonly replacedEdits?: readonly ReplacedEdit[];
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
  replacedEdits = [],
  before,
  after,
  fixedAddresses,
  busy,
  onApply,
  onCancel,
}: ChangesReviewProps) {
  const styles = useStyles();
  const m = messages();
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
          get message() {
            return messages().sheetFormulasFailed(messageOf(e));
          },
        })
    );
    return () => {
      current = false;
    };
  }, [actions, before, after]);
  return (
    <section role="region" aria-label={m.changesRegion} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h3">
        {m.changesRegion}
      </Subtitle2>
      <Body1 block>
        {m.changeCounts(
          diff.added.length,
          diff.removed.length,
          diff.changed.length,
          diff.unchanged
        )}
      </Body1>
      {empty && <Body1 block>{m.noChanges}</Body1>}
      {(
        [
          [m.addedTitle, diff.added],
          [m.removedTitle, diff.removed],
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
      {replacedEdits.length > 0 && (
        <div>
          <Body1Strong>{m.replacedEditsTitle}</Body1Strong>
          <ul className={styles.list} aria-label={m.replacedEditsTitle}>
            {replacedEdits.map((edit) => (
              <li key={`${edit.line}|${edit.column}`}>{m.replacedEdit(edit)}</li>
            ))}
          </ul>
        </div>
      )}
      {lostUserValues.length > 0 && (
        <div>
          <Body1Strong>{m.lostValuesTitle}</Body1Strong>
          <ul className={styles.list} aria-label={m.lostValuesTitle}>
            {lostUserValues.map((lost) => (
              <li key={`${lost.table}|${lost.key}|${lost.column}`}>{lostUserValueText(lost)}</li>
            ))}
          </ul>
        </div>
      )}
      {diff.changed.length > 0 && (
        <div>
          <Body1Strong>{m.changedTitle}</Body1Strong>
          <ul className={styles.list} aria-label={m.changedTitle}>
            {diff.changed.map((c) => (
              <li key={c.id}>
                {c.id}
                <ul className={styles.list}>
                  {c.changes.map((f) => (
                    <li key={f.field}>
                      {f.field}: <FieldValue value={f.from} /> → <FieldValue value={f.to} />
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
          <Body1Strong>{m.ratesTitle}</Body1Strong>
          <ul className={styles.list} aria-label={m.ratesThatChange}>
            {rates.map((r) => (
              <li key={r.document}>{r.sentence}</li>
            ))}
          </ul>
        </div>
      )}
      {fixedAddresses?.kind === "failed" && (
        <Body1 block>{m.fixedAddressCheckFailed(fixedAddresses.reason)}</Body1>
      )}
      {fixedAddresses?.kind === "checked" && fixedAddresses.found.length > 0 && (
        <div>
          <Body1Strong>{m.missNewRowsTitle}</Body1Strong>
          <ul className={styles.list} aria-label={m.missNewRowsTitle}>
            {fixedAddresses.found.map((f) => (
              <li key={`${f.cell} ${f.reference}`}>{fixedAddressText(f)}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <Body1Strong>{m.answersOnSheet}</Body1Strong>
        {impact.kind === "reading" && <Body1 block>{m.readingSheetFormulas}</Body1>}
        {impact.kind === "failed" && <Body1 block>{impact.message}</Body1>}
        {impact.kind === "read" &&
          (impact.changes.length === 0 ? (
            <Body1 block>
              {impact.formulas === 0 ? m.noAidFormula : m.noAnswerChanges(impact.formulas)}
            </Body1>
          ) : (
            <ul className={styles.list} aria-label={m.answersThatChange}>
              {impact.changes.map((c) => (
                <li key={c.address}>{c.text}</li>
              ))}
            </ul>
          ))}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={onApply}>
          {m.applyChanges}
        </Button>
        <Button disabledFocusable={busy} onClick={onCancel}>
          {m.cancel}
        </Button>
      </div>
    </section>
  );
}

/**
 * A field's value as the user typed it in a file: empty shown as such, text as is. In the
 * Japanese pane, text without Japanese script is marked English (the records quote English
 * sources), so a screen reader reads it as English.
 */
function FieldValue({ value }: { readonly value: unknown }) {
  if (value === null || value === undefined || value === "") return <>{messages().emptyValue}</>;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const english = currentLanguage() === "ja" && !JAPANESE_SCRIPT.test(text);
  return english ? <span lang="en">{text}</span> : <>{text}</>;
}

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;
