import { type DatasetFormat, detectFormat, parseDatasetText } from "./dataset/io";
import type { Checked } from "./dataset/problems";
import { type AidLedger, type ReferenceData, createLedger } from "./ledger";
import type { UserRate } from "./rates/rateBook";

/**
 * Reads a dataset file's text (JSON or CSV, as `aid dataset` prints it), validates all of it and
 * builds a ledger. Nothing is built unless everything is valid; problems say row, field, reason.
 */
export function loadDatasetText(
  text: string,
  reference: ReferenceData,
  options: { format?: DatasetFormat; fileName?: string; userRates?: readonly UserRate[] } = {}
): Checked<AidLedger> {
  const format = options.format ?? detectFormat(text, options.fileName);
  const raw = parseDatasetText(text, format);
  if (!raw.ok) return raw;
  return createLedger({
    rows: raw.value.rows,
    reference,
    ...(raw.value.lines ? { lines: raw.value.lines } : {}),
    ...(options.userRates ? { userRates: options.userRates } : {}),
  });
}
