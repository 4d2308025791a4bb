import { expect } from "@jest/globals";
import { LedgerStore, type SheetCell, TABLES, loadBundledLedger } from "../../../src/domain";
import { columnLetters } from "../../../src/domain/workbook/a1";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import type { LedgerSession } from "../../../src/taskpane/session/ledgerSession";
import { ExcelModel } from "../../../src/tooling/excelModel";
import { newSession } from "../testSession";

/**
 * The session's tests on the shipped adapter over the Excel model: a real session, store and
 * ExcelWorkbook, and the user's hands (`model.user`). `newSession(port, deps)` in ../testSession
 * makes another session over the same workbook (a reopen).
 */
export function modelSession(options: { waiting?: boolean } = {}) {
  const store = new LedgerStore(loadBundledLedger, options);
  const model = new ExcelModel({ ledger: store, sheets: ["Sheet1"] });
  const port = new ExcelWorkbook({ run: model.run, supports: model.supports });
  const session = newSession(port, { store });
  return { store, model, port, session };
}

/** Waits until the model's events are delivered and the session has taken them in. */
export async function settle(model: ExcelModel, session: LedgerSession): Promise<void> {
  await model.idle();
  await session.idle();
  await model.idle();
}

/** A table's values, header first. */
export function tableValues(model: ExcelModel, table: string): SheetCell[][] {
  const t = model.read.table(table);
  if (!t) return [];
  const [sheet, address] = t.address.split("!") as [string, string];
  return model.read.values(sheet.replace(/^'|'$/g, ""), address);
}

/** A table's place: its sheet, first row number, header and rows. */
export function tablePlace(model: ExcelModel, table: string) {
  const t = model.read.table(table)!;
  const [sheet, address] = t.address.split("!") as [string, string];
  const [, left, top] = /^\$?([A-Z]+)\$?(\d+)/.exec(address)!;
  expect(left).toBe("A");
  const values = tableValues(model, table);
  return {
    sheet: sheet.replace(/^'|'$/g, ""),
    top: Number(top),
    header: values[0]!.map(String),
    rows: values.slice(1),
  };
}

/** The sheet address of a table's cell: the row whose `key` column holds `value`, column `column`. */
export function cellOf(
  model: ExcelModel,
  table: string,
  key: string,
  value: string,
  column: string
) {
  const t = model.read.table(table)!;
  const address = t.address.replace(/^.*!/, "");
  const values = model.read.values(t.sheet, address);
  const header = values[0]!.map(String);
  const row = values.findIndex((r) => r[header.indexOf(key)] === value);
  expect(row).toBeGreaterThan(0);
  const start = /^([A-Z]+)(\d+)/.exec(address)!;
  expect(start[1]).toBe("A");
  return {
    sheet: t.sheet,
    address: `${columnLetters(header.indexOf(column))}${Number(start[2]) + row}`,
  };
}

/**
 * The TICAD VI pledge raised to $600 million, as a user restates it: amount and evidence, and no
 * yen equivalent (so the White Paper loses a stated pair and its default rate moves).
 */
export function raiseTicad(model: ExcelModel, amount = "600000000"): void {
  const edits: [string, string][] = [
    ["equivalentAmount", ""],
    ["equivalentCurrency", ""],
    ["evidence", `approximately $${Number(amount) / 1e6} million`],
    ["amount", amount],
  ];
  for (const [column, typed] of edits) {
    const cell = cellOf(
      model,
      TABLES.commitments.table,
      "id",
      "ticad6-peace-stability-2016",
      column
    );
    if (typed === "") model.user.clear(cell.sheet, cell.address);
    else model.user.type(cell.sheet, cell.address, typed);
  }
}
