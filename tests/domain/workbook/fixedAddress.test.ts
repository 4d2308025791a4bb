import fc from "fast-check";
import {
  blockReferences,
  findFixedAddressReferences,
  type TableExtent,
} from "../../../src/domain/workbook/fixedAddress";
import { columnLetters as columnName } from "../../../src/domain/workbook/a1";
import { fixedAddressText } from "../../../src/domain/messages/workbookMessages";

// AidFacts as the pane writes it: header on row 1, columns A..L, AmountUSD in L, 33 data rows.
const HEADERS = [
  "FactId",
  "RecordId",
  "Document",
  "Region",
  "Country",
  "Year",
  "Category",
  "Kind",
  "Currency",
  "Amount",
  "Rate",
  "AmountUSD",
];
const facts: TableExtent = {
  table: "AidFacts",
  sheet: "Facts",
  headers: HEADERS,
  headerRow: 0,
  firstColumn: 0,
  rows: 33,
};

const find = (formula: string, sheet = "Sheet1", tables = [facts]) =>
  findFixedAddressReferences([{ sheet, address: "B4", formula }], tables);

describe("fixed addresses over a table's rows", () => {
  it("names the cell, the address and the structured reference that would follow", () => {
    const [found, ...rest] = find("=SUM(Facts!L2:L34)");
    expect(rest).toEqual([]);
    expect(found).toEqual({
      cell: "Sheet1!B4",
      reference: "Facts!L2:L34",
      table: "AidFacts",
      structured: "AidFacts[AmountUSD]",
    });
    expect(fixedAddressText(found!)).toBe(
      "Sheet1!B4 refers to Facts!L2:L34, which will not include the new rows; AidFacts[AmountUSD] would."
    );
  });

  it("reads absolute, quoted, lower-case and same-sheet addresses", () => {
    expect(find("=SUM(Facts!$L$2:$L$34)")).toHaveLength(1);
    expect(
      find("=SUMIFS('Facts'!l2:l34,'Facts'!D2:D34,\"Africa\")").map((f) => f.structured)
    ).toEqual(["AidFacts[AmountUSD]", "AidFacts[Region]"]);
    expect(find("=SUM(L2:L34)", "Facts")[0]?.reference).toBe("Facts!L2:L34");
    const spaced = { ...facts, sheet: "My facts" };
    expect(find("=SUM('My facts'!L2:L34)", "Sheet1", [spaced])[0]?.reference).toBe(
      "'My facts'!L2:L34"
    );
  });

  it("names column blocks and ranges from the header", () => {
    expect(find("=SUM(Facts!J2:L34)")[0]?.structured).toBe("AidFacts[[Amount]:[AmountUSD]]");
    expect(find("=COUNTA(Facts!L1:L34)")[0]?.structured).toBe(
      "AidFacts[[#Headers],[#Data],[AmountUSD]]"
    );
  });

  it("leaves other references alone", () => {
    // Ends before or after the last row, another sheet, a structured reference, text, a whole
    // column, a single cell, a column outside the table, the same address on the formula's sheet.
    for (const formula of [
      "=SUM(Facts!L2:L33)",
      "=SUM(Facts!L2:L35)",
      "=SUM(Facts!L10:L34)",
      "=SUM(Rates!L2:L34)",
      "=SUM(AidFacts[AmountUSD])",
      '="Facts!L2:L34"',
      "=SUM(Facts!L:L)",
      "=Facts!L34",
      "=SUM(Facts!M2:M34)",
      "=SUM(L2:L34)",
    ])
      expect([formula, find(formula)]).toEqual([formula, []]);
  });

  it("escapes the characters a structured reference escapes", () => {
    const odd = { ...facts, headers: [...HEADERS.slice(0, 11), "Amount [USD] #1"] };
    expect(find("=SUM(Facts!L2:L34)", "Sheet1", [odd])[0]?.structured).toBe(
      "AidFacts[Amount '[USD'] '#1]"
    );
  });

  it("any block of a table column ending at its last row is found; ending elsewhere, it is not", () => {
    fc.assert(
      fc.property(
        fc.record({
          headerRow: fc.integer({ min: 0, max: 50 }),
          firstColumn: fc.integer({ min: 0, max: 40 }),
          width: fc.integer({ min: 1, max: 12 }),
          rows: fc.integer({ min: 1, max: 5000 }),
        }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: -3, max: 3 }),
        fc.boolean(),
        (shape, a, b, fromHeader, shift, absolute) => {
          const extent: TableExtent = {
            table: "T",
            sheet: "Data",
            headers: Array.from({ length: shape.width }, (_, i) => `H${i}`),
            headerRow: shape.headerRow,
            firstColumn: shape.firstColumn,
            rows: shape.rows,
          };
          const [left, right] = [a % shape.width, b % shape.width].sort((x, y) => x - y) as [
            number,
            number,
          ];
          const top = shape.headerRow + (fromHeader ? 1 : 2);
          const last = shape.headerRow + shape.rows + 1;
          const bottom = Math.max(top + 1, last + shift);
          const $ = absolute ? "$" : "";
          const corner = (c: number, r: number) =>
            `${$}${columnName(shape.firstColumn + c)}${$}${r}`;
          const formula = `=SUM(Data!${corner(left, top)}:${corner(right, bottom)})*2`;
          const found = findFixedAddressReferences(
            [{ sheet: "Other", address: "A1", formula }],
            [extent]
          );
          expect(found.length).toBe(bottom === last ? 1 : 0);
          if (bottom === last)
            expect(found[0]!.structured).toContain(
              left === right ? `[H${left}]` : `[H${left}]:[H${right}]`
            );
        }
      )
    );
  });

  it("blocks are found however the formula spaces and nests them", () => {
    expect(blockReferences('=IF(A1>0,SUM( Facts!L2:L34 ),"x:y")+LOG10(2)')).toEqual([
      { sheet: "Facts", top: 1, bottom: 33, left: 11, right: 11 },
    ]);
  });
});
