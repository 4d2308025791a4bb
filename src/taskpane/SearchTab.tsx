import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Input,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { type AidLedger, searchRecords } from "../domain";
import { messageOf } from "../domain";
import { usePaneActions } from "./paneActions";
import { CardButton, RecordCardView } from "./RecordCardView";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  box: { width: "100%", maxWidth: "100%" },
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

export interface SearchTabProps {
  readonly ledger: AidLedger;
}

type Outcome = { readonly ok: boolean; readonly message: string };

/**
 * Search: one box over recipients, places, themes, evidence phrases and notes; each hit a compact
 * card with "Insert AIDSOURCE" (the record's source formula into the selected cell) and "Show in
 * Commitments" (its row selected). One outcome at a time.
 */
export function SearchTab({ ledger }: SearchTabProps) {
  const styles = useStyles();
  const headingId = useId();
  const actions = usePaneActions();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => searchRecords(ledger, deferred), [ledger, deferred]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (what: () => Promise<string>, failure: string) => {
    setOutcome(null);
    try {
      setOutcome({ ok: true, message: await what() });
    } catch (e) {
      setOutcome({ ok: false, message: `${failure}: ${messageOf(e)}` });
    }
  };
  const insertSource = (id: string) =>
    run(async () => {
      const formula = `=AIDSOURCE("${id}")`;
      const result = await actions.insertFormula(formula, { overwrite: false });
      return result.inserted
        ? `Inserted ${formula} into ${result.address}.`
        : `${result.address} already holds ${result.occupiedBy}; select an empty cell and insert again.`;
    }, `Could not insert the source of ${id}`);
  const show = (id: string) =>
    run(async () => {
      await actions.showRecord(id);
      return `Selected ${id} in Commitments.`;
    }, `Could not show ${id}`);

  const found = deferred.trim() === "" ? null : hits.length;
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        Search the records
      </Subtitle2>
      <Input
        type="search"
        className={styles.box}
        aria-label="Search records"
        placeholder="patrol, UNODC, Viet Nam, drugs…"
        value={query}
        onChange={(_, d) => {
          setQuery(d.value);
          setOutcome(null);
        }}
      />
      <Body1 role="status">
        {found === null
          ? "Search recipients, places, themes, evidence phrases and notes."
          : found === 0
            ? `No record matches “${deferred.trim()}”.`
            : `${found} ${found === 1 ? "record matches" : "records match"} “${deferred.trim()}”.`}
      </Body1>
      {outcome && (
        <MessageBar
          intent={outcome.ok ? "success" : "error"}
          layout="multiline"
          role={outcome.ok ? "status" : "alert"}
        >
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {hits.length > 0 && (
        <ul className={styles.list} aria-label="Search results">
          {hits.map((h) => (
            <li key={h.card.id}>
              <RecordCardView
                card={h.card}
                actions={
                  <>
                    <CardButton
                      label="Insert AIDSOURCE"
                      record={h.card.id}
                      onClick={() => void insertSource(h.card.id)}
                    />
                    <CardButton
                      label="Show in Commitments"
                      record={h.card.id}
                      onClick={() => void show(h.card.id)}
                    />
                  </>
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
