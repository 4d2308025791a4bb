import type { FixedAddressReference } from "../workbook/fixedAddress";
import type { LostUserValue } from "../workbook/rowAlignment";
import { messages } from "./catalog";
import type { GrowthObstacle, SizeChange, WriteObstacle } from "./sections/workbook";

/*
 * The writer's and the review's sentences by name, in the current language; the sentences
 * themselves are in sections/workbook.ts, English and Japanese side by side.
 */
export type { GrowthObstacle, SizeChange, WriteObstacle } from "./sections/workbook";

/**
 * For a value in the user's own column on a removed record's row: "X leaves the AidCommitments
 * table: your MyNote on X goes with it ("check with desk")." Long values are cut at 40 characters.
 */
export const lostUserValueText = (lost: LostUserValue) => messages().lostUserValue(lost);

export const filteredTableText = (at: WriteObstacle, change: SizeChange) =>
  messages().filteredTable(at, change);

export const protectedSheetText = (at: WriteObstacle) => messages().protectedSheet(at);

export const protectedWorkbookText = () => messages().protectedWorkbook;

export const mergedCellsText = (at: WriteObstacle, change: SizeChange) =>
  messages().mergedCells(at, change);

export const growthBlockedText = (at: WriteObstacle, rows: number, what: GrowthObstacle) =>
  messages().growthBlocked(at, rows, what);

/**
 * An older workbook's table lacks columns of ours that the writer appends at its right end, and
 * something of the user's is in the cells they take.
 */
export const columnsBlockedText = (at: WriteObstacle, columns: readonly string[]) =>
  messages().columnsBlocked(at, columns);

/**
 * For a formula that names a table's rows by a fixed address ending at its last row, when a
 * refresh appends rows: "Sheet1!B4 refers to Facts!L2:L34, which will not include the new rows;
 * AidFacts[AmountUSD] would."
 */
export const fixedAddressText = (found: FixedAddressReference) => messages().fixedAddress(found);
