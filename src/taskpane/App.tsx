import { makeStyles, Tab, TabList, Title2, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { FUNCTIONS, type LedgerStore } from "../domain";
import { DataTab } from "./DataTab";
import { ExplainTab } from "./ExplainTab";
import { FormulaBuilder } from "./FormulaBuilder";
import { FunctionCatalog } from "./FunctionCatalog";
import { type DataActions, type PaneActions, PaneWorkbookContext } from "./paneActions";
import { PaneErrors } from "./PaneErrors";
import { SearchTab } from "./SearchTab";
import { useLedger, useSessionState } from "./usePaneState";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    // A real task pane is 320-350 px: children shrink to it instead of widening it.
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  title: { margin: 0 },
  tabs: { flexWrap: "wrap" },
  panel: { minWidth: 0 },
});

export interface AppProps {
  /** The ledger the custom functions answer from; the pane shows what it holds and follows replacements. */
  readonly store: LedgerStore;
  /** Load, refresh, re-read and edits: the workbook's data (createDataActions over the session). */
  readonly data: DataActions;
  /** Insert, explain, show a record, the sheet's formulas, the briefing copy. */
  readonly actions: PaneActions;
}

const TABS = [
  { value: "data", label: "Data" },
  { value: "build", label: "Build" },
  { value: "search", label: "Search" },
  { value: "explain", label: "Explain" },
  { value: "functions", label: "Functions" },
] as const;

type PaneTab = (typeof TABS)[number]["value"];

/**
 * The task pane: Data (status, load, refresh, edits, briefing copy), Build (pick a formula and
 * see its answer), Search (the records), Explain (the active cell's AID formula) and Functions
 * (the catalogue). Every tab stays mounted, so a checked refresh survives a look at another tab;
 * hidden tabs are out of the accessibility tree.
 */
export function App({ store, data, actions }: AppProps) {
  const styles = useStyles();
  const ids = useId();
  const ledger = useLedger(store);
  const state = useSessionState(data);
  const workbook = useMemo(() => ({ data, actions }), [data, actions]);
  const [tab, setTab] = useState<PaneTab>("data");
  const tabId = (value: PaneTab) => `${ids}-tab-${value}`;
  const panelId = (value: PaneTab) => `${ids}-panel-${value}`;
  const panel = (value: PaneTab) => ({
    role: "tabpanel",
    id: panelId(value),
    "aria-labelledby": tabId(value),
    hidden: tab !== value,
    className: styles.panel,
  });
  return (
    <PaneWorkbookContext.Provider value={workbook}>
      <main className={styles.root}>
        <Title2 as="h1" className={styles.title}>
          Aid Ledger
        </Title2>
        <PaneErrors />
        <TabList
          aria-label="Aid Ledger"
          className={styles.tabs}
          size="small"
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
          <DataTab state={state} ledger={ledger} />
        </div>
        <div {...panel("build")}>
          <FormulaBuilder ledger={ledger} />
        </div>
        <div {...panel("search")}>
          <SearchTab ledger={ledger} />
        </div>
        <div {...panel("explain")}>
          <ExplainTab ledger={ledger} active={tab === "explain"} />
        </div>
        <div {...panel("functions")}>
          <FunctionCatalog functions={FUNCTIONS} />
        </div>
      </main>
    </PaneWorkbookContext.Provider>
  );
}
