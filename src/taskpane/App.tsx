import { makeStyles, Tab, TabList, Title2, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { FUNCTIONS, type LedgerStore } from "../domain";
import { DataTab } from "./DataTab";
import { ExplainTab } from "./ExplainTab";
import { FunctionCatalog } from "./FunctionCatalog";
import { PaneErrors } from "./PaneErrors";
import type { LedgerSession } from "./session/ledgerSession";
import { useLedger, useSessionState } from "./usePaneState";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  title: { margin: 0 },
});

export interface AppProps {
  /** The ledger the custom functions answer from; the pane shows what it holds and follows replacements. */
  readonly store: LedgerStore;
  /** Load, refresh, edits and explain: the pane's only way to the workbook. */
  readonly session: LedgerSession;
}

const TABS = [
  { value: "data", label: "Data" },
  { value: "explain", label: "Explain" },
  { value: "functions", label: "Functions" },
] as const;

type PaneTab = (typeof TABS)[number]["value"];

/**
 * The task pane: Data (load, refresh, edits), Explain (the active cell's AID formula) and
 * Functions (the catalogue). Every tab stays mounted, so a checked refresh survives a look at
 * another tab; hidden tabs are out of the accessibility tree.
 */
export function App({ store, session }: AppProps) {
  const styles = useStyles();
  const ids = useId();
  const ledger = useLedger(store);
  const state = useSessionState(session);
  const [tab, setTab] = useState<PaneTab>("data");
  const tabId = (value: PaneTab) => `${ids}-tab-${value}`;
  const panelId = (value: PaneTab) => `${ids}-panel-${value}`;
  const panel = (value: PaneTab) => ({
    role: "tabpanel",
    id: panelId(value),
    "aria-labelledby": tabId(value),
    hidden: tab !== value,
  });
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        Aid Ledger
      </Title2>
      <PaneErrors />
      <TabList
        aria-label="Aid Ledger"
        selectedValue={tab}
        selectTabOnFocus
        onTabSelect={(_, data) => setTab(data.value as PaneTab)}
      >
        {TABS.map((t) => (
          <Tab key={t.value} id={tabId(t.value)} value={t.value} aria-controls={panelId(t.value)}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div {...panel("data")}>
        <DataTab session={session} state={state} ledger={ledger} />
      </div>
      <div {...panel("explain")}>
        <ExplainTab session={session} ledger={ledger} active={tab === "explain"} />
      </div>
      <div {...panel("functions")}>
        <FunctionCatalog functions={FUNCTIONS} session={session} />
      </div>
    </main>
  );
}
