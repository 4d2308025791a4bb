import {
  type CellInput,
  explainFormula,
  formulaReferences,
  functionSpec,
  loadBundledLedger,
  parseAidCall,
} from "../../../src/domain";

const ledger = loadBundledLedger();

describe("parseAidCall: bare names", () => {
  test("a bare word is a name, not a calculation; references and expressions stay what they are", () => {
    expect(parseAidCall("=AIDTOTAL(Africa,2016)")!.args).toEqual([
      { kind: "name", name: "Africa" },
      { kind: "literal", value: 2016 },
    ]);
    expect(parseAidCall("=AIDTOTAL(A9,Sheet2!B3)")!.args.map((a) => a.kind)).toEqual([
      "reference",
      "reference",
    ]);
    expect(parseAidCall("=AIDTOTAL(Africa,YEAR(TODAY()))")!.args[1]).toEqual({
      kind: "expression",
      text: "YEAR(TODAY())",
    });
  });
});

describe("explainFormula", () => {
  test("arguments are shown as written with their values and readings; the answer is the cell's", () => {
    const e = explainFormula(
      ledger,
      "=AIDTOTAL(A8,A9)",
      new Map<string, CellInput>([
        ["A8", "Africa"],
        ["A9", 2016],
      ])
    )!;
    expect(e.arguments.map((a) => a.text)).toEqual([
      'place: A8 = "Africa"',
      "year: A9 = 2016",
      "currency: left out",
      "theme: left out",
      "kind: left out",
    ]);
    expect(e.arguments.map((a) => a.meaning)).toEqual([
      "Africa (region)",
      "2016",
      "USD (the default)",
      "any theme",
      "committed (the default)",
    ]);
    const cell = functionSpec("AIDTOTAL")!.evaluate(ledger, ["Africa", 2016]);
    expect(cell.ok && e.answer).toBe(cell.ok && cell.value);
    expect(e.summary).toBe("=AIDTOTAL(A8,A9) answers 2,420,000,000, from 3 records.");
    expect(formulaReferences("=AIDTOTAL(A8,A9)")).toEqual(["A8", "A9"]);
  });

  test("the records that add up sum exactly to the answer; the others are listed apart with the reason", () => {
    const e = explainFormula(ledger, '=AIDTOTAL("Africa",2016,,,"all")')!;
    const cents = e.adding.reduce((s, r) => s + BigInt(Math.round(r.converted! * 100)), 0n);
    expect(Number(cents) / 100).toBe(e.answer);
    expect(e.adding.every((r) => r.apartReason === null && r.amount !== null)).toBe(true);
    expect(e.apart.length).toBeGreaterThan(0);
    expect(e.apart.every((r) => r.apartReason !== null)).toBe(true);
    const hrd = e.apart.find((r) => r.id === "ticad6-hrd-2016")!;
    expect(hrd.apartReason).toBe("States no amount (9,600,000 people)");
    expect(e.adding.length + e.apart.length).toBe(
      functionSpec("AIDCOUNT")!.evaluate(ledger, ["Africa", 2016, null, "all"]).ok &&
        (
          functionSpec("AIDCOUNT")!.evaluate(ledger, ["Africa", 2016, null, "all"]) as {
            value: number;
          }
        ).value
    );
  });

  test("a figure that is part of another's is apart, and a record with no rate is apart with the reason", () => {
    const people = explainFormula(ledger, '=AIDPEOPLE("Africa",2016)')!;
    const part = people.apart.find((r) => r.id === "ticad6-vocational-training-2016");
    expect(part?.apartReason).toMatch(/^Part of ticad6-hrd-2016/);
    expect(people.adding.reduce((s, r) => s + r.people!, 0)).toBe(people.answer);
    const usd = explainFormula(ledger, '=AIDTOTAL("Viet Nam",2009)')!;
    expect(usd.error?.code).toBe("NA");
    expect(usd.apart.map((r) => r.apartReason)).toEqual([
      expect.stringMatching(/^No rate: Japan's International Counter-Terrorism Cooperation/),
    ]);
  });

  test("a bare word where text is expected: put it in quotes; the fix is the quoted formula and its answer", () => {
    const e = explainFormula(ledger, "=AIDTOTAL(Africa,2016)")!;
    expect(e.fix).toBe('=AIDTOTAL("Africa",2016)');
    expect(e.arguments[0]!.problem).toMatch(/Put Africa in quotes: "Africa"\.$/);
    expect(e.summary).toBe(
      '=AIDTOTAL(Africa,2016) shows #NAME?: put Africa in quotes. With quotes, =AIDTOTAL("Africa",2016) answers 2,420,000,000, from 3 records.'
    );
    expect(e.blocked).toBeNull();
  });

  test("a bare word where a number is expected, and a calculation, block the explanation with the reason", () => {
    const year = explainFormula(ledger, '=AIDTOTAL("Africa",latest)')!;
    expect(year.blocked).toMatch(/^latest has no quotes and is not a number/);
    expect(year.answer).toBeNull();
    const calc = explainFormula(ledger, '=AIDTOTAL("Africa",YEAR(TODAY()))')!;
    expect(calc.blocked).toMatch(/An argument is a calculation \(YEAR\(TODAY\(\)\)\)/);
    expect(calc.arguments.filter((a) => a.problem)).toEqual([]);
  });

  test("the spill's anchor and the selected cell are carried; a formula with no AID call is null", () => {
    const e = explainFormula(ledger, '=AIDLIST("Viet Nam")', new Map(), {
      cell: "C3",
      anchor: "A1",
    })!;
    expect([e.cell, e.anchor, e.measure]).toEqual(["C3", "A1", "list"]);
    expect(e.adding.map((r) => r.id).sort()).toEqual(
      ["viet-nam-haiphong-customs-2009", "viet-nam-used-vessels-2015"].sort()
    );
    expect(explainFormula(ledger, "=SUM(A1:A3)")).toBeNull();
  });

  test("AIDRATE explains its rate as a sentence and the pairs; AIDVERSION returns the status it is given", () => {
    const rate = explainFormula(ledger, '=AIDRATE("USD","JPY",2016)')!;
    expect(rate.rate?.title).toBe("White Paper on Development Cooperation 2016 (MOFA)");
    expect(rate.rate?.pairs).toHaveLength(4);
    const version = explainFormula(
      ledger,
      "=AIDVERSION()",
      new Map(),
      {},
      { status: "Bundled data, x" }
    )!;
    expect(version.answer).toBe("Bundled data, x");
  });
});
