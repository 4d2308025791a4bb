import { type CellInput, describe, isOmitted, parseYear } from "../functions/args";
import { type Result, fail, ok } from "../functions/result";
import { messages } from "../messages/catalog";
import { parseFiscalYearText } from "./fiscalYear";

/** A year argument as the AID functions read it: a plain year (today's meaning) or a fiscal year. */
export interface YearFilter {
  /** Null: any year. */
  readonly year: number | null;
  /** True when `year` is a fiscal year (年度: 1 April to 31 March). */
  readonly fiscal: boolean;
}

/**
 * The `year` of AIDTOTAL, AIDCOUNT, AIDPEOPLE and AIDLIST: a plain year as before (2016, "2016"),
 * or a fiscal year written "FY2016", "2016年度", "平成28年度" or "令和元年度" (full-width forms too).
 */
export function parseYearFilter(value: CellInput, name = "year"): Result<YearFilter> {
  if (typeof value === "string" && !isOmitted(value)) {
    const fy = parseFiscalYearText(value);
    if (fy !== null) return ok({ year: fy, fiscal: true });
  }
  const plain = parseYear(value, name);
  if (plain.ok) return ok({ year: plain.value, fiscal: false });
  return fail("VALUE", messages().yearOrFiscalYearMustBe(name, describe(value)));
}
