import { toSafeCell } from "../../../src/domain/workbook/cellSafety";

describe("gap 10: formula-like text after white space, and full-width forms, is written as text", () => {
  // No digits in these: text with a digit is marked anyway (it could become a number or date).
  test.each([
    " =A+B",
    '  =HYPERLINK("http://x")',
    "\u00a0=A",
    "\u3000=A",
    "＝A+B",
    "＋A",
    "－A",
    "＠SUM(A)",
    " ＝SUM(A)",
    "\u3000＋A",
    "﹦A",
    "−A",
    " +A",
    " -A",
    " @SUM(A)",
  ])("%j gets the text marker", (text) => {
    expect(toSafeCell(text)).toBe(`'${text}`);
  });

  test.each(["Africa", "UNODC", "a = b", "x+y", "Côte d'Ivoire", "国連薬物・犯罪事務所"])(
    "%j is written as it is",
    (text) => {
      expect(toSafeCell(text)).toBe(text);
    }
  );
});
