import type { CommitmentRecord } from "../dataset/schema";
import { type Messages, english, messages } from "../messages/catalog";

/**
 * Japan's fiscal year (年度): fiscal year N runs from 1 April N to 31 March N+1. A record is in
 * fiscal year N when its text states FY N, or when its stated date (a month or a day) falls in
 * that span. A record dated by a year alone has no fiscal year (January to March would belong
 * to the year before): it is never guessed.
 */

/** The lowest and highest year a year argument may name (as a plain year does). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

/** The year before each era's first year: 令和元年 is 2019, 平成元年 1989, 昭和元年 1926. */
const ERAS: Readonly<Record<string, { readonly before: number; readonly last: number }>> = {
  令和: { before: 2018, last: LAST_YEAR - 2018 },
  r: { before: 2018, last: LAST_YEAR - 2018 },
  // 平成31年度 is what FY2019 was budgeted as before the era changed on 1 May 2019.
  平成: { before: 1988, last: 31 },
  h: { before: 1988, last: 31 },
  昭和: { before: 1925, last: 64 },
  s: { before: 1925, last: 64 },
};

const WESTERN = /^(?:fy\s*(\d{4})|(\d{4})\s*年度)$/;
const ERA = /^(令和|平成|昭和|r|h|s)\s*(元|\d{1,3})\s*年度$/;

/**
 * The fiscal year a text names: "FY2016", "2016年度", "平成28年度", "令和元年度", "H28年度"
 * (full-width digits and letters too), or null when the text is not written as a fiscal year.
 * A fiscal year out of range (before 1900, after 2200, 平成32年度) is null as well.
 */
export function parseFiscalYearText(text: string): number | null {
  const t = text.normalize("NFKC").trim().toLowerCase();
  const western = WESTERN.exec(t);
  if (western) return inRange(Number(western[1] ?? western[2]));
  const era = ERA.exec(t);
  if (!era) return null;
  const { before, last } = ERAS[era[1]!]!;
  const n = era[2] === "元" ? 1 : Number(era[2]);
  return n >= 1 && n <= last ? inRange(before + n) : null;
}

function inRange(year: number): number | null {
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

/** Which rule gave a record its fiscal year, or why it has none. */
export type FiscalDating =
  | { readonly fiscalYear: number; readonly rule: "stated" | "date"; readonly reason: string }
  | { readonly fiscalYear: null; readonly rule: "year-only" | "undated"; readonly reason: string };

/**
 * The fiscal year a record counts in, by the rule above, and the rule in words: in English by
 * default, as the Facts table keeps it (a workbook's cells do not change with the pane's language);
 * Explain passes the pane's messages.
 */
export function fiscalDatingOf(
  record: Pick<CommitmentRecord, "fiscalYear" | "announced">,
  text: Messages = english
): FiscalDating {
  if (record.fiscalYear !== null)
    return {
      fiscalYear: record.fiscalYear,
      rule: "stated",
      reason: text.textStatesFiscalYear(record.fiscalYear),
    };
  const announced = record.announced;
  if (announced === null)
    return { fiscalYear: null, rule: "undated", reason: text.noFiscalYearUndated };
  const year = Number(announced.slice(0, 4));
  if (announced.length < 7)
    return {
      fiscalYear: null,
      rule: "year-only",
      reason: text.noFiscalYearYearOnly(year),
    };
  const month = Number(announced.slice(5, 7));
  const fiscalYear = month >= 4 ? year : year - 1;
  return {
    fiscalYear,
    rule: "date",
    reason: text.datedInFiscalYear(announced, fiscalYear),
  };
}

/** The record's fiscal year, or null when its date cannot tell. */
export function fiscalYearOf(
  record: Pick<CommitmentRecord, "fiscalYear" | "announced">
): number | null {
  // The index calls this once per record: no strings built here.
  if (record.fiscalYear !== null) return record.fiscalYear;
  const announced = record.announced;
  if (announced === null || announced.length < 7) return null;
  const year = Number(announced.slice(0, 4));
  return Number(announced.slice(5, 7)) >= 4 ? year : year - 1;
}

/**
 * Whether a record dated by a year alone could fall in fiscal year `fy`: Explain lists such
 * records apart, with the reason they are left out.
 */
export function couldBeInFiscalYear(
  record: Pick<CommitmentRecord, "fiscalYear" | "announced">,
  fy: number
): boolean {
  if (record.fiscalYear !== null || record.announced === null || record.announced.length >= 7)
    return false;
  const year = Number(record.announced.slice(0, 4));
  return year === fy || year === fy + 1;
}

/** How a fiscal year is written in the functions' answers and lists: "FY2016". */
export function fiscalYearLabel(fy: number): string {
  return `FY${fy}`;
}

/**
 * Which rule put a record in the year asked, in words, for Explain: for a fiscal year, the
 * fiscal-year rule; for a plain year, today's rule (FY when the text says FY, else the year announced).
 */
export function yearRuleOf(
  record: Pick<CommitmentRecord, "fiscalYear" | "announced">,
  fiscal: boolean
): string {
  const m = messages();
  if (fiscal) return m.inFiscalYear(fiscalYearOf(record), fiscalDatingOf(record, m).reason);
  if (record.fiscalYear !== null) return m.inYearStated(record.fiscalYear);
  return record.announced === null
    ? m.noYearStated
    : m.inYearAnnounced(record.announced.slice(0, 4), record.announced);
}

/** A year filter in words: "FY2016 (fiscal year, 1 April 2016 to 31 March 2017)" or "2016". */
export function describeYearFilter(year: number, fiscal: boolean): string {
  return fiscal ? messages().fiscalYearFilter(year) : String(year);
}
