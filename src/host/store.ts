import { LedgerStore, loadBundledLedger } from "../domain";

/**
 * The ledger the custom functions answer from. One instance per runtime: the task pane shares it
 * (webpack builds the task pane entry on top of the functions entry), so when the pane loads a
 * refreshed dataset with `ledgerStore.replace(ledger)`, the next recalculation answers from it.
 * The bundled dataset is loaded on the first function call, not at start-up. Inside Excel it
 * starts "waiting": the session's start() says whether the workbook's own tables are to be read.
 */
export const ledgerStore = new LedgerStore(loadBundledLedger, {
  // Inside Excel the functions may run before the pane's session has read the workbook (a saved
  // workbook's streaming cells restart on open; office-js #2220): they wait until it knows.
  waiting: typeof CustomFunctions !== "undefined" && typeof Office !== "undefined",
});
