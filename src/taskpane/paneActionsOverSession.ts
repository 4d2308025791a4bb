import { type LedgerStore, TABLES, messages } from "../domain";
import type { DataActions, PaneActions } from "./paneActions";
import type { LedgerSession } from "./session/ledgerSession";

/**
 * The pane's actions over its LedgerSession: every one goes through the session's queue, so none
 * overlaps a load, a refresh or the intake of an edit. Used in Excel and in the workbench alike.
 */
export function createPaneActions(session: LedgerSession, store: LedgerStore): PaneActions {
  return {
    insertFormula: (formula, { overwrite }) =>
      session.features.insertFormula(formula, { overwrite }),
    async showRecord(id) {
      if (!(await session.features.showRecord(id)))
        throw new Error(messages().noRecordInTable(TABLES.commitments.sheet, id));
    },
    async explainSelection() {
      const { explanation, address } = await session.features.explainActiveCell();
      return explanation ? { kind: "explained", explanation } : { kind: "none", address };
    },
    watchSelection: (onChange) => session.features.watchSelection(onChange),
    sheetFormulas: () => session.features.sheetFormulas(),
    makeBriefingCopy: () => session.features.makeBriefingCopy(),
    dataStatus: () => store.status(),
  };
}

/** The Data tab's actions over the session, its sheet features and its environment. */
export function createDataActions(session: LedgerSession): DataActions {
  return {
    get snapshot() {
      return session.snapshot;
    },
    subscribe: (listener) => session.subscribe(listener),
    load: (onProgress) => session.load(onProgress),
    prepare: (source, options) => session.prepare(source, options),
    apply: (prepared, onProgress, options) => session.apply(prepared, onProgress, options),
    reread: () => session.reread(),
    checkPublished: () => session.checkPublished(),
    checkCalculationMode: () => session.environment.checkCalculationMode(),
    repairAidCells: () => session.features.repairAidCells(),
  };
}
