import {
  type BriefingCell,
  type BriefingPlan,
  type CellInput,
  type LedgerStore,
  type SheetFormula,
  explainFormula,
  formulaReferences,
  planBriefing,
} from "../../src/domain";
import type {
  BriefingResult,
  InsertResult,
  PaneActions,
  SelectionExplanation,
} from "../../src/taskpane/paneActions";
import type { FakeWorkbook } from "./fakeWorkbook";

/**
 * PaneActions over the in-memory workbook, as the integrator's implementation will behave: asks
 * before overwriting, finds a spill's anchor, reads referenced cells, plans a briefing copy.
 * `spills` maps a spilled cell to its anchor; `sheet` holds the active sheet's formulas by address.
 */
export class FakePaneActions implements PaneActions {
  readonly shown: string[] = [];
  readonly spills = new Map<string, string>();
  readonly sheet = new Map<string, string>();
  briefingCells: BriefingCell[] = [];
  lastPlan: BriefingPlan | null = null;

  constructor(
    private readonly port: FakeWorkbook,
    private readonly store: LedgerStore
  ) {}

  async insertFormula(formula: string, options: { overwrite: boolean }): Promise<InsertResult> {
    const selection = await this.port.getSelection();
    const held = selection.formula ?? this.port.cells.get(selection.address) ?? null;
    if (!options.overwrite && held !== null && held !== "")
      return { inserted: false, occupiedBy: String(held), address: selection.address };
    // Checked above: the port is told to write.
    await this.port.insertFormula(formula, { overwrite: true });
    this.port.selection = { ...selection, formula };
    this.sheet.set(selection.address, formula);
    return { inserted: true, address: selection.address };
  }

  showRecord(id: string): Promise<void> {
    if (!this.store.current().record(id))
      return Promise.reject(new Error(`no record ${id} in Commitments`));
    this.shown.push(id);
    return Promise.resolve();
  }

  async explainSelection(): Promise<SelectionExplanation> {
    const selection = await this.port.getSelection();
    const anchor = selection.formula ? null : (this.spills.get(selection.address) ?? null);
    const formula = selection.formula ?? (anchor ? this.sheet.get(anchor) : undefined);
    if (!formula) return { kind: "none", address: selection.address };
    const refs = formulaReferences(formula);
    const values = await this.port.readCells(refs);
    const explanation = explainFormula(
      this.store.current(),
      formula,
      new Map<string, CellInput>(refs.map((r, i) => [r, values[i] ?? null])),
      { cell: selection.address, anchor },
      { status: this.store.status() }
    );
    return explanation
      ? { kind: "explained", explanation }
      : { kind: "none", address: selection.address };
  }

  watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    return this.port.watchSelection(onChange);
  }

  sheetFormulas(): Promise<readonly SheetFormula[]> {
    return Promise.resolve(
      [...this.sheet].map(([address, formula]) => {
        const refs = formulaReferences(formula);
        return {
          address,
          formula,
          values: new Map<string, CellInput>(refs.map((r) => [r, this.port.cells.get(r) ?? null])),
        };
      })
    );
  }

  makeBriefingCopy(): Promise<BriefingResult> {
    const plan = planBriefing(
      this.briefingCells,
      this.store.current(),
      this.store.status(),
      "Sheet1"
    );
    this.lastPlan = plan;
    if (plan.formulas === 0)
      return Promise.resolve({ made: false, reason: "Sheet1 has no AID formula to replace." });
    return Promise.resolve({
      made: true,
      sheet: "Sheet1 (briefing)",
      sourcesSheet: "Sources",
      formulas: plan.formulas,
    });
  }

  dataStatus(): string {
    return this.store.status();
  }
}
