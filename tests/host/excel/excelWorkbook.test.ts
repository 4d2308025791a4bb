import {
  DEFAULT_CHUNK_BUDGET_BYTES,
  type DatasetIdentity,
  EXCEL_REQUEST_LIMIT_BYTES,
  SUMMARY_PIVOT,
  type SheetCell,
  type TableSpec,
  type WriteProgress,
  chunkRows,
  commitmentsTable,
  ledgerTables,
  loadBundledLedger,
} from "../../../src/domain";
import { toWorkbookCell } from "../../../src/host/excel/cells";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { IDENTITY_SETTING } from "../../../src/host/excel/identitySetting";
import { MockExcel, type Op, blockAddress } from "./mockExcel";

const identity: DatasetIdentity = {
  source: "bundled",
  version: "0.1.0",
  contentHash: "fnv1a64:0123456789abcdef",
  loadedAt: "2025-01-01T00:00:00.000Z",
  records: 33,
};

/** Syncs of a write besides one per chunk: leftover check, staging setup, staging tables, commit check, commit. */
const FIXED_WRITE_SYNCS = 5;
const SETUP_SYNCS = 2;
const OLD_SHEETS = ["Commitments", "Facts", "Rates", "Summary"];

/** A workbook from an earlier load, plus a sheet of the user's own. */
function workbookWithOldTables(): MockExcel {
  const excel = new MockExcel(["Notes", "Commitments", "Facts", "Rates", "Summary"]);
  excel.seedTable("Commitments", "AidCommitments", ["id"], [["old-1"]]);
  excel.seedTable("Facts", "AidFacts", ["Id"], [["old-1"]]);
  excel.seedTable("Rates", "AidRates", ["Document"], [["old.txt"]]);
  excel.seedCell("Notes", "A1", "my notes");
  excel.activeSheet = "Notes";
  return excel;
}

const portOn = (excel: MockExcel, chunkBudgetBytes?: number) =>
  new ExcelWorkbook({ run: excel.run, supports: excel.supports, chunkBudgetBytes });
const chunksOf = (spec: TableSpec, budget = DEFAULT_CHUNK_BUDGET_BYTES) =>
  chunkRows(
    spec.rows.map((r) => r.map(toWorkbookCell)),
    budget
  );
const asRead = (rows: readonly (readonly SheetCell[])[]) =>
  rows.map((r) => r.map((v) => (v === "" ? null : v)));
const detail = (op: Op) => op.detail as { address: string; rows: number; values: SheetCell[][] };
const sheetState = (excel: MockExcel) =>
  excel.sheets.map((s) => ({ name: s.name, visibility: s.visibility, frozenRows: s.frozenRows }));
const tableState = (excel: MockExcel) =>
  excel.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rows: t.rows }));

describe("ExcelWorkbook.writeTables", () => {
  it("stages the bundled tables on hidden sheets and replaces the old ones only in the final sync", async () => {
    const excel = workbookWithOldTables();
    const specs = ledgerTables(loadBundledLedger());
    const progress: WriteProgress[] = [];
    await portOn(excel).writeTables(specs, identity, (p) => progress.push(p));

    const chunkCounts = specs.map((s) => chunksOf(s).length);
    const total = chunkCounts.reduce((a, b) => a + b, 0);
    const last = excel.syncs.length;
    expect(last).toBe(total + FIXED_WRITE_SYNCS);
    expect(progress).toEqual(Array.from({ length: total }, (_, i) => ({ done: i + 1, total })));

    for (const spec of specs) {
      const staging = `${spec.sheet}~new`;
      const [rows, columns] = [spec.rows.length, spec.columns.length];
      const on = (kind: string) => excel.ops.filter((o) => o.kind === kind && o.target === staging);
      expect(on("addSheet").map((o) => o.sync)).toEqual([SETUP_SYNCS]);
      expect(on("visibility").map((o) => [o.sync, o.detail])).toEqual([
        [SETUP_SYNCS, "Hidden"],
        [last, "Visible"],
      ]);
      // The header in row 1 with the setup, then the rows from row 2, each chunk on a block of its own size.
      expect(on("values").map((o) => [o.sync, detail(o).address])).toEqual([
        [SETUP_SYNCS, blockAddress(0, 0, 1, columns)],
        [expect.any(Number), blockAddress(1, 0, rows, columns)],
      ]);
      expect(on("addTable")).toEqual([
        expect.objectContaining({
          sync: last - 2,
          detail: { address: blockAddress(0, 0, rows + 1, columns), hasHeaders: true },
        }),
      ]);
      expect(excel.ops).toContainEqual(
        expect.objectContaining({
          kind: "renameTable",
          target: expect.stringMatching(new RegExp(`^${spec.table}_staging_`)),
          detail: spec.table,
          sync: last,
        })
      );
      expect(excel.ops).toContainEqual({
        kind: "renameSheet",
        target: staging,
        detail: spec.sheet,
        sync: last,
      });
      expect(excel.ops).toContainEqual({
        kind: "visibility",
        target: staging,
        detail: "Visible",
        sync: last,
      });
      expect(excel.ops).toContainEqual({
        kind: "freezeRows",
        target: spec.sheet,
        detail: 1,
        sync: last,
      });
      // What landed, read back as Excel would answer it: header and rows at A1, nothing lost or re-typed.
      expect(excel.cells(spec.sheet, blockAddress(0, 0, rows + 1, columns))).toEqual([
        spec.columns.map((c) => c.name),
        ...spec.rows.map((r) => r.map((v) => v ?? "")),
      ]);
      expect(await portOn(excel).readTable(spec.table)).toEqual({
        header: spec.columns.map((c) => c.name),
        rows: spec.rows,
      });
    }

    // The old sheets (and the Summary whose PivotTable read the old Facts) go in the commit, and only then.
    const onOld = excel.ops.filter((o) => OLD_SHEETS.includes(o.target));
    expect(onOld.every((o) => o.sync === last)).toBe(true);
    expect(
      excel
        .opsOf("deleteSheet")
        .filter((o) => OLD_SHEETS.includes(o.target))
        .map((o) => o.target)
        .sort()
    ).toEqual([...OLD_SHEETS].sort());
    expect(excel.ops.filter((o) => o.target === "Notes")).toEqual([]);
    expect(sheetState(excel)).toEqual([
      { name: "Notes", visibility: "Visible", frozenRows: 0 },
      { name: "Commitments", visibility: "Visible", frozenRows: 1 },
      { name: "Facts", visibility: "Visible", frozenRows: 1 },
      { name: "Rates", visibility: "Visible", frozenRows: 1 },
    ]);
    expect(tableState(excel).map((t) => [t.name, t.sheet])).toEqual([
      ["AidCommitments", "Commitments"],
      ["AidFacts", "Facts"],
      ["AidRates", "Rates"],
    ]);

    // Number formats, once per column over its data rows.
    const facts = specs[1]!;
    const formatOf = (sheet: string, column: string) =>
      excel.sheet(sheet)!.formats.get(
        blockAddress(
          1,
          facts.columns.findIndex((c) => c.name === column),
          facts.rows.length,
          1
        )
      );
    expect([
      formatOf("Facts", "AmountUSD"),
      formatOf("Facts", "AmountJPY"),
      formatOf("Facts", "Year"),
      formatOf("Facts", "Region"),
    ]).toEqual(["#,##0.00", "#,##0", "0", undefined]);

    // Calculation is suspended for each chunk; screen updating once for the setup and once for the commit.
    expect(excel.opsOf("suspendCalculation").map((o) => o.sync)).toEqual(
      Array.from({ length: total }, (_, i) => SETUP_SYNCS + 1 + i)
    );
    expect(excel.opsOf("suspendScreenUpdating").map((o) => o.sync)).toEqual([SETUP_SYNCS, last]);

    expect(excel.opsOf("setting")).toEqual([
      { kind: "setting", target: IDENTITY_SETTING, detail: JSON.stringify(identity), sync: last },
    ]);
    expect(await portOn(excel).readIdentity()).toEqual(identity);
  });

  it("keeps every request of a 100,000-row write under the budget and the 5 MB limit", async () => {
    const base = commitmentsTable(loadBundledLedger());
    const idColumn = base.columns.findIndex((c) => c.name === "id");
    const rows = Array.from({ length: 100_000 }, (_, i) => {
      const row = [...base.rows[i % base.rows.length]!];
      row[idColumn] = `${String(row[idColumn])}-${i}`;
      return row;
    });
    const spec: TableSpec = { ...base, rows };

    for (const budget of [DEFAULT_CHUNK_BUDGET_BYTES, 1024 * 1024]) {
      const excel = new MockExcel(["Sheet1"]);
      await portOn(excel, budget).writeTables([spec], identity);
      const chunks = chunksOf(spec, budget);

      expect(excel.syncs).toHaveLength(chunks.length + FIXED_WRITE_SYNCS);
      expect(
        excel.syncs.filter(
          (s) => s.failed || s.requestBytes > budget || s.requestBytes >= EXCEL_REQUEST_LIMIT_BYTES
        )
      ).toEqual([]);
      // One chunk per sync, contiguous from row 2, all 100,000 rows.
      const writes = excel
        .opsOf("values")
        .filter((o) => o.target === "Commitments~new")
        .slice(1);
      let start = 1;
      const expected = chunks.map((c, i) => {
        const w = {
          sync: SETUP_SYNCS + 1 + i,
          address: blockAddress(start, 0, c.length, spec.columns.length),
        };
        start += c.length;
        return w;
      });
      expect(writes.map((o) => ({ sync: o.sync, address: detail(o).address }))).toEqual(expected);
      expect(start - 1).toBe(100_000);
    }
  }, 120_000);

  it("leaves the old tables alone and removes the staging sheets when a sync fails mid-way", async () => {
    const excel = workbookWithOldTables();
    const specs = ledgerTables(loadBundledLedger());
    const budget = 2048; // several chunks per table
    const [commitmentChunks, factChunks] = specs.map((s) => chunksOf(s, budget).length) as [
      number,
      number,
    ];
    expect(factChunks).toBeGreaterThan(2);
    const sheetsBefore = sheetState(excel);
    const tablesBefore = tableState(excel);
    const oldCells = excel.cells("Facts", "A1:A2");
    excel.failAtSync = SETUP_SYNCS + commitmentChunks + 2; // Facts, second chunk

    const progress: WriteProgress[] = [];
    await expect(
      portOn(excel, budget).writeTables(specs, identity, (p) => progress.push(p))
    ).rejects.toThrow(
      new RegExp(
        `table AidFacts \\(sheet Facts\\), chunk 2 of ${factChunks} .*: RichApi.Error: the connection was lost`
      )
    );

    expect(excel.ops.filter((o) => OLD_SHEETS.includes(o.target) || o.target === "Notes")).toEqual(
      []
    );
    expect(excel.opsOf("renameTable")).toEqual([]);
    expect(sheetState(excel)).toEqual(sheetsBefore);
    expect(tableState(excel)).toEqual(tablesBefore);
    expect(excel.cells("Facts", "A1:A2")).toEqual(oldCells);
    // The staging sheets were deleted afterwards, in a run of their own.
    expect(excel.opsOf("deleteSheet").map((o) => [o.target, o.sync > excel.failAtSync!])).toEqual(
      specs.map((s) => [`${s.sheet}~new`, true])
    );
    expect(excel.settings.has(IDENTITY_SETTING)).toBe(false);
    expect(progress).toHaveLength(commitmentChunks + 1);
  });

  it("reports a failed commit and keeps the staged sheets", async () => {
    const excel = workbookWithOldTables();
    const specs = ledgerTables(loadBundledLedger());
    // The commit run's first sync: the mock applies operations as they are queued, so failing the
    // commit's own write sync would not undo them here, as it would not in Excel either.
    excel.failAtSync = specs.reduce((n, s) => n + chunksOf(s).length, 0) + FIXED_WRITE_SYNCS - 1;
    await expect(portOn(excel).writeTables(specs, identity)).rejects.toThrow(
      /replacing the old ones failed: .*connection was lost.*staging sheets \(Commitments~new, Facts~new, Rates~new\) were kept/
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Commitments~new", "Facts~new", "Rates~new"])
    );
  });

  it("writes formula-like and number-like text as text, numbers and booleans as they are", async () => {
    const excel = new MockExcel(["Sheet1"]);
    const spec: TableSpec = {
      sheet: "Data",
      table: "DataTable",
      columns: [
        { name: "Text", format: "text" },
        { name: "Amount", format: "usd" },
        { name: "Flag", format: "boolean" },
      ],
      rows: [
        ['=HYPERLINK("http://x")', 1.5, true],
        ["+1", -2, false],
        ["-2", 0, null],
        ["@x", 1e6, true],
        ["\tx", null, false],
        ["2016-05", 15210, true],
        ["TRUE", 3, false],
        ["plain text", 4, false],
      ],
    };
    await portOn(excel).writeTables([spec], identity);

    const chunk = excel
      .opsOf("values")
      .find((o) => o.target === "Data~new" && detail(o).rows === spec.rows.length)!;
    expect(detail(chunk).values).toEqual([
      ['\'=HYPERLINK("http://x")', 1.5, true],
      ["'+1", -2, false],
      ["'-2", 0, ""],
      ["'@x", 1e6, true],
      ["'\tx", "", false],
      ["'2016-05", 15210, true],
      ["'TRUE", 3, false],
      ["plain text", 4, false],
    ]);
    // Excel keeps the text without the apostrophe: reading it back returns the data.
    expect((await portOn(excel).readTable("DataTable"))?.rows).toEqual(spec.rows);
  });
});

describe("ExcelWorkbook reads and other calls", () => {
  it("reads a big table in blocks under the response limit, with empty cells as null", async () => {
    const excel = new MockExcel(["Big"]);
    const header = Array.from({ length: 12 }, (_, c) => `C${c}`);
    const rows: SheetCell[][] = Array.from({ length: 30_000 }, (_, i) =>
      header.map((_, c) =>
        c === 0 ? `row-${i}` : c === 1 ? i : c === 2 ? "" : c === 3 ? i % 2 === 0 : `text ${i}.${c}`
      )
    );
    excel.seedTable("Big", "BigTable", header, rows);

    const data = await portOn(excel).readTable("BigTable");
    expect(data).toEqual({ header, rows: asRead(rows) });
    const blocks = excel.syncs.slice(2); // after the lookup and the header/size sync
    expect(blocks.length).toBeGreaterThan(2);
    expect(
      blocks.filter(
        (s) =>
          s.responseBytes > DEFAULT_CHUNK_BUDGET_BYTES ||
          s.responseBytes >= EXCEL_REQUEST_LIMIT_BYTES
      )
    ).toEqual([]);
  }, 30_000);

  it("sizes later reads from the rows seen, when rows are wider than estimated", async () => {
    const excel = new MockExcel(["Wide"]);
    const header = Array.from({ length: 12 }, (_, c) => `C${c}`);
    const rows: SheetCell[][] = Array.from({ length: 6_000 }, (_, i) =>
      header.map((_, c) => `${i}:${c}:`.padEnd(170, "x"))
    );
    excel.seedTable("Wide", "WideTable", header, rows);
    const budget = 1024 * 1024;

    expect((await portOn(excel, budget).readTable("WideTable"))?.rows).toHaveLength(6_000);
    const blocks = excel.syncs.slice(2);
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks.filter((s) => s.responseBytes > budget)).toEqual([]);
  }, 30_000);

  it("answers null for a missing table", async () => {
    expect(await portOn(new MockExcel()).readTable("Nope")).toBeNull();
  });

  it("round-trips the identity through the workbook settings; bad JSON reads as null", async () => {
    const excel = new MockExcel();
    const port = portOn(excel);
    expect(await port.readIdentity()).toBeNull();
    await port.writeIdentity(identity);
    expect(excel.settings.get(IDENTITY_SETTING)).toBe(JSON.stringify(identity));
    expect(await port.readIdentity()).toEqual(identity);
    excel.settings.set(IDENTITY_SETTING, "{not json");
    expect(await port.readIdentity()).toBeNull();
    excel.settings.set(IDENTITY_SETTING, JSON.stringify({ source: "bundled" }));
    expect(await port.readIdentity()).toBeNull();
  });

  it("says why it adds no PivotTable where ExcelApi 1.8 is missing", async () => {
    const excel = workbookWithOldTables();
    excel.apiVersion = "1.7";
    expect(await portOn(excel).addPivotTable(SUMMARY_PIVOT)).toEqual({
      created: false,
      reason: expect.stringMatching(/ExcelApi 1\.8.*Insert > PivotTable/),
    });
    expect(excel.runs).toBe(0);
  });

  it("adds the Summary PivotTable over the Facts table, replacing the Summary sheet", async () => {
    const excel = workbookWithOldTables();
    expect(await portOn(excel).addPivotTable(SUMMARY_PIVOT)).toEqual({ created: true });
    expect(excel.opsOf("deleteSheet").map((o) => o.target)).toEqual(["Summary"]);
    expect(excel.pivots).toEqual([
      {
        name: "AidSummary",
        sheet: "Summary",
        source: "AidFacts",
        destination: "A3",
        rows: ["Region"],
        columns: ["Year"],
        data: [{ field: "AmountUSD", summarizeBy: "Sum", numberFormat: "#,##0" }],
      },
    ]);
    expect(excel.cells("Summary", "A1")).toEqual([
      ["Aid Ledger: sum of AmountUSD by Region and Year; Facts table"],
    ]);
  });

  it("returns the PivotTable failure as a reason", async () => {
    const excel = new MockExcel(["Sheet1"]); // no Facts table
    expect(await portOn(excel).addPivotTable(SUMMARY_PIVOT)).toEqual({
      created: false,
      reason: expect.stringContaining("ItemNotFound"),
    });
  });

  it("gives the active cell's formula only when it holds one", async () => {
    const excel = workbookWithOldTables();
    const port = portOn(excel);
    excel.activeCell = { address: "C4", formula: '=AIDTOTAL("Africa",2016)' };
    expect(await port.getSelection()).toEqual({
      sheet: "Notes",
      address: "C4",
      formula: '=AIDTOTAL("Africa",2016)',
    });
    excel.activeCell = { address: "C5", formula: 42 };
    expect(await port.getSelection()).toEqual({ sheet: "Notes", address: "C5", formula: null });
    excel.activeCell = { address: "C6", formula: "some text" };
    expect((await port.getSelection()).formula).toBeNull();
  });

  it("puts a formula into the active cell", async () => {
    const excel = workbookWithOldTables();
    excel.activeCell = { address: "B2", formula: "" };
    await portOn(excel).insertFormula('=AIDTOTAL("Asia",2016)');
    expect(excel.activeCell.formula).toBe('=AIDTOTAL("Asia",2016)');
    expect(excel.opsOf("formulas")).toEqual([
      expect.objectContaining({
        target: "Notes",
        detail: expect.objectContaining({ address: "B2" }),
      }),
    ]);
  });

  it("reads cells by sheet-qualified or plain address, in one run", async () => {
    const excel = workbookWithOldTables();
    excel.seedCell("Notes", "B3", 12);
    excel.seedCell("Other sheet", "D4", "Asia");
    const values = await portOn(excel).readCells([
      "B3",
      "Notes!$B$3",
      "'Other sheet'!D4:E5",
      "Missing!A1",
      "C9",
      "A1",
      "not a cell",
    ]);
    expect(values).toEqual([12, 12, "Asia", null, null, "my notes", null]);
    expect(excel.runs).toBe(1);
  });

  it("recalculates fully", async () => {
    const excel = new MockExcel();
    await portOn(excel).recalculate();
    expect(excel.opsOf("calculate").map((o) => o.detail)).toEqual(["Full"]);
  });

  it("calls back for changes of the watched tables only, until unsubscribed", async () => {
    const excel = workbookWithOldTables();
    const seen: string[] = [];
    const stop = await portOn(excel).watchTables(["AidCommitments", "AidRates"], (t) =>
      seen.push(t)
    );
    await excel.fireTableChanged("AidFacts");
    await excel.fireTableChanged("AidCommitments");
    expect(seen).toEqual(["AidCommitments"]);
    await stop();
    expect(excel.tableHandlers.size).toBe(0);
  });

  it("watches the selection where ExcelApi 1.9 is there, and does nothing elsewhere", async () => {
    const excel = new MockExcel();
    let moves = 0;
    const stop = await portOn(excel).watchSelection(() => moves++);
    for (const h of excel.selectionHandlers) await h();
    expect(moves).toBe(1);
    await stop();
    expect(excel.selectionHandlers.size).toBe(0);

    const old = new MockExcel();
    old.apiVersion = "1.8";
    const none = await portOn(old).watchSelection(() => moves++);
    expect(old.runs).toBe(0);
    await none();
  });
});
