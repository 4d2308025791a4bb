/**
 * The dataset as an .xlsx file for anyone whose Excel cannot run the add-in (Excel 2019
 * volume-licensed, Excel on iPad, offices that block add-ins) or who uses another spreadsheet:
 * Commitments, Facts and Rates as Excel tables with the add-in's columns and number formats, a
 * Totals sheet of SUMIFS formulas over the Facts table (so it recomputes anywhere), and a Sources
 * sheet. exceljs is Node-side tooling: this file is never part of the pane's bundle.
 */
import ExcelJS from "exceljs";
import {
  type AidLedger,
  describeDataStatus,
  type DatasetIdentity,
  explainDocumentRate,
  ledgerTables,
  TABLES,
  type TableSpec,
} from "../domain";
import { COMMITTED_KINDS } from "../domain/dataset/schema";
import { MINOR_DIGITS } from "../domain/money/money";
import { noRateNote } from "../domain/workbook/tables";
import { numberFormatOf } from "../domain/workbook/numberFormats";

export const TOTALS_SHEET = "Totals";
export const SOURCES_SHEET = "Sources";

/** One row of the Totals sheet: committed amounts of a region in a year. */
export interface TotalsRow {
  readonly region: string;
  readonly year: number;
}

/** The region and year of every committed fact, sorted: the Totals sheet's rows. */
export function totalsRows(ledger: AidLedger): TotalsRow[] {
  const seen = new Map<string, TotalsRow>();
  for (const r of ledger.records) {
    if (!COMMITTED_KINDS.includes(r.record.kind) || r.countingYear === null) continue;
    seen.set(`${r.record.region}\u0000${r.countingYear}`, {
      region: r.record.region,
      year: r.countingYear,
    });
  }
  return [...seen.values()].sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year);
}

/**
 * The formula of a Totals cell, AIDTOTAL's default kind "committed" spelled out as one SUMIFS per
 * committed kind (no array constants, which spreadsheets treat differently inside SUMIFS). It uses
 * structured references to the Facts table, so it follows the table when rows are added, and
 * recomputes in Excel 2016 and later, Excel on iPad and LibreOffice. Where a committed amount of
 * that region and year has no rate into the currency (its Facts note says "No USD: ..."), the
 * answer is #N/A, as AIDTOTAL's is, never a total that silently leaves the amount out.
 */
export function totalFormula(currency: "USD" | "JPY", row: number): string {
  const t = TABLES.facts.table;
  const where = `${t}[Region],$A${row},${t}[Year],$B${row}`;
  const byKind = (f: (kind: string) => string) => COMMITTED_KINDS.map(f).join("+");
  const unconverted = byKind(
    (k) => `COUNTIFS(${where},${t}[Kind],"${k}",${t}[Note],"*${noRateNote(currency)}*")`
  );
  const sum = byKind((k) => `SUMIFS(${t}[Amount${currency}],${where},${t}[Kind],"${k}")`);
  // Facts hold conversions unrounded: the sum is rounded once, as AIDTOTAL's is.
  return `IF(${unconverted}>0,NA(),ROUND(${sum},${MINOR_DIGITS[currency]}))`;
}

/** The .xlsx file's bytes. `identity` is what the Sources sheet's status line describes. */
export async function writeWorkbookFile(
  ledger: AidLedger,
  identity: DatasetIdentity
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(identity.loadedAt);
  for (const table of ledgerTables(ledger)) addTable(book, table);
  addTotals(book, ledger);
  addSources(book, ledger, identity);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function addTable(book: ExcelJS.Workbook, spec: TableSpec): void {
  const sheet = book.addWorksheet(spec.sheet);
  sheet.addTable({
    name: spec.table,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: spec.columns.map((c) => ({ name: c.name, filterButton: true })),
    // A string is stored as a string cell (never a formula: exceljs writes a formula only from a
    // { formula } value), so text starting with = + - @ stays text in every spreadsheet.
    rows: spec.rows.map((row) => [...row]),
  });
  spec.columns.forEach((c, i) => {
    const format = numberFormatOf(c.format);
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(40, Math.max(10, c.name.length + 2));
    if (format === null) return;
    for (let r = 2; r <= spec.rows.length + 1; r++) sheet.getCell(r, i + 1).numFmt = format;
  });
}

function addTotals(book: ExcelJS.Workbook, ledger: AidLedger): void {
  const sheet = book.addWorksheet(TOTALS_SHEET);
  sheet.addRow(["Region", "Year", "CommittedUSD", "CommittedJPY"]).font = { bold: true };
  totalsRows(ledger).forEach((t, i) => {
    const row = i + 2;
    sheet.addRow([
      t.region,
      t.year,
      { formula: totalFormula("USD", row) },
      { formula: totalFormula("JPY", row) },
    ]);
  });
  sheet.getColumn(1).width = 20;
  sheet.getColumn(3).numFmt = numberFormatOf("usd")!;
  sheet.getColumn(4).numFmt = numberFormatOf("jpy")!;
  sheet.getColumn(3).width = 20;
  sheet.getColumn(4).width = 22;
}

function addSources(book: ExcelJS.Workbook, ledger: AidLedger, identity: DatasetIdentity): void {
  const sheet = book.addWorksheet(SOURCES_SHEET);
  sheet.addRow(["Data", describeDataStatus(identity, ledger, undefined, { timeZone: "UTC" })]);
  sheet.addRow([
    "Rate rule",
    "Amounts are converted only at rates the reports state: a record stating both currencies uses its own pair; other records use their document's rate, the median of the rates its pairs imply; a document stating no pair has no rate (its amounts stay empty in the other currency).",
  ]);
  sheet.addRow([]);
  sheet.addRow(["Document", "Title", "Records", "Rate"]).font = { bold: true };
  for (const d of ledger.rates.documents) {
    const records = ledger.records.filter((r) => r.record.sourceFile === d.document).length;
    sheet.addRow([d.document, d.title, records, explainDocumentRate(d).sentence]);
  }
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 60;
}
