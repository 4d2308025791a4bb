import {
  type DatasetIdentity,
  LedgerStore,
  SUMMARY_PIVOT,
  ledgerTables,
  loadBundledLedger,
} from "../../../src/domain";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { IDENTITY_SETTING } from "../../../src/host/excel/identitySetting";
import { ExcelModel } from "../../../src/tooling/excelModel";

const identity: DatasetIdentity = {
  source: "bundled",
  version: "0.1.0",
  contentHash: "fnv1a64:0123456789abcdef",
  loadedAt: "2025-01-01T00:00:00.000Z",
  records: 33,
};

function setUp() {
  const store = new LedgerStore(loadBundledLedger);
  const model = new ExcelModel({ ledger: store, sheets: ["Notes"] });
  const port = new ExcelWorkbook({ run: model.run, supports: model.supports });
  return { store, model, port };
}

describe("the shipped ExcelWorkbook against the model", () => {
  it("loads the tables, the identity setting and the Summary PivotTable", async () => {
    const { model, port } = setUp();
    const specs = ledgerTables(loadBundledLedger());
    await port.writeTables(specs, identity);
    expect(await port.ensurePivotTable(SUMMARY_PIVOT)).toEqual({ created: true });

    expect(model.read.sheetNames()).toEqual(["Notes", "Commitments", "Facts", "Rates", "Summary"]);
    expect(model.read.tables().map((t) => [t.name, t.sheet])).toEqual([
      ["AidCommitments", "Commitments"],
      ["AidFacts", "Facts"],
      ["AidRates", "Rates"],
    ]);
    for (const spec of specs) {
      const read = await port.readTable(spec.table);
      expect(read).toEqual({ header: spec.columns.map((c) => c.name), rows: spec.rows });
    }
    expect(await port.readIdentity()).toEqual(identity);
    expect(model.read.settings()[IDENTITY_SETTING]).toBe(JSON.stringify(identity));
    expect(model.read.sheets().find((s) => s.name === "Facts")?.frozenRows).toBe(1);
    const pivot = model.read.pivots()[0]!;
    expect(pivot).toMatchObject({
      name: SUMMARY_PIVOT.name,
      sheet: "Summary",
      source: "AidFacts",
      broken: false,
    });
    // The pivot's grand total is the sum of the Facts table's AmountUSD column.
    const facts = specs.find((s) => s.table === "AidFacts")!;
    const usd = facts.columns.findIndex((c) => c.name === "AmountUSD");
    const cents = facts.rows.reduce(
      (n, r) => n + (typeof r[usd] === "number" ? Math.round(r[usd] * 100) : 0),
      0
    );
    const values = model.read.values("Summary");
    const last = values[values.length - 1]!;
    expect(last[pivot.address ? 0 : 0]).toBe("Grand Total");
    expect(Math.round((last[last.length - 1] as number) * 100)).toBe(cents);
  });

  // The refresh-in-place behaviours (user formulas, renamed sheets, fault injection at every
  // request) are tested in tests/host/excel/excelWorkbook.test.ts.
});
