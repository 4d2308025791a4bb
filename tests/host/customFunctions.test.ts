import {
  type AidLedger,
  FUNCTIONS,
  LIST_HEADER,
  bundledReference,
  bundledRows,
  createLedger,
  loadBundledLedger,
  setLanguage,
} from "../../src/domain";
import * as host from "../../src/host/customFunctions";
import { answer } from "../../src/host/answer";

/** What tests/setup/customFunctionsGlobal.ts records for each CustomFunctions.associate call. */
const registered = (CustomFunctions as unknown as { __registered: Map<string, unknown> })
  .__registered;

/** A stand-in for Excel's StreamingInvocation: records every result the function sets. */
interface RecordingInvocation {
  readonly results: unknown[];
  setResult(value: unknown): void;
  onCanceled?: () => void;
}

function invocation(): RecordingInvocation {
  const results: unknown[] = [];
  return { results, setResult: (value) => results.push(value) };
}

type StreamingFunction = (...args: never[]) => void;

/** Starts `fn` in a cell as Excel does (omitted trailing arguments as undefined, the invocation last). */
function start(fn: StreamingFunction, ...args: unknown[]): RecordingInvocation {
  const inv = invocation();
  const padded = Array.from({ length: fn.length - 1 }, (_, i) => args[i]);
  (fn as (...a: unknown[]) => void)(...padded, inv);
  return inv;
}

/** The first answer of `fn`, as a cell shows it; the invocation is then cancelled. */
function call(fn: StreamingFunction, ...args: unknown[]): unknown {
  const inv = start(fn, ...args);
  inv.onCanceled?.();
  expect(inv.results).toHaveLength(1);
  return inv.results[0];
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
      AIDVERSION: host.aidVersion,
    };
    for (const f of FUNCTIONS) expect(registered.get(f.name)).toBe(exported[f.name]);
  });
});

describe("answers", () => {
  test('AIDTOTAL("Africa",2016) is 2420000000', () => {
    expect(call(host.aidTotal, "Africa", 2016)).toBe(2420000000);
  });

  test("a year as text and omitted arguments as null (as Excel passes them) give the same answer", () => {
    expect(call(host.aidTotal, "Africa", "2016", null, null)).toBe(2420000000);
  });

  test("every catalog example answers without an error", () => {
    const calls: Record<string, () => unknown> = {
      AIDTOTAL: () => call(host.aidTotal, "Africa", 2016),
      AIDCOUNT: () => call(host.aidCount, "Southeast Asia", undefined, "maritime"),
      AIDPEOPLE: () => call(host.aidPeople, "Africa", 2016),
      AIDLIST: () => call(host.aidList, "Viet Nam"),
      AIDSOURCE: () => call(host.aidSource, "ticad6-peace-stability-2016"),
      AIDRATE: () => call(host.aidRate, "USD", "JPY", 2016),
      AIDCONVERT: () => call(host.aidConvert, 1000000, "USD", "JPY", 2016),
      AIDVERSION: () => call(host.aidVersion),
    };
    for (const f of FUNCTIONS) {
      const call = calls[f.name];
      expect(call).toBeDefined();
      expect(call!()).not.toBeInstanceOf(CustomFunctions.Error);
    }
    expect(call(host.aidConvert, 1000000, "USD", "JPY", 2016)).toBe(103944444);
  });
});

describe("errors", () => {
  test("an unknown place answers #N/A naming the place and suggesting one", () => {
    const error = call(host.aidTotal, "Afrika", 2016);
    expectExcelError(error, "#N/A", /"Afrika"/);
    expect(error.message).toMatch(/Did you mean .*"Africa"/);
  });

  test("a bad year answers #VALUE! saying what a year is", () => {
    expectExcelError(call(host.aidTotal, "Africa", 16.5), "#VALUE!", /year must be a year/);
    expectExcelError(call(host.aidTotal, "Africa", "next year"), "#VALUE!", /"next year"/);
  });

  test("an argument that is not a single value answers #VALUE! naming the parameter", () => {
    expectExcelError(
      call(host.aidCount, "Africa", [[2016]]),
      "#VALUE!",
      /^year must be a single value/
    );
  });

  test("AIDLIST answers a 2-D table whose error cells are CustomFunctions.Error objects", () => {
    // The 2010 report states no JPY/USD rate, so its USD record (the JAIF fund) has no JPY value and
    // its yen grant to Viet Nam no USD value: those cells are #N/A.
    const table = call(host.aidList, "Southeast Asia") as unknown[][];
    expect(Array.isArray(table)).toBe(true);
    expect(table[0]).toEqual([...LIST_HEADER]);
    expect(table.length).toBeGreaterThan(1);
    for (const row of table) expect(row).toHaveLength(LIST_HEADER.length);
    const errors = table.flat().filter((cell) => typeof cell === "object" && cell !== null);
    expect(errors.length).toBeGreaterThan(0);
    for (const cell of errors) expectExcelError(cell, "#N/A", /No JPY\/USD rate/);
  });

  test("AIDLIST with a bad argument answers an error instead of a table", () => {
    expectExcelError(call(host.aidList, "Atlantis"), "#N/A", /"Atlantis"/);
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
      call(host.aidTotal, "Africa", 2016),
      "#VALUE!",
      /AIDTOTAL failed unexpectedly: index corrupted/
    );
    expectExcelError(call(host.aidList, "Africa"), "#VALUE!", /AIDLIST failed unexpectedly/);
  });

  test("a failure to load the ledger becomes #VALUE! too", () => {
    jest.spyOn(host.ledgerStore, "current").mockImplementation(() => {
      throw new Error("The bundled dataset is invalid");
    });
    for (const f of FUNCTIONS) {
      expectExcelError(
        answer(f.name as "AIDTOTAL", ["Africa"]),
        "#VALUE!",
        new RegExp(`^${f.name} failed unexpectedly: The bundled dataset is invalid`)
      );
    }
  });

  test("a thrown non-Error value is reported as text", () => {
    jest.spyOn(host.ledgerStore, "current").mockImplementation(() => {
      throw "out of memory"; // eslint-disable-line @typescript-eslint/only-throw-error
    });
    expectExcelError(call(host.aidSource, "x"), "#VALUE!", /out of memory/);
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
    const before = call(host.aidCount, "*") as number;
    host.ledgerStore.replace(smaller.value);
    expect(call(host.aidCount, "*")).toBe(before - 1);
    expectExcelError(call(host.aidSource, dropped.id), "#N/A");
  });
});

describe("streaming: every AID cell follows the ledger (office-js #4502, #1462: recalculation is not dependable)", () => {
  function smallerLedger(): { ledger: AidLedger; droppedId: string } {
    const rows = bundledRows() as readonly { id: string; partOf?: string | null }[];
    const referenced = new Set(rows.map((r) => r.partOf).filter(Boolean));
    const dropped = rows.find((r) => !referenced.has(r.id))!;
    const built = createLedger({
      rows: rows.filter((r) => r !== dropped),
      reference: bundledReference(),
    });
    if (!built.ok) throw new Error("the smaller dataset should be valid");
    return { ledger: built.value, droppedId: dropped.id };
  }

  test("a running cell answers again when the ledger is replaced, without any recalculation", () => {
    const cell = start(host.aidCount, "*");
    const before = cell.results[0] as number;
    host.ledgerStore.replace(smallerLedger().ledger);
    expect(cell.results).toEqual([before, before - 1]);
  });

  test("a cell that showed an error shows a value once the data has the record", () => {
    const { ledger, droppedId } = smallerLedger();
    host.ledgerStore.replace(ledger);
    const cell = start(host.aidSource, droppedId);
    expectExcelError(cell.results[0], "#N/A");
    host.ledgerStore.replace(loadBundledLedger());
    expect(cell.results).toHaveLength(2);
    expect(typeof cell.results[1]).toBe("string");
  });

  test("an AIDLIST spill is sent again whole, with its new number of rows", () => {
    const cell = start(host.aidList, "*");
    const rows = (cell.results[0] as unknown[][]).length;
    host.ledgerStore.replace(smallerLedger().ledger);
    expect((cell.results[1] as unknown[][]).length).toBe(rows - 1);
  });

  test("AIDVERSION answers the store's status line, and again when the data changes", () => {
    const cell = start(host.aidVersion);
    expect(cell.results).toEqual([host.ledgerStore.status()]);
    host.ledgerStore.replace(smallerLedger().ledger, "File edited.csv, 32 records from 2 reports");
    expect(cell.results[1]).toBe("File edited.csv, 32 records from 2 reports");
  });

  test("an answer that did not change is not sent again", () => {
    const cell = start(host.aidTotal, "Africa", 2016);
    host.ledgerStore.replace(loadBundledLedger());
    host.ledgerStore.replace(loadBundledLedger());
    expect(cell.results).toEqual([2420000000]);
  });

  test("a cancelled cell (formula removed or changed) stops listening", () => {
    const cell = start(host.aidCount, "*");
    cell.onCanceled?.();
    host.ledgerStore.replace(smallerLedger().ledger);
    expect(cell.results).toHaveLength(1);
  });
});

describe("the language of error messages", () => {
  afterEach(() => setLanguage("en"));

  test("an error cell is sent again in the language the pane chooses; an answer is not sent again", () => {
    const error = start(host.aidTotal, "Afrika", 2016);
    const total = start(host.aidTotal, "Africa", 2016);
    setLanguage("ja");
    expect(error.results).toHaveLength(2);
    expectExcelError(error.results[0], "#N/A", /^Unknown place "Afrika"/);
    expectExcelError(error.results[1], "#N/A", /^「Afrika」という場所はありません。/);
    expect(total.results).toEqual([2420000000]);
    error.onCanceled?.();
    setLanguage("en");
    expect(error.results).toHaveLength(2); // cancelled: no longer listening
    total.onCanceled?.();
  });
});
