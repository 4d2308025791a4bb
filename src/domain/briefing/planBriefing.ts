import type { CellInput } from "../functions/args";
import { explainFormula, formulaReferences } from "../functions/explain";
import { parseAidCall } from "../functions/formulaCall";
import type { AidLedger } from "../ledger";
import type { SheetCell } from "../workbook/port";

/** One non-empty cell of the active sheet, as the workbook adapter reads it. */
export interface BriefingCell {
  /** A1 address on the sheet, such as "C4". */
  readonly address: string;
  /** The formula ("=AIDTOTAL(\"Africa\",2016)"), or null for a constant or a cell a spill fills. */
  readonly formula: string | null;
  /** The value the cell shows (an error as its text, such as "#N/A"). */
  readonly value: SheetCell;
  /** For a cell filled by a spilled array: the address of the anchor holding the formula. */
  readonly spilledFrom?: string;
}

/** A cell of the copy to overwrite with a plain value. */
export interface BriefingValue {
  readonly address: string;
  /**
   * What the cell shows, exactly: unmarked. The writer (WorkbookPort.addSheet) adds Excel's text
   * marker once where text would be retyped; marking here too showed a stray apostrophe.
   */
  readonly value: SheetCell;
}

/** What a briefing copy is made of: the values that replace AID formulas, and the Sources sheet. */
export interface BriefingPlan {
  /**
   * Cells of the copy to set to their value: every cell whose formula calls an AID function and
   * every cell such a formula spills into. Every other cell (constants, other formulas) is copied
   * as it is, so the copy has no AID formula and its own formulas keep working on the values.
   */
  readonly values: readonly BriefingValue[];
  /** The Sources sheet: a few lines of context, then a table (header row first). Values as shown, unmarked. */
  readonly sources: {
    readonly title: readonly SheetCell[][];
    readonly header: readonly string[];
    readonly rows: readonly SheetCell[][];
  };
  /** Number of AID formulas replaced (anchors, not spilled cells). */
  readonly formulas: number;
}

export const SOURCES_HEADER = [
  "Cell",
  "Formula",
  "Value",
  "Record",
  "Recipient",
  "Date",
  "Amount",
  "Converted",
  "Rate used",
  "Evidence",
  "Document",
] as const;

/** True when the formula calls an AID function anywhere in it. */
export function hasAidCall(formula: string | null): boolean {
  return formula !== null && formula.startsWith("=") && parseAidCall(formula) !== null;
}

const asInput = (v: SheetCell): CellInput => v;

/**
 * Plans a briefing copy of a sheet for colleagues without the add-in (where an AID formula shows
 * #NAME?, office-js #4007 and #6355): every AID formula is replaced by the value it shows now, its
 * spilled cells too, and a Sources sheet lists each replaced cell's formula and value, the records
 * behind it with their evidence phrases and the rate used, and the data status. Other formulas are
 * kept: they compute the same from the values. Pure: the workbook adapter writes the plan.
 */
export function planBriefing(
  cells: readonly BriefingCell[],
  ledger: AidLedger,
  status: string,
  sheetName = "the sheet"
): BriefingPlan {
  const byAddress = new Map(cells.map((c) => [c.address.replace(/\$/g, "").toUpperCase(), c]));
  const anchors = cells.filter((c) => hasAidCall(c.formula));
  const anchorSet = new Set(anchors.map((c) => c.address));
  const values: BriefingValue[] = [];
  for (const c of cells) {
    if (anchorSet.has(c.address) || (c.spilledFrom && anchorSet.has(c.spilledFrom)))
      values.push({ address: c.address, value: c.value });
  }

  const rows: SheetCell[][] = [];
  for (const c of anchors) {
    const refs = formulaReferences(c.formula!);
    const refValues = new Map<string, CellInput>(
      refs.map((r) => [
        r,
        asInput(byAddress.get(r.replace(/\$/g, "").toUpperCase())?.value ?? null),
      ])
    );
    const e = explainFormula(ledger, c.formula!, refValues, { cell: c.address });
    const head: SheetCell[] = [c.address, c.formula, c.value];
    const records = e ? [...e.adding, ...e.apart] : [];
    if (records.length === 0) {
      const note = e?.rate ? e.rate.sentence : e?.error ? e.error.message : null;
      rows.push([...head, null, null, null, null, null, note, null, e?.rate?.title ?? null]);
      continue;
    }
    records.forEach((r, i) => {
      rows.push([
        ...(i === 0 ? head : [c.address, null, null]),
        r.id,
        r.recipient,
        r.date || null,
        r.amount,
        r.apartReason ? `not added: ${r.apartReason}` : r.converted,
        r.rateValue ? `${r.rateValue} (${r.rateWhy ?? ""})` : (r.rateWhy ?? null),
        r.evidence,
        r.sourceTitle ?? r.source,
      ]);
    });
  }
  const title: SheetCell[][] = [
    [`Sources of the values in this copy of ${sheetName}`],
    [`Data: ${status}`],
    [
      `${anchors.length} Aid Ledger ${anchors.length === 1 ? "formula was" : "formulas were"} replaced by the values shown when the copy was made; each is listed below with the records behind it.`,
    ],
  ];
  return {
    values,
    sources: { title, header: [...SOURCES_HEADER], rows },
    formulas: anchors.length,
  };
}
