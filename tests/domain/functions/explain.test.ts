import { explainCall, loadBundledLedger, parseAidCall } from "../../../src/domain";

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

describe("explainCall", () => {
  const ledger = loadBundledLedger();

  test("AIDTOTAL lists the records behind the total, with evidence and the rate used", () => {
    const e = explainCall(ledger, "AIDTOTAL", ["Africa", 2016]);
    expect(e.answer).toBe(2420000000);
    expect(e.reading).toEqual(
      expect.arrayContaining([
        "Place: Africa (region, 58 countries)",
        "Year: 2016",
        "Kind: committed",
        "Currency: USD",
      ])
    );
    expect(e.records.map((r) => r.id).sort()).toEqual([
      "africa-counter-terrorism-unsc-2016",
      "ticad6-climate-disasters-2016",
      "ticad6-peace-stability-2016",
    ]);
    const sum = e.records.reduce((n, r) => n + (r.converted ?? 0), 0);
    expect(sum).toBe(e.answer);
    for (const r of e.records) expect(r.evidence.length).toBeGreaterThan(0);
  });

  test("in yen, each record shows the report's own figure as its rate", () => {
    const e = explainCall(ledger, "AIDTOTAL", ["Africa", 2016, "JPY"]);
    expect(e.records.map((r) => r.rate)).toEqual(
      e.records.map(() => "The report's own figure for this record")
    );
  });

  test("a converted record names the document rate; a missing rate is the reason", () => {
    const asia = explainCall(ledger, "AIDTOTAL", ["Asia", 2016]);
    expect(
      asia.records.find((r) => r.id === "asia-counter-terrorism-japan-asean-2016")!.rate
    ).toMatch(/default rate \(median of stated pairs\): 103\.944444 JPY per USD/);
    const vn = explainCall(ledger, "AIDTOTAL", ["Viet Nam"]);
    expect(vn.error?.code).toBe("NA");
    expect(vn.records.find((r) => r.id === "viet-nam-haiphong-customs-2009")!.rate).toMatch(
      /No rate: .*states no JPY\/USD pair/
    );
  });

  test("AIDRATE shows the derivation; errors carry their message", () => {
    expect(explainCall(ledger, "AIDRATE", ["USD", "JPY", 2016]).rateDerivation).toMatch(
      /^Median of 4 stated/
    );
    expect(explainCall(ledger, "AIDTOTAL", ["Afrika"]).error?.message).toMatch(/Unknown place/);
  });
});
