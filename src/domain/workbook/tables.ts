import { RECORD_FIELDS } from "../dataset/fields";
import { fromText } from "../dataset/io";
import type { Checked, Problem } from "../dataset/problems";
import { fiscalDatingOf } from "../dates/fiscalYear";
import type { AidLedger } from "../ledger";
import { type Currency, fractionToDecimal, minorToNumber } from "../money/money";
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

/** Commitments: one row per record, every field, as in the JSON and CSV forms. Amounts are numbers. */
export function commitmentsTable(ledger: AidLedger): TableSpec {
  return {
    ...TABLES.commitments,
    columns: RECORD_FIELDS.map((f) => ({ name: f.name, format: FIELD_FORMAT[f.name] ?? "text" })),
    rows: ledger.records.map((r) =>
      RECORD_FIELDS.map((f) => {
        if (f.name === "amount")
          return r.amount ? minorToNumber(r.amount.minor, r.amount.currency) : null;
        if (f.name === "equivalentAmount")
          return r.equivalent ? minorToNumber(r.equivalent.minor, r.equivalent.currency) : null;
        return r.record[f.name];
      })
    ),
  };
}

const FACT_COLUMNS: readonly { name: string; format: ColumnFormat }[] = [
  { name: "Id", format: "text" },
  { name: "Year", format: "year" },
  { name: "Region", format: "text" },
  { name: "Subregion", format: "text" },
  { name: "Country", format: "text" },
  { name: "Recipient", format: "text" },
  { name: "Theme", format: "text" },
  { name: "Kind", format: "text" },
  { name: "Channel", format: "text" },
  { name: "Approximate", format: "boolean" },
  { name: "People", format: "integer" },
  { name: "AmountUSD", format: "usd" },
  { name: "AmountJPY", format: "jpy" },
  { name: "RateUsed", format: "rate" },
  { name: "RateSource", format: "text" },
  { name: "Note", format: "text" },
  // Last, so the columns before it keep the addresses formulas over Facts already use.
  { name: "FiscalYear", format: "year" },
];

/**
 * Facts: the pivot-ready table, one fact per row: a record in the year it counts in, with both
 * currencies by the rate rule. A figure that is part of another record's figure is left empty
 * (with the reason) so a PivotTable never adds it twice; so is an amount with no stated rate.
 */
export function factsTable(ledger: AidLedger): TableSpec {
  const rows = ledger.records.map((r) => {
    const notes: string[] = [];
    const amountIn = (c: Currency): number | null => {
      if (!r.amount) return null;
      if (!r.countsMoney) return null;
      const v = ledger.convertRecord(r, c);
      if (v === null) return null;
      if (!v.ok) {
        notes.push(
          `No ${c}: ${ledger.rates.get(r.record.sourceFile)!.title} states no JPY/USD rate`
        );
        return null;
      }
      return minorToNumber(v.value, c);
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
    return [
      r.record.id,
      r.countingYear,
      r.record.region,
      r.record.subregion,
      r.record.country,
      r.record.recipient,
      r.record.theme,
      r.record.kind,
      r.record.channel,
      r.record.approximate,
      r.countsPeople ? r.record.people : null,
      amountIn("USD"),
      amountIn("JPY"),
      rate ? fractionToDecimal(rate).toDecimalPlaces(6).toNumber() : null,
      used?.source ?? null,
      notes.length ? notes.join("; ") : null,
      fiscal.fiscalYear,
    ] satisfies SheetCell[];
  });
  return { ...TABLES.facts, columns: FACT_COLUMNS, rows };
}

const RATE_COLUMNS: readonly { name: string; format: ColumnFormat }[] = [
  { name: "Document", format: "text" },
  { name: "Title", format: "text" },
  { name: "Entry", format: "text" },
  { name: "RecordId", format: "text" },
  { name: "USD", format: "usd" },
  { name: "JPY", format: "jpy" },
  { name: "JpyPerUsd", format: "rate" },
  { name: "Covers", format: "text" },
  { name: "Derivation", format: "text" },
];

/** Rates: every stated pair, each document's default rate and how it was derived, and the user's rows (Entry "user"). */
export function ratesTable(ledger: AidLedger): TableSpec {
  const rows: SheetCell[][] = [];
  for (const d of ledger.rates.documents) {
    const covers = d.covers ? `${d.covers.from}-${d.covers.to}` : null;
    for (const p of d.pairs) {
      rows.push([
        d.document,
        d.title,
        "pair",
        p.recordId,
        minorToNumber(p.usd.minor, "USD"),
        minorToNumber(p.jpy.minor, "JPY"),
        Number(formatRate(p.jpyPerUsd)),
        covers,
        "Implied by the record's two stated figures",
      ]);
    }
    if (d.basis !== "user")
      rows.push([
        d.document,
        d.title,
        d.basis === "none" ? "none" : "default",
        null,
        null,
        null,
        d.jpyPerUsd ? Number(formatRate(d.jpyPerUsd)) : null,
        covers,
        d.derivation,
      ]);
  }
  const documents = new Map(ledger.rates.documents.map((d) => [d.document, d]));
  for (const u of ledger.userRates) {
    const file = resolveDocument(u.document, documents) ?? u.document;
    const title = ledger.rates.get(file)?.title ?? null;
    rows.push([file, title, "user", null, null, null, Number(u.jpyPerUsd), null, u.note ?? null]);
  }
  return { ...TABLES.rates, columns: RATE_COLUMNS, rows };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every table Aid Ledger writes, in order. */
export function ledgerTables(ledger: AidLedger): TableSpec[] {
  return [commitmentsTable(ledger), factsTable(ledger), ratesTable(ledger)];
}

/** Sheet row of a table's data row i (row 1 is the header). */
const sheetRow = (i: number) => i + 2;

function cellText(v: SheetCell): string {
  return v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
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
        message: "column is missing from the Commitments table",
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
  const col = (name: string) => data.header.findIndex((h) => h.trim() === name);
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
          message: "the Rates table needs the columns Document, Entry and JpyPerUsd",
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
