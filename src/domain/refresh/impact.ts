import type { CellInput } from "../functions/args";
import { answerSummary, explainFormula } from "../functions/explain";
import type { CellValue } from "../functions/result";
import { isAidError } from "../functions/result";
import type { AidLedger } from "../ledger";

/** An AID formula on the sheet, with the values of the cells it refers to. */
export interface SheetFormula {
  readonly address: string;
  readonly formula: string;
  /** Values of the cells its arguments refer to, by address as written (see formulaReferences). */
  readonly values?: ReadonlyMap<string, CellInput>;
}

/** A cell whose answer a refresh would change. */
export interface AnswerChange {
  readonly address: string;
  readonly formula: string;
  readonly before: CellValue | CellValue[][] | null;
  readonly after: CellValue | CellValue[][] | null;
  /** "C4 =AIDTOTAL("Africa",2016): 2,420,000,000 → 2,520,000,000". */
  readonly text: string;
}

function shown(e: ReturnType<typeof explainFormula>): CellValue | CellValue[][] | null {
  if (!e) return null;
  return e.error ?? e.answer;
}

function same(a: CellValue | CellValue[][] | null, b: CellValue | CellValue[][] | null): boolean {
  if (isAidError(a) && isAidError(b)) return a.code === b.code && a.message === b.message;
  return JSON.stringify(a) === JSON.stringify(b);
}

function display(v: CellValue | CellValue[][] | null): string {
  if (isAidError(v)) return answerSummary(v);
  return answerSummary(v);
}

/**
 * Which AID formulas of a sheet would answer differently after a refresh: each evaluated against
 * the current and the new ledger with the same functions the cells use. Formulas that cannot be
 * evaluated here (an argument is a calculation) are left out.
 */
export function answersThatChange(
  formulas: readonly SheetFormula[],
  before: AidLedger,
  after: AidLedger
): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const f of formulas) {
    const a = explainFormula(before, f.formula, f.values);
    const b = explainFormula(after, f.formula, f.values);
    if (!a || !b || a.blocked || b.blocked) continue;
    const [x, y] = [shown(a), shown(b)];
    if (same(x, y)) continue;
    changes.push({
      address: f.address,
      formula: f.formula,
      before: x,
      after: y,
      text: `${f.address} ${f.formula}: ${display(x)} → ${display(y)}`,
    });
  }
  return changes;
}
