import fc from "fast-check";
import {
  blockAddress,
  blockIndex,
  cellIndex,
  columnIndex,
  columnLetters,
} from "../../../src/domain/workbook/a1";

/* A1 addresses, read and written in one module (issue 15, item 4). */

const column = fc.integer({ min: 0, max: 16383 });
const row = fc.integer({ min: 0, max: 1_048_575 });

test("column letters and indexes are inverse, in either case", () => {
  fc.assert(
    fc.property(column, (i) => {
      const letters = columnLetters(i);
      return columnIndex(letters) === i && columnIndex(letters.toLowerCase()) === i;
    })
  );
  expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual([
    "A",
    "Z",
    "AA",
    "XFD",
  ]);
});

test("a cell's index reads back what its address was written from, with or without $", () => {
  fc.assert(
    fc.property(row, column, fc.boolean(), (r, c, absolute) => {
      const $ = absolute ? "$" : "";
      const address = `${$}${columnLetters(c)}${$}${r + 1}`;
      expect(cellIndex(address)).toEqual({ row: r, col: c });
    })
  );
});

test("a block's index is its corners in order, whichever corner comes first", () => {
  fc.assert(
    fc.property(row, column, row, column, (r1, c1, r2, c2) => {
      const [top, bottom] = [Math.min(r1, r2), Math.max(r1, r2)];
      const [left, right] = [Math.min(c1, c2), Math.max(c1, c2)];
      const written = blockAddress(top, left, bottom - top + 1, right - left + 1);
      expect(blockIndex(written)).toEqual({ top, left, bottom, right });
      const reversed = `${columnLetters(c2)}${r2 + 1}:${columnLetters(c1)}${r1 + 1}`;
      expect(blockIndex(reversed)).toEqual({ top, left, bottom, right });
    })
  );
});

test("what is not a cell or block address is null, never a guess", () => {
  for (const text of [
    "",
    "A",
    "1",
    "A0",
    "A0x",
    "A:A",
    "1:1",
    "A1:B2:C3",
    "Sheet1!A1",
    "AAAA1",
    "A1B",
  ])
    expect({ text, block: blockIndex(text) }).toEqual({ text, block: null });
  expect(cellIndex("A1:B2")).toBeNull();
});
