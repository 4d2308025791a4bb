/**
 * The domain's public surface: what the host adapter, the task pane, the command line and the
 * tooling use. Plain TypeScript: no Office, DOM or Node imports anywhere under src/domain.
 */
export { AidLedger, buildLedger, createLedger, type LedgerInput, type ReferenceData } from "./ledger";
export { LedgerStore } from "./ledgerStore";
export { bundledReference, bundledRows, loadBundledLedger } from "./bundled";
export { FUNCTIONS, functionSpec, type FunctionSpec, type ParameterSpec } from "./functions/catalog";
export { type AidError, type CellValue, type ErrorCode, ERROR_TEXT, isAidError, type Result } from "./functions/result";
export type { CellInput } from "./functions/args";
export { LIST_HEADER } from "./functions/aidFunctions";
export { RECORD_FIELDS, FIELD_NAMES, type FieldName, type FieldSpec } from "./dataset/fields";
export { type CommitmentRecord, KINDS, type Kind } from "./dataset/schema";
export { type Checked, type Problem, formatProblem, formatSheetProblem } from "./dataset/problems";
export { detectFormat, parseDatasetText, toCsv, toJson, type DatasetFormat } from "./dataset/io";
export type { LedgerRecord } from "./dataset/ledgerRecord";
export { type DocumentRate, type RateBook, type UserRate, formatRate } from "./rates/rateBook";
export { type Currency, CURRENCIES } from "./money/money";
export { loadDatasetText } from "./loadDataset";
