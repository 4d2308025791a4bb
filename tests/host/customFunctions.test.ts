import {
  type AidLedger,
  FUNCTIONS,
  LIST_HEADER,
  bundledReference,
  bundledRows,
  createLedger,
  loadBundledLedger,
} from "../../src/domain";
import * as host from "../../src/host/customFunctions";
import { answer } from "../../src/host/answer";

/** What tests/setup/customFunctionsGlobal.ts records for each CustomFunctions.associate call. */
const registered = (CustomFunctions as unknown as { __registered: Map<string, unknown> })
  .__registered;

/** Calls `run` and returns what it threw; fails the test when it returns instead. */
function thrown(run: () => unknown): unknown {
  try {
    const value = run();
    throw new Error(`expected a thrown CustomFunctions.Error, got ${JSON.stringify(value)}`);
  } catch (error) {
    return error;
  }
}

function expectExcelError(
  error: unknown,
  code: string,
  message?: RegExp
): asserts error is CustomFunctions.Error {
  expect(error).toBeInstanceOf(CustomFunctions.Error);
  expect((error as CustomFunctions.Error).code).toBe(code);
  if (message) expect((error as CustomFunctions.Error).message).toMatch(message);
}

afterEach(() => {
  jest.restoreAllMocks();
  host.ledgerStore.replace(loadBundledLedger());
});

describe("registration", () => {
  test("every catalog function is associated under its exact name, and nothing else is", () => {
    expect([...registered.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });

  test("each name is associated with the exported function of that name", () => {
    const exported: Record<string, unknown> = {
      AIDTOTAL: host.aidTotal,
      AIDCOUNT: host.aidCount,
      AIDPEOPLE: host.aidPeople,
      AIDLIST: host.aidList,
      AIDSOURCE: host.aidSource,
      AIDRATE: host.aidRate,
      AIDCONVERT: host.aidConvert,
    };
    for (const f of FUNCTIONS) expect(registered.get(f.name)).toBe(exported[f.name]);
  });
});

describe("answers", () => {
  test('AIDTOTAL("Africa",2016) is 2420000000', () => {
    expect(host.aidTotal("Africa", 2016)).toBe(2420000000);
  });

  test("a year as text and omitted arguments as null (as Excel passes them) give the same answer", () => {
    expect(
      host.aidTotal("Africa", "2016", null as unknown as undefined, null as unknown as undefined)
    ).toBe(2420000000);
  });

  test("every catalog example answers without an error", () => {
    const calls: Record<string, () => unknown> = {
      AIDTOTAL: () => host.aidTotal("Africa", 2016),
      AIDCOUNT: () => host.aidCount("Southeast Asia", undefined, "maritime"),
      AIDPEOPLE: () => host.aidPeople("Africa", 2016),
      AIDLIST: () => host.aidList("Viet Nam"),
      AIDSOURCE: () => host.aidSource("ticad6-peace-stability-2016"),
      AIDRATE: () => host.aidRate("USD", "JPY", 2016),
      AIDCONVERT: () => host.aidConvert(1000000, "USD", "JPY", 2016),
    };
    for (const f of FUNCTIONS) {
      const call = calls[f.name];
      expect(call).toBeDefined();
      expect(call!).not.toThrow();
    }
    expect(host.aidConvert(1000000, "USD", "JPY", 2016)).toBe(103944444);
  });
});

describe("errors", () => {
  test("an unknown place throws #N/A naming the place and suggesting one", () => {
    const error = thrown(() => host.aidTotal("Afrika", 2016));
    expectExcelError(error, "#N/A", /"Afrika"/);
    expect(error.message).toMatch(/Did you mean .*"Africa"/);
  });

  test("a bad year throws #VALUE! saying what a year is", () => {
    expectExcelError(
      thrown(() => host.aidTotal("Africa", 16.5)),
      "#VALUE!",
      /year must be a year/
    );
    expectExcelError(
      thrown(() => host.aidTotal("Africa", "next year")),
      "#VALUE!",
      /"next year"/
    );
  });

  test("an argument that is not a single value throws #VALUE! naming the parameter", () => {
    expectExcelError(
      thrown(() => host.aidCount("Africa", [[2016]])),
      "#VALUE!",
      /^year must be a single value/
    );
  });

  test("AIDLIST answers a 2-D table whose error cells are CustomFunctions.Error objects", () => {
    // The 2010 report states no JPY/USD rate, so its USD record (the JAIF fund) has no JPY value and
    // its yen grant to Viet Nam no USD value: those cells are #N/A.
    const table = host.aidList("Southeast Asia");
    expect(Array.isArray(table)).toBe(true);
    expect(table[0]).toEqual([...LIST_HEADER]);
    expect(table.length).toBeGreaterThan(1);
    for (const row of table) expect(row).toHaveLength(LIST_HEADER.length);
    const errors = table.flat().filter((cell) => typeof cell === "object" && cell !== null);
    expect(errors.length).toBeGreaterThan(0);
    for (const cell of errors) expectExcelError(cell, "#N/A", /No JPY\/USD rate/);
  });

  test("AIDLIST with a bad argument throws instead of answering a table", () => {
    expectExcelError(
      thrown(() => host.aidList("Atlantis")),
      "#N/A",
      /"Atlantis"/
    );
  });

  test("an exception inside the domain becomes #VALUE! with a message, never a raw exception", () => {
    const broken = {
      places: {
        resolve: () => {
          throw new TypeError("index corrupted");
        },
      },
    } as unknown as AidLedger;
    host.ledgerStore.replace(broken);
    expectExcelError(
      thrown(() => host.aidTotal("Africa", 2016)),
      "#VALUE!",
      /AIDTOTAL failed unexpectedly: index corrupted/
    );
    expectExcelError(
      thrown(() => host.aidList("Africa")),
      "#VALUE!",
      /AIDLIST failed unexpectedly/
    );
  });

  test("a failure to load the ledger becomes #VALUE! too", () => {
    jest.spyOn(host.ledgerStore, "current").mockImplementation(() => {
      throw new Error("The bundled dataset is invalid");
    });
    for (const f of FUNCTIONS) {
      expectExcelError(
        thrown(() => answer(f.name as "AIDTOTAL", ["Africa"])),
        "#VALUE!",
        new RegExp(`^${f.name} failed unexpectedly: The bundled dataset is invalid`)
      );
    }
  });

  test("a thrown non-Error value is reported as text", () => {
    jest.spyOn(host.ledgerStore, "current").mockImplementation(() => {
      throw "out of memory"; // eslint-disable-line @typescript-eslint/only-throw-error
    });
    expectExcelError(
      thrown(() => host.aidSource("x")),
      "#VALUE!",
      /out of memory/
    );
  });

  test("after ledgerStore.replace, the functions answer from the new ledger", () => {
    const rows = bundledRows() as readonly { id: string; partOf?: string | null }[];
    const referenced = new Set(rows.map((r) => r.partOf).filter(Boolean));
    const dropped = rows.find((r) => !referenced.has(r.id))!;
    const smaller = createLedger({
      rows: rows.filter((r) => r !== dropped),
      reference: bundledReference(),
    });
    if (!smaller.ok) throw new Error("the smaller dataset should be valid");
    const before = host.aidCount("*");
    host.ledgerStore.replace(smaller.value);
    expect(host.aidCount("*")).toBe(before - 1);
    expectExcelError(
      thrown(() => host.aidSource(dropped.id)),
      "#N/A"
    );
  });
});
