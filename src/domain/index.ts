/**
 * The domain's public surface: what the host adapter, the task pane, the command line and the
 * tooling use. Plain TypeScript: no Office, DOM or Node imports anywhere under src/domain.
 */
export {
  AidLedger,
  buildLedger,
  createLedger,
  type LedgerInput,
  type ReferenceData,
} from "./ledger";
export { LedgerStore, type LedgerReadiness } from "./ledgerStore";
export { bundledReference, bundledRows, loadBundledLedger } from "./bundled";
export {
  FUNCTIONS,
  functionSpec,
  type AnswerValue,
  type CatalogEntry,
  type DefinedFunction,
  type FunctionEnv,
  type FunctionSpec,
  type ParameterRole,
  type ParameterSpec,
  type RoleValues,
  bindArguments,
} from "./functions/catalog";
export {
  type AidError,
  type CellValue,
  type ErrorCode,
  ERROR_TEXT,
  isAidError,
  type Result,
} from "./functions/result";
export type { CellInput } from "./functions/args";
export { LIST_HEADER } from "./functions/aidFunctions";
export { RECORD_FIELDS, FIELD_NAMES, type FieldName, type FieldSpec } from "./dataset/fields";
export { type CommitmentRecord, KINDS, type Kind } from "./dataset/schema";
export { type Checked, type Problem, formatProblem, formatSheetProblem } from "./dataset/problems";
export { detectFormat, parseDatasetText, toCsv, toJson, type DatasetFormat } from "./dataset/io";
export type { LedgerRecord } from "./dataset/ledgerRecord";
export { type DocumentRate, type RateBook, type UserRate, formatRate } from "./rates/rateBook";
export { type Currency, CURRENCIES } from "./money/money";
export {
  loadDatasetText,
  loadDatasetTextAsync,
  type AsyncLoadOptions,
  type CancelledLoad,
  type CancelSignal,
  type LoadProgress,
} from "./loadDataset";
export { decodeDatasetBytes } from "./dataset/encoding";
export * as limits from "./limits";
export { parseAidCall, type AidCall, type CallArgument } from "./functions/formulaCall";
export { withNamespace } from "./functions/namespace";
export { describePlace, type ExplainedRecord } from "./functions/explain";
export type { PlaceDescription } from "./places/taxonomy";
export * from "./workbook/port";
export {
  TABLES,
  SUMMARY_PIVOT,
  commitmentsTable,
  factsTable,
  ratesTable,
  ledgerTables,
  readCommitments,
  readUserRates,
} from "./workbook/tables";
export { toSafeCell, isFormulaLike } from "./workbook/cellSafety";
export {
  chunkRows,
  serializedSize,
  EXCEL_REQUEST_LIMIT_BYTES,
  DEFAULT_CHUNK_BUDGET_BYTES,
} from "./workbook/chunking";
export { diffDatasets, isEmptyDiff, type DatasetDiff, type FieldChange } from "./workbook/diff";
export {
  alignRows,
  keyColumns,
  type LostUserValue,
  type RowAlignment,
  type RowChange,
} from "./workbook/rowAlignment";
export { type ReplacedEdit, replacedEdits } from "./workbook/unacceptedEdits";
export {
  type GrowthObstacle,
  type SizeChange,
  type WriteObstacle,
  filteredTableText,
  fixedAddressText,
  growthBlockedText,
  columnsBlockedText,
  lostUserValueText,
  mergedCellsText,
  protectedSheetText,
  protectedWorkbookText,
} from "./messages/workbookMessages";
export {
  findFixedAddressReferences,
  type FixedAddressCheck,
  type FixedAddressReference,
  type CellFormula,
  type TableExtent,
} from "./workbook/fixedAddress";
export { contentHash } from "./workbook/identity";
export {
  buildManifest,
  compareToManifest,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  type ManifestComparison,
  type PublishedManifest,
  publishedManifestSchema,
  readPublishedManifest,
  siblingAddress,
} from "./publish/manifest";
export {
  type DatasetReview,
  diffRates,
  formatReview,
  isEmptyReview,
  type RateChange,
  reviewDatasets,
} from "./publish/review";
export {
  explainFormula,
  formulaReferences,
  answerSummary,
  valueText,
  type FormulaExplanation,
  type ExplainedArgument,
  type ExplanationMeasure,
} from "./functions/explain";
export {
  describeDataStatus,
  describeContents,
  formatStatusTime,
  explainDocumentRate,
  compareDocumentRates,
  type StatusOptions,
  type RateExplanation,
  type RatePairRow,
  type RateChange as DocumentRateChange,
} from "./status/dataStatus";
export {
  listPlaceOptions,
  filterPlaceOptions,
  listYears,
  listYearChoices,
  listThemes,
  listKinds,
  listCurrencies,
  builderFunctions,
  buildFormula,
  previewFormula,
  PLACE_OPTION_SOURCES,
  type PlaceOption,
  type PlaceOptionKind,
  type PlaceOptionSource,
  type Choice,
  type BuilderPicks,
  type FormulaPreview,
} from "./builder/formulaBuilder";
export { searchRecords, recordCard, type RecordCard, type SearchHit } from "./search/searchRecords";
export {
  diagnoseDatasetText,
  groupProblems,
  sortProblems,
  explainNetworkFailure,
  type DatasetDiagnosis,
  type ProblemGroup,
  type NetworkFailure,
  type NetworkFailureInput,
} from "./messages/diagnose";
export {
  summarySeries,
  summaryChart,
  answerChart,
  type SummarySeries,
  type SummaryPoint,
  type AnswerChart,
  type ChartBar,
} from "./charts/series";
export {
  planBriefing,
  hasAidCall,
  SOURCES_HEADER,
  type BriefingCell,
  type BriefingPlan,
  type BriefingValue,
} from "./briefing/planBriefing";
export { answersThatChange, type SheetFormula, type AnswerChange } from "./refresh/impact";
export { resolveDocument } from "./rates/rateBook";
export type { Taxonomy } from "./places/taxonomy";
export {
  didYouMean,
  english,
  japanese,
  languageOf,
  messageOf,
  messages,
  onLanguageChange,
  setLanguage,
  type Language,
  type Messages,
} from "./messages/catalog";
export { currentLanguage, formatNumber, localeOf } from "./messages/locale";
export { formatUsdUnits, formatYenExact, formatYenUnits } from "./money/yenUnits";
