/**
 * ExcelModel: a faithful model of the part of the Excel JavaScript API Aid Ledger uses, for tests
 * and the workbench. `model.run` stands in for `Excel.run`, `model.supports` for
 * `Office.context.requirements.isSetSupported`; `model.user` acts as a person in Excel; `model.read`
 * shows the state; `model.failAt` injects failures; `model.log` records every request per sync.
 *
 * Development tooling (HyperFormula, GPLv3): never imported by the add-in bundles.
 */
import Decimal from "decimal.js";
import type { AidLedger, LedgerReadiness } from "../../domain";
import type { LedgerProvider } from "../hyperformula/aidFunctionPlugin";
import {
  type Box,
  boxAddress,
  boxColumns,
  boxRows,
  intersect,
  parseBox,
  qualifiedAddress,
  splitSheet,
} from "./addresses";
import { typedContent } from "./cellInput";
import {
  clearTableFilter,
  filterTableRows,
  hiddenRows,
  mergeCells,
  setSheetProtection,
} from "./guards";
import { sortTableRows } from "./tableSort";
import { setTotalRow } from "./totalRow";
import { MESSAGES, ModelError, type ModelErrorCode } from "./errors";
import {
  type HandlerRecord,
  ModelContext,
  type ModelHost,
  type QueuedRequest,
} from "./requestContext";
import { addColumn } from "./proxies/tableColumns";
import {
  type CellContent,
  type ChartState,
  type PivotState,
  type Scalar,
  type SheetState,
  type TableState,
  WorkbookState,
} from "./workbookState";
import { messageOf } from "../../domain";

/** Excel on the web's limit on a request's and a response's payload (5 MB). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** A ledger that can change: the model re-emits every AID cell when it does (streaming functions). */
export interface LedgerSource {
  current(): AidLedger;
  subscribe(listener: (ledger: AidLedger) => void): () => void;
  /** The data's one-line status, for AIDVERSION (LedgerStore.status). */
  status?(): string;
  /** Whether the functions may answer yet (LedgerStore.readiness; see answeringLedger). */
  readiness?(): LedgerReadiness;
}

export interface ExcelModelOptions {
  /** Where the AID functions get their ledger; with `subscribe`, they stream (re-emit on change). */
  readonly ledger?: LedgerSource | LedgerProvider;
  /** Sheets to start with (default "Sheet1"). */
  readonly sheets?: readonly string[];
  /** Highest ExcelApi version supported (default "1.14"), so tests can exercise fallbacks. */
  readonly maxApiVersion?: string;
  /** "web" (default) enforces the 5 MB request and response limits of Excel on the web. */
  readonly platform?: "web" | "desktop";
}

/** One request as the log and the fault predicates see it. */
export interface RequestInfo {
  /** 1-based across the model's life. */
  readonly index: number;
  /** 1-based sync number. */
  readonly sync: number;
  /** "Class.member". */
  readonly location: string;
  /** "Range.values = Facts!A2:P100". */
  readonly statement: string;
  readonly payload: number;
}

export interface SyncRecord {
  readonly sync: number;
  readonly requests: RequestInfo[];
  /** "ok", or the error code the sync failed with. */
  outcome: string;
}

interface Fault {
  readonly match: (info: RequestInfo) => boolean;
  readonly code: ModelErrorCode;
}

const NO_LEDGER: LedgerProvider = () => {
  throw new Error("This ExcelModel was built without a ledger.");
};

/**
 * The ledger as the custom functions answer from it (src/host/answer.ts): until the store is ready,
 * no answer. A cell whose streaming function has given no result yet shows Excel's busy state
 * (Microsoft Learn, custom-functions-web-reqs); HyperFormula has no #BUSY!, so the model shows #N/A
 * with the message BUSY_MESSAGE. While reading or after a failure, #N/A with the store's message.
 */
function answeringLedger(source: LedgerSource): LedgerProvider {
  return () => {
    const readiness = source.readiness?.() ?? { state: "ready" };
    if (readiness.state === "ready") return source.current();
    throw new LedgerNotReady(readiness.state === "waiting" ? BUSY_MESSAGE : readiness.message);
  };
}

/** What the model shows where Excel shows a custom function still busy (#BUSY!). */
export const BUSY_MESSAGE = "#BUSY! (waiting for the function's first result)";

/** Thrown by the ledger provider while the store is not ready: the plugin shows its message as is. */
export class LedgerNotReady extends Error {
  override readonly name = "LedgerNotReady";
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class ExcelModel implements ModelHost {
  readonly state: WorkbookState;
  enableEvents = true;
  /** Other workbooks open in the same Excel: application.calculate recalculates them too. */
  readonly alsoOpen: ExcelModel[] = [];
  readonly log: SyncRecord[] = [];
  private readonly handlers: HandlerRecord[] = [];
  private readonly options: ExcelModelOptions;
  private readonly ledgerSource: LedgerSource | null;
  private requestCount = 0;
  private syncCount = 0;
  private fault: Fault | null = null;
  private faultCounter = 0;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  /** While the user edits a cell, every sync fails (model.user.beginCellEdit). */
  private cellEditing = false;
  /** The acting side of the change being made: the add-in (a sync) or the user. */
  private actor: "ThisLocalAddin" | "Unknown" = "Unknown";

  constructor(options: ExcelModelOptions = {}) {
    this.options = options;
    const ledger = options.ledger;
    this.ledgerSource = ledger && typeof ledger === "object" ? ledger : null;
    const provider: LedgerProvider =
      typeof ledger === "function" ? ledger : ledger ? answeringLedger(ledger) : NO_LEDGER;
    const source = this.ledgerSource;
    this.state = new WorkbookState({
      ledger: provider,
      sheets: options.sheets,
      ...(source?.status ? { status: () => source.status!() } : {}),
    });
    // Streaming custom functions re-emit when their source changes; only this workbook's cells
    // (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs#make-a-streaming-function).
    this.ledgerSource?.subscribe(() => {
      if (this.calculationMode === "Manual") this.streamedWhileManual = true;
      else this.state.refreshAidCells();
      this.changed();
    });
  }

  // ---- calculation mode (issue 13) -------------------------------------------------------------

  /**
   * Application.calculationMode (ExcelApi 1.1 get, 1.8 set; a runtime property, not saved in the
   * workbook: https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member).
   * No event reports a change of it. In Manual mode a streaming function's new results are not
   * shown until Excel calculates (OfficeDev/Office-Add-in-samples#249, office-js #1567): the model
   * keeps the cells' old answers until `calculate`, or until the mode goes back to Automatic.
   */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  private streamedWhileManual = false;

  /** Shows the streamed results held back while calculation was Manual. */
  private showStreamed(): void {
    if (!this.streamedWhileManual) return;
    this.streamedWhileManual = false;
    this.state.refreshAidCells();
  }

  // ---- the add-in's side: run and supports ----------------------------------------------------

  /** `Excel.run`: a new context for the batch; what is still queued when it returns is synced. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new ModelContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    await context.sync();
    return result;
  };

  /** `Office.context.requirements.isSetSupported` for ExcelApi up to the configured version. */
  supports = (set: string, version: string): boolean => {
    if (set !== "ExcelApi") return false;
    return compareVersions(version, this.options.maxApiVersion ?? "1.14") <= 0;
  };

  /**
   * Runs one sync's requests. A batch is not a transaction: when request k fails, requests before
   * it stay applied and later ones are dropped, and the sync rejects with the error located at k
   * (https://learn.microsoft.com/javascript/api/office/officeextension.error : traceMessages holds
   * "all trace messages that were executed before the error occurred", and its example's first
   * paragraphs stay inserted; debugInfo.errorLocation as in OfficeDev/office-js #1025,
   * codes from https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
   */
  async execute(requests: QueuedRequest[]): Promise<void> {
    this.syncCount++;
    const record: SyncRecord = { sync: this.syncCount, requests: [], outcome: "ok" };
    this.log.push(record);
    // The round trip is asynchronous: callers see the effects only after awaiting sync.
    await Promise.resolve();
    this.refuseWhole(requests, record);
    this.actor = "ThisLocalAddin";
    try {
      for (const request of requests) this.runRequest(request, record);
    } finally {
      this.flushChanges();
      this.actor = "Unknown";
      this.changed();
    }
  }

  /**
   * Refuses a sync before any of it runs. On the web a request or a response
   * over 5 MB is refused whole, nothing applied
   * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
   */
  private refuseWhole(requests: QueuedRequest[], record: SyncRecord): void {
    const web = (this.options.platform ?? "web") === "web";
    const payload = requests.reduce((n, r) => n + r.payload, 0);
    if (web && payload > PAYLOAD_LIMIT_BYTES) {
      record.outcome = "RequestPayloadSizeLimitExceeded";
      throw new ModelError("RequestPayloadSizeLimitExceeded", MESSAGES.payload);
    }
    if (web) {
      const response = requests.reduce((n, r) => n + (r.response?.() ?? 0), 0);
      if (response > PAYLOAD_LIMIT_BYTES) {
        record.outcome = "ResponsePayloadSizeLimitExceeded";
        throw new ModelError("ResponsePayloadSizeLimitExceeded", MESSAGES.response);
      }
    }
    if (this.cellEditing && requests.length > 0) {
      // "The operation isn't available while Excel is in Edit cell mode"
      // (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes): nothing runs.
      record.outcome = "InvalidOperationInCellEditMode";
      throw new ModelError(
        "InvalidOperationInCellEditMode",
        "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
        requests[0]!.location
      );
    }
  }

  /** Runs one request, logged; its failure (or an injected one) is located at it. */
  private runRequest(request: QueuedRequest, record: SyncRecord): void {
    this.requestCount++;
    let statement = request.location;
    try {
      statement = request.describe();
    } catch {
      // described as its location
    }
    const info: RequestInfo = {
      index: this.requestCount,
      sync: this.syncCount,
      location: request.location,
      statement,
      payload: request.payload,
    };
    record.requests.push(info);
    this.faultCounter++;
    if (this.fault?.match({ ...info, index: this.faultCounter })) {
      const { code } = this.fault;
      this.fault = null;
      record.outcome = code;
      throw new ModelError(
        code,
        `Injected failure at request ${info.index}: ${statement}`,
        request.location,
        statement
      );
    }
    try {
      request.run();
    } catch (e) {
      const error =
        e instanceof ModelError
          ? e.at(request.location, statement)
          : new ModelError("GeneralException", messageOf(e), request.location, statement);
      record.outcome = error.code;
      throw error;
    }
  }

  // ---- fault injection and the log -------------------------------------------------------------

  /**
   * Makes one future request fail: the n-th request executed from now (1-based), or the first whose
   * description matches. The sync rejects with `code` (default GeneralException) at that request.
   */
  failAt(
    which: number | ((info: RequestInfo) => boolean),
    code: ModelErrorCode = "GeneralException"
  ): void {
    this.faultCounter = 0;
    this.fault = {
      match: typeof which === "number" ? (info) => info.index === which : which,
      code,
    };
  }

  /** Whether an injected failure is still waiting for its request. */
  get faultPending(): boolean {
    return this.fault !== null;
  }

  clearFault(): void {
    this.fault = null;
  }

  /** Requests executed since the model was made (or since `resetLog`). */
  get requests(): RequestInfo[] {
    return this.log.flatMap((s) => s.requests);
  }

  resetLog(): void {
    this.log.length = 0;
  }

  // ---- events ----------------------------------------------------------------------------------

  register(record: HandlerRecord): void {
    this.handlers.push(record);
  }

  /** Handlers currently registered, by kind (for tests: a removed handler is gone). */
  handlerCount(kind: HandlerRecord["kind"]): number {
    return this.handlers.filter((h) => h.kind === kind && !h.removed).length;
  }

  /**
   * Turns the changes of the last sync or user action into events, delivered asynchronously.
   * tables.onChanged fires for value and format changes in a table, by the user or by this add-in
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables#detect-data-changes ,
   * "onChanged fires when either the format or value of the data changes", OfficeDev/office-js-docs-pr #873;
   * an add-in's own writes fire its handlers, hence enableEvents = false around them in
   * OfficeDev/office-js #1760 and https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#enable-and-disable-events);
   * worksheets.onChanged carries triggerSource (ExcelApi 1.14), "ThisLocalAddin" for this add-in's
   * writes (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member).
   * While context.runtime.enableEvents is false nothing is delivered to this add-in
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#enable-and-disable-events).
   */
  private flushChanges(): void {
    const changes = this.state.changes;
    this.state.changes = [];
    if (!this.enableEvents) return;
    for (const change of changes) {
      const changeType =
        change.kind === "rowInserted"
          ? "RowInserted"
          : change.kind === "rowDeleted"
            ? "RowDeleted"
            : "RangeEdited";
      const single = boxRows(change.box) === 1 && boxColumns(change.box) === 1;
      const details =
        single && change.kind === "values"
          ? {
              valueBefore: change.before,
              valueAfter: change.after,
              valueTypeBefore: typeName(change.before),
              valueTypeAfter: typeName(change.after),
            }
          : undefined;
      for (const table of this.state.tables) {
        if (table.sheet !== change.sheet) continue;
        const overlap = intersect(table.box, change.box);
        if (!overlap) continue;
        this.emit(
          "tableChanged",
          {
            type: "TableChanged",
            tableId: table.id,
            worksheetId: change.sheet.id,
            address: boxAddress(overlap),
            changeType,
            source: "Local",
            details,
          },
          table.id
        );
      }
      this.emit("worksheetChanged", {
        type: "WorksheetChanged",
        worksheetId: change.sheet.id,
        address: boxAddress(change.box),
        changeType,
        source: "Local",
        details,
        ...(this.supports("ExcelApi", "1.14") ? { triggerSource: this.actor } : {}),
      });
    }
  }

  private emit(kind: HandlerRecord["kind"], args: Record<string, unknown>, tableId?: string): void {
    for (const record of this.handlers) {
      if (record.kind !== kind || record.removed) continue;
      if (record.tableId !== undefined && record.tableId !== tableId) continue;
      this.inFlight++;
      setTimeout(() => {
        void (async () => {
          try {
            if (!record.removed) await record.handler(args);
          } catch {
            // An add-in's handler error does not reach Excel.
          } finally {
            this.inFlight--;
            if (this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
          }
        })();
      }, 0);
    }
  }

  /** Resolves when every event delivered so far has been handled (its handler's promise settled). */
  async idle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (this.inFlight > 0) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Moves the selection (and activates its sheet); onSelectionChanged fires. */
  select(sheet: SheetState, box: Box, row: number, col: number): void {
    const state = this.state;
    const before = state.selections.get(sheet.id);
    const same =
      state.active === sheet &&
      before &&
      before.row === row &&
      before.col === col &&
      boxAddress(before.box) === boxAddress(box);
    if (sheet.visibility !== "Visible")
      throw new ModelError("InvalidOperation", `Sheet ${sheet.name} is hidden.`);
    state.active = sheet;
    state.selections.set(sheet.id, { box, row, col });
    if (same || !this.enableEvents) return;
    this.emit("selectionChanged", {
      type: "WorksheetSelectionChanged",
      worksheetId: sheet.id,
      address: boxAddress(box),
    });
  }

  // ---- calculation -----------------------------------------------------------------------------

  /**
   * application.calculate: every open workbook. "Full"/"FullRebuild" re-run the AID functions
   * (non-volatile functions re-run only when everything is recalculated); "Recalculate" has nothing
   * dirty to do for them.
   */
  calculate(type: string): void {
    for (const model of [this, ...this.alsoOpen]) {
      model.state.calculations++;
      model.showStreamed();
      if (type === "Full" || type === "FullRebuild") model.state.refreshAidCells();
      if (model !== this) model.changed();
    }
  }

  /** worksheet.calculate(markAllDirty): this sheet only. */
  calculateSheet(sheet: SheetState, markAllDirty: boolean): void {
    if (markAllDirty) this.state.refreshAidCells(sheet);
  }

  // ---- PivotTables and charts ------------------------------------------------------------------

  addPivot(
    name: string,
    source: PivotState["source"],
    sheet: SheetState,
    anchor: { row: number; col: number }
  ): PivotState {
    const pivot: PivotState = {
      id: this.state.newId("pivot"),
      name,
      sheet,
      anchor,
      source,
      rows: [],
      columns: [],
      data: [],
      rendered: null,
      broken: false,
    };
    this.state.pivots.push(pivot);
    this.refreshPivot(pivot);
    return pivot;
  }

  /**
   * Renders a PivotTable as its values: a header line, one line per row item, a grand total line.
   * Only refresh() (or a change of its layout) renders it again: a PivotTable is not refreshed when
   * its source changes (https://support.microsoft.com/office/refresh-pivottable-data-6d4f4bd3-5d3b-4e0b-a4a1-94d6a53c4d4d ;
   * PivotTable.refresh, https://learn.microsoft.com/javascript/api/excel/excel.pivottable#excel-excel-pivottable-refresh-member(1)).
   */
  refreshPivot(pivot: PivotState): void {
    if (pivot.broken)
      throw new ModelError("InvalidReference", "The PivotTable's source reference isn't valid.");
    const state = this.state;
    const source =
      "table" in pivot.source
        ? { sheet: pivot.source.table.sheet, box: pivot.source.table.box }
        : pivot.source;
    const header: string[] = [];
    for (let c = source.box.left; c <= source.box.right; c++)
      header.push(String(state.value(source.sheet, source.box.top, c)));
    const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    const records: Scalar[][] = [];
    for (let r = source.box.top + 1; r <= source.box.bottom; r++) {
      const line: Scalar[] = [];
      for (let c = source.box.left; c <= source.box.right; c++)
        line.push(state.value(source.sheet, r, c));
      records.push(line);
    }
    const block = renderPivot(pivot, records, col);
    if (pivot.rendered) {
      const empty = Array.from({ length: boxRows(pivot.rendered) }, () =>
        Array.from({ length: boxColumns(pivot.rendered!) }, () => null)
      );
      state.writeBlock(pivot.sheet, pivot.rendered.top, pivot.rendered.left, empty);
    }
    // The data field's format (DataPivotHierarchy.numberFormat,
    // https://learn.microsoft.com/javascript/api/excel/excel.datapivothierarchy#excel-excel-datapivothierarchy-numberformat-member)
    // is for the values only; an item label shows as its field's cells in the source do (a Year
    // column formatted "0" labels "2016", not "2,016"). The label rule is unverified in real Excel.
    const format = pivot.data[0]?.numberFormat;
    const fieldFormat = (field: string | undefined) => {
      const c = field === undefined ? -1 : col(field);
      return c < 0 || source.box.bottom <= source.box.top
        ? "General"
        : state.numberFormat(source.sheet, source.box.top + 1, source.box.left + c);
    };
    const [rowFormat, columnFormat] = [fieldFormat(pivot.rows[0]), fieldFormat(pivot.columns[0])];
    const last = (block[1]?.length ?? 0) - 1;
    const contents = block.map((line, r) =>
      line.map((v, c): CellContent | null => {
        if (v === "") return null;
        if (typeof v !== "number") return { value: v };
        // Row 1 holds the column items (its last cell is "Grand Total"), column 0 the row items.
        if (r === 1 && c > 0 && c < last) return { value: v, format: columnFormat };
        if (c === 0 && r > 1) return { value: v, format: rowFormat };
        return r > 1 && c > 0 && format ? { value: v, format } : { value: v };
      })
    );
    if (contents.length > 0) {
      state.writeBlock(pivot.sheet, pivot.anchor.row, pivot.anchor.col, contents);
      pivot.rendered = {
        top: pivot.anchor.row,
        left: pivot.anchor.col,
        bottom: pivot.anchor.row + contents.length - 1,
        right: pivot.anchor.col + (contents[0]?.length ?? 1) - 1,
      };
    } else pivot.rendered = null;
  }

  deletePivot(pivot: PivotState): void {
    if (pivot.rendered) {
      const empty = Array.from({ length: boxRows(pivot.rendered) }, () =>
        Array.from({ length: boxColumns(pivot.rendered!) }, () => null)
      );
      this.state.writeBlock(pivot.sheet, pivot.rendered.top, pivot.rendered.left, empty);
    }
    this.state.pivots.splice(this.state.pivots.indexOf(pivot), 1);
  }

  addChart(
    sheet: SheetState,
    type: string,
    source: { sheet: SheetState; box: Box },
    seriesBy: string
  ): ChartState {
    let n = this.state.charts.length + 1;
    while (this.state.charts.some((c) => c.name === `Chart ${n}`)) n++;
    const chart: ChartState = {
      id: this.state.newId("chart"),
      name: `Chart ${n}`,
      sheet,
      type,
      seriesBy,
      source,
      position: null,
    };
    this.state.charts.push(chart);
    return chart;
  }

  deleteChart(chart: ChartState): void {
    this.state.charts.splice(this.state.charts.indexOf(chart), 1);
  }

  // ---- the view: who redraws --------------------------------------------------------------------

  /** Increases on every change (for a view's useSyncExternalStore). */
  get version(): number {
    return this.revision;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  changed(): void {
    this.revision++;
    for (const listener of [...this.listeners]) listener();
  }

  // ---- the user's side --------------------------------------------------------------------------

  /** A person at the keyboard: every action is checked as Excel checks it and fires its events. */
  readonly user = {
    /** Types into a cell: "=..." a formula, "'..." text, a number, "" clears (format kept). */
    type: (sheet: string, address: string, text: string): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        const content = typedContent(text, this.state.content(s, box.top, box.left));
        const grows = content ? this.tableGrowingInto(s, box.top, box.left, box.left) : null;
        this.state.writeBlock(s, box.top, box.left, [[content]]);
        if (grows) this.autoExpand(grows, box.top);
      }),
    /** The user starts typing in a cell: until endCellEdit, every sync is refused. */
    beginCellEdit: (): void => {
      this.cellEditing = true;
    },
    endCellEdit: (): void => {
      this.cellEditing = false;
    },
    /** Formulas > Calculation Options (see calculationMode); back to Automatic shows held results. */
    setCalculationMode: (mode: ExcelModel["calculationMode"]): void => {
      this.calculationMode = mode;
      if (mode !== "Manual") this.showStreamed();
      this.changed();
    },
    /**
     * A colleague without the add-in saves the workbook: every AID cell then shows #NAME?, which
     * stays after the add-in loads until the formula is entered again (office-js #6355, #6611,
     * #4007, #5865). Returns how many cells.
     */
    saveWithoutAddin: (): number => {
      const count = this.state.saveAidCellsAsNameErrors();
      this.changed();
      return count;
    },
    /**
     * Save and reopen: the add-in's runtime starts afresh, so every event handler it registered is
     * gone, and the streaming cells restart, evaluated before the pane's session has read anything
     * (office-js #2220): they show what the ledger source says now (see answeringLedger).
     */
    reopen: (): void => {
      for (const record of this.handlers) record.removed = true;
      this.handlers.length = 0;
      this.state.refreshAidCells();
      this.changed();
    },
    /** Calculate Now (F9): shows the streamed results held back in Manual mode. */
    calculateNow: (): void => {
      this.state.calculations++;
      this.showStreamed();
      this.changed();
    },
    /** Pastes a block of typed texts or values with its top-left at `address`. */
    paste: (sheet: string, address: string, rows: readonly (readonly Scalar[])[]): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        const block = rows.map((line, r) =>
          line.map((v, c) =>
            typedContent(
              typeof v === "string" ? v : String(v),
              this.state.content(s, box.top + r, box.left + c)
            )
          )
        );
        const right = box.left + (rows[0]?.length ?? 1) - 1;
        const grows = this.tableGrowingInto(s, box.top, box.left, right);
        this.state.writeBlock(s, box.top, box.left, block);
        if (grows) this.autoExpand(grows, box.top + rows.length - 1);
      }),
    /** Clears the contents of a block (Delete key); formats stay. */
    clear: (sheet: string, address: string): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        const block = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const line = [];
          for (let c = box.left; c <= box.right; c++) {
            const format = this.state.content(s, r, c)?.format;
            line.push(format === undefined ? null : { format });
          }
          block.push(line);
        }
        this.state.writeBlock(s, box.top, box.left, block);
      }),
    /** Selects a block (its top-left is the active cell), activating the sheet. */
    select: (sheet: string, address: string): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        this.select(s, box, box.top, box.left);
      }),
    /** Clicks a sheet's tab. */
    activate: (sheet: string): void =>
      this.asUser(() => {
        const s = this.sheet(sheet);
        const sel = this.state.selections.get(s.id);
        this.select(
          s,
          sel?.box ?? { top: 0, left: 0, bottom: 0, right: 0 },
          sel?.row ?? 0,
          sel?.col ?? 0
        );
      }),
    addSheet: (name?: string): void => this.asUser(() => void this.state.addSheet(name)),
    renameSheet: (sheet: string, name: string): void =>
      this.asUser(() => this.state.renameSheet(this.sheet(sheet), name)),
    /** Drags a tab to a zero-based position. */
    moveSheet: (sheet: string, position: number): void =>
      this.asUser(() => this.state.moveSheet(this.sheet(sheet), position)),
    deleteSheet: (sheet: string): void =>
      this.asUser(() => this.state.deleteSheet(this.sheet(sheet))),
    hideSheet: (sheet: string): void =>
      this.asUser(() => this.state.setVisibility(this.sheet(sheet), "Hidden")),
    setNumberFormat: (sheet: string, address: string, format: string): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        const block = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const line = [];
          for (let c = box.left; c <= box.right; c++)
            line.push({ ...this.state.content(s, r, c), format });
          block.push(line);
        }
        this.state.writeBlock(s, box.top, box.left, block, "format");
      }),
    /**
     * Deletes `count` data rows of a table from zero-based data row `index` (Table Tools > Delete
     * Table Rows): the cells below move up in the table's columns, formulas that refer to them are
     * adjusted, and the table shrinks (keeping one data row).
     */
    deleteTableRows: (table: string, index: number, count = 1): void =>
      this.asUser(() => this.state.deleteTableRows(this.table(table), index, count)),
    /** Turns a table's Total Row on or off (see totalRow.ts). */
    showTotals: (table: string, on: boolean): void =>
      this.asUser(() => setTotalRow(this.state, this.table(table), on)),
    /** Sorts a table's rows by one column, whole rows moving (see tableSort.ts). */
    sortTable: (table: string, column: string, order: "ascending" | "descending"): void =>
      this.asUser(() => sortTableRows(this.state, this.table(table), column, order)),
    /** Filters a table to the rows whose `column` is one of `values`; no values clears its filter (see guards.ts). */
    filterTable: (table: string, column: string, values: readonly string[]): void =>
      this.asUser(() =>
        values.length === 0
          ? clearTableFilter(this.table(table))
          : filterTableRows(this.state, this.table(table), column, values)
      ),
    /** Review > Protect Sheet / Unprotect Sheet (see guards.ts). */
    protectSheet: (sheet: string, on: boolean): void =>
      this.asUser(() => setSheetProtection(this.sheet(sheet), on)),
    /** Review > Protect Workbook (structure). */
    protectWorkbook: (on: boolean): void =>
      this.asUser(() => {
        this.state.structureProtected = on;
      }),
    /** Home > Merge & Center over a block ("A5:B6"). */
    mergeCells: (sheet: string, address: string): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        mergeCells(this.state, s, box);
      }),
    /** Adds a column at a table's right; with a formula it is a calculated column (filled in new rows too). */
    addTableColumn: (table: string, name: string, formula?: string): void =>
      this.asUser(() => {
        addColumn(this.state, this.table(table), name, null, formula ?? null);
        this.state.resizeTable(this.table(table), this.table(table).sheet, this.table(table).box);
      }),
    /** Insert > Table over a block with headers. */
    addTable: (sheet: string, address: string, name?: string): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        const t = this.state.addTable(s, box, true);
        if (name) this.state.renameTable(t, name);
      }),
    renameTable: (table: string, name: string): void =>
      this.asUser(() => this.state.renameTable(this.table(table), name)),
    /** Insert > Chart over a block ("Facts!A1:B10"). */
    createChart: (sheet: string, type: string, source: string, name?: string): void =>
      this.asUser(() => {
        const src = this.locateQualified(source);
        const chart = this.addChart(this.sheet(sheet), type, src, "Auto");
        if (name) chart.name = name;
      }),
    /** Insert > PivotTable over a table, at a cell, with its fields. */
    createPivotTable: (
      name: string,
      sourceTable: string,
      sheet: string,
      address: string,
      layout: { rows: string[]; columns?: string[]; values: string[] }
    ): void =>
      this.asUser(() => {
        const { s, box } = this.locate(sheet, address);
        const pivot = this.addPivot(name, { table: this.table(sourceTable) }, s, {
          row: box.top,
          col: box.left,
        });
        pivot.rows.push(...layout.rows);
        pivot.columns.push(...(layout.columns ?? []));
        pivot.data.push(
          ...layout.values.map((field) => ({ field, summarizeBy: "Sum", numberFormat: null }))
        );
        this.refreshPivot(pivot);
      }),
    /** Data > Refresh on a PivotTable. */
    refreshPivotTable: (name: string): void =>
      this.asUser(() => {
        const pivot = this.state.pivots.find((p) => p.name.toLowerCase() === name.toLowerCase());
        if (!pivot) throw new ModelError("ItemNotFound", `No PivotTable ${name}.`);
        this.refreshPivot(pivot);
      }),
    /**
     * Move or Copy > (new book) for these sheets: a new workbook with their cells and tables, but not
     * the workbook's settings, which belong to the original file (loss of settings is reported in
     * OfficeDev/office-js #360, #2940, #6091).
     */
    copySheetsToNewWorkbook: (sheets: readonly string[]): ExcelModel => {
      const chosen = sheets.map((n) => this.sheet(n));
      const copy = new ExcelModel({ ...this.options, sheets: chosen.map((s) => s.name) });
      for (const s of chosen) {
        const target = copy.state.findSheet(s.name)!;
        for (const [k, c] of s.cells) {
          const [row, col] = k.split(",").map(Number) as [number, number];
          copy.state.writeBlock(target, row, col, [[c]]);
        }
      }
      for (const t of this.state.tables.filter((t) => chosen.includes(t.sheet))) {
        const copied = copy.state.addTable(copy.state.findSheet(t.sheet.name)!, t.box, true);
        copy.state.renameTable(copied, t.name);
      }
      copy.state.changes = [];
      return copy;
    },
  };

  /**
   * The table a user's entry extends: typing or pasting into the row just below a table, within
   * its columns, adds the row to the table (AutoExpansion: "type in a cell just below the last
   * row", https://support.microsoft.com/office/resize-a-table-by-adding-or-removing-rows-and-columns-e65ae4bb-e44b-43f4-ad8b-7d68784f1165).
   */
  private tableGrowingInto(
    sheet: SheetState,
    row: number,
    left: number,
    right: number
  ): TableState | null {
    return (
      this.state.tables.find(
        (t) =>
          t.sheet === sheet &&
          t.box.bottom + 1 === row &&
          left >= t.box.left &&
          right <= t.box.right
      ) ?? null
    );
  }

  private autoExpand(table: TableState, bottom: number): void {
    if (bottom <= table.box.bottom) return;
    this.state.resizeTable(table, table.sheet, { ...table.box, bottom });
  }

  private asUser<T>(action: () => T): T {
    this.actor = "Unknown";
    try {
      return action();
    } finally {
      this.flushChanges();
      this.changed();
    }
  }

  private sheet(name: string): SheetState {
    const s = this.state.findSheet(name);
    if (!s) throw new ModelError("ItemNotFound", `There is no sheet "${name}".`);
    return s;
  }

  private table(name: string): TableState {
    const t = this.state.findTable(name);
    if (!t) throw new ModelError("ItemNotFound", `There is no table "${name}".`);
    return t;
  }

  private locate(sheet: string, address: string): { s: SheetState; box: Box } {
    const s = this.sheet(sheet);
    const box = parseBox(address);
    if (!box)
      throw new ModelError("InvalidArgument", `"${address}" is not a cell or block address.`);
    return { s, box };
  }

  private locateQualified(reference: string): { sheet: SheetState; box: Box } {
    const { sheet, address } = splitSheet(reference);
    const { s, box } = this.locate(sheet ?? this.state.active.name, address);
    return { sheet: s, box };
  }

  // ---- inspection -------------------------------------------------------------------------------

  /** The state, read as a tester would look at the workbook. */
  readonly read = {
    sheetNames: (): string[] => this.state.sheets.map((s) => s.name),
    sheets: () =>
      this.state.sheets.map((s, position) => ({
        name: s.name,
        id: s.id,
        position,
        visibility: s.visibility,
        frozenRows: s.frozenRows,
      })),
    activeSheet: (): string => this.state.active.name,
    /** Values as Excel's `values` ("" empty, errors as "#N/A"); the used range without an address. */
    values: (sheet: string, address?: string): Scalar[][] =>
      this.grid(sheet, address, (s, r, c) => this.state.value(s, r, c)),
    value: (sheet: string, address: string): Scalar =>
      this.read.values(sheet, address)[0]?.[0] ?? "",
    formulas: (sheet: string, address?: string): Scalar[][] =>
      this.grid(sheet, address, (s, r, c) => this.state.formula(s, r, c)),
    formula: (sheet: string, address: string): Scalar =>
      this.read.formulas(sheet, address)[0]?.[0] ?? "",
    numberFormats: (sheet: string, address?: string): string[][] =>
      this.grid(sheet, address, (s, r, c) => this.state.numberFormat(s, r, c)),
    /** The message of the error a cell shows ("" for none). */
    errorMessage: (sheet: string, address: string): string => {
      const { s, box } = this.locate(sheet, address);
      const raw = this.state.rawValue(s, box.top, box.left) as { message?: string } | null;
      return raw && typeof raw === "object" && typeof raw.message === "string" ? raw.message : "";
    },
    tables: () =>
      this.state.tables.map((t) => ({
        name: t.name,
        id: t.id,
        sheet: t.sheet.name,
        address: qualifiedAddress(t.sheet.name, t.box),
        columns: this.state.columnNames(t),
      })),
    /** Sheet rows (zero-based) that a table's filter hides (see guards.ts). */
    hiddenRows: (table: string): number[] => hiddenRows(this.state, this.table(table)),
    table: (name: string) =>
      this.read.tables().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    settings: (): Record<string, unknown> => Object.fromEntries(this.state.settings),
    pivots: () =>
      this.state.pivots.map((p) => ({
        name: p.name,
        sheet: p.sheet.name,
        address: p.rendered ? qualifiedAddress(p.sheet.name, p.rendered) : null,
        source:
          "table" in p.source
            ? p.source.table.name
            : qualifiedAddress(p.source.sheet.name, p.source.box),
        broken: p.broken,
      })),
    charts: () =>
      this.state.charts.map((c) => ({
        name: c.name,
        sheet: c.sheet.name,
        type: c.type,
        title: c.title ?? "",
        position: c.position,
        source: c.source ? qualifiedAddress(c.source.sheet.name, c.source.box) : null,
        /** The series' values (first column of the source after its header), for drawing. */
        series: c.source ? this.chartSeries(c) : [],
      })),
    activeCell: (): { sheet: string; address: string } => {
      const sel = this.state.selections.get(this.state.active.id);
      return {
        sheet: this.state.active.name,
        address: boxAddress({
          top: sel?.row ?? 0,
          left: sel?.col ?? 0,
          bottom: sel?.row ?? 0,
          right: sel?.col ?? 0,
        }),
      };
    },
    calculations: (): number => this.state.calculations,
  };

  private chartSeries(chart: ChartState): { name: string; values: number[] }[] {
    const src = chart.source!;
    const series = [];
    for (let c = src.box.left + 1; c <= src.box.right; c++) {
      const values: number[] = [];
      for (let r = src.box.top + 1; r <= src.box.bottom; r++) {
        const v = this.state.value(src.sheet, r, c);
        values.push(typeof v === "number" ? v : 0);
      }
      series.push({ name: String(this.state.value(src.sheet, src.box.top, c)), values });
    }
    return series;
  }

  private grid<T>(
    sheet: string,
    address: string | undefined,
    f: (s: SheetState, r: number, c: number) => T
  ): T[][] {
    const s = this.sheet(sheet);
    const box = address === undefined ? this.state.usedBox(s) : this.locate(sheet, address).box;
    if (!box) return [];
    const out: T[][] = [];
    for (let r = address === undefined ? 0 : box.top; r <= box.bottom; r++) {
      const line: T[] = [];
      for (let c = address === undefined ? 0 : box.left; c <= box.right; c++) line.push(f(s, r, c));
      out.push(line);
    }
    return out;
  }
}

function typeName(v: Scalar | undefined): string {
  if (v === undefined || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return typeof v === "string" && v.startsWith("#") ? "Error" : "String";
}

const Exact = Decimal.clone({ precision: 40 });

/** The PivotTable's cells: sums (exact) or counts by row items and column items, with grand totals. */
function renderPivot(
  pivot: PivotState,
  records: Scalar[][],
  col: (name: string) => number
): Scalar[][] {
  const data = pivot.data[0];
  if (!data || pivot.rows.length === 0) return [];
  const rowCol = col(pivot.rows[0]!);
  const colCol = pivot.columns[0] !== undefined ? col(pivot.columns[0]) : -1;
  const valueCol = col(data.field);
  const label = (v: Scalar | undefined) => (v === undefined || v === "" ? "(blank)" : v);
  const sortKey = (a: Scalar, b: Scalar) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  const rowItems = [...new Set(records.map((r) => label(r[rowCol])))].sort(sortKey);
  const colItems =
    colCol >= 0 ? [...new Set(records.map((r) => label(r[colCol])))].sort(sortKey) : [];
  const cells = new Map<string, Decimal>();
  const add = (k: string, v: Decimal) => cells.set(k, (cells.get(k) ?? new Exact(0)).plus(v));
  for (const r of records) {
    const raw = r[valueCol];
    const v =
      data.summarizeBy === "Count"
        ? raw === "" || raw === undefined
          ? null
          : new Exact(1)
        : typeof raw === "number"
          ? new Exact(raw)
          : null;
    if (v === null) continue;
    const ri = String(label(r[rowCol]));
    const ci = colCol >= 0 ? String(label(r[colCol])) : "";
    add(`${ri}|${ci}`, v);
    add(`${ri}|*`, v);
    add(`*|${ci}`, v);
    add("*|*", v);
  }
  const num = (k: string): Scalar => {
    const d = cells.get(k);
    return d === undefined ? "" : d.toNumber();
  };
  const title = `${data.summarizeBy === "Count" ? "Count" : "Sum"} of ${data.field}`;
  const out: Scalar[][] = [];
  out.push([
    title,
    ...(colItems.length ? ["Column Labels", ...colItems.slice(1).map(() => ""), ""] : []),
  ]);
  out.push(["Row Labels", ...colItems, "Grand Total"]);
  for (const ri of rowItems)
    out.push([
      ri,
      ...colItems.map((ci) => num(`${String(ri)}|${String(ci)}`)),
      num(`${String(ri)}|*`),
    ]);
  out.push(["Grand Total", ...colItems.map((ci) => num(`*|${String(ci)}`)), num("*|*")]);
  const width = Math.max(...out.map((l) => l.length));
  return out.map((l) => [...l, ...Array.from({ length: width - l.length }, () => "")]);
}
