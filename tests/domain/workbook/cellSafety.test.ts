import { toSafeCell } from "../../../src/domain/workbook/cellSafety";

describe("gap 10: formula-like text after white space, and full-width forms, is written as text", () => {
  test.each([
    " =1+1",
    '  =HYPERLINK("http://x")',
    "\t=1",
    "\u00a0=1",
    "\u3000=1",
    "＝1+1",
    "＋A1",
    "－A1",
    "＠SUM(A1)",
    " ＝SUM(A1)",
    "\u3000＋A1",
    "﹦A1",
    "−A1",
    " +A1",
    " -A1",
    " @SUM(A1)",
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
