import {
  LedgerStore,
  SUMMARY_PIVOT,
  type SheetCell,
  TABLES,
  type TableSpec,
  WorkbookWriteError,
  ledgerTables,
  loadBundledLedger,
  summaryChart,
} from "../../../src/domain";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { IDENTITY_SETTING } from "../../../src/host/excel/identitySetting";
import { STAGING_PREFIX } from "../../../src/host/excel/staging";
import { ExcelModel } from "../../../src/tooling/excelModel";
import { newSession } from "../../taskpane/testSession";
import { identity } from "./identity";

/*
 * The shipped adapter against the Excel model (src/tooling/excelModel), which enforces the
 * documented behaviours it depends on: proxies loaded before read, batches that are not
 * transactions, unique table names, #REF! after a sheet is deleted, the 5 MB request limit.
 */

const FIRST = ledgerTables(loadBundledLedger());
/** A second dataset: Facts loses its last 13 rows, Commitments gains a copy of its first row, every id renamed. */
const SECOND: TableSpec[] = FIRST.map((spec) => {
  if (spec.table === TABLES.facts.table) return { ...spec, rows: spec.rows.slice(0, 20) };
  if (spec.table === TABLES.commitments.table)
    return {
      ...spec,
      rows: [...spec.rows, spec.rows[0]!].map((r, i) => [`second-${i}`, ...r.slice(1)]),
    };
  return spec;
});

function setUp(maxApiVersion = "1.14") {
  const store = new LedgerStore(loadBundledLedger);
  const model = new ExcelModel({ ledger: store, sheets: ["Notes"], maxApiVersion });
  const port = new ExcelWorkbook({
    run: model.run,
    supports: model.supports,
    token: () => "t0k3n",
  });
  return { store, model, port };
}

/** What a table holds, read from the model (not through the adapter). */
function contents(model: ExcelModel, table: string): SheetCell[][] {
  const t = model.read.table(table);
  if (!t) return [];
  const [sheet, address] = t.address.split("!") as [string, string];
  return model.read.values(sheet.replace(/^'|'$/g, ""), address);
}

/** What the spec's table should read as: header and rows, empty cells as Excel's "". */
function expected(spec: TableSpec): SheetCell[][] {
  return [spec.columns.map((c) => c.name), ...spec.rows.map((r) => r.map((v) => v ?? ""))];
}

const sumUsd = (spec: TableSpec) => {
  const i = spec.columns.findIndex((c) => c.name === "AmountUSD");
  return (
    spec.rows.reduce((n, r) => n + (typeof r[i] === "number" ? Math.round(r[i] * 100) : 0), 0) / 100
  );
};
const facts = (specs: TableSpec[]) => specs.find((s) => s.table === TABLES.facts.table)!;

describe("a first load creates the tables", () => {
  it("writes each table on a sheet of its own, with its number formats, a frozen header and the identity", async () => {
    const { model, port } = setUp();
    const report = await port.writeTables(FIRST, identity("first"));
    expect(report.created.map((c) => [c.table, c.sheet])).toEqual([
      ["AidCommitments", "Commitments"],
      ["AidFacts", "Facts"],
      ["AidRates", "Rates"],
    ]);
    for (const spec of FIRST) expect(contents(model, spec.table)).toEqual(expected(spec));
    expect(model.read.sheetNames()).toEqual(["Notes", "Commitments", "Facts", "Rates"]);
    expect(model.read.settings()[IDENTITY_SETTING]).toBe(JSON.stringify(identity("first")));
    expect(model.read.sheets().find((s) => s.name === "Facts")?.frozenRows).toBe(1);
    const usd = facts(FIRST).columns.findIndex((c) => c.name === "AmountUSD");
    expect(model.read.numberFormats("Facts")[1]![usd]).toBe("#,##0.00");
    // The hidden staging sheets are gone.
    expect(model.read.sheetNames().some((n) => n.startsWith(STAGING_PREFIX))).toBe(false);
  });

  it("a sheet of the user's that has the table's sheet name is left alone: the table goes on a new sheet", async () => {
    const { model, port } = setUp();
    model.user.addSheet("Facts");
    model.user.type("Facts", "A1", "my own facts");
    const report = await port.writeTables(FIRST, identity("first"));
    expect(report.created.find((c) => c.table === "AidFacts")?.sheet).toBe("Facts (2)");
    expect(model.read.value("Facts", "A1")).toBe("my own facts");
  });
});

describe("a refresh changes the tables' contents and nothing else", () => {
  async function loaded() {
    const s = setUp();
    await s.port.writeTables(FIRST, identity("first"));
    expect((await s.port.ensurePivotTable(SUMMARY_PIVOT)).created).toBe(true);
    return s;
  }

  it("the user's formulas on another sheet, by address and by structured reference, show the new totals, never #REF!", async () => {
    const { model, port } = await loaded();
    model.user.type("Notes", "A1", "=SUM(Facts!L2:L40)");
    model.user.type("Notes", "A2", "=SUM(AidFacts[AmountUSD])");
    expect(model.read.value("Notes", "A1")).toBeCloseTo(sumUsd(facts(FIRST)), 2);
    await port.writeTables(SECOND, identity("second"));
    expect(model.read.value("Notes", "A1")).toBeCloseTo(sumUsd(facts(SECOND)), 2);
    expect(model.read.value("Notes", "A2")).toBeCloseTo(sumUsd(facts(SECOND)), 2);
    // The removed facts' rows are deleted, and a reference by address shrinks with them, as
    // Excel adjusts references to deleted cells; the structured reference needs nothing.
    const removedFacts = facts(FIRST).rows.length - facts(SECOND).rows.length;
    expect(model.read.formulas("Notes")).toEqual([
      [`=SUM(Facts!L2:L${40 - removedFacts})`],
      ["=SUM(AidFacts[AmountUSD])"],
    ]);
    for (const spec of SECOND) expect(contents(model, spec.table)).toEqual(expected(spec));
  });

  it("sheets the user renamed and moved keep their names and places; the tables are found by name", async () => {
    const { model, port } = await loaded();
    model.user.renameSheet("Facts", "Pivot data");
    model.user.moveSheet("Pivot data", 0);
    model.user.type("Pivot data", "T1", "a note beside the table");
    const order = model.read.sheetNames();
    const report = await port.writeTables(SECOND, identity("second"));
    expect(model.read.sheetNames()).toEqual(order);
    expect(report.refreshed.find((r) => r.table === "AidFacts")?.sheet).toBe("Pivot data");
    expect(contents(model, "AidFacts")).toEqual(expected(facts(SECOND)));
    expect(model.read.value("Pivot data", "T1")).toBe("a note beside the table");
  });

  it("a column the user added to a table keeps its formula on every row, new rows included", async () => {
    const { model, port } = await loaded();
    model.user.addTableColumn("AidCommitments", "Doubled", "=[@fiscalYear]*2");
    await port.writeTables(SECOND, identity("second"));
    const t = model.read.table("AidCommitments")!;
    expect(t.columns[t.columns.length - 1]).toBe("Doubled");
    const rows = contents(model, "AidCommitments");
    const commitments = SECOND.find((s) => s.table === "AidCommitments")!;
    expect(rows).toHaveLength(commitments.rows.length + 1);
    const fy = commitments.columns.findIndex((c) => c.name === "fiscalYear");
    for (const [i, row] of commitments.rows.entries()) {
      const want = typeof row[fy] === "number" ? row[fy] * 2 : 0;
      expect(rows[i + 1]![rows[0]!.length - 1]).toBe(want);
    }
  });

  it("the Summary PivotTable and a PivotTable of the user's over AidFacts follow the new rows once refreshed", async () => {
    const { model, port } = await loaded();
    model.user.createPivotTable("MyPivot", "AidFacts", "Notes", "D1", {
      rows: ["Region"],
      values: ["AmountUSD"],
    });
    await port.writeTables(SECOND, identity("second"));
    expect(await port.ensurePivotTable(SUMMARY_PIVOT)).toEqual({ created: true });
    model.user.refreshPivotTable("MyPivot");
    expect(model.read.pivots().map((p) => [p.name, p.broken])).toEqual([
      [SUMMARY_PIVOT.name, false],
      ["MyPivot", false],
    ]);
    // One Summary sheet, not a second one.
    expect(model.read.sheetNames().filter((n) => n.startsWith("Summary"))).toEqual(["Summary"]);
  });

  it("a table that must grow into rows holding the user's data refuses, and nothing changes", async () => {
    const { model, port } = await loaded();
    // Not the row just below the table: typing there extends the table (Excel's AutoExpansion).
    model.user.type("Commitments", "A37", "my total row");
    const commitments = FIRST.find((s) => s.table === TABLES.commitments.table)!;
    const larger = FIRST.map((s) =>
      s === commitments
        ? {
            ...s,
            rows: [...s.rows, ...s.rows.slice(0, 3).map((r, i) => [`r-${i}`, ...r.slice(1)])],
          }
        : s
    );
    const before = contents(model, "AidCommitments");
    const error = await port.writeTables(larger, identity("larger")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error).toMatchObject({ state: "unchanged" });
    expect((error as Error).message).toMatch(
      /AidCommitments.*must grow by 3 rows.*in the way at Commitments!A37/
    );
    expect(contents(model, "AidCommitments")).toEqual(before);
    expect(model.read.value("Commitments", "A37")).toBe("my total row");
  });

  it("a column of ours the user renamed stops the write before anything changes", async () => {
    const { model, port } = await loaded();
    model.user.type("Commitments", "L1", "amount (USD)");
    const error = await port.writeTables(SECOND, identity("second")).catch((e: unknown) => e);
    expect(error).toMatchObject({ state: "unchanged" });
    expect((error as Error).message).toMatch(/no column "amount"/);
    expect(model.read.settings()[IDENTITY_SETTING]).toBe(JSON.stringify(identity("first")));
  });

  it("beforeCommit saying the workbook changed stops the write with nothing changed", async () => {
    const { model, port } = await loaded();
    const error = await port
      .writeTables(SECOND, identity("second"), { beforeCommit: () => false })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ state: "unchanged" });
    for (const spec of FIRST) expect(contents(model, spec.table)).toEqual(expected(spec));
    expect(model.read.sheetNames().some((n) => n.startsWith(STAGING_PREFIX))).toBe(false);
  });

  it("without Table.resize (ExcelApi 1.13) the write says so and changes nothing", async () => {
    const { model, port } = setUp("1.12");
    const error = await port.writeTables(FIRST, identity("first")).catch((e: unknown) => e);
    expect(error).toMatchObject({ state: "unchanged" });
    expect((error as Error).message).toMatch(/ExcelApi 1.13/);
    expect(model.read.tables()).toEqual([]);
  });
});

/*
 * Fault injection: a failure at every request of a write, one at a time. After each, every table is
 * wholly old or wholly new (never a mix), the identity matches the tables, and a failure reported as
 * "nothing was changed" really changed nothing a user can see.
 */
describe("a failure at any request leaves every table wholly old or wholly new", () => {
  type Scenario = {
    readonly name: string;
    readonly before: TableSpec[] | null;
    readonly after: TableSpec[];
  };
  const scenarios: Scenario[] = [
    { name: "a first load", before: null, after: FIRST },
    { name: "a refresh", before: FIRST, after: SECOND },
  ];

  for (const scenario of scenarios) {
    it(`${scenario.name}: every request, one failure at a time`, async () => {
      // Count the requests of a clean run first.
      const clean = setUp();
      if (scenario.before) await clean.port.writeTables(scenario.before, identity("old"));
      clean.model.resetLog();
      await clean.port.writeTables(scenario.after, identity("new"));
      const total = clean.model.requests.length;
      expect(total).toBeGreaterThan(10);

      const outcomes = { succeeded: 0, unchanged: 0, restored: 0 };
      for (let k = 1; k <= total; k++) {
        const { model, port } = setUp();
        if (scenario.before) await port.writeTables(scenario.before, identity("old"));
        const notes = model.read.values("Notes");
        model.failAt(k);
        const error = await port
          .writeTables(scenario.after, identity("new"))
          .then(() => null)
          .catch((e: unknown) => e);
        const wholly = (specs: TableSpec[] | null) =>
          specs === null
            ? model.read.tables().length === 0
            : specs.every(
                (s) => JSON.stringify(contents(model, s.table)) === JSON.stringify(expected(s))
              );
        const isNew = wholly(scenario.after);
        const isOld = wholly(scenario.before);
        expect({ k, state: isNew ? "new" : isOld ? "old" : "mixed" }).not.toEqual({
          k,
          state: "mixed",
        });
        const setting = model.read.settings()[IDENTITY_SETTING];
        if (error === null) {
          outcomes.succeeded++;
          expect({ k, isNew }).toEqual({ k, isNew: true });
          expect(setting).toBe(JSON.stringify(identity("new")));
        } else {
          expect(error).toBeInstanceOf(WorkbookWriteError);
          const state = (error as WorkbookWriteError).state;
          expect({ k, state }).not.toEqual({ k, state: "partial" });
          outcomes[state as "unchanged" | "restored"]++;
          expect({ k, isOld }).toEqual({ k, isOld: true });
          expect(setting).toBe(scenario.before ? JSON.stringify(identity("old")) : undefined);
        }
        expect(model.read.values("Notes")).toEqual(notes);
      }
      // Every request was tried; the figures are printed for the closing note.
      expect(outcomes.succeeded + outcomes.unchanged + outcomes.restored).toBe(total);
      console.log(`${scenario.name}: ${total} requests; ${JSON.stringify(outcomes)}`);
    }, 120_000);
  }

  it("an edit taken in (the identity alone): a failure at its one request leaves the old identity", async () => {
    const { model, port } = setUp();
    await port.writeTables(FIRST, identity("first"));
    model.resetLog();
    await port.writeIdentity(identity("edited"));
    expect(model.requests).toHaveLength(1);
    model.failAt(1);
    await expect(port.writeIdentity(identity("edited again"))).rejects.toThrow();
    expect(model.read.settings()[IDENTITY_SETTING]).toBe(JSON.stringify(identity("edited")));
  });
});

describe("requests stay under Excel on the web's 5 MB limit (the model refuses a larger one)", () => {
  it("a table too big for one request is written in chunks, each under the budget, and lands whole", async () => {
    const store = new LedgerStore(loadBundledLedger);
    const model = new ExcelModel({ ledger: store, sheets: ["Notes"] });
    const budget = 64 * 1024;
    const port = new ExcelWorkbook({
      run: model.run,
      supports: model.supports,
      chunkBudgetBytes: budget,
    });
    const commitments = FIRST.find((s) => s.table === TABLES.commitments.table)!;
    const big: TableSpec = {
      ...commitments,
      rows: Array.from({ length: 2_000 }, (_, i) => [
        `r-${i}`,
        ...commitments.rows[i % commitments.rows.length]!.slice(1),
      ]),
    };
    await port.writeTables([big], identity("big"));
    const perSync = model.log.map((s) => s.requests.reduce((n, r) => n + r.payload, 0));
    expect(perSync.filter((bytes) => bytes > budget / 2).length).toBeGreaterThan(5);
    expect(Math.max(...perSync)).toBeLessThanOrEqual(budget + 4096);
    expect(contents(model, "AidCommitments")).toEqual(expected(big));
  }, 60_000);

  it("the model itself refuses a request over 5 MB, so a write that ignored the limit would fail here", async () => {
    const { model } = setUp();
    const huge = "x".repeat(6 * 1024 * 1024);
    await expect(
      model.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").getRange("A1").values = [[huge]];
        await context.sync();
      })
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded|5 MB|payload/i);
  });
});

describe("events: the user's edits call back, the add-in's own writes and format changes do not", () => {
  async function watching(maxApiVersion = "1.14") {
    const s = setUp(maxApiVersion);
    await s.port.writeTables(FIRST, identity("first"));
    const heard: string[] = [];
    await s.port.watchTables([TABLES.commitments.table, TABLES.rates.table], (t) => heard.push(t));
    return { ...s, heard };
  }

  it("a typed cell in Commitments is heard; one in Notes and a refresh by the add-in are not", async () => {
    const { model, port, heard } = await watching();
    model.user.type("Commitments", "AC2", "a note");
    await model.idle();
    expect(heard).toEqual(["AidCommitments"]);
    model.user.type("Notes", "A1", "elsewhere");
    await port.writeTables(SECOND, identity("second"));
    await model.idle();
    expect(heard).toEqual(["AidCommitments"]);
  });

  it("a number format changed in a watched table changes nothing: at most one read that finds the same data", async () => {
    const store = new LedgerStore(loadBundledLedger);
    const model = new ExcelModel({ ledger: store, sheets: ["Notes"] });
    const port = new ExcelWorkbook({ run: model.run, supports: model.supports });
    const session = newSession(port, { store, version: "1" });
    await session.start();
    expect((await session.load()).ok).toBe(true);
    const ledger = store.current();
    const setting = model.read.settings()[IDENTITY_SETTING];
    model.user.setNumberFormat("Commitments", "L2:L10", "0.0");
    await model.idle();
    await session.reread();
    expect(store.current()).toBe(ledger);
    expect(model.read.settings()[IDENTITY_SETTING]).toBe(setting);
  });

  it("a single-cell event whose value did not change (details, ExcelApi 1.9) is not heard", async () => {
    const { model, heard } = await watching();
    model.user.type("Commitments", "A2", String(model.read.value("Commitments", "A2")));
    await model.idle();
    expect(heard).toEqual([]);
  });

  it("before ExcelApi 1.9 the table event is used, which fires for the add-in's own writes too", async () => {
    const { model, port } = setUp();
    await port.writeTables(FIRST, identity("first"));
    const upTo18 = (set: string, version: string) =>
      model.supports(set, version) && Number(version.split(".")[1]) <= 8;
    const older = new ExcelWorkbook({ run: model.run, supports: upTo18 });
    const heard: string[] = [];
    await older.watchTables([TABLES.commitments.table], (t) => heard.push(t));
    model.user.type("Commitments", "AC2", "a note");
    await model.idle();
    expect(heard).toEqual(["AidCommitments"]);
    await port.writeTables(SECOND, identity("second"));
    await model.idle();
    expect(heard.length).toBeGreaterThan(1);
  });
});

describe("selection and insert", () => {
  it("a cell inside an AIDLIST spill reports its anchor's formula", async () => {
    const { model, port } = setUp();
    model.user.type("Notes", "B2", '=AIDLIST("Viet Nam")');
    model.user.select("Notes", "C4");
    expect(await port.getSelection()).toEqual({
      sheet: "Notes",
      address: "C4",
      formula: '=AIDLIST("Viet Nam")',
      anchor: "B2",
    });
  });

  it("insert into an occupied cell asks first; with overwrite it replaces", async () => {
    const { model, port } = setUp();
    model.user.type("Notes", "A1", "keep me");
    model.user.select("Notes", "A1");
    expect(await port.insertFormula('=AIDCOUNT("*")')).toEqual({
      inserted: false,
      address: "A1",
      occupiedBy: "keep me",
    });
    expect(model.read.value("Notes", "A1")).toBe("keep me");
    expect(await port.insertFormula('=AIDCOUNT("*")', { overwrite: true })).toEqual({
      inserted: true,
      address: "A1",
    });
    expect(model.read.value("Notes", "A1")).toBe(loadBundledLedger().records.length);
  });
});

describe("sheets the pane adds, rows it selects, the chart it draws", () => {
  it("readActiveSheet gives every used cell's formula and what it shows", async () => {
    const { model, port } = setUp();
    model.user.type("Notes", "A1", "Region");
    model.user.type("Notes", "B2", '=AIDTOTAL("Africa",2016)');
    model.user.select("Notes", "A1");
    expect(await port.readActiveSheet()).toEqual({
      sheet: "Notes",
      cells: [
        { address: "A1", formula: null, value: "Region" },
        { address: "B2", formula: '=AIDTOTAL("Africa",2016)', value: 2420000000 },
      ],
    });
  });

  it("addSheet writes values as data and formulas as formulas, on a free name, touching no other sheet", async () => {
    const { model, port } = setUp();
    model.user.addSheet("Briefing");
    const name = await port.addSheet("Briefing", [
      ["=not a formula", 2420000000],
      [{ formula: "=B1*2" }, "2016-05"],
    ]);
    expect(name).toBe("Briefing (2)");
    expect(model.read.formulas(name)).toEqual([
      ["=not a formula", 2420000000],
      ["=B1*2", "2016-05"],
    ]);
    expect(model.read.values(name)).toEqual([
      ["=not a formula", 2420000000],
      [4840000000, "2016-05"],
    ]);
    expect(model.read.values("Briefing")).toEqual([]);
  });

  it("selectTableRow selects a record's row in Commitments, wherever the table is", async () => {
    const { model, port } = setUp();
    await port.writeTables(FIRST, identity("first"));
    model.user.renameSheet("Commitments", "Records");
    const commitments = FIRST.find((s) => s.table === TABLES.commitments.table)!;
    const id = commitments.rows[4]![0] as string;
    expect(await port.selectTableRow(TABLES.commitments.table, "id", id)).toBe(true);
    expect(model.read.activeCell()).toEqual({ sheet: "Records", address: "A6" });
    expect(await port.selectTableRow(TABLES.commitments.table, "id", "no-such-id")).toBe(false);
  });

  it("ensureChart writes its data and rebuilds the chart by name, leaving no stale rows", async () => {
    const { model, port } = setUp();
    const spec = {
      sheet: "Notes",
      name: "AidSummaryChart",
      title: "Committed USD by region and year",
      dataAt: "M3",
      header: ["Region", "2015", "2016"],
      rows: [
        ["Africa", 0, 2420000000],
        ["Asia", 10, 20],
      ],
      position: "H3:L20",
    };
    expect(await port.ensureChart(spec)).toEqual({ created: true });
    expect(await port.ensureChart({ ...spec, rows: [["Africa", 1, 2]] })).toEqual({
      created: true,
    });
    const charts = model.read.charts();
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      name: "AidSummaryChart",
      title: spec.title,
      source: "Notes!M3:O4",
    });
    expect(model.read.values("Notes", "M3:O5")).toEqual([
      ["Region", "2015", "2016"],
      ["Africa", 1, 2],
      ["", "", ""],
    ]);
  });
});

describe("the Summary chart beside the PivotTable", () => {
  it("is placed on the sheet that holds the PivotTable, wherever the user moved or renamed it", async () => {
    const { model, port } = setUp();
    await port.writeTables(FIRST, identity("first"));
    expect((await port.ensurePivotTable(SUMMARY_PIVOT)).created).toBe(true);
    model.user.renameSheet("Summary", "Overview");
    const chart = summaryChart(loadBundledLedger(), SUMMARY_PIVOT);
    expect(await port.ensureChart(chart)).toEqual({ created: true });
    expect(model.read.charts().map((c) => [c.name, c.sheet, c.title])).toEqual([
      ["AidSummaryChart", "Overview", "Committed USD by region and year"],
    ]);
    expect(model.read.value("Overview", "R3")).toBe("Region");
    expect(model.read.value("Overview", "R4")).toBe("Africa");
  });
});
