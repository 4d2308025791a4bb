/**
 * The request side of the model: a RequestContext whose proxy objects queue requests, run in order
 * at `context.sync()`, as office.js does (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts):
 * - setting a property or calling a method queues a request; nothing happens until sync;
 * - a property can be read only after `load()` and a sync, else it throws PropertyNotLoaded
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load);
 * - `getItem` of a missing item makes the sync fail with ItemNotFound at that request;
 *   `getItemOrNullObject` gives an object whose `isNullObject` is true after the sync
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
 * Executing the queue (order, failures, limits, events) is the model's job: see excelModel.ts.
 */
import { type Box, parseBox, splitSheet } from "./addresses";
import { MESSAGES, ModelError } from "./errors";
import type { ChartState, PivotState, SheetState, WorkbookState } from "./workbookState";
import type { RangeTarget } from "./proxies/range";
import { ApplicationProxy, RuntimeProxy, WorkbookProxy } from "./proxies/workbook";

/** One queued request. `describe` is read when it runs (addresses are known only then). */
export interface QueuedRequest {
  /** "Class.member", as office.js's debugInfo.errorLocation. */
  readonly location: string;
  readonly describe: () => string;
  /** Bytes this request adds to the sync's payload (its arguments as JSON). */
  readonly payload: number;
  readonly run: () => void;
  /** For a load: the bytes its answer would take, measured before anything runs. */
  readonly response?: () => number;
}

export type EventKind = "tableChanged" | "worksheetChanged" | "selectionChanged";

export interface HandlerRecord {
  readonly kind: EventKind;
  readonly handler: (args: unknown) => unknown;
  /** For table.onChanged: only this table's changes. */
  readonly tableId?: string;
  removed: boolean;
}

/** What the context needs from the model that runs it. */
export interface ModelHost {
  readonly state: WorkbookState;
  supports(set: string, version: string): boolean;
  execute(requests: QueuedRequest[]): Promise<void>;
  register(record: HandlerRecord): void;
  enableEvents: boolean;
  readonly calculationMode: string;
  calculate(type: string): void;
  calculateSheet(sheet: SheetState, markAllDirty: boolean): void;
  refreshPivot(pivot: PivotState): void;
  addPivot(
    name: string,
    source: PivotState["source"],
    sheet: SheetState,
    anchor: { row: number; col: number }
  ): PivotState;
  deletePivot(pivot: PivotState): void;
  addChart(
    sheet: SheetState,
    type: string,
    source: { sheet: SheetState; box: Box },
    seriesBy: string
  ): ChartState;
  deleteChart(chart: ChartState): void;
  select(sheet: SheetState, box: Box, row: number, col: number): void;
}

/** The RequestContext handed to a batch: queue, sync, workbook, runtime. */
export class ModelContext {
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  /** The same Application as workbook.application. */
  readonly application: ApplicationProxy;
  /** Accepted (the model keeps proxies valid across syncs and runs). */
  readonly trackedObjects = {
    add: (_o: unknown): void => undefined,
    remove: (_o: unknown): void => undefined,
  };
  private pending: QueuedRequest[] = [];

  constructor(readonly host: ModelHost) {
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
    this.application = this.workbook.application;
  }

  queue(request: QueuedRequest): void {
    this.pending.push(request);
  }

  /** Runs the queued requests in order (see ExcelModel.execute for failures and limits). */
  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const requests = this.pending;
    this.pending = [];
    await this.host.execute(requests);
    return passThroughValue;
  }

  /** True while the model measures responses before running a sync (see ExcelModel.execute). */
  dryRun = false;

  /** A resolver that changes the workbook (add) cannot run while measuring. */
  noSideEffectsInDryRun(): void {
    if (this.dryRun) throw new ModelError("GeneralException", "Not measurable before the sync.");
  }

  requireSet(set: string, version: string, what: string): void {
    if (!this.host.supports(set, version))
      throw new ModelError(
        "ApiNotFound",
        `${what} needs ${set} ${version}, which this host does not support.`
      );
  }

  /** "Sheet!A1:B2" or "A1:B2" (on `sheet`). */
  resolveAddress(address: string, sheet: SheetState): RangeTarget {
    const { sheet: name, address: a } = splitSheet(address);
    const s = name === null ? sheet : this.host.state.findSheet(name);
    if (!s) throw new ModelError("ItemNotFound", MESSAGES.itemNotFound);
    const box = parseBox(a);
    if (!box) throw new ModelError("InvalidArgument", `"${address}": ${MESSAGES.invalidArgument}`);
    return { sheet: s, box };
  }
}
