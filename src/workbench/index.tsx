/**
 * The workbench page (/workbench.html on the dev server; never in the production build): the real
 * task pane on the right, running the shipped Excel adapter (ExcelWorkbook) against a model of the
 * Excel JavaScript API (src/tooling/excelModel) whose workbook the grid on the left shows. The AID
 * functions answer there from the same ledger the pane loads, as streaming functions: every AID
 * cell shows the new answer when the ledger changes. For machines without Excel.
 */
import { createRoot } from "react-dom/client";
import { LedgerStore, bundledReference, bundledRows, loadBundledLedger } from "../domain";
import { mountPane } from "../taskpane/mountPane";
import { fetchDatasetText } from "../taskpane/session/fetchDataset";
import { LedgerSession } from "../taskpane/session/ledgerSession";
import { ExcelWorkbook } from "../host/excel/excelWorkbook";
import { ExcelModel } from "../tooling/excelModel";
import { Spreadsheet } from "./spreadsheet";
import { createTestApi } from "./testApi";
import { Workbench } from "./Workbench";
import { makePaneResizable } from "./splitter";

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
  const model = new ExcelModel({ ledger: store, sheets: ["Sheet1"] });
  const spreadsheet = new Spreadsheet(model);
  const port = new ExcelWorkbook({ run: model.run, supports: model.supports });
  const newSession = () =>
    new LedgerSession({
      // What createExcelWorkbook builds in Excel, with the model's run and supports.
      port,
      store,
      reference: bundledReference(),
      bundledRows,
      version: typeof AID_LEDGER_VERSION === "string" ? AID_LEDGER_VERSION : "dev",
      fetchText: (url) => fetchDatasetText(url),
    });

  createRoot(element("spreadsheet")).render(<Workbench spreadsheet={spreadsheet} />);
  const session = newSession();
  // What Office.context.displayLanguage would give ("ja-JP"): ?displayLanguage=ja-JP in the address.
  const displayLanguage = new URLSearchParams(window.location.search).get("displayLanguage");
  let pane = mountPane(element("pane"), { session, store, displayLanguage });
  makePaneResizable(element("splitter"), element("pane"));
  const started = session.start().then(nextFrame);
  started.catch((e: unknown) => console.error("The task pane's session did not start:", e));
  /**
   * Save and reopen: a new runtime, whose store waits until its session has read the workbook
   * (the streaming cells restart first, as in Excel), and a new pane and session over the same
   * workbook. Resolves when that session has started.
   */
  const reopen = async () => {
    pane.unmount();
    store.awaitWorkbook();
    model.user.reopen();
    const reopened = newSession();
    pane = mountPane(element("pane"), { session: reopened, store, displayLanguage });
    await reopened.start();
    await nextFrame();
  };
  window.aidWorkbench = createTestApi(spreadsheet, started, { reopen });
}

start();
