/**
 * `aid export --xlsx`: read back with exceljs (tables, formats, text kept as text), every Totals
 * formula's answer checked against AIDTOTAL; and recomputed by LibreOffice where it is installed
 * (CI installs it: without it there, the test fails rather than passing unseen).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { aidTotal } from "../domain/helpers";
import { EXIT } from "../../src/cli/runCli";
import { totalsRows } from "../../src/cli/workbookFile";
import { createLedger, bundledReference, toJson, TABLES, type AidLedger } from "../../src/domain";
import { numberFormatOf } from "../../src/domain/workbook/numberFormats";
import { MINOR_DIGITS } from "../../src/domain/money/money";
import { cellRound } from "../fuzz/exact";
import { commitmentsTable, factsTable, ratesTable } from "../../src/domain";
import { bundledCopy } from "../domain/helpers";
import { aidAsync, tempDir } from "./run";

const tmp = tempDir("aid-xlsx-");

/** The bundled records and one whose text a spreadsheet would take for a formula. */
function trickyRows() {
  const rows = bundledCopy();
  rows[0] = { ...rows[0]!, notes: "=1+1" };
  rows[1] = { ...rows[1]!, notes: "+81 3 1234" };
  rows[2] = { ...rows[2]!, notes: "-dash" };
  rows[3] = { ...rows[3]!, notes: "@SUM(A1)" };
  return rows;
}
function ledgerOf(rows: unknown[]): AidLedger {
  const built = createLedger({ rows, reference: bundledReference() });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.value;
}

const rows = trickyRows();
const ledger = ledgerOf(rows);
let file: string;
const book = new ExcelJS.Workbook();

beforeAll(async () => {
  const data = tmp.write("tricky.json", toJson(rows));
  file = tmp.path("aid-ledger.xlsx");
  const run = await aidAsync(["export", "--xlsx", file, "--data", data]);
  expect(run).toMatchObject({ code: EXIT.OK });
  await book.xlsx.readFile(file);
});

/** A totals cell's answer as AIDTOTAL gives it: a number, or "#N/A" (no stated rate). */
function expectedTotal(region: string, year: number, currency: "USD" | "JPY"): number | "#N/A" {
  const r = aidTotal(ledger, region, year, currency);
  if (r.ok) return r.value;
  expect(r.error.code).toBe("NA");
  return "#N/A";
}

/** Facts rows as exceljs reads them, by header. */
function tableRows(sheetName: string): Record<string, unknown>[] {
  const sheet = book.getWorksheet(sheetName)!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = sheet.getRow(r);
    out.push(Object.fromEntries(header.map((h, i) => [h, cells.getCell(i + 1).value ?? null])));
  }
  return out;
}

describe("aid export --xlsx", () => {
  test("Commitments, Facts and Rates are Excel tables with the add-in's columns, values and number formats", () => {
    for (const spec of [commitmentsTable(ledger), factsTable(ledger), ratesTable(ledger)]) {
      const sheet = book.getWorksheet(spec.sheet)!;
      const table = sheet.getTable(spec.table);
      expect(table).toBeDefined();
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(spec.columns.map((c) => c.name));
      const read = tableRows(spec.sheet);
      expect(read.length).toBe(spec.rows.length);
      read.forEach((row, i) =>
        spec.columns.forEach((c, j) => expect(row[c.name]).toEqual(spec.rows[i]![j] ?? null))
      );
      spec.columns.forEach((c, j) => {
        const format = numberFormatOf(c.format);
        if (format !== null && spec.rows.length > 0)
          expect({ column: c.name, format: sheet.getCell(2, j + 1).numFmt }).toEqual({
            column: c.name,
            format,
          });
      });
    }
  });

  test("text starting with = + - @ stays text, never a formula", () => {
    const notes = tableRows(TABLES.commitments.sheet).map((r) => r.notes);
    for (const text of ["=1+1", "+81 3 1234", "-dash", "@SUM(A1)"]) expect(notes).toContain(text);
    const sheet = book.getWorksheet(TABLES.commitments.sheet)!;
    sheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
    );
  });

  test("Totals: SUMIFS over the Facts table by region and year, each answer AIDTOTAL's", () => {
    const sheet = book.getWorksheet("Totals")!;
    const expected = totalsRows(ledger);
    expect(expected.length).toBeGreaterThan(3);
    expect(sheet.rowCount - 1).toBe(expected.length);
    // Both answers occur: totals, and #N/A for the report that states no rate.
    const answers = expected.map((t) => typeof expectedTotal(t.region, t.year, "USD"));
    expect(new Set(answers)).toEqual(new Set(["number", "string"]));
    const facts = tableRows(TABLES.facts.sheet);
    expected.forEach((t, i) => {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value]).toEqual([t.region, t.year]);
      for (const [col, currency] of [
        [3, "USD"],
        [4, "JPY"],
      ] as const) {
        const cell = row.getCell(col).value as { formula: string };
        expect(cell.formula).toContain(`SUMIFS(AidFacts[Amount${currency}],AidFacts[Region]`);
        // What the formula computes: #N/A when a selected row has no rate, else the rows summed.
        const kinds = [...cell.formula.matchAll(/SUMIFS\(.*?AidFacts\[Kind\],"([a-z-]+)"\)/g)].map(
          (m) => m[1]
        );
        const selected = facts.filter(
          (f) => f.Region === t.region && f.Year === t.year && kinds.includes(String(f.Kind))
        );
        const total = selected.some((f) =>
          (typeof f.Note === "string" ? f.Note : "").includes(`No ${currency}:`)
        )
          ? "#N/A"
          : Number(
              cellRound(
                selected.reduce((s, f) => s + Number(f[`Amount${currency}`] ?? 0), 0),
                MINOR_DIGITS[currency]
              )
            ) /
            10 ** MINOR_DIGITS[currency];
        expect({ ...t, currency, total }).toEqual({
          ...t,
          currency,
          total: expectedTotal(t.region, t.year, currency),
        });
      }
    });
  });

  test("Sources: each document's title, the data status line and the rate rule", () => {
    const sheet = book.getWorksheet("Sources")!;
    const text = JSON.stringify(sheet.getSheetValues());
    for (const d of ledger.rates.documents) expect(text).toContain(d.title);
    expect(text).toMatch(/Data from the file .*tricky\.json, \d+ records from 2 reports/);
    expect(text).toContain("median");
  });
});

/** LibreOffice's soffice, or null when it is not installed. */
function soffice(): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

describe("recomputed by LibreOffice", () => {
  const binary = soffice();
  test("LibreOffice is installed where CI runs", () => {
    if (process.env.CI === "true") expect(binary).not.toBeNull();
  });

  (binary ? test : test.skip)(
    "every Totals cell, recomputed by LibreOffice Calc, is AIDTOTAL's answer",
    () => {
      const out = mkdtempSync(join(tmpdir(), "aid-soffice-"));
      try {
        // TOOLCHAIN.md: every sheet to its own CSV (UTF-8, comma, quoted text, formulas' values).
        execFileSync(
          binary!,
          [
            "--headless",
            "--calc",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            out,
            file,
          ],
          { env: { ...process.env, HOME: out }, stdio: "pipe", timeout: 120_000 }
        );
        const csv = readFileSync(join(out, "aid-ledger-Totals.csv"), "utf8");
        const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
        expect(parsed[0]).toEqual(["Region", "Year", "CommittedUSD", "CommittedJPY"]);
        const expected = totalsRows(ledger);
        expect(parsed.length - 1).toBe(expected.length);
        const number = (text: string) => (text === "#N/A" ? text : Number(text.replace(/,/g, "")));
        expected.forEach((t, i) => {
          const [region, year, usd, jpy] = parsed[i + 1]!;
          expect({ region, year: Number(year), usd: number(usd!), jpy: number(jpy!) }).toEqual({
            region: t.region,
            year: t.year,
            usd: expectedTotal(t.region, t.year, "USD"),
            jpy: expectedTotal(t.region, t.year, "JPY"),
          });
        });
        // Text a spreadsheet could take for a formula came through as text.
        const commitments = readFileSync(join(out, "aid-ledger-Commitments.csv"), "utf8");
        expect(commitments).toContain("=1+1");
        expect(commitments).toContain("@SUM(A1)");
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  );
});
