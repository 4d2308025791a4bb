import {
  type AidLedger,
  type Checked,
  type DatasetDiff,
  type DatasetIdentity,
  type Explanation,
  type LedgerStore,
  type PivotResult,
  type Problem,
  type ReferenceData,
  type UserRate,
  type WorkbookPort,
  type WriteProgress,
  SUMMARY_PIVOT,
  TABLES,
  contentHash,
  createLedger,
  diffDatasets,
  explainCall,
  ledgerTables,
  loadDatasetText,
  parseAidCall,
  readCommitments,
  readUserRates,
} from "../../domain";
import type { CellInput } from "../../domain";
import type { Fetched } from "./fetchDataset";

/** Where a refresh reads from. */
export type RefreshSource =
  | { readonly kind: "bundled" }
  | { readonly kind: "file"; readonly name: string; readonly text: string }
  | { readonly kind: "url"; readonly url: string };

/** A validated dataset, ready to be written once the user confirms the diff. */
export interface PreparedRefresh {
  readonly ledger: AidLedger;
  readonly identity: DatasetIdentity;
  readonly diff: DatasetDiff;
}

export type ApplyResult =
  | { readonly ok: true; readonly pivot: PivotResult }
  | { readonly ok: false; readonly message: string };

export interface SessionState {
  /** What the workbook holds, or null when nothing was loaded into it (the functions use the bundled data). */
  readonly identity: DatasetIdentity | null;
  /** Problems in the user's edits of the Commitments or Rates tables: ignored until fixed. */
  readonly editProblems: readonly Problem[];
  readonly busy: boolean;
}

export interface SessionDeps {
  readonly port: WorkbookPort;
  readonly store: LedgerStore;
  readonly reference: ReferenceData;
  readonly bundledRows: () => readonly unknown[];
  /** The add-in's version: the version of the bundled dataset. */
  readonly version: string;
  readonly fetchText: (url: string) => Promise<Fetched>;
  readonly now?: () => Date;
}

/**
 * What the task pane does, without React or Office: load, refresh, take in the user's edits,
 * explain a formula. It talks to the workbook only through the WorkbookPort and swaps the
 * functions' ledger only after a write succeeded.
 */
export class LedgerSession {
  private state: SessionState = { identity: null, editProblems: [], busy: false };
  private readonly listeners = new Set<(s: SessionState) => void>();
  private writing = false;

  constructor(private readonly deps: SessionDeps) {}

  get snapshot(): SessionState {
    return this.state;
  }

  subscribe(listener: (s: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /**
   * On opening: a workbook that holds Aid Ledger data answers from its own tables, so the numbers
   * in a saved workbook never change with a newer add-in. Then watch the tables for edits.
   */
  async start(): Promise<void> {
    const identity = await this.deps.port.readIdentity();
    if (identity) {
      const built = await this.readWorkbookLedger();
      this.set({ identity, editProblems: built.ok ? [] : built.problems });
      if (built.ok) {
        this.deps.store.replace(built.value);
        // Cells computed while the workbook was opening used the bundled data: compute them again.
        await this.deps.port.recalculate();
      }
    }
    await this.deps.port.watchTables(
      [TABLES.commitments.table, TABLES.rates.table],
      () => void this.takeInEdits()
    );
  }

  /** Reads and validates a source completely, and says what applying it would change. Writes nothing. */
  async prepare(source: RefreshSource): Promise<Checked<PreparedRefresh>> {
    let build: (userRates: readonly UserRate[]) => Checked<AidLedger>;
    let label: string;
    let version: string;
    if (source.kind === "bundled") {
      const rows = this.deps.bundledRows();
      build = (userRates) => createLedger({ rows, reference: this.deps.reference, userRates });
      [label, version] = ["bundled", this.deps.version];
    } else {
      let text: string;
      if (source.kind === "file") {
        [text, version, label] = [source.text, source.name, `file:${source.name}`];
      } else {
        const fetched = await this.deps.fetchText(source.url);
        if (!fetched.ok)
          return { ok: false, problems: [{ row: 0, field: "(address)", message: fetched.reason }] };
        [text, version, label] = [fetched.text, fetched.fileName, `url:${source.url}`];
      }
      build = (userRates) =>
        loadDatasetText(text, this.deps.reference, { fileName: version, userRates });
    }
    const current = this.deps.store.current();
    const built = withCarriedRates(build, current.userRates);
    if (!built.ok) return built;
    const records = built.value.records.map((r) => r.record);
    const identity: DatasetIdentity = {
      source: label,
      version,
      contentHash: contentHash(records),
      loadedAt: this.now(),
      records: records.length,
    };
    return {
      ok: true,
      value: {
        ledger: built.value,
        identity,
        diff: diffDatasets(
          current.records.map((r) => r.record),
          records
        ),
      },
    };
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  /**
   * Writes a prepared dataset's tables (all or nothing), then, and only then, switches the
   * functions to it, adds the Summary PivotTable and recalculates.
   */
  async apply(
    prepared: PreparedRefresh,
    onProgress?: (p: WriteProgress) => void
  ): Promise<ApplyResult> {
    this.set({ busy: true });
    this.writing = true;
    try {
      await this.deps.port.writeTables(
        ledgerTables(prepared.ledger),
        prepared.identity,
        onProgress
      );
    } catch (e) {
      return {
        ok: false,
        message: `Nothing was changed: the workbook refused the write (${(e as Error).message}).`,
      };
    } finally {
      this.writing = false;
      this.set({ busy: false });
    }
    this.deps.store.replace(prepared.ledger);
    this.set({ identity: prepared.identity, editProblems: [] });
    const pivot = await this.deps.port
      .addPivotTable(SUMMARY_PIVOT)
      .catch((e: Error) => ({ created: false as const, reason: e.message }));
    await this.deps.port.recalculate();
    return { ok: true, pivot };
  }

  /** "Load data": the bundled dataset, written as tables. */
  async load(onProgress?: (p: WriteProgress) => void): Promise<ApplyResult> {
    const prepared = await this.prepare({ kind: "bundled" });
    if (!prepared.ok)
      return { ok: false, message: prepared.problems.map((p) => p.message).join("; ") };
    return this.apply(prepared.value, onProgress);
  }

  /** The user changed the Commitments or Rates table: validate all of it; take it in only when valid. */
  async takeInEdits(): Promise<void> {
    if (this.writing) return;
    const built = await this.readWorkbookLedger();
    if (!built.ok) {
      this.set({ editProblems: built.problems });
      return;
    }
    const records = built.value.records.map((r) => r.record);
    const hash = contentHash(records);
    const before = this.state.identity;
    const unchanged =
      before?.contentHash === hash &&
      sameRates(this.deps.store.current().userRates, built.value.userRates);
    this.deps.store.replace(built.value);
    const identity: DatasetIdentity =
      unchanged && before
        ? before
        : {
            source: "workbook",
            version: before?.version ?? this.deps.version,
            contentHash: hash,
            loadedAt: this.now(),
            records: records.length,
          };
    if (identity !== before) await this.deps.port.writeIdentity(identity);
    this.set({ identity, editProblems: [] });
    await this.deps.port.recalculate();
  }

  /** The workbook's own data: Commitments and the user's rows of Rates, validated together. */
  async readWorkbookLedger(): Promise<Checked<AidLedger>> {
    const [commitments, rates] = await Promise.all([
      this.deps.port.readTable(TABLES.commitments.table),
      this.deps.port.readTable(TABLES.rates.table),
    ]);
    if (!commitments)
      return {
        ok: false,
        problems: [
          {
            row: 0,
            field: TABLES.commitments.table,
            message: `the ${TABLES.commitments.sheet} table is missing; load the data again`,
          },
        ],
      };
    const read = readCommitments(commitments);
    if (!read.ok) return read;
    const userRates = rates
      ? readUserRates(rates)
      : { ok: true as const, value: { rates: [] as UserRate[], lines: [] as number[] } };
    if (!userRates.ok) return userRates;
    const built = createLedger({
      rows: read.value.rows,
      lines: read.value.lines,
      reference: this.deps.reference,
      userRates: userRates.value.rates,
    });
    if (built.ok) return built;
    // Problems in user rates are numbered by rate; name their sheet rows in the Rates table instead.
    return {
      ok: false,
      problems: built.problems.map((p) =>
        p.field === "document" || p.field === "jpyPerUsd"
          ? {
              ...p,
              line: userRates.value.lines[p.row - 1],
              field: `${TABLES.rates.sheet}.${p.field === "document" ? "Document" : "JpyPerUsd"}`,
            }
          : p
      ),
    };
  }

  /**
   * How the active cell's AID formula is computed, or null when it holds none. Cell references
   * among the arguments are read from the workbook; a nested expression is reported, not guessed.
   */
  async explainSelection(): Promise<{
    readonly explanation: Explanation | null;
    readonly note: string | null;
  }> {
    const selection = await this.deps.port.getSelection();
    if (!selection.formula) return { explanation: null, note: null };
    const call = parseAidCall(selection.formula);
    if (!call) return { explanation: null, note: null };
    const nested = call.args.find((a) => a.kind === "expression");
    if (nested && nested.kind === "expression")
      return {
        explanation: null,
        note: `An argument is a calculation (${nested.text}); put its value in a cell to see the explanation.`,
      };
    const refs = call.args.flatMap((a) => (a.kind === "reference" ? [a.address] : []));
    const values = refs.length ? await this.deps.port.readCells(refs) : [];
    let next = 0;
    const args: CellInput[] = call.args.map((a) =>
      a.kind === "literal" ? a.value : a.kind === "reference" ? (values[next++] ?? null) : null
    );
    return { explanation: explainCall(this.deps.store.current(), call.name, args), note: null };
  }

  /** Calls back when the workbook's selection moves (to refresh the explain view); returns a function that stops it. */
  watchSelection(onChange: () => void): Promise<() => Promise<void>> {
    return this.deps.port.watchSelection(onChange);
  }

  insertFormula(formula: string): Promise<void> {
    return this.deps.port.insertFormula(formula);
  }
}

/**
 * Builds without user rates, then again with the current user rates that still apply: those for
 * documents in the new data that state no pair of their own.
 */
function withCarriedRates(
  build: (userRates: readonly UserRate[]) => Checked<AidLedger>,
  current: readonly UserRate[]
): Checked<AidLedger> {
  const first = build([]);
  if (!first.ok || current.length === 0) return first;
  const open = new Set(
    first.value.rates.documents.filter((d) => d.basis === "none").map((d) => d.document)
  );
  const carried = current.filter((u) => open.has(u.document));
  return carried.length > 0 ? build(carried) : first;
}

function sameRates(a: readonly UserRate[], b: readonly UserRate[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
