import { RECORD_FIELDS } from "../dataset/fields";
import { fromText } from "../dataset/io";
import type { Checked, Problem } from "../dataset/problems";
import type { LedgerRecord } from "../dataset/ledgerRecord";
import { fiscalDatingOf } from "../dates/fiscalYear";
import type { AidLedger } from "../ledger";
import { messages } from "../messages/catalog";
import type { Fraction } from "../money/fraction";
import {
  type Currency,
  MINOR_DIGITS,
  fractionToDecimal,
  minorToNumber,
  plainNumber,
} from "../money/money";
import { normalizeName } from "../places/names";
import { formatRate, pairOf, resolveDocument, type UserRate } from "../rates/rateBook";
import type { ColumnFormat, PivotSpec, SheetCell, TableData, TableSpec } from "./port";

/** The sheets and tables Aid Ledger owns in a workbook. Everything else belongs to the user. */
export const TABLES = {
  commitments: { sheet: "Commitments", table: "AidCommitments" },
  facts: { sheet: "Facts", table: "AidFacts" },
  rates: { sheet: "Rates", table: "AidRates" },
} as const;

export const SUMMARY_PIVOT: PivotSpec = {
  sheet: "Summary",
  name: "AidSummary",
  sourceTable: TABLES.facts.table,
  rowField: "Region",
  columnField: "Year",
  dataField: "AmountUSD",
};

const FIELD_FORMAT: Readonly<Record<string, ColumnFormat>> = {
  fiscalYear: "year",
  periodFrom: "year",
  periodTo: "year",
  people: "integer",
  quantity: "integer",
  approximate: "boolean",
  amount: "rate",
  equivalentAmount: "rate",
};

/**
 * A column declared once, as TanStack's column helper keeps it: its header, its number format and
 * its value for a row. The header row and every data row of a table come from the same list.
 */
export interface Column<Row> {
  readonly name: string;
  readonly format: ColumnFormat;
  readonly value: (row: Row) => SheetCell;
}

/** The header (names and formats) and the rows of a table, from its columns. */
function columnsAndRows<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[]
): Pick<TableSpec, "columns" | "rows"> {
  return {
    columns: columns.map(({ name, format }) => ({ name, format })),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

/** Commitments: every record field, as in the JSON and CSV forms. Amounts are numbers. */
export const COMMITMENT_COLUMNS: readonly Column<LedgerRecord>[] = RECORD_FIELDS.map((f) => ({
  name: f.name,
  format: FIELD_FORMAT[f.name] ?? "text",
  value:
    f.name === "amount"
      ? (r: LedgerRecord) => (r.amount ? minorToNumber(r.amount.minor, r.amount.currency) : null)
      : f.name === "equivalentAmount"
        ? (r: LedgerRecord) =>
            r.equivalent ? minorToNumber(r.equivalent.minor, r.equivalent.currency) : null
        : (r: LedgerRecord) => r.record[f.name],
}));

/** Commitments: one row per record. */
export function commitmentsTable(ledger: AidLedger): TableSpec {
  return {
    ...TABLES.commitments,
    key: ["id"],
    ...columnsAndRows(COMMITMENT_COLUMNS, ledger.records),
  };
}

/** A record as the Facts table shows it: counted in one year, in both currencies, with why not. */
interface Fact {
  readonly r: LedgerRecord;
  readonly usd: number | null;
  readonly jpy: number | null;
  readonly rate: number | null;
  readonly rateSource: string | null;
  readonly notes: string | null;
  readonly fiscalYear: number | null;
}

export const FACT_COLUMNS = [
  { name: "Id", format: "text", value: (f: Fact) => f.r.record.id },
  { name: "Year", format: "year", value: (f: Fact) => f.r.countingYear },
  { name: "Region", format: "text", value: (f: Fact) => f.r.record.region },
  { name: "Subregion", format: "text", value: (f: Fact) => f.r.record.subregion },
  { name: "Country", format: "text", value: (f: Fact) => f.r.record.country },
  { name: "Recipient", format: "text", value: (f: Fact) => f.r.record.recipient },
  { name: "Theme", format: "text", value: (f: Fact) => f.r.record.theme },
  { name: "Kind", format: "text", value: (f: Fact) => f.r.record.kind },
  { name: "Channel", format: "text", value: (f: Fact) => f.r.record.channel },
  { name: "Approximate", format: "boolean", value: (f: Fact) => f.r.record.approximate },
  {
    name: "People",
    format: "integer",
    value: (f: Fact) => (f.r.countsPeople ? f.r.record.people : null),
  },
  { name: "AmountUSD", format: "usd", value: (f: Fact) => f.usd },
  { name: "AmountJPY", format: "jpy", value: (f: Fact) => f.jpy },
  { name: "RateUsed", format: "rate", value: (f: Fact) => f.rate },
  { name: "RateSource", format: "text", value: (f: Fact) => f.rateSource },
  { name: "Note", format: "text", value: (f: Fact) => f.notes },
  // Last, so the columns before it keep the addresses formulas over Facts already use.
  { name: "FiscalYear", format: "year", value: (f: Fact) => f.fiscalYear },
] as const satisfies readonly Column<Fact>[];

/**
 * A record's amount in `currency` as a Facts cell holds it: a stated amount or equivalent as is, a
 * conversion unrounded (to the 15 significant digits a cell keeps, limits.ts, so it reads back as
 * written). Round once, at the end: a SUMIFS over these cells rounded to the minor unit is
 * AIDTOTAL, where rows rounded to the cent one by one can add up to cents off it. The column's
 * number format shows cents or whole yen. Null when the document states no rate.
 */
function factAmount(exact: Fraction, currency: Currency): number {
  return fractionToDecimal(exact)
    .dividedBy(10 ** MINOR_DIGITS[currency])
    .toSignificantDigits(CELL_DIGITS)
    .toNumber();
}

/** Significant digits an Excel cell keeps. */
const CELL_DIGITS = 15;

/** How a Facts note begins when the amount has no rate into `currency` (the .xlsx Totals look for it). */
export const noRateNote = (currency: Currency): string => `No ${currency}:`;

/**
 * Facts: the pivot-ready table, one fact per row: a record in the year it counts in, with both
 * currencies by the rate rule. A figure that is part of another record's figure is left empty
 * (with the reason) so a PivotTable never adds it twice; so is an amount with no stated rate.
 */
export function factsTable(ledger: AidLedger): TableSpec {
  const facts = ledger.records.map((r): Fact => {
    const notes: string[] = [];
    const amountIn = (c: Currency): number | null => {
      if (!r.amount || !r.countsMoney) return null;
      const v = ledger.convertRecordExact(r, c)!;
      if (v.ok) return factAmount(v.value, c);
      notes.push(
        `${noRateNote(c)} ${ledger.rates.get(r.record.sourceFile)!.title} states no JPY/USD rate`
      );
      return null;
    };
    if (r.amount && !r.countsMoney)
      notes.push(`Amount is part of ${r.record.partOf}'s and counted there`);
    if (r.record.people !== null && !r.countsPeople)
      notes.push(`People are part of ${r.record.partOf}'s and counted there`);
    const fiscal = fiscalDatingOf(r.record);
    if (fiscal.fiscalYear === null) notes.push(capitalize(fiscal.reason));
    // The JPY/USD rate behind the converted column: the record's own pair, else its document's rate.
    const pair = r.countsMoney ? pairOf(r) : null;
    const docRate =
      r.amount && r.countsMoney && !pair ? ledger.rates.get(r.record.sourceFile)!.jpyPerUsd : null;
    const rate = pair?.jpyPerUsd ?? docRate;
    const used =
      r.amount && r.countsMoney
        ? ledger.rateUsed(r, r.amount.currency === "USD" ? "JPY" : "USD")
        : null;
    // Converted before the notes are joined: a missing rate adds its note.
    const usd = amountIn("USD");
    const jpy = amountIn("JPY");
    return {
      r,
      usd,
      jpy,
      rate: rate ? fractionToDecimal(rate).toDecimalPlaces(6).toNumber() : null,
      rateSource: used?.source ?? null,
      notes: notes.length ? notes.join("; ") : null,
      fiscalYear: fiscal.fiscalYear,
    };
  });
  return {
    ...TABLES.facts,
    key: keyOf(FACT_COLUMNS, ["Id"]),
    ...columnsAndRows(FACT_COLUMNS, facts),
  };
}

/** One row of the Rates table: a stated pair, a document's default, or the user's rate. */
interface RateRow {
  readonly document: string;
  readonly title: string | null;
  readonly entry: "pair" | "default" | "none" | "user";
  readonly recordId: string | null;
  readonly usd: number | null;
  readonly jpy: number | null;
  readonly jpyPerUsd: number | null;
  readonly covers: string | null;
  readonly derivation: string | null;
}

export const RATE_COLUMNS = [
  { name: "Document", format: "text", value: (r: RateRow) => r.document },
  { name: "Title", format: "text", value: (r: RateRow) => r.title },
  { name: "Entry", format: "text", value: (r: RateRow) => r.entry },
  { name: "RecordId", format: "text", value: (r: RateRow) => r.recordId },
  { name: "USD", format: "usd", value: (r: RateRow) => r.usd },
  { name: "JPY", format: "jpy", value: (r: RateRow) => r.jpy },
  { name: "JpyPerUsd", format: "rate", value: (r: RateRow) => r.jpyPerUsd },
  { name: "Covers", format: "text", value: (r: RateRow) => r.covers },
  { name: "Derivation", format: "text", value: (r: RateRow) => r.derivation },
] as const satisfies readonly Column<RateRow>[];

/** A Rates column's header, checked against the declared columns. */
export type RateColumnName = (typeof RATE_COLUMNS)[number]["name"];

/** Key columns, named from the declared ones so a renamed column cannot leave a stale key. */
function keyOf<const C extends readonly { name: string }[]>(
  _columns: C,
  key: readonly C[number]["name"][]
): readonly string[] {
  return key;
}

/** Rates: every stated pair, each document's default rate and how it was derived, and the user's rows (Entry "user"). */
export function ratesTable(ledger: AidLedger): TableSpec {
  const rows: RateRow[] = [];
  const none = { recordId: null, usd: null, jpy: null, covers: null };
  for (const d of ledger.rates.documents) {
    const covers = d.covers ? `${d.covers.from}-${d.covers.to}` : null;
    for (const p of d.pairs) {
      rows.push({
        document: d.document,
        title: d.title,
        entry: "pair",
        recordId: p.recordId,
        usd: minorToNumber(p.usd.minor, "USD"),
        jpy: minorToNumber(p.jpy.minor, "JPY"),
        jpyPerUsd: Number(formatRate(p.jpyPerUsd)),
        covers,
        derivation: "Implied by the record's two stated figures",
      });
    }
    if (d.basis !== "user")
      rows.push({
        ...none,
        document: d.document,
        title: d.title,
        entry: d.basis === "none" ? "none" : "default",
        jpyPerUsd: d.jpyPerUsd ? Number(formatRate(d.jpyPerUsd)) : null,
        covers,
        derivation: d.derivation,
      });
  }
  const documents = new Map(ledger.rates.documents.map((d) => [d.document, d]));
  for (const u of ledger.userRates) {
    const file = resolveDocument(u.document, documents) ?? u.document;
    rows.push({
      ...none,
      document: file,
      title: ledger.rates.get(file)?.title ?? null,
      entry: "user",
      jpyPerUsd: Number(u.jpyPerUsd),
      derivation: u.note ?? null,
    });
  }
  // A stated pair is its document's and record's; a default its document's; a user's rate its
  // document's, in order (two user rates for one document pair up by occurrence).
  return {
    ...TABLES.rates,
    key: keyOf(RATE_COLUMNS, ["Document", "Entry", "RecordId"]),
    ...columnsAndRows(RATE_COLUMNS, rows),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every table Aid Ledger writes, in order. */
export function ledgerTables(ledger: AidLedger): TableSpec[] {
  return [commitmentsTable(ledger), factsTable(ledger), ratesTable(ledger)];
}

/** The sheet row of body row i, as Edits not taken in names it (the header is row 1). */
export const sheetRow = (i: number) => i + 2;

/** A cell as the text a person typed: numbers in plain decimal digits (plainNumber), never "1e-7". */
function cellText(v: SheetCell): string {
  if (typeof v === "number") return plainNumber(v);
  return v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
}

/**
 * Reads the Commitments table back into rows for validation: by header name, so the user may
 * reorder columns; values converted by field type. Problems name the sheet row and column.
 */
export function readCommitments(
  data: TableData
): Checked<{ rows: Record<string, unknown>[]; lines: number[] }> {
  const problems: Problem[] = [];
  const header = data.header.map((h) => h.trim());
  for (const f of RECORD_FIELDS) {
    if (f.required && !header.includes(f.name))
      problems.push({
        row: 0,
        line: 1,
        field: f.name,
        message: messages().columnMissingFromTable(TABLES.commitments.sheet),
      });
  }
  if (problems.length) return { ok: false, problems };
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  data.rows.forEach((cells, i) => {
    if (cells.every((c) => c === null || c === "")) return; // a blank row the user left
    const row: Record<string, unknown> = {};
    RECORD_FIELDS.forEach((f) => {
      const at = header.indexOf(f.name);
      if (at < 0) return;
      const v = cells[at] ?? null;
      if (f.type === "integer" && typeof v === "number") row[f.name] = v;
      else if (f.type === "boolean" && typeof v === "boolean") row[f.name] = v;
      else {
        const converted = fromText(f, cellText(v));
        if ("error" in converted)
          problems.push({
            row: rows.length + 1,
            line: sheetRow(i),
            field: f.name,
            message: converted.error,
          });
        else row[f.name] = converted.value;
      }
    });
    rows.push(row);
    lines.push(sheetRow(i));
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: { rows, lines } };
}

/** Normalized title -> file name, from the derived rows of the Rates table (Entry other than "user"). */
function documentTitles(
  data: TableData,
  doc: number,
  title: number,
  entry: number
): Map<string, string> {
  const titles = new Map<string, string>();
  if (title < 0) return titles;
  for (const cells of data.rows) {
    const kind = cellText(cells[entry] ?? null)
      .trim()
      .toLowerCase();
    const file = cellText(cells[doc] ?? null).trim();
    const name = cellText(cells[title] ?? null).trim();
    if (kind !== "user" && file && name) titles.set(normalizeName(name), file);
  }
  return titles;
}

/**
 * The user's rates: the Rates rows whose Entry is "user", with their sheet rows (for problems).
 * The derived rows (pairs, defaults) are rewritten on every load. A user row's Document may be
 * the document's title (as a person knows it) or its file name; a title is read as its file name.
 */
export function readUserRates(data: TableData): Checked<{ rates: UserRate[]; lines: number[] }> {
  const col = (name: RateColumnName) => data.header.findIndex((h) => h.trim() === name);
  const [doc, entry, rate, note] = [
    col("Document"),
    col("Entry"),
    col("JpyPerUsd"),
    col("Derivation"),
  ];
  if (doc < 0 || entry < 0 || rate < 0) {
    return {
      ok: false,
      problems: [
        {
          row: 0,
          line: 1,
          field: "Rates",
          message: messages().ratesColumnsNeeded(TABLES.rates.sheet, [
            "Document",
            "Entry",
            "JpyPerUsd",
          ]),
        },
      ],
    };
  }
  const titles = documentTitles(data, doc, col("Title"), entry);
  const rates: UserRate[] = [];
  const lines: number[] = [];
  data.rows.forEach((cells, i) => {
    if (
      cellText(cells[entry] ?? null)
        .trim()
        .toLowerCase() !== "user"
    )
      return;
    // The Document column takes the title or the file name; the derived rows pair them.
    const typed = cellText(cells[doc] ?? null).trim();
    rates.push({
      document: titles.get(normalizeName(typed)) ?? typed,
      jpyPerUsd: cellText(cells[rate] ?? null).trim(),
      note: note >= 0 ? cellText(cells[note] ?? null) || null : null,
    });
    lines.push(sheetRow(i));
  });
  return { ok: true, value: { rates, lines } };
}
