import { makeStyles, Title2, tokens } from "@fluentui/react-components";
import { useCallback, useSyncExternalStore } from "react";
import { FUNCTIONS, type LedgerStore } from "../domain";
import { DatasetSummary } from "./DatasetSummary";
import { FunctionCatalog } from "./FunctionCatalog";
import type { LedgerSession } from "./session/ledgerSession";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  /** The ledger the custom functions answer from; the pane shows what it holds and follows replacements. */
  readonly store: LedgerStore;
  /** Load, refresh, edits and explain: the pane's only way to the workbook. */
  readonly session: LedgerSession;
}

/** The task pane: the dataset the functions answer from, and the functions. */
export function App({ store }: AppProps) {
  const styles = useStyles();
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  const ledger = useSyncExternalStore(subscribe, () => store.current());
  return (
    <main className={styles.root}>
      <Title2 as="h1">Aid Ledger</Title2>
      <DatasetSummary ledger={ledger} />
      <FunctionCatalog functions={FUNCTIONS} />
    </main>
  );
}
