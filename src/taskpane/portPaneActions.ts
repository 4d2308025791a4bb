import {
  type LedgerStore,
  type SheetCell,
  type WorkbookPort,
  explainFormula,
  formulaReferences,
} from "../domain";
import type { PaneActions } from "./paneActions";
import type { LedgerSession } from "./session/ledgerSession";

function occupant(formula: string | null, value: SheetCell): string | null {
  if (formula) return formula;
  if (value === null || value === "") return null;
  return String(value);
}

/**
 * PaneActions over today's WorkbookPort, until the session implements them: insert (asking
 * before overwriting), explain (the active cell's own formula: the port cannot find a spill's
 * anchor) and the status. Showing a record, the sheet's formulas and the briefing copy need the
 * new workbook adapter: they say so.
 */
export function createPortPaneActions(port: WorkbookPort, store: LedgerStore): PaneActions {
  return {
    async insertFormula(formula, { overwrite }) {
      const selection = await port.getSelection();
      if (!overwrite) {
        const [value] = await port.readCells([selection.address]);
        const held = occupant(selection.formula, value ?? null);
        if (held !== null) return { inserted: false, occupiedBy: held, address: selection.address };
      }
      await port.insertFormula(formula);
      return { inserted: true, address: selection.address };
    },
    showRecord() {
      return Promise.reject(
        new Error("showing a record in Commitments needs a newer version of the add-in")
      );
    },
    async explainSelection() {
      const selection = await port.getSelection();
      if (!selection.formula) return { kind: "none", address: selection.address };
      const refs = formulaReferences(selection.formula);
      const values = refs.length ? await port.readCells(refs) : [];
      const explanation = explainFormula(
        store.current(),
        selection.formula,
        new Map(refs.map((r, i) => [r, values[i] ?? null])),
        { cell: selection.address },
        { status: store.status() }
      );
      return explanation
        ? { kind: "explained", explanation }
        : { kind: "none", address: selection.address };
    },
    watchSelection(onChange) {
      return port.watchSelection(onChange);
    },
    sheetFormulas() {
      return Promise.resolve([]);
    },
    makeBriefingCopy() {
      return Promise.resolve({
        made: false,
        reason: "Making a briefing copy needs a newer version of the add-in.",
      });
    },
    dataStatus() {
      return store.status();
    },
  };
}

/**
 * PaneActions over a LedgerSession alone (the workbench until it passes its own): insert without
 * asking (the session cannot read the cell), explain from the session's reading of the cell.
 */
export function createSessionPaneActions(session: LedgerSession, store: LedgerStore): PaneActions {
  return {
    async insertFormula(formula) {
      await session.insertFormula(formula);
      return { inserted: true, address: "the selected cell" };
    },
    showRecord() {
      return Promise.reject(
        new Error("showing a record in Commitments needs a newer version of the add-in")
      );
    },
    async explainSelection() {
      const { explanation } = await session.explainSelection();
      if (!explanation) return { kind: "none", address: null };
      // The session substituted the referenced cells' values into the call: explain that call.
      const e = explainFormula(
        store.current(),
        `=${explanation.call}`,
        new Map(),
        {},
        {
          status: store.status(),
        }
      );
      return e ? { kind: "explained", explanation: e } : { kind: "none", address: null };
    },
    watchSelection(onChange) {
      return session.watchSelection(onChange);
    },
    sheetFormulas() {
      return Promise.resolve([]);
    },
    makeBriefingCopy() {
      return Promise.resolve({
        made: false,
        reason: "Making a briefing copy needs a newer version of the add-in.",
      });
    },
    dataStatus() {
      return store.status();
    },
  };
}
