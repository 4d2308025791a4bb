import {
  type DatasetIdentity,
  LedgerStore,
  TABLES,
  ledgerTables,
  loadBundledLedger,
} from "../../../src/domain";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { ExcelModel } from "../../../src/tooling/excelModel";

const identity: DatasetIdentity = {
  source: "bundled",
  version: "0.1.0",
  contentHash: "fnv1a64:x",
  loadedAt: "2025-01-01T00:00:00.000Z",
  records: 33,
};

test("the workbook's formulas are read in row blocks under the budget, with where each table is", async () => {
  const model = new ExcelModel({ ledger: new LedgerStore(loadBundledLedger), sheets: ["Notes"] });
  const budget = 4 * 1024;
  const port = new ExcelWorkbook({
    run: model.run,
    supports: model.supports,
    chunkBudgetBytes: budget,
  });
  const specs = ledgerTables(loadBundledLedger());
  await port.writeTables(specs, identity);
  model.user.type("Notes", "C3", "=SUM(Facts!L2:L34)");
  model.user.type("Notes", "D120", "=1+1");
  model.user.type("Notes", "A1", "just text");
  model.resetLog();

  const read = await port.readWorkbookFormulas([TABLES.facts.table, "NoSuchTable"]);

  expect(read.formulas.filter((f) => f.sheet === "Notes")).toEqual([
    { sheet: "Notes", address: "C3", formula: "=SUM(Facts!L2:L34)" },
    { sheet: "Notes", address: "D120", formula: "=1+1" },
  ]);
  const facts = specs.find((s) => s.table === TABLES.facts.table)!;
  expect(read.tables).toEqual([
    {
      table: TABLES.facts.table,
      sheet: TABLES.facts.sheet,
      headers: facts.columns.map((c) => c.name),
      headerRow: 0,
      firstColumn: 0,
      rows: facts.rows.length,
    },
  ]);
  // Notes' 120 rows of 4 columns do not fit one block of this budget: more than one sync reads them.
  expect(model.log.length).toBeGreaterThan(3);
  expect(model.log.every((s) => s.outcome === "ok")).toBe(true);
});
