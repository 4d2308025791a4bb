import type { LostUserValue } from "../workbook/rowAlignment";
import type { FixedAddressReference } from "../workbook/fixedAddress";

/**
 * For a value in the user's own column on a removed record's row: "X leaves the AidCommitments
 * table: your MyNote on X goes with it ("check with desk")." Long values are cut at 40 characters.
 */
export function lostUserValueText(lost: LostUserValue): string {
  const shown = String(lost.value);
  const short = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  return `${lost.key} leaves the ${lost.table} table: your ${lost.column} on ${lost.key} goes with it ("${short}").`;
}

/** Where a write is refused: the table, its sheet and the address of what is in the way. */
export interface WriteObstacle {
  readonly table: string;
  readonly sheet: string;
  /** "A2:P40" (without the sheet). */
  readonly address: string;
}

/** How a refresh changes a table's size: rows it adds and rows it removes. */
export interface SizeChange {
  readonly added: number;
  readonly removed: number;
}

const sizeText = (c: SizeChange) =>
  `this refresh adds ${c.added} and removes ${c.removed} of its rows`;

export function filteredTableText(at: WriteObstacle, change: SizeChange): string {
  return `Nothing was changed: the ${at.table} table (${at.sheet}!${at.address}) is filtered, and ${sizeText(change)}; Excel does not resize a filtered table or delete only its visible rows. Clear the filter (Data > Clear), refresh, then filter again.`;
}

export function protectedSheetText(at: WriteObstacle): string {
  return `Nothing was changed: the sheet ${at.sheet}, which holds the ${at.table} table (${at.address}), is protected, so its cells cannot be written. Unprotect it (Review > Unprotect Sheet), refresh, then protect it again.`;
}

export function protectedWorkbookText(): string {
  return "Nothing was changed: the workbook's structure is protected, and a write needs to add sheets (hidden ones for its backups, and new ones for tables the workbook does not have yet). Unprotect it (Review > Protect Workbook), refresh, then protect it again.";
}

export function mergedCellsText(at: WriteObstacle, change: SizeChange): string {
  return `Nothing was changed: ${sizeText(change)} of the ${at.table} table (sheet ${at.sheet}), and the merged cells at ${at.sheet}!${at.address} are in the way of the rows that move. Unmerge them (Home > Merge & Center) or move them away from the table, then try again.`;
}

/** What sits in the rows a table must grow into: a spilled result, another table, or data. */
export type GrowthObstacle =
  | { readonly kind: "spill"; readonly formulaAt: string }
  | { readonly kind: "table"; readonly name: string }
  | { readonly kind: "data" };

export function growthBlockedText(at: WriteObstacle, rows: number, what: GrowthObstacle): string {
  const thing =
    what.kind === "spill"
      ? `the spilled result of the formula in ${what.formulaAt}`
      : what.kind === "table"
        ? `the table ${what.name}`
        : "data (a value, a formula or a PivotTable)";
  return `Nothing was changed: the ${at.table} table (sheet ${at.sheet}) must grow by ${rows} rows for its new records, and ${thing} is in the way at ${at.sheet}!${at.address}. Move it elsewhere, then try again.`;
}

/**
 * An older workbook's table lacks columns of ours that the writer appends at its right end, and
 * something of the user's is in the cells they take.
 */
export function columnsBlockedText(at: WriteObstacle, columns: readonly string[]): string {
  const named = columns.join(", ");
  return `Nothing was changed: the ${at.table} table (sheet ${at.sheet}) was written by an older version and needs its new column${columns.length === 1 ? "" : "s"} ${named} at its right, and ${at.sheet}!${at.address} there is not empty. Move what is there elsewhere (or insert an empty column to the right of the table), then try again.`;
}

/**
 * For a formula that names a table's rows by a fixed address ending at its last row, when a
 * refresh appends rows: "Sheet1!B4 refers to Facts!L2:L34, which will not include the new rows;
 * AidFacts[AmountUSD] would."
 */
export function fixedAddressText(found: FixedAddressReference): string {
  return `${found.cell} refers to ${found.reference}, which will not include the new rows; ${found.structured} would.`;
}
