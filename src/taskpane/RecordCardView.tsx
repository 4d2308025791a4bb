import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { RecordCard } from "../domain";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  title: { margin: 0 },
  evidence: { fontStyle: "italic" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface RecordCardViewProps {
  readonly card: RecordCard;
  /** Extra lines between the facts and the actions. */
  readonly children?: ReactNode;
  /** The card's buttons. */
  readonly actions?: ReactNode;
}

/**
 * One record as a compact card that fits a 320 px pane: where and how much as its heading, then
 * what and when, the evidence phrase and its document. An article named by the record's id.
 */
export function RecordCardView({ card, children, actions }: RecordCardViewProps) {
  const styles = useStyles();
  return (
    <article className={styles.card} aria-label={card.id}>
      <Body1Strong as="h3" className={styles.title}>
        {card.where}
        {card.howMuch && (
          <>
            {": "}
            <span
              title={
                card.howMuchExact && card.howMuchExact !== card.howMuch
                  ? card.howMuchExact
                  : undefined
              }
            >
              {card.howMuch}
            </span>
          </>
        )}
      </Body1Strong>
      <Body1>
        {card.what} · {card.when}
        {card.deliverable && (
          <>
            {" · "}
            <span lang="en">{card.deliverable}</span>
          </>
        )}
      </Body1>
      {/* The source's own words and title are English data: lang says so. */}
      <Body1 className={styles.evidence} lang="en">
        “{card.evidence}”
      </Body1>
      <Caption1>
        <span lang="en">{card.source}</span> · <span>{card.id}</span>
      </Caption1>
      {children}
      {actions && <div className={styles.actions}>{actions}</div>}
    </article>
  );
}

/** A button of a card, named for its record so screen readers tell the cards' buttons apart. */
export function CardButton({
  label,
  record,
  onClick,
}: {
  readonly label: string;
  readonly record: string;
  readonly onClick: () => void;
}) {
  return (
    <Button size="small" aria-label={`${label}: ${record}`} onClick={onClick}>
      {label}
    </Button>
  );
}
