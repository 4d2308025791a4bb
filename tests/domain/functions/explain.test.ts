import {
  type FormulaExplanation,
  explainFormula,
  loadBundledLedger,
  parseAidCall,
} from "../../../src/domain";

describe("parseAidCall", () => {
  test.each([
    [
      '=AIDTOTAL("Africa",2016)',
      {
        name: "AIDTOTAL",
        args: [
          { kind: "literal", value: "Africa" },
          { kind: "literal", value: 2016 },
        ],
      },
    ],
    [
      '=aidcount("Southeast Asia",,"maritime")',
      {
        name: "AIDCOUNT",
        args: [
          { kind: "literal", value: "Southeast Asia" },
          { kind: "omitted" },
          { kind: "literal", value: "maritime" },
        ],
      },
    ],
    [
      "=AIDTOTAL(A1,Sheet2!$B$3)/1000000",
      {
        name: "AIDTOTAL",
        args: [
          { kind: "reference", address: "A1" },
          { kind: "reference", address: "Sheet2!$B$3" },
        ],
      },
    ],
    [
      '=ROUND(AID.AIDTOTAL("say ""hi""",YEAR(TODAY())),0)',
      {
        name: "AIDTOTAL",
        args: [
          { kind: "literal", value: 'say "hi"' },
          { kind: "expression", text: "YEAR(TODAY())" },
        ],
      },
    ],
    ['=AIDSOURCE("x")', { name: "AIDSOURCE", args: [{ kind: "literal", value: "x" }] }],
  ])("%s", (formula, expected) => {
    expect(parseAidCall(formula)).toEqual(expected);
  });

  test("formulas without an AID call, or unbalanced ones, give null", () => {
    expect(parseAidCall("=SUM(A1:A3)")).toBeNull();
    expect(parseAidCall("=MYAIDTOTAL(1)")).toBeNull();
    expect(parseAidCall('=AIDTOTAL("Africa"')).toBeNull();
  });
});

describe("explaining a formula: the records and rates behind it", () => {
  const ledger = loadBundledLedger();
  const explain = (formula: string) => explainFormula(ledger, formula)!;
  const meaning = (e: FormulaExplanation, name: string) =>
    e.arguments.find((a) => a.name === name)?.meaning;

  test("AIDTOTAL lists the records behind the total, with evidence and the rate used", () => {
    const e = explain('=AIDTOTAL("Africa",2016)');
    expect(e.answer).toBe(2420000000);
    expect(e.place?.summary).toBe("Africa (region, 58 countries)");
    expect(meaning(e, "year")).toBe("2016");
    expect(meaning(e, "kind")).toBe("committed (the default)");
    expect(meaning(e, "currency")).toBe("USD (the default)");
    expect(e.currency).toBe("USD");
    expect(e.adding.map((r) => r.id).sort()).toEqual([
      "africa-counter-terrorism-unsc-2016",
      "ticad6-climate-disasters-2016",
      "ticad6-peace-stability-2016",
    ]);
    const sum = e.adding.reduce((n, r) => n + (r.converted ?? 0), 0);
    expect(sum).toBe(e.answer);
    for (const r of e.adding) expect(r.evidence.length).toBeGreaterThan(0);
  });

  test("in yen, each record shows the report's own figure as its rate", () => {
    const e = explain('=AIDTOTAL("Africa",2016,"JPY")');
    expect(e.adding.map((r) => r.rate)).toEqual(
      e.adding.map(() => "The report's own figure for this record")
    );
  });

  test("a converted record names the document rate; a missing rate is the reason", () => {
    const asia = explain('=AIDTOTAL("Asia",2016)');
    expect(
      asia.adding.find((r) => r.id === "asia-counter-terrorism-japan-asean-2016")!.rate
    ).toMatch(/default rate \(median of stated pairs\): 103\.944444 JPY per USD/);
    const vn = explain('=AIDTOTAL("Viet Nam")');
    expect(vn.error?.code).toBe("NA");
    expect(
      [...vn.adding, ...vn.apart].find((r) => r.id === "viet-nam-haiphong-customs-2009")!.rate
    ).toMatch(/No rate: .*states no JPY\/USD pair/);
  });

  test("AIDRATE shows the derivation; errors carry their message", () => {
    expect(explain('=AIDRATE("USD","JPY",2016)').rate?.derivation).toMatch(/^Median of 4 stated/);
    expect(explain('=AIDTOTAL("Afrika")').error?.message).toMatch(/Unknown place/);
  });
});
