import {
  DetailedCellError,
  ErrorType,
  HyperFormula,
  type CellValue as HfCellValue,
} from "hyperformula";
import {
  type AidLedger,
  bundledReference,
  bundledRows,
  type CellInput,
  type CellValue,
  createLedger,
  FUNCTIONS,
  functionSpec,
  isAidError,
  LIST_HEADER,
  loadBundledLedger,
} from "../../../src/domain";
import {
  AidFunctionPlugin,
  createAidEngine,
  refreshAidEngine,
  registerAidFunctions,
} from "../../../src/tooling/hyperformula/aidFunctionPlugin";
import { generateRecords } from "../../../src/tooling/synthetic";

const ledger = loadBundledLedger();
const A1 = { sheet: 0, row: 0, col: 0 };

function ledgerOf(rows: readonly unknown[]): AidLedger {
  const built = createLedger({ rows, reference: bundledReference() });
  if (!built.ok) throw new Error(JSON.stringify(built.problems, null, 2));
  return built.value;
}

/** The formula text of a call: text quoted, numbers as typed, omitted arguments left empty. */
function formulaOf(name: string, args: readonly CellInput[]): string {
  const text = args.map((a) =>
    a === null || a === undefined
      ? ""
      : typeof a === "string"
        ? `"${a.replace(/"/g, '""')}"`
        : typeof a === "boolean"
          ? a
            ? "TRUE()"
            : "FALSE()"
          : String(a)
  );
  return `=${name}(${text.join(",")})`;
}

/** Evaluates one formula in a fresh engine over `source` and returns the top-left value. */
function calc(formula: string, source: AidLedger = ledger): HfCellValue {
  const engine = createAidEngine(() => source, { Sheet1: [[formula]] });
  try {
    return engine.getCellValue(A1);
  } finally {
    engine.destroy();
  }
}

const ERROR_TYPE = { VALUE: ErrorType.VALUE, NA: ErrorType.NA, NUM: ErrorType.NUM } as const;

/** Asserts that an engine value is what the catalog's evaluate returned for the same call. */
function expectSameAnswer(actual: HfCellValue, expected: CellValue): void {
  if (isAidError(expected)) {
    expect(actual).toBeInstanceOf(DetailedCellError);
    expect((actual as DetailedCellError).type).toBe(ERROR_TYPE[expected.code]);
    expect((actual as DetailedCellError).message).toBe(expected.message);
  } else {
    expect(actual).toEqual(expected);
  }
}

/** What a catalog result puts in a cell: the value, or the error. */
function answerOf(result: ReturnType<typeof evaluate>): CellValue {
  return result.ok ? (result.value as CellValue) : result.error;
}

function evaluate(name: string, args: readonly CellInput[], source: AidLedger = ledger) {
  return functionSpec(name)!.evaluate(source, args);
}

describe("AidFunctionPlugin", () => {
  test("declares every catalog function with the catalog's parameters", () => {
    const declared = AidFunctionPlugin.implementedFunctions;
    expect(Object.keys(declared).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const f of FUNCTIONS) {
      const params = declared[f.name]!.parameters!;
      expect(params.map((p) => p.optionalArg === true)).toEqual(
        f.parameters.map((p) => p.optional)
      );
      expect(declared[f.name]!.sizeOfResultArrayMethod !== undefined).toBe(f.spills);
    }
    registerAidFunctions();
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const f of FUNCTIONS) expect(names).toContain(f.name);
  });

  test('=AIDTOTAL("Africa",2016) is 2420000000', () => {
    expect(calc('=AIDTOTAL("Africa",2016)')).toBe(2420000000);
  });

  test('=AIDTOTAL("Afrika",2016) is #N/A with a message naming "Afrika"', () => {
    const value = calc('=AIDTOTAL("Afrika",2016)');
    expect(value).toBeInstanceOf(DetailedCellError);
    expect((value as DetailedCellError).type).toBe(ErrorType.NA);
    expect((value as DetailedCellError).message).toContain('"Afrika"');
  });

  const calls: [string, CellInput[]][] = [
    ["AIDTOTAL", ["Africa", 2016]],
    ["AIDTOTAL", ["Afrika", 2016]],
    ["AIDTOTAL", ["*"]],
    ["AIDTOTAL", ["Asia", 2009, "JPY"]],
    ["AIDTOTAL", ["Asia", null, "JPY"]],
    ["AIDTOTAL", ["Africa", "20x6"]],
    ["AIDTOTAL", ["Africa", 2016, "EUR"]],
    ["AIDTOTAL", ["Africa", null, null, "counter-terrorism", "all"]],
    ["AIDTOTAL", ["Africa", 2016, "USD", "nonsense"]],
    ["AIDCOUNT", ["Southeast Asia", null, "maritime"]],
    ["AIDCOUNT", ["*", 2016, null, "training"]],
    ["AIDCOUNT", [42]],
    ["AIDCOUNT", ["*", null, null, "gift"]],
    ["AIDPEOPLE", ["Africa", 2016]],
    ["AIDPEOPLE", ["*"]],
    ["AIDSOURCE", ["viet-nam-haiphong-customs-2009"]],
    ["AIDSOURCE", ["viet-nam-haiphong-customs-2008"]],
    ["AIDRATE", ["USD", "JPY", 2016]],
    ["AIDRATE", ["JPY", "USD"]],
    ["AIDRATE", ["USD", "JPY", 1950]],
    ["AIDCONVERT", [1000000, "USD", "JPY", 2016]],
    ["AIDCONVERT", [123.45, "USD", "JPY"]],
    ["AIDCONVERT", ["lots", "USD", "JPY"]],
  ];
  test.each(calls)("%s%j gives what the catalog's evaluate gives", (name, args) => {
    expectSameAnswer(calc(formulaOf(name, args)), answerOf(evaluate(name, args)));
  });

  test('=AIDLIST("Viet Nam") spills exactly the list, header row first', () => {
    const expected = evaluate("AIDLIST", ["Viet Nam"]);
    if (!expected.ok || !Array.isArray(expected.value))
      throw new Error("AIDLIST should answer a table");
    const engine = createAidEngine(() => ledger, { Sheet1: [['=AIDLIST("Viet Nam")']] });
    expect(engine.isCellPartOfArray(A1)).toBe(true);
    expect(engine.getSheetDimensions(0)).toEqual({
      width: LIST_HEADER.length,
      height: expected.value.length,
    });
    const values = engine.getSheetValues(0);
    expect(values[0]).toEqual([...LIST_HEADER]);
    expected.value.forEach((row, r) =>
      row.forEach((cell, c) => expectSameAnswer(values[r]![c]!, cell))
    );
    engine.destroy();
  });

  test("AIDLIST with a computed argument reserves a safe size and leaves the rows below its answer empty", () => {
    const expected = evaluate("AIDLIST", ["Viet Nam"]);
    if (!expected.ok || !Array.isArray(expected.value))
      throw new Error("AIDLIST should answer a table");
    const engine = createAidEngine(() => ledger, { Sheet1: [["Viet Nam"], ["=AIDLIST(A1)"]] });
    const values = engine.getSheetValues(0).slice(1);
    expect(values.length).toBeGreaterThanOrEqual(expected.value.length);
    expect(values.slice(0, expected.value.length).map((row) => row[0])).toEqual(
      expected.value.map((row) => row[0])
    );
    expect(
      values.slice(expected.value.length).every((row) => row.every((cell) => cell === null))
    ).toBe(true);
    // A different place in A1 answers at once, within the same reserved size.
    engine.setCellContents(A1, [["Africa"]]);
    const africa = evaluate("AIDLIST", ["Africa"]);
    if (!africa.ok || !Array.isArray(africa.value))
      throw new Error("AIDLIST should answer a table");
    expect(
      engine
        .getSheetValues(0)
        .slice(1, 1 + africa.value.length)
        .map((row) => row[0])
    ).toEqual(africa.value.map((row) => row[0]));
    engine.destroy();
  });

  test("formulas can take their arguments from other cells, and follow them when they change", () => {
    const engine = createAidEngine(() => ledger, {
      Sheet1: [["Africa", 2016, "=AIDTOTAL(A1,B1)", "=AIDTOTAL(A1,D2)"]],
    });
    expect(engine.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(2420000000);
    // An empty cell is an omitted argument: all years.
    expectSameAnswer(
      engine.getCellValue({ sheet: 0, row: 0, col: 3 }),
      answerOf(evaluate("AIDTOTAL", ["Africa"]))
    );
    engine.setCellContents({ sheet: 0, row: 0, col: 1 }, [[2015]]);
    expectSameAnswer(
      engine.getCellValue({ sheet: 0, row: 0, col: 2 }),
      answerOf(evaluate("AIDTOTAL", ["Africa", 2015]))
    );
    engine.destroy();
  });

  test("an error argument propagates unchanged", () => {
    const value = calc("=AIDTOTAL(1/0)");
    expect((value as DetailedCellError).type).toBe(ErrorType.DIV_BY_ZERO);
  });

  test("=AIDVERSION() prints the status the engine is given, and follows it after a refresh", () => {
    let status = "Bundled data, 33 records from 2 reports, loaded 29 Nov 2026 12:18";
    const engine = createAidEngine(
      () => ledger,
      { Sheet1: [["=AIDVERSION()"]] },
      {},
      () => status
    );
    expect(engine.getCellValue(A1)).toBe(status);
    status = "Data edited in this workbook since 29 Nov 2026 12:30, 34 records from 2 reports";
    refreshAidEngine(engine);
    expect(engine.getCellValue(A1)).toBe(status);
    engine.destroy();
    const plain = createAidEngine(() => ledger, { Sheet1: [["=AIDVERSION()"]] });
    expect(plain.getCellValue(A1)).toBe("33 records from 2 reports");
    plain.destroy();
  });

  test("swapping the ledger behind the provider and refreshing changes the answers", () => {
    const synthetic = ledgerOf(generateRecords(300, { seed: 3 }));
    let current = ledger;
    const engine = createAidEngine(() => current, {
      Sheet1: [['=AIDTOTAL("Africa",2016)', '=AIDCOUNT("*")']],
    });
    expect(engine.getCellValue(A1)).toBe(2420000000);
    current = synthetic;
    refreshAidEngine(engine);
    const expected = evaluate("AIDTOTAL", ["Africa", 2016], synthetic);
    expect(expected.ok).toBe(true);
    expect(engine.getCellValue(A1)).toBe(answerOf(expected));
    expect(engine.getCellValue(A1)).not.toBe(2420000000);
    expect(engine.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(300);
    engine.destroy();
  });

  test("a list that outgrows the size reserved before a ledger swap is #VALUE! until the engine is refreshed", () => {
    const small = ledgerOf(generateRecords(5, { seed: 9 }));
    const large = ledgerOf(generateRecords(40, { seed: 9 }));
    let current = small;
    const engine = createAidEngine(() => current, { Sheet1: [["*"], ["=AIDLIST(A1)"]] });
    const listAt = { sheet: 0, row: 1, col: 0 };
    expect(engine.getSheetDimensions(0).height).toBe(1 + 1 + 5);
    current = large;
    engine.setCellContents(A1, [[" *"]]); // still every place; a changed input recalculates the list without re-parsing it
    const value = engine.getCellValue(listAt);
    expect((value as DetailedCellError).type).toBe(ErrorType.VALUE);
    expect((value as DetailedCellError).message).toContain("refreshAidEngine");
    refreshAidEngine(engine);
    expect(engine.getSheetDimensions(0).height).toBe(1 + 1 + 40);
    expect(engine.getCellValue(listAt)).toBe("id");
    engine.destroy();
  });

  test("engines keep their own ledgers, and registering again is harmless", () => {
    registerAidFunctions();
    registerAidFunctions();
    const synthetic = ledgerOf(generateRecords(120, { seed: 5 }));
    const bundled = createAidEngine(() => ledger, { Sheet1: [['=AIDCOUNT("*")']] });
    const other = createAidEngine(() => synthetic, { Sheet1: [['=AIDCOUNT("*")']] });
    expect(bundled.getCellValue(A1)).toBe(bundledRows().length);
    expect(other.getCellValue(A1)).toBe(120);
    bundled.destroy();
    other.destroy();
  });

  test("an engine built without createAidEngine answers #N/A saying how to give it a ledger", () => {
    registerAidFunctions();
    const engine = HyperFormula.buildFromArray([['=AIDCOUNT("*")']], { licenseKey: "gpl-v3" });
    const value = engine.getCellValue(A1) as DetailedCellError;
    expect(value.type).toBe(ErrorType.NA);
    expect(value.message).toContain("createAidEngine");
    engine.destroy();
  });
});
