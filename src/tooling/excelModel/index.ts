/**
 * A model of the Excel JavaScript API for tests and the workbench (development tooling; uses
 * HyperFormula, GPLv3, so never imported by the add-in bundles).
 */
export { ExcelModel, PAYLOAD_LIMIT_BYTES } from "./excelModel";
export type { ExcelModelOptions, LedgerSource, RequestInfo, SyncRecord } from "./excelModel";
export { ModelError } from "./errors";
export type { ModelErrorCode } from "./errors";
export type { Scalar } from "./workbookState";
