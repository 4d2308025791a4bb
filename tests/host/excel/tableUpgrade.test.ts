import { expect } from "@jest/globals";
import {
  LedgerStore,
  type SheetCell,
  TABLES,
  type TableSpec,
  WorkbookWriteError,
  ledgerTables,
  loadBundledLedger,
} from "../../../src/domain";
import { columnLetters } from "../../../src/domain/workbook/a1";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { IDENTITY_SETTING } from "../../../src/host/excel/identitySetting";
import { ExcelModel } from "../../../src/tooling/excelModel";
import { identity } from "./identity";

/*
 * Older workbooks upgrade instead of refusing: a Facts table written before it had its FiscalYear
 * column gets the column appended at its right end, the user's own columns and formulas kept beside
 * their rows, then the write goes on as usual. Against the Excel model.
 */

const FACTS = TABLES.facts.table;
const CURRENT = ledgerTables(loadBundledLedger());
const factsSpec = (specs: readonly TableSpec[]) => specs.find((s) => s.table === FACTS)!;

/** The tables as a version before Facts had `columns` wrote them. */
function without(...columns: string[]): TableSpec[] {
  return CURRENT.map((spec) => {
    if (spec.table !== FACTS) return spec;
    const keep = spec.columns.map((c) => !columns.includes(c.name));
    return {
      ...spec,
      columns: spec.columns.filter((_, i) => keep[i]),
      rows: spec.rows.map((r) => r.filter((_, i) => keep[i])),
    };
  });
}

const SPEC_COLUMNS = factsSpec(CURRENT).columns.map((c) => c.name);
/** Id -> our columns' values, as the current version writes Facts. */
const EXPECTED = Object.fromEntries(
  factsSpec(CURRENT).rows.map((r) => [String(r[0]), SPEC_COLUMNS.map((_, c) => r[c] ?? "")])
);

function setUp() {
  const store = new LedgerStore(loadBundledLedger);
  const model = new ExcelModel({ ledger: store, sheets: ["Notes"], maxApiVersion: "1.16" });
  const port = new ExcelWorkbook({
    run: model.run,
    supports: model.supports,
    token: () => "t0k3n",
  });
  return { model, port };
}

function table(model: ExcelModel, name: string, read: "values" | "formulas" = "values") {
  const t = model.read.table(name)!;
  const [sheet, address] = t.address.split("!") as [string, string];
  return model.read[read](sheet.replace(/^'|'$/g, ""), address);
}

/** An older workbook with a note and a formula of the user's beside every fact. */
async function olderAnnotated() {
  const s = setUp();
  await s.port.writeTables(without("FiscalYear"), identity("old"));
  s.model.user.addTableColumn(FACTS, "MyNote");
  s.model.user.addTableColumn(FACTS, "Doubled", "=[@AmountUSD]*2");
  const [header, ...rows] = table(s.model, FACTS);
  const id = header!.indexOf("Id");
  const note = columnLetters(header!.indexOf("MyNote"));
  const notes = new Map<string, string>();
  rows.forEach((r, i) => {
    s.model.user.type(TABLES.facts.sheet, `${note}${i + 2}`, `note ${i + 1}`);
    notes.set(String(r[id]), `note ${i + 1}`);
  });
  return { ...s, notes, header: header!.map(String) };
}

/** Id -> { each named column's value }. */
function byId(model: ExcelModel, columns: readonly string[]): Record<string, SheetCell[]> {
  const [header, ...rows] = table(model, FACTS);
  const at = columns.map((c) => header!.indexOf(c));
  const id = header!.indexOf("Id");
  return Object.fromEntries(rows.map((r) => [String(r[id]), at.map((i) => r[i] ?? null)]));
}

describe("a table written before one of its columns existed", () => {
  it("gets the column at its right end, with every row's value; the user's columns and formulas stay beside their rows", async () => {
    const { model, port, notes, header } = await olderAnnotated();
    const report = await port.writeTables(CURRENT, identity("new"));
    const [after, ...rows] = table(model, FACTS);
    // The old columns where they were, the user's after them, ours appended last.
    expect(after).toEqual([...header, "FiscalYear"]);
    const spec = factsSpec(CURRENT);
    const expected = Object.fromEntries(
      spec.rows.map((r) => [String(r[0]), spec.columns.map((_, c) => r[c] ?? "")])
    );
    expect(
      byId(
        model,
        spec.columns.map((c) => c.name)
      )
    ).toEqual(expected);
    expect(
      Object.fromEntries(Object.entries(byId(model, ["MyNote"])).map(([k, v]) => [k, v[0]]))
    ).toEqual(Object.fromEntries(notes));
    const doubled = header.indexOf("Doubled");
    const formulas = table(model, FACTS, "formulas").slice(1);
    expect(new Set(formulas.map((r) => r[doubled]))).toEqual(new Set(["=[@AmountUSD]*2"]));
    const usd = header.indexOf("AmountUSD");
    for (const r of rows)
      expect(r[doubled]).toBe(typeof r[usd] === "number" ? r[usd] * 2 : r[doubled]);
    expect(report.rowsWritten?.find((w) => w.table === FACTS)).toEqual({
      table: FACTS,
      written: spec.rows.filter((r) => r[spec.columns.length - 1] !== null).length,
      deleted: 0,
    });
    expect(model.read.settings()[IDENTITY_SETTING]).toBe(JSON.stringify(identity("new")));
  });

  it("the next write finds nothing to add and writes nothing", async () => {
    const { port } = await olderAnnotated();
    await port.writeTables(CURRENT, identity("new"));
    const again = await port.writeTables(CURRENT, identity("again"));
    expect(again.rowsWritten?.find((w) => w.table === FACTS)).toEqual({
      table: FACTS,
      written: 0,
      deleted: 0,
    });
  });

  it("every own column later versions added is appended the same way (here Note and FiscalYear)", async () => {
    const s = setUp();
    await s.port.writeTables(without("FiscalYear", "Note"), identity("old"));
    await s.port.writeTables(CURRENT, identity("new"));
    const [header] = table(s.model, FACTS);
    expect(header!.slice(-2)).toEqual(["Note", "FiscalYear"]);
    expect(byId(s.model, SPEC_COLUMNS)).toEqual(EXPECTED);
  });

  it("a column of ours missing before one the table has was renamed or deleted: refused, naming it", async () => {
    const s = setUp();
    await s.port.writeTables(without("Note"), identity("old"));
    const before = table(s.model, FACTS);
    const error = await s.port.writeTables(CURRENT, identity("new")).catch((e: unknown) => e);
    expect(error).toMatchObject({ state: "unchanged" });
    expect((error as Error).message).toMatch(/no column "Note"/);
    expect(table(s.model, FACTS)).toEqual(before);
  });

  it("is refused, naming the cell, with nothing changed, when something of the user's is where the column goes", async () => {
    const { model, port, header } = await olderAnnotated();
    const right = columnLetters(header.length);
    model.user.type(TABLES.facts.sheet, `${right}3`, "my aside");
    const before = table(model, FACTS);
    const error = await port.writeTables(CURRENT, identity("new")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error).toMatchObject({ state: "unchanged" });
    expect((error as Error).message).toContain(
      `needs its new column FiscalYear at its right, and ${TABLES.facts.sheet}!${right}3 there is not empty`
    );
    expect(table(model, FACTS)).toEqual(before);
    expect(model.read.value(TABLES.facts.sheet, `${right}3`)).toBe("my aside");
    expect(model.read.settings()[IDENTITY_SETTING]).toBe(JSON.stringify(identity("old")));
  });

  it("a missing key column is no upgrade: the write is refused, naming it", async () => {
    const s = setUp();
    await s.port.writeTables(without("Id"), identity("old"));
    const error = await s.port.writeTables(CURRENT, identity("new")).catch((e: unknown) => e);
    expect(error).toMatchObject({ state: "unchanged" });
    expect((error as Error).message).toMatch(/no column "Id"/);
  });

  it("a failure at any request of the upgrade leaves Facts wholly old (old width, the user's columns) or wholly new", async () => {
    const clean = await olderAnnotated();
    clean.model.resetLog();
    await clean.port.writeTables(CURRENT, identity("new"));
    const total = clean.model.requests.length;
    const outcomes = { succeeded: 0, unchanged: 0, restored: 0, partial: 0 };
    for (let k = 1; k <= total; k++) {
      const { model, port } = await olderAnnotated();
      const old = { values: table(model, FACTS), formulas: table(model, FACTS, "formulas") };
      model.failAt(k);
      const error = await port
        .writeTables(CURRENT, identity("new"))
        .then(() => null)
        .catch((e: unknown) => e as WorkbookWriteError);
      const isOld =
        JSON.stringify({
          values: table(model, FACTS),
          formulas: table(model, FACTS, "formulas"),
        }) === JSON.stringify(old);
      const [header] = table(model, FACTS);
      const isNew =
        header![header!.length - 1] === "FiscalYear" &&
        JSON.stringify(byId(model, SPEC_COLUMNS)) === JSON.stringify(EXPECTED);
      expect({ k, state: isNew ? "new" : isOld ? "old" : "mixed" }).not.toEqual({
        k,
        state: "mixed",
      });
      if (error === null) {
        outcomes.succeeded++;
        expect({ k, isNew }).toEqual({ k, isNew: true });
      } else {
        outcomes[error.state]++;
        expect({ k, state: error.state }).not.toEqual({ k, state: "partial" });
        // The cells the column took are empty again after a rollback.
        expect({ k, isOld }).toEqual({ k, isOld: true });
        const width = old.values[0]!.length;
        expect({
          k,
          right: model.read.value(TABLES.facts.sheet, `${columnLetters(width)}1`),
        }).toEqual({
          k,
          right: "",
        });
      }
    }
    expect(outcomes.succeeded + outcomes.unchanged + outcomes.restored + outcomes.partial).toBe(
      total
    );
    console.log(
      `an upgrade of an older Facts table: ${total} requests; ${JSON.stringify(outcomes)}`
    );
  }, 120_000);
});
