import { expect } from "@jest/globals";
import { TABLES } from "../../../src/domain";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { newSession } from "../testSession";
import { cellOf, modelSession, raiseTicad, settle } from "./modelSession";

/*
 * Issue 13, items 2 and 3, on the shipped adapter over the Excel model: the derived tables follow
 * every accepted edit, and a workbook that holds tables is read before it is answered from.
 */

const setUp = modelSession;

describe("derived tables follow every accepted change (issue 13, item 2)", () => {
  test("after an edit of an amount, a SUMIFS over AidFacts and the AidRates default row agree with AIDTOTAL and AIDRATE", async () => {
    const { model, session } = setUp();
    await session.start();
    const loaded = await session.load();
    expect(loaded.ok).toBe(true);
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    model.user.type(
      "Sheet1",
      "A2",
      '=SUMIFS(AidFacts[AmountUSD],AidFacts[Region],"Africa",AidFacts[Year],2016)'
    );
    model.user.type("Sheet1", "A3", '=AIDRATE("USD","JPY",2016)');
    model.user.type(
      "Sheet1",
      "A4",
      '=SUMIFS(AidRates[JpyPerUsd],AidRates[Entry],"default",AidRates[Document],"000_ecb32d6e9fafa848.txt")'
    );
    const before = model.read.values("Sheet1", "A1:A4").map((r) => r[0]);
    expect(before[0]).toBe(before[1]);
    expect(before[2]).toBeCloseTo(before[3] as number, 5);

    raiseTicad(model);
    await settle(model, session);
    expect(session.snapshot.editProblems).toEqual([]);

    const after = model.read.values("Sheet1", "A1:A4").map((r) => r[0]);
    expect(after[0]).toBe((before[0] as number) + 100000000);
    expect(after[1]).toBe(after[0]);
    expect(after[2]).not.toBeCloseTo(before[2] as number, 5);
    expect(after[3]).toBeCloseTo(after[2] as number, 5);
    expect(session.snapshot.activity).toBeNull();
    expect(session.snapshot.busy).toBe(false);
  });

  test("while the derived tables are rewritten the session says so, and an edit taken in says nothing went wrong", async () => {
    const { model, session } = setUp();
    await session.start();
    await session.load();
    const seen: (string | null)[] = [];
    session.subscribe((s) => seen.push(s.activity));
    const notes = cellOf(
      model,
      TABLES.commitments.table,
      "id",
      "ticad6-peace-stability-2016",
      "notes"
    );
    model.user.type(notes.sheet, notes.address, "checked by the budget office");
    await settle(model, session);
    expect(seen).toContain("Bringing Facts, Rates and the Summary up to date with your edit…");
    expect(seen.at(-1)).toBeNull();
    expect(session.snapshot.notice).toBeNull();
  });

  test("a failed rewrite of Facts is told in the pane; the AID cells still show the edit", async () => {
    const { model, session } = setUp();
    await session.start();
    await session.load();
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    const before = model.read.value("Sheet1", "A1") as number;
    model.failAt((r) => r.statement.includes("Facts"));
    raiseTicad(model);
    await settle(model, session);
    model.clearFault();
    expect(model.read.value("Sheet1", "A1")).toBe(before + 100000000);
    expect(session.snapshot.notice).toMatchObject({
      intent: "warning",
      message: expect.stringMatching(/could not be brought up to date.*Re-read workbook/s),
    });
  });
});

describe("a workbook is read before it is answered from (issue 13, item 3)", () => {
  test("a reopened workbook whose tables differ from the bundled data never shows a bundled answer", async () => {
    const { store, model, session } = setUp();
    await session.start();
    await session.load();
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    raiseTicad(model);
    await settle(model, session);
    expect(model.read.value("Sheet1", "A1")).toBe(2520000000);

    // Reopened: a new runtime, whose store waits, over the saved workbook.
    const shown: unknown[] = [];
    store.awaitWorkbook();
    const watch = () => shown.push(model.read.value("Sheet1", "A1"));
    store.subscribe(watch);
    const reopened = newSession(new ExcelWorkbook({ run: model.run, supports: model.supports }), {
      store,
    });
    await reopened.start();
    watch();
    expect(shown).not.toContain(2420000000);
    expect(shown).toContain("#N/A");
    expect(shown.at(-1)).toBe(2520000000);
  });

  test("a workbook without tables: the cell waits (busy), then answers from the bundled data at once", async () => {
    const { store, model, session } = setUp({ waiting: true });
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    expect(model.read.errorMessage("Sheet1", "A1")).toMatch(/#BUSY!/);
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.readiness().state));
    await session.start();
    // No tables: the bundled data answers at once.
    expect(model.read.value("Sheet1", "A1")).toBe(2420000000);
    expect(seen).toEqual(["ready"]);
  });

  test("a start-up read that keeps failing is shown by the pane, by AIDVERSION, and by #N/A in every AID cell", async () => {
    const { store, model, session } = setUp({ waiting: true });
    model.user.beginCellEdit();
    await session.start();
    expect(store.readiness().state).toBe("failed");
    expect(store.status()).toMatch(/^Could not read this workbook's Aid Ledger tables/);
    expect(session.snapshot.notice).toMatchObject({
      intent: "error",
      message: expect.stringMatching(/3 attempts.*Re-read workbook/s),
    });
    model.user.endCellEdit();
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    expect(model.read.value("Sheet1", "A1")).toBe("#N/A");
    expect(model.read.errorMessage("Sheet1", "A1")).toMatch(/Could not read this workbook/);
    const reread = await session.reread();
    expect(reread).toMatch(/^Read this workbook's tables/);
    expect(model.read.value("Sheet1", "A1")).toBe(2420000000);
  });
});

describe("the briefing copy (issue 13, item 8)", () => {
  test("cells show exactly the text they hold: no apostrophe a user did not type, formulas as text", async () => {
    const { model, session } = setUp();
    await session.start();
    await session.load();
    model.user.activate("Sheet1");
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    model.user.type("Sheet1", "A2", '=AIDTOTAL("Afrika",2016)');
    model.user.type("Sheet1", "A3", '=AIDLIST("Viet Nam")');
    model.user.type("Sheet1", "C1", "'2016");
    const made = await session.features.makeBriefingCopy();
    expect(made).toMatchObject({ made: true, formulas: 3 });
    if (!made.made) return;
    const copy = model.read.values(made.sheet);
    const sources = model.read.values(made.sourcesSheet);
    const texts = [...copy, ...sources].flat().filter((v): v is string => typeof v === "string");
    // The one apostrophe-led text is the user's own '2016, which Excel shows as 2016.
    expect(texts.filter((t) => t.startsWith("'"))).toEqual([]);
    expect(copy[0]![0]).toBe(2420000000);
    expect(copy[1]![0]).toBe("#N/A");
    expect(copy[0]![2]).toBe("2016");
    expect(sources.flat()).toContain('=AIDTOTAL("Africa",2016)');
    expect(sources.flat()).toContain("A1");
    expect(String(sources[1]![0])).toMatch(/^Data: /);
  });
});

describe("calculation mode (issue 13, item 5)", () => {
  test("read at start and again on request; in Manual the AID cells keep their answers until Excel calculates", async () => {
    const { model, session } = setUp();
    model.user.setCalculationMode("Manual");
    await session.start();
    expect(session.snapshot.calculationMode).toBe("Manual");
    await session.load();
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    raiseTicad(model);
    await settle(model, session);
    // The ledger moved; the cell still shows the old answer until Excel calculates.
    expect(model.read.value("Sheet1", "A1")).toBe(2420000000);
    model.user.calculateNow();
    expect(model.read.value("Sheet1", "A1")).toBe(2520000000);
    model.user.setCalculationMode("Automatic");
    expect(await session.environment.checkCalculationMode()).toBe("Automatic");
    expect(session.snapshot.calculationMode).toBe("Automatic");
  });
});

describe("repairing AID cells saved without the add-in (issue 13, item 6)", () => {
  test("#NAME? stays until the formula is re-entered; Repair re-enters exactly those cells and says how many", async () => {
    const { model, session } = setUp();
    await session.start();
    model.user.type("Sheet1", "A1", '=AIDTOTAL("Africa",2016)');
    model.user.type("Sheet1", "A2", "=1+1");
    model.user.addSheet("Other");
    model.user.type("Other", "B4", '=AIDCOUNT("Philippines",,"maritime")');
    expect(model.user.saveWithoutAddin()).toBe(2);
    // The add-in is loaded, the data changes: the cells still show #NAME?.
    await session.load();
    expect(model.read.value("Sheet1", "A1")).toBe("#NAME?");
    expect(model.read.value("Other", "B4")).toBe("#NAME?");
    expect(await session.features.repairAidCells()).toBe(
      "Repaired 2 AID cells that showed #NAME? (Sheet1!A1, Other!B4): each formula was entered again."
    );
    expect(model.read.value("Sheet1", "A1")).toBe(2420000000);
    expect(model.read.value("Other", "B4")).toBe(2);
    expect(model.read.formula("Sheet1", "A2")).toBe("=1+1");
    expect(await session.features.repairAidCells()).toBe(
      "No AID cell shows #NAME?: nothing to repair."
    );
  });
});
