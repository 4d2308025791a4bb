import type { LedgerStore } from "../domain";
import type { PaneActions } from "./paneActions";
import type { LedgerSession } from "./session/ledgerSession";

/**
 * The pane's actions over its LedgerSession: every one goes through the session's queue, so none
 * overlaps a load, a refresh or the intake of an edit. Used in Excel and in the workbench alike.
 */
export function createPaneActions(session: LedgerSession, store: LedgerStore): PaneActions {
  return {
    insertFormula: (formula, { overwrite }) => session.insertFormula(formula, { overwrite }),
    async showRecord(id) {
      if (!(await session.showRecord(id)))
        throw new Error(`the Commitments table has no record ${id}`);
    },
    async explainSelection() {
      const { explanation, address } = await session.explainActiveCell();
      return explanation ? { kind: "explained", explanation } : { kind: "none", address };
    },
    watchSelection: (onChange) => session.watchSelection(onChange),
    sheetFormulas: () => session.sheetFormulas(),
    makeBriefingCopy: () => session.makeBriefingCopy(),
    dataStatus: () => store.status(),
  };
}
