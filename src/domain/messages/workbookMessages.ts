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

/**
 * For a formula that names a table's rows by a fixed address ending at its last row, when a
 * refresh appends rows: "Sheet1!B4 refers to Facts!L2:L34, which will not include the new rows;
 * AidFacts[AmountUSD] would."
 */
export function fixedAddressText(found: FixedAddressReference): string {
  return `${found.cell} refers to ${found.reference}, which will not include the new rows; ${found.structured} would.`;
}
