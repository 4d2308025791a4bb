import { createContext, useContext } from "react";
import type {
  BriefingCell,
  CalculationMode,
  FormulaExplanation,
  InsertResult,
  SheetFormula,
} from "../domain";
import type { LedgerSession, SessionState } from "./session/ledgerSession";

export type { InsertResult };

/** What "Make a briefing copy" did. */
export type BriefingResult =
  | {
      readonly made: true;
      /** The copy's sheet and its Sources sheet, as named in the workbook. */
      readonly sheet: string;
      readonly sourcesSheet: string;
      /** AID formulas replaced by their values. */
      readonly formulas: number;
    }
  | { readonly made: false; readonly reason: string };

/** The active cell's explanation, or why there is none. */
export type SelectionExplanation =
  | { readonly kind: "explained"; readonly explanation: FormulaExplanation }
  /** The cell holds no AID formula (and is in no AID spill): the pane shows its hint. */
  | { readonly kind: "none"; readonly address: string | null };

/**
 * What the pane's features need from the workbook and the session, beyond the data (DataActions).
 * The integrator implements it over the session's sheet features; the components get it from
 * PaneWorkbookContext (usePaneActions); tests use a fake. Every method may reject when the
 * workbook cannot be reached: the components show the rejection's message.
 */
export interface PaneActions {
  /**
   * Puts `formula` (as written here, without namespace: "=AIDTOTAL(\"Africa\",2016)") into the active
   * cell; the implementation adds the namespace prefix when the add-in was built with one. When
   * the cell is not empty and `overwrite` is false, writes nothing and says what the cell holds
   * (its formula, else its value as text), so the pane can ask before overwriting.
   */
  insertFormula(formula: string, options: { readonly overwrite: boolean }): Promise<InsertResult>;

  /** Activates the Commitments sheet and selects the row of the record with this id. Rejects when there is none. */
  showRecord(id: string): Promise<void>;

  /**
   * Explains the active cell's AID formula: its formula (for a cell inside an AIDLIST spill, the
   * spill anchor's formula, with `anchor` set), the values of the cells its arguments refer to,
   * then explainFormula(ledger, formula, values, { cell, anchor }, { status }).
   */
  explainSelection(): Promise<SelectionExplanation>;

  /** Calls back when the selection moves; resolves to a function that stops watching. */
  watchSelection(onChange: () => void): Promise<() => Promise<void>>;

  /**
   * Every AID formula on the active sheet (anchors only), with the values of the cells its
   * arguments refer to: for the refresh diff's "totals on this sheet that would change".
   */
  sheetFormulas(): Promise<readonly SheetFormula[]>;

  /**
   * Reads the active sheet's used range as BriefingCells, plans the copy with
   * planBriefing(cells, ledger, status, sheetName), then copies the sheet (worksheet.copy), writes
   * the plan's values over its AID cells and adds a Sources sheet. Nothing in the original
   * changes. Resolves { made: false, reason } when the sheet holds no AID formula or the host
   * cannot copy a sheet.
   */
  makeBriefingCopy(): Promise<BriefingResult>;

  /** The one-line status of the data the functions answer from (LedgerStore.status()). */
  dataStatus(): string;
}

/**
 * What the Data tab needs of the session: its state, load, refresh, re-read, the published
 * edition, Excel's calculation mode and the repair of AID cells (see LedgerSession, its features
 * and its environment). Every method goes through the session's queue.
 */
export interface DataActions {
  readonly snapshot: SessionState;
  subscribe(listener: (s: SessionState) => void): () => void;
  readonly load: LedgerSession["load"];
  readonly prepare: LedgerSession["prepare"];
  readonly apply: LedgerSession["apply"];
  readonly reread: LedgerSession["reread"];
  readonly checkPublished: LedgerSession["checkPublished"];
  checkCalculationMode(): Promise<CalculationMode | null>;
  repairAidCells(): Promise<string>;
}

/**
 * The pane's one way to the workbook: App provides it, every component below takes the part it
 * needs (usePaneActions, useDataActions). No component is handed the session itself.
 */
export interface PaneWorkbook {
  readonly data: DataActions;
  readonly actions: PaneActions;
}

export const PaneWorkbookContext = createContext<PaneWorkbook | null>(null);

function usePaneWorkbook(): PaneWorkbook {
  const workbook = useContext(PaneWorkbookContext);
  if (!workbook)
    throw new Error(
      "The pane's workbook is missing: render the component inside App or PaneWorkbookContext"
    );
  return workbook;
}

/** Insert, explain, show a record, the sheet's formulas, the briefing copy. */
export function usePaneActions(): PaneActions {
  return usePaneWorkbook().actions;
}

/** The session's state, load, refresh, re-read, calculation mode and repair, for the Data tab. */
export function useDataActions(): DataActions {
  return usePaneWorkbook().data;
}

export type { BriefingCell };
