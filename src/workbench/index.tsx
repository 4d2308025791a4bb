/**
 * The workbench page (/workbench.html on the dev server; never in the production build): the real
 * task pane on the right, over a WorkbookPort backed by a HyperFormula workbook on the left, where
 * the AID functions answer from the same ledger the pane loads. For machines without Excel.
 */
import { createRoot } from "react-dom/client";
import { LedgerStore, bundledReference, bundledRows, loadBundledLedger } from "../domain";
import { mountPane } from "../taskpane/mountPane";
import { fetchDatasetText } from "../taskpane/session/fetchDataset";
import { LedgerSession } from "../taskpane/session/ledgerSession";
import { createAidEngine, refreshAidEngine } from "../tooling/hyperformula/aidFunctionPlugin";
import { Spreadsheet } from "./spreadsheet";
import { createTestApi } from "./testApi";
import { Workbench } from "./Workbench";
import { WorkbenchWorkbook } from "./workbenchWorkbook";

declare const AID_LEDGER_VERSION: string;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`workbench.html has no #${id}`);
  return found;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function start(): void {
  // The ledger the AID functions answer from: the pane replaces it after a load or a refresh.
  const store = new LedgerStore(loadBundledLedger);
  const engine = createAidEngine(() => store.current(), { Sheet1: [] });
  const spreadsheet = new Spreadsheet(engine);
  const recalculate = () => {
    refreshAidEngine(engine);
    spreadsheet.changed();
  };
  store.subscribe(recalculate);

  const session = new LedgerSession({
    port: new WorkbenchWorkbook({ spreadsheet, recalculate }),
    store,
    reference: bundledReference(),
    bundledRows,
    version: typeof AID_LEDGER_VERSION === "string" ? AID_LEDGER_VERSION : "dev",
    fetchText: (url) => fetchDatasetText(url),
  });

  createRoot(element("spreadsheet")).render(<Workbench spreadsheet={spreadsheet} />);
  mountPane(element("pane"), { session, store });
  const started = session.start().then(nextFrame);
  started.catch((e: unknown) => console.error("The task pane's session did not start:", e));
  window.aidWorkbench = createTestApi(spreadsheet, started);
}

start();
