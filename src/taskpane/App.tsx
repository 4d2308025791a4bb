import { makeStyles, Tab, TabList, Title2, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { FUNCTIONS, type LedgerStore, localeOf, type Messages } from "../domain";
import { DataTab } from "./DataTab";
import { ExplainTab } from "./ExplainTab";
import { FormulaBuilder } from "./FormulaBuilder";
import { FunctionCatalog } from "./FunctionCatalog";
import { type DataActions, type PaneActions, PaneWorkbookContext } from "./paneActions";
import { LanguageSwitch } from "./LanguageSwitch";
import { PaneErrors } from "./PaneErrors";
import { SearchTab } from "./SearchTab";
import { languageOfMessages, useMessages } from "./useLanguage";
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
    // Japanese breaks between any two characters, but not before 。、」 and the like (CSS Text 3).
    lineBreak: "strict",
  },
  footer: {
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
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
  { value: "data", label: (m: Messages) => m.tabData },
  { value: "build", label: (m: Messages) => m.tabBuild },
  { value: "search", label: (m: Messages) => m.tabSearch },
  { value: "explain", label: (m: Messages) => m.tabExplain },
  { value: "functions", label: (m: Messages) => m.tabFunctions },
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
  // Subscribed here, at the root: a change of language renders the whole pane again.
  const m = useMessages();
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
      <main className={styles.root} lang={localeOf(languageOfMessages(m))}>
        <Title2 as="h1" className={styles.title}>
          {m.appTitle}
        </Title2>
        <PaneErrors />
        <TabList
          aria-label={m.tabListLabel}
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          selectTabOnFocus
          onTabSelect={(_, data) => setTab(data.value as PaneTab)}
        >
          {TABS.map((t) => (
            <Tab key={t.value} id={tabId(t.value)} value={t.value} aria-controls={panelId(t.value)}>
              {t.label(m)}
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
        {/* Last in the pane, so the tabs and their controls come first in the Tab order. */}
        <footer className={styles.footer}>
          <LanguageSwitch />
        </footer>
      </main>
    </PaneWorkbookContext.Provider>
  );
}
