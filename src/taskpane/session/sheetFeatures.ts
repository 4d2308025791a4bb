import {
  type BriefingCell,
  type CellInput,
  type FormulaExplanation,
  type InsertResult,
  type LedgerStore,
  type NewSheetCell,
  type SelectionPort,
  type SheetFeaturesPort,
  type SheetFormula,
  TABLES,
  explainFormula,
  formulaReferences,
  hasAidCall,
  messages,
  planBriefing,
  withNamespace,
} from "../../domain";
import { cellIndex } from "../../domain/workbook/a1";

/** What the sheet features need: the active cell and sheet features of the workbook, and the data. */
export interface SheetFeaturesDeps {
  readonly port: SelectionPort & SheetFeaturesPort;
  readonly store: LedgerStore;
  /** The functions' namespace in this build ("" for none): formulas the pane inserts carry it. */
  readonly namespace?: string;
  /** How long the selection rests before the explain view is told (ms); tests pass 0. */
  readonly settleMs?: number;
}

/**
 * The session's sheet features: the active cell (explain, insert, go to a record), the active
 * sheet's AID formulas, the briefing copy and the repair of AID cells. Each runs in the session's
 * queue (`enqueue`), so none overlaps a load, a refresh or the intake of an edit.
 */
export class SheetFeatures {
  constructor(
    private readonly deps: SheetFeaturesDeps,
    private readonly enqueue: <T>(task: () => Promise<T>) => Promise<T>
  ) {}

  /**
   * Enters again every AID formula that shows #NAME? because the workbook was saved by an Excel
   * without the add-in (the error stays until the formula is re-entered: office-js #6355, #6611,
   * #4007, #5865), and says how many it repaired.
   */
  repairAidCells(): Promise<string> {
    return this.enqueue(async () => {
      const repaired = await this.deps.port.repairAidFormulas();
      if (repaired.length === 0) return messages().nothingToRepair;
      const shown = repaired.slice(0, 5).join(", ");
      return messages().aidCellsRepaired(repaired.length, shown, Math.max(0, repaired.length - 5));
    });
  }

  /**
   * Calls back when the workbook's selection moves (to refresh the explain view), once the
   * selection rests: a drag across cells is one call, not one read of the workbook per cell.
   */
  watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    let timer: ReturnType<typeof setTimeout> | null = null;
    return this.deps.port.watchSelection(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, this.deps.settleMs ?? 150);
    });
  }

  /**
   * The active cell's AID formula explained (a cell inside a spill: its anchor's formula), with the
   * values of the cells its arguments refer to; null when the cell holds none.
   */
  explainActiveCell(): Promise<{ explanation: FormulaExplanation | null; address: string }> {
    return this.enqueue(async () => {
      const selection = await this.deps.port.getSelection();
      if (!selection.formula) return { explanation: null, address: selection.address };
      const values = await this.referenceValues(selection.formula);
      const explanation = explainFormula(
        this.deps.store.current(),
        selection.formula,
        values,
        { cell: selection.address, anchor: selection.anchor ?? null },
        { status: this.deps.store.status() }
      );
      return { explanation, address: selection.address };
    });
  }

  /** The cells a formula's arguments refer to, read from the workbook. */
  private async referenceValues(formula: string): Promise<Map<string, CellInput>> {
    const refs = formulaReferences(formula);
    const values = refs.length ? await this.deps.port.readCells(refs) : [];
    return new Map(refs.map((r, i) => [r, values[i] ?? null]));
  }

  /** Every AID formula on the active sheet, with the values its arguments refer to (for the refresh diff). */
  sheetFormulas(): Promise<SheetFormula[]> {
    return this.enqueue(async () => {
      const sheet = await this.deps.port.readActiveSheet();
      const formulas: SheetFormula[] = [];
      for (const cell of sheet.cells) {
        if (!cell.formula || !hasAidCall(cell.formula)) continue;
        formulas.push({
          address: cell.address,
          formula: cell.formula,
          values: await this.referenceValues(cell.formula),
        });
      }
      return formulas;
    });
  }

  /** Selects a record's row in the Commitments table, wherever the user moved it. */
  showRecord(id: string): Promise<boolean> {
    return this.enqueue(() => this.deps.port.selectTableRow(TABLES.commitments.table, "id", id));
  }

  /**
   * A copy of the active sheet for colleagues without the add-in: every AID formula replaced by
   * its value, other formulas and values kept, and a Sources sheet naming the records, evidence
   * and rates behind each converted cell. Two new sheets; nothing in the original changes.
   */
  makeBriefingCopy(): Promise<
    | { made: true; sheet: string; sourcesSheet: string; formulas: number }
    | { made: false; reason: string }
  > {
    return this.enqueue(async () => {
      const snapshot = await this.deps.port.readActiveSheet();
      const cells: BriefingCell[] = snapshot.cells.map((c) => ({
        address: c.address,
        formula: c.formula,
        value: c.value,
      }));
      const plan = planBriefing(
        cells,
        this.deps.store.current(),
        this.deps.store.status(),
        snapshot.sheet
      );
      if (plan.formulas === 0)
        return { made: false, reason: messages().sheetHasNoAidFormula(snapshot.sheet) };
      const replaced = new Map(plan.values.map((v) => [v.address, v.value]));
      const grid: NewSheetCell[][] = [];
      for (const c of snapshot.cells) {
        const at = cellIndex(c.address);
        if (!at) throw new Error(`not a cell address: ${c.address}`);
        const { row, col } = at;
        (grid[row] ??= [])[col] = replaced.has(c.address)
          ? (replaced.get(c.address) ?? null)
          : c.formula
            ? { formula: c.formula }
            : c.value;
      }
      const rows = Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
      const sheet = await this.deps.port.addSheet(
        `${snapshot.sheet.slice(0, 20)} (briefing)`,
        rows
      );
      const sourcesSheet = await this.deps.port.addSheet(`${sheet.slice(0, 22)} sources`, [
        ...plan.sources.title,
        [],
        plan.sources.header,
        ...plan.sources.rows,
      ]);
      return { made: true, sheet, sourcesSheet, formulas: plan.formulas };
    });
  }

  /** Puts a formula into the selected cell, in this build's namespace; asks (returns occupied) before overwriting. */
  insertFormula(formula: string, options: { overwrite?: boolean } = {}): Promise<InsertResult> {
    return this.deps.port.insertFormula(withNamespace(formula, this.deps.namespace ?? ""), options);
  }
}
