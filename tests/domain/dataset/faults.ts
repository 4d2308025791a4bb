/*
 * Datasets with faults put in on purpose: synthetic records (valid by construction), then, in
 * some rows, one of the mistakes a person or a tool makes. Used to check that a faster
 * validation finds exactly the problems the slower one found.
 */
import Papa from "papaparse";
import { RECORD_FIELDS } from "../../../src/domain/dataset/fields";
import { generateRecords } from "../../../src/tooling/synthetic";

type Row = Record<string, unknown>;

/** Each fault changes one row (it may read the whole dataset, to copy another row's id say). */
export const FAULTS: readonly ((row: Row, rows: readonly Row[], i: number) => unknown)[] = [
  (r) => ({ ...r, id: "Bad Id" }),
  (r, rows, i) => ({ ...r, id: rows[(i + 1) % rows.length]!.id }),
  (r) => ({ ...r, amount: "12.345", currency: "USD" }),
  (r) => ({ ...r, amount: "abc" }),
  (r) => ({ ...r, amount: "999", currency: r.currency ?? "USD" }),
  (r) => ({ ...r, amount: "1000000000000000", currency: "JPY" }),
  (r) => ({ ...r, currency: "EUR" }),
  (r) => ({ ...r, currency: null }),
  (r) => ({ ...r, equivalentAmount: "0", equivalentCurrency: "JPY", currency: "USD" }),
  (r) => ({ ...r, equivalentCurrency: r.currency }),
  (r) => ({ ...r, people: 0 }),
  (r) => ({ ...r, people: 1.5 }),
  (r) => ({ ...r, people: "3" }),
  (r) => ({ ...r, quantity: 4, unit: null }),
  (r) => ({ ...r, amount: null, currency: null, people: null, quantity: null, unit: null }),
  (r) => ({ ...r, region: "Atlantis" }),
  (r) => ({ ...r, country: "XX" }),
  (r) => ({ ...r, country: "vn" }),
  (r) => ({ ...r, country: "JP", recipientType: "country" }),
  (r) => ({ ...r, subregion: "Southeast Asia" }),
  (r) => ({ ...r, recipientType: "country", country: null }),
  (r) => ({ ...r, recipient: "UN\u041EDC", recipientType: "organization" }),
  (r) => ({ ...r, recipient: "Africa", recipientType: "organization" }),
  (r) => ({ ...r, recipient: "Nowhere", recipientType: "region" }),
  (r) => ({ ...r, recipient: "Nobody", recipientType: "group" }),
  (r) => ({ ...r, recipientType: "person" }),
  (r) => ({ ...r, theme: "counter-terorism" }),
  (r) => ({ ...r, partOf: "missing-record" }),
  (r) => ({ ...r, partOf: r.id }),
  (r, rows, i) => ({ ...r, partOf: rows[(i + 3) % rows.length]!.id }),
  (r) => ({ ...r, evidence: "" }),
  (r) => ({ ...r, evidence: "states no figure at all" }),
  (r) => ({ ...r, evidence: `${String(r.evidence)} and 1.5 million more` }),
  (r) => ({ ...r, evidence: `a\u0007bell ${String(r.evidence)}` }),
  (r) => ({ ...r, evidence: "x".repeat(501) }),
  (r) => ({ ...r, announced: "2016-02-30", fiscalYear: null }),
  (r) => ({ ...r, announced: "2016-13" }),
  (r) => ({ ...r, fiscalYear: 1800 }),
  (r) => ({ ...r, fiscalYear: "2016" }),
  (r) => ({ ...r, periodFrom: 2020, periodTo: 2010 }),
  (r) => ({ ...r, approximate: "yes" }),
  (r) => ({ ...r, sourceTitle: "Another title" }),
  (r) => ({ ...r, sourceSection: "   " }),
  (r) => ({ ...r, donor: "Ja\u200Bpan" }),
  (r) => ({ ...r, channel: "JI\u0421A" }),
  (r) => ({ ...r, unit: "x".repeat(256) }),
  (r) => ({ ...r, crsPurpose: "1522" }),
  (r) => ({ ...r, kind: "gift" }),
  (r) => ({ ...r, extra: "field" }),
  (r) => Object.fromEntries(Object.entries(r).filter(([key]) => key !== "theme")),
  (r) => ({ ...r, notes: "  ", recipient: `  ${String(r.recipient)}  ` }),
  () => 42,
  () => null,
  () => [],
];

/**
 * `count` synthetic rows of seed `seed`, about one in `every` with a fault (which one, and where,
 * drawn from `pick`, a function giving a whole number below its argument).
 */
export function faultedRows(
  count: number,
  seed: number,
  pick: (below: number) => number,
  every = 5
): unknown[] {
  const rows: Row[] = generateRecords(count, { seed }).map((r) => ({ ...r }));
  return rows.map((row, i) =>
    pick(every) === 0 ? FAULTS[pick(FAULTS.length)]!(row, rows, i) : row
  );
}

/** Rows as CSV text, the way a person's spreadsheet would save them (objects only). */
export function rowsAsCsv(rows: readonly unknown[]): string {
  const cell = (v: unknown) => {
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return typeof v === "string" || typeof v === "number" ? String(v) : "";
  };
  const data = rows
    .filter((r): r is Row => typeof r === "object" && r !== null && !Array.isArray(r))
    .map((r) => RECORD_FIELDS.map((f) => cell(r[f.name])));
  return Papa.unparse({ fields: RECORD_FIELDS.map((f) => f.name), data }, { newline: "\n" }) + "\n";
}
