import type { LostUserValue } from "../workbook/rowAlignment";

/**
 * For a value in the user's own column on a removed record's row: "X leaves the AidCommitments
 * table: your MyNote on X goes with it ("check with desk")." Long values are cut at 40 characters.
 */
export function lostUserValueText(lost: LostUserValue): string {
  const shown = String(lost.value);
  const short = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  return `${lost.key} leaves the ${lost.table} table: your ${lost.column} on ${lost.key} goes with it ("${short}").`;
}
