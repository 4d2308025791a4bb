import { bundledReference, bundledRows, messages } from "../domain";
import { createExcelWorkbook } from "../host/excel/excelWorkbook";
import { ledgerStore } from "../host/store";
import { mountPane } from "./mountPane";
import { reportPaneError } from "./paneErrors";
import { createPaneActions } from "./paneActionsOverSession";
import { LedgerSession } from "./session/ledgerSession";
import { requirementsMessage } from "./requirements";

declare const AID_LEDGER_VERSION: string;
declare const AID_NAMESPACE: string;

/** Wires the pane to Excel: the Excel adapter behind the session, the functions' shared store. */
function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const session = new LedgerSession({
    port: createExcelWorkbook(),
    store: ledgerStore,
    reference: bundledReference(),
    bundledRows,
    version: typeof AID_LEDGER_VERSION === "string" ? AID_LEDGER_VERSION : "dev",
    // The downloader is its own chunk ("fetch", webpack.config.js LAZY_CHUNKS): loaded at the
    // first download from a web address, not at start.
    fetchText: async (url) => {
      const { fetchDatasetText } = await import(
        /* webpackChunkName: "fetch" */ "./session/fetchDataset"
      );
      return fetchDatasetText(url);
    },
    namespace: typeof AID_NAMESPACE === "string" ? AID_NAMESPACE : "",
    // Microsoft Learn, "Run code in your Office Add-in when the document opens": the runtime then
    // starts with this document (shared runtime), so its tables are read and watched before the
    // pane is opened. It takes effect from the next opening; the manifest needs nothing more.
    setLoadOnOpen: (on) =>
      Office.addin.setStartupBehavior(
        on ? Office.StartupBehavior.load : Office.StartupBehavior.none
      ),
  });
  mountPane(container, {
    session,
    store: ledgerStore,
    actions: createPaneActions(session, ledgerStore),
    // Microsoft Learn, "Localization for Office Add-ins": Context.displayLanguage is the locale of
    // the Office application's UI (e.g. "ja-JP"). Undefined outside Office (a plain browser).
    displayLanguage: typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined,
  });
  // A workbook that holds Aid Ledger data answers from its own tables from the start. Where the
  // workbook cannot be reached (no Excel), the pane says so instead of losing the rejection.
  session
    .start()
    .then(() => {
      const missing = requirementsMessage(
        (set, version) => Office.context.requirements.isSetSupported(set, version),
        Office.context.diagnostics?.version ?? null
      );
      if (missing) session.announce({ intent: "warning", message: missing });
    })
    .catch((e: unknown) => reportPaneError(messages().workbookUnreadable, e));
}

// Inside Office, wait until office.js is ready; in a plain browser (no Excel) the pane cannot reach a workbook.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady().then(start, start);
} else {
  start();
}
