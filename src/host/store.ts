import { LedgerStore, loadBundledLedger } from "../domain";

/**
 * The ledger the custom functions answer from. One instance per runtime: the task pane shares it
 * (webpack builds the task pane entry on top of the functions entry), so when the pane loads a
 * refreshed dataset with `ledgerStore.replace(ledger)`, the next recalculation answers from it.
 * The bundled dataset is loaded on the first function call, not at start-up.
 */
export const ledgerStore = new LedgerStore(loadBundledLedger);
