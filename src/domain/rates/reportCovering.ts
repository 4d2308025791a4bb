import { fiscalYearOf } from "../dates/fiscalYear";
import type { YearFilter } from "../dates/yearArgument";
import type { AidLedger } from "../ledger";
import type { DocumentRate } from "./rateBook";

/** Per ledger: fiscal year -> the documents with a record in it (built on first fiscal question). */
const fiscalCoverage = new WeakMap<AidLedger, ReadonlyMap<number, ReadonlySet<string>>>();

function documentsByFiscalYear(ledger: AidLedger): ReadonlyMap<number, ReadonlySet<string>> {
  let byYear = fiscalCoverage.get(ledger);
  if (byYear) return byYear;
  const built = new Map<number, Set<string>>();
  for (const r of ledger.records) {
    const fy = fiscalYearOf(r.record);
    if (fy === null) continue;
    const documents = built.get(fy) ?? new Set<string>();
    documents.add(r.record.sourceFile);
    built.set(fy, documents);
  }
  byYear = built;
  fiscalCoverage.set(ledger, byYear);
  return byYear;
}

/**
 * The report whose rate AIDRATE and AIDCONVERT use for a year argument (rule 4 of the rate rule).
 * A plain year, or none: RateBook.forYear. A fiscal year N: rates are stated per document, so the
 * question is which document covers FY N: of the documents with a record in FY N by the
 * fiscal-year rule, the one whose coverage ends latest (then by file name), as for a plain year.
 */
export function reportCovering(ledger: AidLedger, year: YearFilter): DocumentRate | undefined {
  if (!year.fiscal || year.year === null) return ledger.rates.forYear(year.year);
  const documents = documentsByFiscalYear(ledger).get(year.year);
  if (!documents) return undefined;
  return [...documents]
    .map((d) => ledger.rates.get(d))
    .filter((d): d is DocumentRate => d !== undefined)
    .sort(
      (a, b) => (b.covers?.to ?? 0) - (a.covers?.to ?? 0) || a.document.localeCompare(b.document)
    )[0];
}
