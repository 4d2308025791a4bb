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
import { type AidLedger, messageOf, messages, searchRecords } from "../domain";
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

/** The cards' actions (insert a record's AIDSOURCE, show its row), one outcome at a time. */
function useCardActions() {
  const actions = usePaneActions();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (what: () => Promise<string>, failure: () => string) => {
    setOutcome(null);
    try {
      setOutcome({ ok: true, message: await what() });
    } catch (e) {
      setOutcome({ ok: false, message: `${failure()}: ${messageOf(e)}` });
    }
  };
  const insertSource = (id: string) =>
    run(
      async () => {
        const formula = `=AIDSOURCE("${id}")`;
        const result = await actions.insertFormula(formula, { overwrite: false });
        return result.inserted
          ? messages().insertedFormula(formula, result.address)
          : messages().selectEmptyCell(result.address, result.occupiedBy);
      },
      () => messages().couldNotInsertSource(id)
    );
  const show = (id: string) =>
    run(
      async () => {
        await actions.showRecord(id);
        return messages().selectedInCommitments(id);
      },
      () => messages().couldNotShow(id)
    );
  return { outcome, setOutcome, insertSource, show };
}

/** The status line: a hint before anything is typed, then how many records match. */
function searchStatus(query: string, found: number): string {
  const m = messages();
  const typed = query.trim();
  if (typed === "") return m.searchHint;
  return found === 0 ? m.noRecordMatches(typed) : m.recordsMatch(found, typed);
}

/**
 * Search: one box over recipients, places, themes, evidence phrases and notes; each hit a compact
 * card with "Insert AIDSOURCE" (the record's source formula into the selected cell) and "Show in
 * Commitments" (its row selected). One outcome at a time.
 */
export function SearchTab({ ledger }: SearchTabProps) {
  const styles = useStyles();
  const headingId = useId();
  const m = messages();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => searchRecords(ledger, deferred, undefined, m), [ledger, deferred, m]);
  const { outcome, setOutcome, insertSource, show } = useCardActions();
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        {m.searchHeading}
      </Subtitle2>
      <Input
        type="search"
        className={styles.box}
        aria-label={m.searchLabel}
        placeholder={m.searchPlaceholder}
        value={query}
        onChange={(_, d) => {
          setQuery(d.value);
          setOutcome(null);
        }}
      />
      <Body1 role="status">{searchStatus(deferred, hits.length)}</Body1>
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
        <ul className={styles.list} aria-label={m.searchResults}>
          {hits.map((h) => (
            <li key={h.card.id}>
              <RecordCardView
                card={h.card}
                actions={
                  <>
                    <CardButton
                      label={m.insertSource}
                      record={h.card.id}
                      onClick={() => void insertSource(h.card.id)}
                    />
                    <CardButton
                      label={m.showInCommitments}
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
