import {
  Body1,
  Body1Strong,
  Button,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { type DatasetDiff, isEmptyDiff } from "../domain";

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
  /** True while a write runs: Apply cannot be pressed again. */
  readonly busy: boolean;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

/** What applying a checked source would change, record by record and field by field, to confirm or cancel. */
export function ChangesReview({ diff, busy, onApply, onCancel }: ChangesReviewProps) {
  const styles = useStyles();
  const empty = isEmptyDiff(diff);
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
