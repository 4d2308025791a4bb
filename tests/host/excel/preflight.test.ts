import {
  LedgerStore,
  type SheetCell,
  TABLES,
  type TableSpec,
  ledgerTables,
  loadBundledLedger,
} from "../../../src/domain";
import { columnLetters } from "../../../src/domain/workbook/a1";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { ExcelModel } from "../../../src/tooling/excelModel";
import { identity } from "./identity";

/*
 * What the writer finds before staging and refuses with nothing changed: a filtered table it must
 * resize, a protected sheet or workbook, merged cells, a spill or another table in the rows a table
 * grows into. Each refusal names the obstacle (sheet, table, address) and what to do; afterwards
 * every sheet's cells (formulas as written, the user's own included), the tables and the stored
 * identity are as they were. Against the Excel model.
 */

const FIRST = ledgerTables(loadBundledLedger());
const COMMITMENTS = TABLES.commitments.table;
const rowsOf = (specs: readonly TableSpec[]) => specs.find((s) => s.table === COMMITMENTS)!.rows;
const withCommitments = (rows: readonly (readonly SheetCell[])[]): TableSpec[] =>
  FIRST.map((s) => (s.table === COMMITMENTS ? { ...s, rows } : s));

/** One record fewer, and one new record: the table must delete a row and grow by one. */
const RESIZED = withCommitments([
  ...rowsOf(FIRST).slice(1),
  rowsOf(FIRST)[0]!.map((v, c) => (c === 0 ? "ODA-NEW-01" : v)),
]);
/** `n` records more: the table grows by `n` rows. */
const grown = (n: number) =>
  withCommitments([
    ...rowsOf(FIRST),
    ...Array.from({ length: n }, (_, i) =>
      rowsOf(FIRST)[0]!.map((v, c) => (c === 0 ? `ODA-NEW-0${i + 1}` : v))
    ),
  ]);
const GROWN = grown(1);
/** One amount changed in place: no row added or removed. */
const amountAt = FIRST.find((s) => s.table === COMMITMENTS)!.columns.findIndex(
  (c) => c.name === "amount"
);
const EDITED = withCommitments(
  rowsOf(FIRST).map((r, i) => (i === 2 ? r.map((v, c) => (c === amountAt ? 12345 : v)) : r))
);

async function loaded() {
  const model = new ExcelModel({
    ledger: new LedgerStore(loadBundledLedger),
    sheets: ["Notes"],
    maxApiVersion: "1.16",
  });
  const port = new ExcelWorkbook({
    run: model.run,
    supports: model.supports,
    token: () => "t0k3n",
  });
  await port.writeTables(FIRST, identity("first"));
  // The user's own column, with a note on every row.
  model.user.addTableColumn(COMMITMENTS, "MyNote");
  const t = model.read.table(COMMITMENTS)!;
  const header = model.read.values("Commitments", t.address.split("!")[1])[0]!;
  const col = columnLetters(header.indexOf("MyNote"));
  rowsOf(FIRST).forEach((_, i) =>
    model.user.type("Commitments", `${col}${i + 2}`, `note ${i + 1}`)
  );
  model.user.type("Notes", "A1", `=SUM(${COMMITMENTS}[amount])`);
  return { model, port, lastRow: rowsOf(FIRST).length + 1 };
}

/** Everything a refusal must leave as it was. */
function everything(model: ExcelModel) {
  return {
    sheets: model.read.sheetNames(),
    cells: model.read.sheetNames().map((s) => model.read.formulas(s)),
    tables: model.read.tables(),
    settings: model.read.settings(),
  };
}

async function refused(model: ExcelModel, port: ExcelWorkbook, specs: TableSpec[]) {
  const before = everything(model);
  const error = await port.writeTables(specs, identity("second")).catch((e: unknown) => e);
  expect(error).toMatchObject({ state: "unchanged" });
  expect(everything(model)).toEqual(before);
  return (error as Error).message;
}

describe("a filtered table", () => {
  it("is refused a refresh that adds and removes rows, naming it and what to do, with nothing changed", async () => {
    const { model, port, lastRow } = await loaded();
    model.user.filterTable(COMMITMENTS, "region", ["Africa"]);
    const message = await refused(model, port, RESIZED);
    expect(message).toContain(`the ${COMMITMENTS} table (Commitments!A1:`);
    expect(message).toContain(`${lastRow}) is filtered`);
    expect(message).toMatch(/adds 1 and removes 1 .*Clear the filter/);
  });

  it("takes a refresh that only rewrites cells in place, its filter and notes kept", async () => {
    const { model, port } = await loaded();
    model.user.filterTable(COMMITMENTS, "region", ["Africa"]);
    const notes = model.read.formulas("Commitments").map((r) => r[r.length - 1]);
    await port.writeTables(EDITED, identity("edited"));
    const after = model.read.formulas("Commitments");
    expect(after[3]![amountAt]).toBe(12345);
    expect(after.map((r) => r[r.length - 1])).toEqual(notes);
    // The filter is still on: a refresh that resizes the table is still refused.
    await refused(model, port, RESIZED);
  });
});

describe("protection", () => {
  it("refuses to change a table on a protected sheet, naming the sheet and what to do", async () => {
    const { model, port } = await loaded();
    model.user.protectSheet("Commitments", true);
    const message = await refused(model, port, EDITED);
    expect(message).toContain(`the sheet Commitments, which holds the ${COMMITMENTS} table (A1:`);
    expect(message).toContain("Review > Unprotect Sheet");
  });

  it("writes when the protected sheet holds nothing the write changes", async () => {
    const { model, port } = await loaded();
    model.user.protectSheet("Notes", true);
    await port.writeTables(EDITED, identity("edited"));
    expect(model.read.formulas("Commitments")[3]![amountAt]).toBe(12345);
  });

  it("refuses any write while the workbook's structure is protected", async () => {
    const { model, port } = await loaded();
    model.user.protectWorkbook(true);
    expect(await refused(model, port, EDITED)).toContain("workbook's structure is protected");
  });
});

describe("in the rows a table must grow into", () => {
  it("refuses merged cells (empty ones too), naming their address", async () => {
    const { model, port, lastRow } = await loaded();
    model.user.mergeCells("Commitments", `B${lastRow + 1}:C${lastRow + 2}`);
    const message = await refused(model, port, GROWN);
    expect(message).toContain(`merged cells at Commitments!B${lastRow + 1}:C${lastRow + 2}`);
    expect(message).toContain("Unmerge them");
  });

  it("refuses merged cells below the table that a row delete would move up", async () => {
    const { model, port, lastRow } = await loaded();
    model.user.mergeCells("Commitments", `A${lastRow + 5}:B${lastRow + 5}`);
    const message = await refused(model, port, withCommitments(rowsOf(FIRST).slice(1)));
    expect(message).toContain(`merged cells at Commitments!A${lastRow + 5}:B${lastRow + 5}`);
  });

  it("names a spilled formula's result", async () => {
    const { model, port, lastRow } = await loaded();
    model.user.type("Commitments", `D${lastRow + 1}`, "=SEQUENCE(3)");
    const message = await refused(model, port, GROWN);
    expect(message).toContain(`spilled result of the formula in Commitments!D${lastRow + 1}`);
  });

  it("names another table", async () => {
    const { model, port, lastRow } = await loaded();
    // A row apart, so that Excel does not take the typing into the table above.
    model.user.type("Commitments", `B${lastRow + 2}`, "Owner");
    model.user.type("Commitments", `B${lastRow + 3}`, "desk");
    model.user.addTable("Commitments", `B${lastRow + 2}:B${lastRow + 3}`, "Owners");
    const message = await refused(model, port, grown(2));
    expect(message).toContain(`the table Owners is in the way at Commitments!B${lastRow + 2}`);
  });
});

describe("a sort state", () => {
  it("is no obstacle: a refresh that adds and removes rows keeps each note beside its record", async () => {
    const { model, port } = await loaded();
    model.user.sortTable(COMMITMENTS, "amount", "descending");
    const noteOf = () => {
      const [header, ...rows] = model.read.values("Commitments");
      const at = header!.indexOf("MyNote");
      return new Map(rows.filter((r) => r[0] !== "").map((r) => [String(r[0]), r[at]]));
    };
    const before = noteOf();
    await port.writeTables(RESIZED, identity("resized"));
    const after = noteOf();
    for (const [id, note] of after) if (before.has(id)) expect(note).toBe(before.get(id));
    expect(after.get("ODA-NEW-01")).toBe("");
  });
});

describe("the review before a write", () => {
  it("lists the user's values a refresh would delete with their records, as the write then reports, and changes nothing", async () => {
    const { model, port } = await loaded();
    const before = everything(model);
    const preview = await port.previewLostUserValues(RESIZED);
    expect(everything(model)).toEqual(before);
    const gone = String(rowsOf(FIRST)[0]![0]);
    expect(preview).toEqual([{ table: COMMITMENTS, key: gone, column: "MyNote", value: "note 1" }]);
    const report = await port.writeTables(RESIZED, identity("resized"));
    expect(report.lostUserValues).toEqual(preview);
  });
});
