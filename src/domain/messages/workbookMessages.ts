import type { LostUserValue } from "../workbook/rowAlignment";

/** "Your MyNote on ODA-2016-01 goes with it ("check with desk")." for a value in a removed record's row. */
export function lostUserValueText(lost: LostUserValue): string {
  const shown = String(lost.value);
  const short = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  return `${lost.key} is removed from ${lost.table}: your ${lost.column} on ${lost.key} goes with it ("${short}").`;
}
