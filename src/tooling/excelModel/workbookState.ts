/**
 * The state of one modelled workbook: sheets in tab order, cells as the user or the add-in wrote
 * them, tables, settings, PivotTables, charts, selection. Cell contents are kept here as written
 * (formulas with their structured references); HyperFormula only calculates, from a translation.
 * Every rule Excel enforces on these operations is checked here and raises a ModelError; the
 * request layer (requestContext.ts and proxies/) only decides when each operation runs.
 *
 * HyperFormula is GPLv3: development tooling only, never in the add-in bundles.
 */
import { CellType, DetailedCellError, type HyperFormula, type RawCellContent } from "hyperformula";
import { type LedgerProvider, createAidEngine } from "../hyperformula/aidFunctionPlugin";
import {
  type Box,
  MAX_COLUMNS,
  MAX_ROWS,
  absoluteAddress,
  boxColumns,
  boxRows,
  contains,
  intersect,
  quoteSheet,
} from "./addresses";
import { MESSAGES, ModelError } from "./errors";
import {
  checkNoMerge,
  checkNotFiltered,
  checkSheetWritable,
  checkStructureWritable,
} from "./guards";
import {
  type StructuredRef,
  adjustForDeletedRows,
  callsAid,
  hasStructuredReference,
  mapFormula,
  shiftFormula,
} from "./formulaText";

export type Scalar = string | number | boolean;

/** A cell as written: a formula (as typed, "=..."), or a constant; and its number format. */
export interface CellContent {
  readonly formula?: string;
  readonly value?: Scalar;
  readonly format?: string;
  /**
   * Saved by an Excel without the add-in, the AID formula shows #NAME? and keeps showing it after
   * the add-in loads, until the formula is entered again (office-js #6355, #6611, #4007, #5865).
   */
  readonly savedAsNameError?: true;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetState {
  readonly id: string;
  name: string;
  visibility: Visibility;
  readonly cells: Map<string, CellContent>;
  frozenRows: number;
  frozenColumns: number;
  /** WorksheetProtection.protected (guards.ts). */
  protected?: boolean;
  /** Merged areas (Range.merge; guards.ts). */
  merged?: Box[];
}

export interface TableState {
  readonly id: string;
  name: string;
  sheet: SheetState;
  /** Header row included. */
  box: Box;
  /** Calculated columns by offset from the table's left: the formula as written for `row`. */
  readonly calculated: Map<number, { formula: string; row: number }>;
  /** A Total Row below the body, inside `box` (Table.showTotals; see totalRow.ts). */
  showTotals?: boolean;
  /** AutoFilter criteria by column offset: the values shown, lower-cased (guards.ts). */
  filter?: { column: number; values: string[] }[];
}

/** A change to cells, for the change events. */
export interface ChangeRecord {
  readonly sheet: SheetState;
  readonly box: Box;
  readonly kind: "values" | "format" | "rowInserted" | "rowDeleted";
  /** For a single cell: the value before and after. */
  readonly before?: Scalar;
  readonly after?: Scalar;
}

export interface PivotField {
  readonly name: string;
}

export interface PivotState {
  readonly id: string;
  name: string;
  sheet: SheetState;
  /** Top-left cell of the rendering. */
  readonly anchor: { row: number; col: number };
  /** Source: a table (by object, so it follows renames) or a block on a sheet. */
  readonly source: { table: TableState } | { sheet: SheetState; box: Box };
  readonly rows: string[];
  readonly columns: string[];
  readonly data: { field: string; summarizeBy: string; numberFormat: string | null }[];
  /** Cells the last rendering wrote, to clear before the next one. */
  rendered: Box | null;
  /** Set when the source no longer exists: refresh fails, as Excel's "reference isn't valid". */
  broken: boolean;
}

export interface ChartState {
  readonly id: string;
  name: string;
  sheet: SheetState;
  readonly type: string;
  readonly seriesBy: string;
  /** The source block: follows its sheet's renames; null once that sheet is deleted. */
  source: { sheet: SheetState; box: Box } | null;
  position: { start: string; end: string | null } | null;
  /** Chart.title.text; "" until set. */
  title?: string;
}

const SHEET_NAME_FORBIDDEN = /[/\\?*:[\]]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const key = (row: number, col: number) => `${row},${col}`;
const unkey = (k: string) => k.split(",").map(Number) as [number, number];

/** What HyperFormula's value becomes in Excel's `values`: errors as their code, empty as "". */
function toExcelValue(value: unknown): Scalar {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  return JSON.stringify(value);
}

export interface WorkbookStateOptions {
  readonly ledger: LedgerProvider;
  /** Sheet names to start with; default one "Sheet1". */
  readonly sheets?: readonly string[];
  /** The data's status line, for AIDVERSION. */
  readonly status?: () => string;
}

export class WorkbookState {
  readonly engine: HyperFormula;
  readonly sheets: SheetState[] = [];
  /** WorkbookProtection.protected: the structure (sheets added, removed, renamed) is locked (guards.ts). */
  structureProtected = false;
  readonly tables: TableState[] = [];
  readonly settings = new Map<string, unknown>();
  readonly pivots: PivotState[] = [];
  readonly charts: ChartState[] = [];
  /** Changes not yet turned into events (the model drains it after each sync or user action). */
  changes: ChangeRecord[] = [];
  /** Times every formula was recalculated (application.calculate Full). */
  calculations = 0;
  active: SheetState;
  /** Selected block and active cell per sheet. */
  readonly selections = new Map<string, { box: Box; row: number; col: number }>();
  private nextId = 1;
  private readonly structuredCells = new Set<string>();
  private readonly aidCells = new Set<string>();

  constructor(options: WorkbookStateOptions) {
    const names = options.sheets?.length ? options.sheets : ["Sheet1"];
    this.engine = createAidEngine(
      options.ledger,
      Object.fromEntries(names.map((n) => [n, []])),
      {},
      options.status
    );
    for (const name of names) this.sheets.push(this.newSheet(name));
    this.active = this.sheets[0]!;
  }

  private newSheet(name: string): SheetState {
    return {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
    };
  }

  newId(kind: string): string {
    return `{${kind}-${this.nextId++}}`;
  }

  hfId(sheet: SheetState): number {
    const id = this.engine.getSheetId(sheet.name);
    if (id === undefined) throw new Error(`The engine lost sheet ${sheet.name}`);
    return id;
  }

  // ---- sheets --------------------------------------------------------------------------------

  findSheet(nameOrId: string): SheetState | null {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower) ?? null;
  }

  /**
   * Sheet names: 1 to 31 characters, none of / \ ? * : [ ], not starting or ending with an
   * apostrophe, unique ignoring case (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
   */
  checkSheetName(name: string, except?: SheetState): void {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      SHEET_NAME_FORBIDDEN.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    )
      throw new ModelError(
        "InvalidArgument",
        `"${name}" is not a valid sheet name. ${MESSAGES.invalidArgument}`
      );
    const clash = this.findSheet(name);
    if (clash && clash !== except)
      throw new ModelError(
        "ItemAlreadyExists",
        `A sheet named "${name}" already exists (names ignore case). ${MESSAGES.alreadyExists}`
      );
  }

  addSheet(name?: string): SheetState {
    checkStructureWritable(this);
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen);
    this.engine.addSheet(chosen);
    const sheet = this.newSheet(chosen);
    this.sheets.push(sheet);
    return sheet;
  }

  visibleSheets(): SheetState[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  /**
   * Deletes a sheet. A workbook keeps at least one visible sheet. Every formula that refers to the
   * sheet, by address or through one of its tables, becomes #REF! for good (Excel rewrites the
   * reference; adding a sheet of the same name later does not reconnect it), and charts and
   * PivotTables over it break (https://support.microsoft.com/office/delete-a-worksheet-cf1ea4b8-8cf6-4bf5-9f66-6a2d3d8edc3e).
   */
  deleteSheet(sheet: SheetState): void {
    if (sheet.visibility === "Visible" && this.visibleSheets().length === 1)
      throw new ModelError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    for (const table of this.tables.filter((t) => t.sheet === sheet)) this.dropTable(table, false);
    const lower = sheet.name.toLowerCase();
    this.rewriteAll((formula) =>
      mapFormula(formula, {
        sheetRef: (name, reference) =>
          name !== null && name.toLowerCase() === lower ? `#REF!${reference}` : undefined,
      })
    );
    for (const pivot of [...this.pivots]) {
      if (pivot.sheet === sheet) this.pivots.splice(this.pivots.indexOf(pivot), 1);
      else if ("sheet" in pivot.source && pivot.source.sheet === sheet) pivot.broken = true;
    }
    for (const chart of [...this.charts]) {
      if (chart.sheet === sheet) this.charts.splice(this.charts.indexOf(chart), 1);
      else if (chart.source?.sheet === sheet) chart.source = null;
    }
    this.engine.removeSheet(this.hfId(sheet));
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.selections.delete(sheet.id);
    this.forgetCells(sheet);
    if (this.active === sheet) this.active = this.visibleSheets()[0] ?? this.sheets[0]!;
  }

  /** Renames a sheet; formulas that refer to it follow, as in Excel. */
  renameSheet(sheet: SheetState, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const old = sheet.name.toLowerCase();
    const id = this.hfId(sheet);
    if (old === name.toLowerCase()) {
      // The engine compares names ignoring case too: go through a free name.
      this.engine.renameSheet(id, `~rename~${this.nextId++}`);
    }
    this.engine.renameSheet(id, name);
    sheet.name = name;
    this.rewriteAll((formula) =>
      mapFormula(formula, {
        sheetRef: (s, reference) =>
          s !== null && s.toLowerCase() === old ? `${quoteSheet(name)}!${reference}` : undefined,
      })
    );
  }

  moveSheet(sheet: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length)
      throw new ModelError(
        "InvalidArgument",
        `Position ${position} is outside 0..${this.sheets.length - 1}.`
      );
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetState, visibility: Visibility): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility))
      throw new ModelError("InvalidArgument", `"${String(visibility)}" is not a sheet visibility.`);
    if (
      visibility !== "Visible" &&
      sheet.visibility === "Visible" &&
      this.visibleSheets().length === 1
    )
      throw new ModelError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.active === sheet) this.active = this.visibleSheets()[0]!;
  }

  activate(sheet: SheetState): void {
    if (sheet.visibility !== "Visible")
      throw new ModelError(
        "InvalidOperation",
        `Sheet ${sheet.name} is hidden and cannot be activated.`
      );
    this.active = sheet;
  }

  // ---- cells ---------------------------------------------------------------------------------

  content(sheet: SheetState, row: number, col: number): CellContent | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** The calculated value as Excel's `values` returns it ("" for empty, "#N/A" for an error). */
  value(sheet: SheetState, row: number, col: number): Scalar {
    return toExcelValue(this.engine.getCellValue({ sheet: this.hfId(sheet), row, col }));
  }

  /** Whether a cell shows an error (as opposed to text that looks like one). */
  isError(sheet: SheetState, row: number, col: number): boolean {
    return this.rawValue(sheet, row, col) instanceof DetailedCellError;
  }

  /** The engine's value with its error message, for the workbench's tooltips. */
  rawValue(sheet: SheetState, row: number, col: number): unknown {
    return this.engine.getCellValue({ sheet: this.hfId(sheet), row, col });
  }

  /** What Excel's `formulas` returns: the formula as written, or the constant ("" for empty). */
  formula(sheet: SheetState, row: number, col: number): Scalar {
    const c = this.content(sheet, row, col);
    if (c?.formula !== undefined) return c.formula;
    if (c?.value !== undefined) return c.value;
    // A spilled cell has no formula of its own; Excel returns its value.
    const type = this.engine.getCellType({ sheet: this.hfId(sheet), row, col });
    return type === CellType.ARRAY ? this.value(sheet, row, col) : "";
  }

  numberFormat(sheet: SheetState, row: number, col: number): string {
    return this.content(sheet, row, col)?.format ?? "General";
  }

  /**
   * Writes cells: each entry is new content (undefined leaves the cell as it is). One engine call
   * per block, so a table of thousands of rows is one recalculation.
   */
  writeBlock(
    sheet: SheetState,
    top: number,
    left: number,
    block: readonly (readonly (CellContent | null | undefined)[])[],
    kind: ChangeRecord["kind"] = "values"
  ): void {
    const rows = block.length;
    const cols = block[0]?.length ?? 0;
    if (rows === 0 || cols === 0) return;
    checkSheetWritable(sheet);
    if (top + rows > MAX_ROWS || left + cols > MAX_COLUMNS)
      throw new ModelError("InvalidArgument", "The block runs off the sheet.");
    const single = rows === 1 && cols === 1;
    const before = single ? this.value(sheet, top, left) : undefined;
    const engineBlock: RawCellContent[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: RawCellContent[] = [];
      for (let c = 0; c < cols; c++) {
        const row = top + r;
        const col = left + c;
        const next = block[r]![c];
        if (next !== undefined) this.store(sheet, row, col, next);
        line.push(this.engineContent(sheet, row, col));
      }
      engineBlock.push(line);
    }
    this.engine.setCellContents({ sheet: this.hfId(sheet), row: top, col: left }, engineBlock);
    const box = { top, left, bottom: top + rows - 1, right: left + cols - 1 };
    this.changes.push({
      sheet,
      box,
      kind,
      ...(single ? { before, after: this.value(sheet, top, left) } : {}),
    });
  }

  private store(sheet: SheetState, row: number, col: number, next: CellContent | null): void {
    const k = key(row, col);
    const marker = `${sheet.id}|${k}`;
    if (
      !next ||
      (next.formula === undefined && next.value === undefined && next.format === undefined)
    ) {
      sheet.cells.delete(k);
      this.structuredCells.delete(marker);
      this.aidCells.delete(marker);
      return;
    }
    sheet.cells.set(k, next);
    if (next.formula !== undefined && hasStructuredReference(next.formula))
      this.structuredCells.add(marker);
    else this.structuredCells.delete(marker);
    if (next.formula !== undefined && callsAid(next.formula)) this.aidCells.add(marker);
    else this.aidCells.delete(marker);
  }

  private forgetCells(sheet: SheetState): void {
    for (const set of [this.structuredCells, this.aidCells])
      for (const m of [...set]) if (m.startsWith(`${sheet.id}|`)) set.delete(m);
  }

  /** The engine's content for a cell: the translated formula, or the constant (text kept as text). */
  private engineContent(sheet: SheetState, row: number, col: number): RawCellContent {
    const c = this.content(sheet, row, col);
    if (!c) return null;
    if (c.savedAsNameError) return "=#NAME?";
    if (c.formula !== undefined) return this.translate(c.formula, sheet, row, col);
    if (c.value === undefined) return null;
    // The engine would parse "123" or "=x" in a string: the apostrophe keeps text as text.
    return typeof c.value === "string" ? `'${c.value}` : c.value;
  }

  /** Structured references as absolute A1 ranges; references to deleted sheets as #REF!. */
  translate(formula: string, sheet: SheetState, row: number, col: number): string {
    return mapFormula(formula, {
      sheetRef: (name) => (name === null ? "#REF!" : undefined),
      structured: (ref) => {
        const table =
          ref.table === null
            ? this.tables.find((t) => t.sheet === sheet && contains(t.box, row, col))
            : this.findTable(ref.table);
        if (!table) return ref.table === null ? "#REF!" : "#NAME?";
        const box = this.structuredBox(table, ref, row);
        return box ? `${quoteSheet(table.sheet.name)}!${absoluteAddress(box)}` : "#REF!";
      },
    });
  }

  /** The cells a structured reference covers today. */
  structuredBox(table: TableState, ref: StructuredRef, row: number): Box | null {
    let left = table.box.left;
    let right = table.box.right;
    if (ref.columns) {
      const a = this.columnOffset(table, ref.columns[0]);
      const b = this.columnOffset(table, ref.columns[1]);
      if (a === null || b === null) return null;
      left = table.box.left + Math.min(a, b);
      right = table.box.left + Math.max(a, b);
    }
    const top = table.box.top;
    switch (ref.area) {
      case "all":
        return { top, left, bottom: table.box.bottom, right };
      case "headers":
        return { top, left, bottom: top, right };
      case "thisRow":
        return row > top && row <= table.box.bottom ? { top: row, left, bottom: row, right } : null;
      default:
        return { top: top + 1, left, bottom: table.box.bottom, right };
    }
  }

  /** Rewrites the stored text of every formula and gives the engine those that changed. */
  private rewriteAll(rewrite: (formula: string, on: SheetState) => string): void {
    this.engine.batch(() => {
      for (const sheet of this.sheets)
        for (const [k, c] of [...sheet.cells]) {
          if (c.formula === undefined) continue;
          const next = rewrite(c.formula, sheet);
          if (next === c.formula) continue;
          const [row, col] = unkey(k);
          this.store(sheet, row, col, { ...c, formula: next });
          this.engine.setCellContents(
            { sheet: this.hfId(sheet), row, col },
            this.engineContent(sheet, row, col)
          );
        }
    });
  }

  /** Gives the engine again the formulas that match (their translation may have changed). */
  private retranslate(which: (marker: string) => boolean, set = this.structuredCells): void {
    const markers = [...set].filter(which);
    if (markers.length === 0) return;
    this.engine.batch(() => {
      for (const marker of markers) {
        const [sheetId, k] = marker.split("|") as [string, string];
        const sheet = this.sheets.find((s) => s.id === sheetId);
        if (!sheet) continue;
        const [row, col] = unkey(k);
        this.engine.setCellContents(
          { sheet: this.hfId(sheet), row, col },
          this.engineContent(sheet, row, col)
        );
      }
    });
  }

  /** Structured references follow a table's new size or name. */
  tablesChanged(): void {
    this.retranslate(() => true);
  }

  /**
   * The AID functions as streaming functions: every cell calling one is given to the engine again,
   * so it evaluates with the current ledger and sizes its spill anew (errors and AIDLIST spills
   * included). Anchors are cleared first, all of them, so a shorter or longer answer never finds
   * its own old spill in the way. Returns the number of cells refreshed.
   */
  /** Every AID formula as a workbook saved without the add-in holds it (see CellContent.savedAsNameError). */
  saveAidCellsAsNameErrors(): number {
    const marked = [...this.aidCells].flatMap((marker) => {
      const [sheetId, k] = marker.split("|") as [string, string];
      const sheet = this.sheets.find((s) => s.id === sheetId);
      const content = sheet?.cells.get(k);
      if (!sheet || !content) return [];
      sheet.cells.set(k, { ...content, savedAsNameError: true });
      return [marker];
    });
    this.refreshAidCells();
    return marked.length;
  }

  refreshAidCells(only?: SheetState): number {
    const markers = [...this.aidCells].filter((m) => !only || m.startsWith(`${only.id}|`));
    const cells = markers.flatMap((marker) => {
      const [sheetId, k] = marker.split("|") as [string, string];
      const sheet = this.sheets.find((s) => s.id === sheetId);
      if (!sheet) return [];
      const [row, col] = unkey(k);
      return [{ sheet, row, col }];
    });
    if (cells.length === 0) return 0;
    this.engine.batch(() => {
      for (const { sheet, row, col } of cells)
        this.engine.setCellContents({ sheet: this.hfId(sheet), row, col }, null);
      for (const { sheet, row, col } of cells)
        this.engine.setCellContents(
          { sheet: this.hfId(sheet), row, col },
          this.engineContent(sheet, row, col)
        );
    });
    return cells.length;
  }

  /**
   * The block an array formula spills into (anchor included), or null when the cell holds none or
   * its spill is blocked (#SPILL!). Spilled cells are the engine's ARRAY cells right of and below
   * the anchor.
   */
  spillBox(sheet: SheetState, row: number, col: number): Box | null {
    const id = this.hfId(sheet);
    if (this.engine.getCellType({ sheet: id, row, col }) !== CellType.ARRAYFORMULA) return null;
    const isArray = (r: number, c: number) =>
      this.engine.getCellType({ sheet: id, row: r, col: c }) === CellType.ARRAY &&
      this.content(sheet, r, c) === undefined;
    let right = col;
    while (isArray(row, right + 1)) right++;
    let bottom = row;
    while (isArray(bottom + 1, col)) bottom++;
    return { top: row, left: col, bottom, right };
  }

  /** The anchor of the spill a cell belongs to, if any. */
  spillParent(sheet: SheetState, row: number, col: number): { row: number; col: number } | null {
    for (const [k, c] of sheet.cells) {
      if (c.formula === undefined) continue;
      const [r, cc] = unkey(k);
      if (r > row || cc > col) continue;
      const box = this.spillBox(sheet, r, cc);
      if (box && contains(box, row, col)) return { row: r, col: cc };
    }
    return null;
  }

  /** The block from the first to the last cell holding something (spilled cells included). */
  usedBox(sheet: SheetState): Box | null {
    let box: Box | null = null;
    const extend = (b: Box) => {
      box = box
        ? {
            top: Math.min(box.top, b.top),
            left: Math.min(box.left, b.left),
            bottom: Math.max(box.bottom, b.bottom),
            right: Math.max(box.right, b.right),
          }
        : b;
    };
    for (const [k, c] of sheet.cells) {
      const [r, col] = unkey(k);
      extend({ top: r, left: col, bottom: r, right: col });
      if (c.formula !== undefined) {
        const spill = this.spillBox(sheet, r, col);
        if (spill) extend(spill);
      }
    }
    return box;
  }

  // ---- tables --------------------------------------------------------------------------------

  findTable(nameOrId: string): TableState | null {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((t) => t.id === nameOrId || t.name.toLowerCase() === lower) ?? null;
  }

  /**
   * Table names: start with a letter, underscore or backslash; letters, digits, periods and
   * underscores; not a cell reference; unique in the workbook ignoring case
   * (https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114).
   */
  checkTableName(name: string, except?: TableState): void {
    if (
      typeof name !== "string" ||
      !TABLE_NAME.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RC]$/i.test(name)
    )
      throw new ModelError(
        "InvalidArgument",
        `"${name}" is not a valid table name. ${MESSAGES.invalidArgument}`
      );
    const clash = this.findTable(name);
    if (clash && clash !== except)
      throw new ModelError(
        "InvalidArgument",
        `A table named "${name}" already exists in this workbook (table names are unique and ignore case).`
      );
  }

  private checkNoOverlap(sheet: SheetState, box: Box, except?: TableState): void {
    for (const t of this.tables)
      if (t !== except && t.sheet === sheet && intersect(t.box, box))
        throw new ModelError("InvalidArgument", `A table can't overlap another table (${t.name}).`);
  }

  /**
   * Tables.add with headers: the first row is the header; empty header cells get "ColumnN"; a
   * header-only range gets one empty data row, as Excel makes it.
   */
  addTable(sheet: SheetState, box: Box, hasHeaders: boolean): TableState {
    if (!hasHeaders)
      throw new ModelError(
        "InvalidArgument",
        "The model supports tables.add with hasHeaders = true only."
      );
    const full = box.bottom === box.top ? { ...box, bottom: box.top + 1 } : box;
    this.checkNoOverlap(sheet, full);
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    const table: TableState = {
      id: this.newId("table"),
      name: `Table${n}`,
      sheet,
      box: full,
      calculated: new Map(),
    };
    const header: (CellContent | undefined)[] = [];
    const seen = new Set<string>();
    for (let c = full.left; c <= full.right; c++) {
      const v = this.value(sheet, full.top, c);
      let name = v === "" ? `Column${c - full.left + 1}` : String(v);
      while (seen.has(name.toLowerCase())) name = `${name}2`;
      seen.add(name.toLowerCase());
      const old = this.content(sheet, full.top, c);
      header.push(
        String(v) === name && old?.formula === undefined
          ? undefined
          : { ...old, formula: undefined, value: name }
      );
    }
    this.writeBlock(sheet, full.top, full.left, [header]);
    this.tables.push(table);
    this.tablesChanged();
    return table;
  }

  /**
   * Header names of a table, from its header row as written (Excel keeps header cells as
   * constants; read from the contents so this works while the engine is mid-batch).
   */
  columnNames(table: TableState): string[] {
    const names: string[] = [];
    for (let c = table.box.left; c <= table.box.right; c++) {
      const content = this.content(table.sheet, table.box.top, c);
      names.push(String(content?.value ?? content?.formula ?? ""));
    }
    return names;
  }

  columnOffset(table: TableState, name: string): number | null {
    const lower = name.toLowerCase();
    const i = this.columnNames(table).findIndex((n) => n.toLowerCase() === lower);
    return i < 0 ? null : i;
  }

  renameTable(table: TableState, name: string): void {
    if (table.name === name) return;
    this.checkTableName(name, table);
    const old = table.name.toLowerCase();
    table.name = name;
    this.rewriteAll((formula) =>
      mapFormula(formula, {
        structured: (ref, text) =>
          ref.table !== null && ref.table.toLowerCase() === old
            ? name + text.slice(ref.table.length)
            : undefined,
      })
    );
  }

  /**
   * Table.resize (ExcelApi 1.13): "The headers must remain in the same row, and the resulting table
   * range must overlap the original table range" (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)).
   * New rows get the calculated columns' formulas.
   */
  resizeTable(table: TableState, sheet: SheetState, box: Box): void {
    if (sheet !== table.sheet || box.top !== table.box.top || !intersect(box, table.box))
      throw new ModelError(
        "InvalidArgument",
        "The header row must stay in the same row and the new range must overlap the table's range."
      );
    if (box.bottom <= box.top)
      throw new ModelError("InvalidArgument", "A table needs at least one data row.");
    this.checkNoOverlap(sheet, box, table);
    if (box.bottom !== table.box.bottom) checkNotFiltered(table);
    if (box.bottom > table.box.bottom) checkNoMerge(sheet, { ...box, top: table.box.bottom + 1 });
    const oldBottom = table.box.bottom;
    table.box = box;
    for (const [offset] of [...table.calculated])
      if (table.box.left + offset > box.right) table.calculated.delete(offset);
    this.fillCalculated(table, oldBottom + 1, box.bottom);
    this.tablesChanged();
  }

  /** Calculated columns' formulas into rows `from`..`to` (sheet rows). */
  fillCalculated(table: TableState, from: number, to: number): void {
    if (from > to) return;
    for (const [offset, { formula, row }] of table.calculated) {
      const col = table.box.left + offset;
      const block = [];
      for (let r = from; r <= to; r++) {
        const old = this.content(table.sheet, r, col);
        block.push([{ ...old, value: undefined, formula: shiftFormula(formula, r - row, 0) }]);
      }
      this.writeBlock(table.sheet, from, col, block);
    }
  }

  /** Deletes a table and its cells; formulas that referred to it become #REF!. */
  deleteTable(table: TableState): void {
    this.dropTable(table, true);
  }

  private dropTable(table: TableState, clearCells: boolean): void {
    const lower = table.name.toLowerCase();
    this.tables.splice(this.tables.indexOf(table), 1);
    this.rewriteAll((formula) =>
      mapFormula(formula, {
        structured: (ref) =>
          ref.table !== null && ref.table.toLowerCase() === lower ? "#REF!" : undefined,
      })
    );
    for (const pivot of this.pivots)
      if ("table" in pivot.source && pivot.source.table === table) pivot.broken = true;
    if (clearCells) {
      const block = Array.from({ length: boxRows(table.box) }, () =>
        Array.from({ length: boxColumns(table.box) }, () => null)
      );
      this.writeBlock(table.sheet, table.box.top, table.box.left, block);
    }
    this.tablesChanged();
  }

  /**
   * Deletes the cells of a block, the cells below it in its columns moving up (Range.delete("Up"),
   * Delete Table Rows), and adjusts every formula that refers to those cells as Excel does
   * (https://support.microsoft.com/office/insert-or-delete-cells-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246).
   */
  deleteCellsUp(sheet: SheetState, box: Box): void {
    const lower = sheet.name.toLowerCase();
    const adjust = (reference: string) =>
      adjustForDeletedRows(reference, box.top, box.bottom, box.left, box.right);
    this.rewriteAll((formula, on) =>
      mapFormula(formula, {
        sheetRef: (name, reference, text) => {
          if (name === null || name.toLowerCase() !== lower) return undefined;
          const next = adjust(reference);
          return next === "#REF!" ? next : text.slice(0, text.length - reference.length) + next;
        },
        cell: (reference) => (on === sheet ? adjust(reference) : undefined),
      })
    );
    const n = boxRows(box);
    const last = Math.max(box.bottom, this.usedBox(sheet)?.bottom ?? box.bottom);
    const block: (CellContent | null)[][] = [];
    for (let r = box.top; r <= last; r++) {
      const line: (CellContent | null)[] = [];
      for (let c = box.left; c <= box.right; c++)
        line.push(r + n <= last ? (this.content(sheet, r + n, c) ?? null) : null);
      block.push(line);
    }
    this.writeBlock(sheet, box.top, box.left, block, "rowDeleted");
  }

  /** Deletes `count` data rows from zero-based data row `index`; the table keeps one data row. */
  deleteTableRows(table: TableState, index: number, count: number): void {
    const bodyRows = boxRows(table.box) - 1;
    if (!Number.isInteger(index) || index < 0 || count < 1 || index + count > bodyRows)
      throw new ModelError(
        "InvalidArgument",
        `Rows ${index}..${index + count - 1} are not in ${table.name}.`
      );
    checkNotFiltered(table);
    checkSheetWritable(table.sheet);
    // Cells below move up through the table's columns: a merged area there cannot move part-way.
    checkNoMerge(table.sheet, { ...table.box, top: table.box.top + 1, bottom: MAX_ROWS - 1 });
    const from = table.box.top + 1 + index;
    this.deleteCellsUp(table.sheet, {
      top: from,
      bottom: from + count - 1,
      left: table.box.left,
      right: table.box.right,
    });
    const bottom = Math.max(table.box.top + 1, table.box.bottom - count);
    this.resizeTable(table, table.sheet, { ...table.box, bottom });
  }

  tableAt(sheet: SheetState, row: number, col: number): TableState | null {
    return this.tables.find((t) => t.sheet === sheet && contains(t.box, row, col)) ?? null;
  }
}
