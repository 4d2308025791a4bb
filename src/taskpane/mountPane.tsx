import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { type LedgerStore, languageOf, setLanguage } from "../domain";
import { App } from "./App";
import type { PaneActions } from "./paneActions";
import { createDataActions, createPaneActions } from "./paneActionsOverSession";
import type { LedgerSession } from "./session/ledgerSession";

/** What the pane is built from: the session (behind the pane's one way to the workbook) and the store the functions answer from. */
export interface PaneDeps {
  readonly session: LedgerSession;
  readonly store: LedgerStore;
  /** The pane's other ways to the workbook (insert, explain, briefing copy); default: the session's. */
  readonly actions?: PaneActions;
  /**
   * Office's UI language (`Office.context.displayLanguage`, e.g. "ja-JP"): ja-* shows the pane in
   * Japanese, anything else (or none) in English. The switch in the pane changes it afterwards.
   */
  readonly displayLanguage?: string | null;
}

/**
 * Renders the task pane into a container. The Excel entry (index.tsx) and the workbench preview
 * both call this, each with its own WorkbookPort behind the session: the pane itself is the same.
 */
export function mountPane(container: HTMLElement, deps: PaneDeps): Root {
  setLanguage(languageOf(deps.displayLanguage ?? undefined));
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        store={deps.store}
        data={createDataActions(deps.session)}
        actions={deps.actions ?? createPaneActions(deps.session, deps.store)}
      />
    </FluentProvider>
  );
  return root;
}
