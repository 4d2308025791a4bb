import { propertyNotLoaded } from "../errors";
import type { ModelContext } from "../requestContext";
import type { WorkbookState } from "../workbookState";
import { ClientObject, size } from "./clientObject";
import { PivotTableCollectionProxy } from "./pivot";
import { RangeProxy } from "./range";
import { SettingCollectionProxy } from "./settings";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

export class ApplicationProxy {
  private loadedCalculationMode: string | null = null;
  constructor(private readonly context: ModelContext) {}
  /** Application.calculationMode (ExcelApi 1.1): see ExcelModel.calculationMode. */
  get calculationMode(): string {
    if (this.loadedCalculationMode === null) throw propertyNotLoaded("calculationMode");
    return this.loadedCalculationMode;
  }
  load(_what?: unknown): this {
    this.context.queue({
      location: "Application.load",
      describe: () => "Application.load calculationMode",
      payload: 0,
      run: () => {
        this.loadedCalculationMode = this.context.host.calculationMode;
      },
    });
    return this;
  }
  /**
   * Application.calculate: recalculates every open workbook
   * (https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculate-member(1)).
   */
  calculate(calculationType: string): void {
    this.context.queue({
      location: "Application.calculate",
      describe: () => `Application.calculate ${calculationType}`,
      payload: size(calculationType),
      run: () => this.context.host.calculate(calculationType),
    });
  }
  /** ExcelApi 1.6: accepted; the engine calculates at once, so there is nothing to suspend. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.queue({
      location: "Application.suspendApiCalculationUntilNextSync",
      describe: () => "Application.suspendApiCalculationUntilNextSync",
      payload: 0,
      run: () => this.context.requireSet("ExcelApi", "1.6", "suspendApiCalculationUntilNextSync"),
    });
  }
  /** ExcelApi 1.9: accepted (the model has no screen). */
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.queue({
      location: "Application.suspendScreenUpdatingUntilNextSync",
      describe: () => "Application.suspendScreenUpdatingUntilNextSync",
      payload: 0,
      run: () => this.context.requireSet("ExcelApi", "1.9", "suspendScreenUpdatingUntilNextSync"),
    });
  }
}

/** context.runtime (ExcelApi 1.8): enableEvents. */
export class RuntimeProxy {
  private loadedValue: boolean | null = null;
  constructor(private readonly context: ModelContext) {}
  get enableEvents(): boolean {
    if (this.loadedValue === null) throw propertyNotLoaded("enableEvents");
    return this.loadedValue;
  }
  set enableEvents(value: boolean) {
    this.context.queue({
      location: "Runtime.enableEvents",
      describe: () => `Runtime.enableEvents = ${value}`,
      payload: size(value),
      run: () => {
        this.context.requireSet("ExcelApi", "1.8", "Runtime.enableEvents");
        this.context.host.enableEvents = value;
      },
    });
  }
  load(_what?: unknown): this {
    this.context.queue({
      location: "Runtime.load",
      describe: () => "Runtime.load enableEvents",
      payload: 0,
      run: () => {
        this.loadedValue = this.context.host.enableEvents;
      },
    });
    return this;
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  readonly pivotTables: PivotTableCollectionProxy;

  constructor(private readonly context: ModelContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
    this.settings = new SettingCollectionProxy(context);
    this.application = new ApplicationProxy(context);
    this.pivotTables = new PivotTableCollectionProxy(context, null);
  }

  /** ExcelApi 1.7 (guards.ts). */
  get protection(): WorkbookProtectionProxy {
    return new WorkbookProtectionProxy(this.context);
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const state = this.context.host.state;
      const sel = state.selections.get(state.active.id);
      const row = sel?.row ?? 0;
      const col = sel?.col ?? 0;
      return { sheet: state.active, box: { top: row, left: col, bottom: row, right: col } };
    }).instantiate("Workbook.getActiveCell", () => "");
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const state = this.context.host.state;
      const sel = state.selections.get(state.active.id);
      return { sheet: state.active, box: sel?.box ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    }).instantiate("Workbook.getSelectedRange", () => "");
  }
}

/** Workbook.protection (ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection). */
export class WorkbookProtectionProxy extends ClientObject<WorkbookState> {
  constructor(context: ModelContext) {
    super(context, "WorkbookProtection", () => context.host.state);
  }
  protected properties(): readonly string[] {
    return ["protected"];
  }
  protected read(t: WorkbookState): unknown {
    this.context.requireSet("ExcelApi", "1.7", "WorkbookProtection.protected");
    return t.structureProtected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(): void {
    this.call("protect", [], (t) => {
      t.structureProtected = true;
    });
  }
  unprotect(): void {
    this.call("unprotect", [], (t) => {
      t.structureProtected = false;
    });
  }
}
