import {
  callsAid,
  mapFormula,
  parseSpecifier,
  shiftFormula,
} from "../../../src/tooling/excelModel/formulaText";
import { parseBox, qualifiedAddress, quoteSheet } from "../../../src/tooling/excelModel/addresses";

describe("formula text", () => {
  it("finds sheet references (quoted or not, #REF!), structured references and plain cells, skipping strings", () => {
    const seen: string[] = [];
    mapFormula(
      `=SUM(Facts!L2:L40)+'My sheet'!A1+#REF!B2+AidFacts[AmountUSD]+[@Year]+C3&"Facts!A1 T[x]"`,
      {
        sheetRef: (sheet, reference) => {
          seen.push(`sheet ${String(sheet)} ${reference}`);
          return undefined;
        },
        structured: (ref) => {
          seen.push(`structured ${String(ref.table)} ${ref.area} ${ref.columns?.join(":") ?? "*"}`);
          return undefined;
        },
        cell: (reference) => {
          seen.push(`cell ${reference}`);
          return undefined;
        },
      }
    );
    expect(seen).toEqual([
      "sheet Facts L2:L40",
      "sheet My sheet A1",
      "sheet null B2",
      "structured AidFacts data AmountUSD:AmountUSD",
      "structured null thisRow Year:Year",
      "cell C3",
    ]);
  });

  it("parses structured reference specifiers", () => {
    expect(parseSpecifier("T", "[#All]")).toEqual({ table: "T", area: "all", columns: null });
    expect(parseSpecifier("T", "[[#Headers],[A]]")).toEqual({
      table: "T",
      area: "headers",
      columns: ["A", "A"],
    });
    expect(parseSpecifier("T", "[[A]:[B]]")).toEqual({
      table: "T",
      area: "data",
      columns: ["A", "B"],
    });
    expect(parseSpecifier("T", "[]")).toEqual({ table: "T", area: "data", columns: null });
  });

  it("moves relative references and keeps absolute ones, as a copied formula", () => {
    expect(shiftFormula("=A1+$B$2+C$3+$D4+Sheet2!E5", 2, 1)).toBe("=B3+$B$2+D$3+$D6+Sheet2!F7");
    expect(shiftFormula("=A1", -1, 0)).toBe("=#REF!");
  });

  it("recognizes AID calls, namespaced or not, but not in strings", () => {
    expect(callsAid('=AIDTOTAL("Africa")')).toBe(true);
    expect(callsAid("=1+aid.aidlist(A1)")).toBe(true);
    expect(callsAid('="AIDTOTAL(x)"')).toBe(false);
    expect(callsAid("=SUM(A1)")).toBe(false);
  });
});

describe("addresses", () => {
  it("quotes sheet names that need it, as Range.address does", () => {
    expect(["Facts", "My sheet", "2016", "A1", "It's", "Rates~new"].map(quoteSheet)).toEqual([
      "Facts",
      "'My sheet'",
      "'2016'",
      "'A1'",
      "'It''s'",
      "'Rates~new'",
    ]);
    expect(qualifiedAddress("Facts", parseBox("B3:A1")!)).toBe("Facts!A1:B3");
    expect(parseBox("A:A")).toBeNull();
  });
});
