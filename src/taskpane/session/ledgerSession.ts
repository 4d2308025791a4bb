import { messageOf, messages } from "../../domain/messages/catalog";
import {
  type AidLedger,
  type Checked,
  type DatasetDiff,
  type DatasetIdentity,
  type LostUserValue,
  type Problem,
  type ReferenceData,
  type ReplacedEdit,
  type UserRate,
  describeDataStatus,
  describeContents,
  type WriteProgress,
  MANIFEST_FILE,
  WorkbookWriteError,
  compareToManifest,
  isEmptyDiff,
  readPublishedManifest,
  siblingAddress,
  TABLES,
  commitmentsTable,
  contentHash,
  createLedger,
  replacedEdits,
  diffDatasets,
  ledgerTables,
  type CancelSignal,
  type LoadProgress,
  buildLedger,
  loadDatasetTextAsync,
  readCommitments,
  readUserRates,
  type FixedAddressCheck,
  findFixedAddressReferences,
  ratesTable,
} from "../../domain";
import { CalculationEnvironment } from "./calculationEnvironment";
import { derivedAgree, refreshSummary } from "./derivedTables";
import { checkAgainstManifest } from "./publishedSource";
import { SessionCore } from "./sessionCore";
import type {
  ApplyResult,
  DataVersion,
  LedgerPorts,
  PreparedRefresh,
  PublishedStatus,
  RefreshSource,
  SessionDeps,
} from "./sessionTypes";
import { SheetFeatures } from "./sheetFeatures";

export type {
  ApplyResult,
  DataVersion,
  LedgerPorts,
  PreparedRefresh,
  PublishedStatus,
  RefreshSource,
  SessionDeps,
  SessionNotice,
  SessionState,
} from "./sessionTypes";

/** The tables whose edits the session takes in, and those it looks for on opening. */
const WATCHED = [TABLES.commitments.table, TABLES.rates.table];
const OWNED = [TABLES.commitments.table, TABLES.facts.table, TABLES.rates.table];

/**
 * What the task pane does with the data, without React or Office: load, refresh, take in the
 * user's edits; its sheet features (`features`) and calculation environment (`environment`) are
 * parts of their own over the same queue. It talks to the workbook only through the WorkbookPort and swaps the
 * functions' ledger only after a write succeeded.
 *
 * Every read and write of the workbook goes through one queue, so they never overlap: an older
 * read can never replace newer data, a second write waits for the first, and edits made during a
 * write are read after it. Edit events are debounced and coalesced: however many arrive, one read
 * follows, and it reads the workbook as it is when it runs.
 */
export class LedgerSession extends SessionCore {
  private version: DataVersion = { ledger: 0, edits: 0 };
  private intakeQueued: Promise<void> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the last read of the user's edits failed: the ledger may lag behind the tables. */
  private editUnread = false;
  /** Whether the tables are watched for edits (set up once the workbook is read). */
  private watching = false;
  /** Whether the last rewrite of Facts and Rates failed: they lag behind the ledger. */
  private derivedStale = false;
  /** The ledger read from the tables on opening, until Facts and Rates are checked against it. */
  private openedFrom: AidLedger | null = null;
  /** The active cell, the active sheet, the briefing copy and the repair of AID cells. */
  readonly features: SheetFeatures;
  /** Excel's calculation mode. */
  readonly environment: CalculationEnvironment;

  /** The workbook as the data core uses it: the tables and the Summary, nothing of the active cell. */
  private readonly tables: LedgerPorts;

  constructor(private readonly deps: SessionDeps) {
    super();
    this.tables = deps.port;
    this.features = new SheetFeatures(deps, (task) => this.enqueue(task));
    this.environment = new CalculationEnvironment(deps, {
      read: () => this.snapshot,
      set: (patch) => this.set(patch),
    });
  }

  /** Switches the functions to a ledger, with the one-line status AIDVERSION and the pane show. */
  private replaceLedger(ledger: AidLedger, identity: DatasetIdentity | null): void {
    this.version = { ...this.version, ledger: this.version.ledger + 1 };
    this.deps.store.replace(ledger, describeDataStatus(identity, ledger));
  }

  /**
   * On opening: a workbook that holds Aid Ledger tables answers from them, so the numbers in a saved
   * workbook never change with a newer add-in; the AID cells follow by themselves (they stream).
   * Then watch the tables for edits.
   */
  start(): Promise<void> {
    return this.enqueue(async () => {
      const opened = await this.readOnOpen();
      void this.environment.checkCalculationMode();
      if (opened) {
        await this.watchThenCatchUp();
        // Not awaited by the queue's next task: a slow server must not hold up the workbook.
        void this.checkPublished();
      }
    });
  }

  /**
   * Once the tables are read on opening: watch them for edits, and rewrite Facts and Rates if they
   * lag behind (saved so, or an older version's Facts to upgrade), even when the watch could not
   * be set up (found by the workbook property, opening an older workbook).
   */
  private async watchThenCatchUp(): Promise<void> {
    await this.watchEdits();
    await this.catchUpDerived();
  }

  /**
   * Watches Commitments and Rates for edits, tried as often as the start-up read. A last failure is
   * told (edits are then taken in only by Re-read workbook, which tries again): unsaid, the
   * functions would go on answering from tables the user has since changed.
   */
  private async watchEdits(): Promise<void> {
    const attempts = this.deps.startAttempts ?? 3;
    for (let attempt = 1; !this.watching; attempt++) {
      try {
        await this.tables.watchTables(WATCHED, () => this.editsChanged());
        this.watching = true;
      } catch (e) {
        if (attempt >= attempts) {
          this.editUnread = true;
          this.set({
            notice: {
              intent: "warning",
              kind: "edit-unread",
              get message() {
                return messages().editsUnwatched(messageOf(e));
              },
            },
          });
          return;
        }
        await new Promise((r) => setTimeout(r, (this.deps.retryMs ?? 1000) * attempt));
      }
    }
  }

  /**
   * The start-up read, retried: a read can fail while the user is typing in a cell (the port waits
   * for cell editing where it can: Excel.run's delayForCellEdit) or for any passing reason. Until it
   * succeeds the AID cells answer nothing from other data; a last failure is shown in the pane and
   * by every AID cell (AIDVERSION says it). False when it failed.
   */
  private async readOnOpen(): Promise<boolean> {
    const attempts = this.deps.startAttempts ?? 3;
    let last: unknown = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.openWorkbook();
        this.set({ activity: null });
        return true;
      } catch (e) {
        last = e;
        if (attempt < attempts)
          await new Promise((r) => setTimeout(r, (this.deps.retryMs ?? 1000) * attempt));
      }
    }
    this.deps.store.failedWorkbook(messages().asSentence(messageOf(last)));
    this.set({
      activity: null,
      notice: {
        intent: "error",
        get message() {
          return messages().openFailed(attempts, messageOf(last));
        },
      },
    });
    return false;
  }

  private async openWorkbook(): Promise<void> {
    const identity = await this.tables.readIdentity();
    const [commitments] = await this.tables.locateTables([TABLES.commitments.table]);
    if (!commitments) {
      this.deps.store.answerFromHeld();
      this.set({
        identity,
        notice: identity
          ? {
              intent: "warning",
              get message() {
                return messages().commitmentsGone(TABLES.commitments.table);
              },
            }
          : null,
      });
    } else {
      this.deps.store.readingWorkbook();
      this.set({ activity: messages().readingWorkbook });
      void this.deps.setLoadOnOpen?.(true);
      const built = await this.readWorkbookLedger();
      if (!built.ok) {
        this.deps.store.failedWorkbook(messages().openProblems(built.problems.length));
        this.set({ identity, editProblems: built.problems });
      } else if (identity) {
        this.replaceLedger(built.value, identity);
        this.set({ identity, editProblems: [] });
        this.openedFrom = built.value;
      } else {
        // Settings can be lost while the tables survive (sheets copied into another workbook;
        // office-js #360, #2940, #6091): the tables are the data, so use them and say so.
        const restored = this.workbookIdentity(built.value, null);
        this.replaceLedger(built.value, restored);
        await this.tables.writeIdentity(restored);
        this.set({
          identity: restored,
          editProblems: [],
          notice: {
            intent: "info",
            get message() {
              return messages().identityRestored(TABLES.commitments.sheet, restored.records);
            },
          },
        });
      }
    }
  }

  /**
   * For data loaded from a web address: reads the manifest published beside it (aid publish) and
   * says whether a newer edition is there, without downloading the dataset.
   */
  async checkPublished(): Promise<PublishedStatus | null> {
    const source = this.state.identity?.source ?? "";
    if (!source.startsWith("url:")) {
      this.set({ published: null });
      return null;
    }
    const loaded = source.slice("url:".length);
    const fetched = await this.deps.fetchText(siblingAddress(loaded, MANIFEST_FILE));
    let published: PublishedStatus;
    if (!fetched.ok)
      published = {
        comparison: "unknown",
        reason: messages().noManifestBeside(loaded, fetched.reason),
      };
    else {
      const manifest = readPublishedManifest(fetched.text);
      published = manifest.ok
        ? {
            comparison: compareToManifest(this.state.identity!, manifest.value),
            manifest: manifest.value,
            address: siblingAddress(loaded, manifest.value.dataset),
          }
        : {
            comparison: "unknown",
            reason: messages().manifestInvalid(
              loaded,
              manifest.problems.map((p) => messages().problemWhole(p.field, p.message)).join("; ")
            ),
          };
    }
    this.set({ published });
    return published;
  }

  /**
   * Reads and validates a source completely, and says what applying it would change. Writes
   * nothing. A file or an address is validated in steps that let the pane repaint, report
   * progress, and stop when `signal` is aborted (the answer then says "cancelled").
   */
  async prepare(
    source: RefreshSource,
    options: {
      readonly onProgress?: (p: LoadProgress) => void;
      readonly signal?: CancelSignal;
    } = {}
  ): Promise<Checked<PreparedRefresh>> {
    let build: () => Promise<Checked<AidLedger>>;
    let label: string;
    let version: string;
    if (source.kind === "bundled") {
      const rows = this.deps.bundledRows();
      build = () => Promise.resolve(createLedger({ rows, reference: this.deps.reference }));
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
      build = () =>
        loadDatasetTextAsync(text, this.deps.reference, {
          fileName: version,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
    }
    // Edits still settling belong to the base: read them first, so the diff is against them.
    await this.flushEdits();
    const base = this.version;
    const current = this.deps.store.current();
    const first = await build();
    if (!first.ok) return first;
    const built = await this.withTypedRates(first.value, current);
    if (!built.ok) return built;
    const records = built.value.records.map((r) => r.record);
    if (source.kind === "url") {
      const refused = await checkAgainstManifest(this.deps.fetchText, source.url, version, records);
      if (refused) return { ok: false, problems: [refused] };
    }
    const identity: DatasetIdentity = {
      source: label,
      version,
      contentHash: contentHash(records),
      loadedAt: this.now(),
      records: records.length,
    };
    const diff = diffDatasets(
      current.records.map((r) => r.record),
      records
    );
    const fixedAddresses = await this.fixedAddressesIn(built.value, diff);
    const lostUserValues = await this.lostUserValuesIn(built.value);
    const replaced = await this.replacedEditsIn(current, built.value);
    return {
      ok: true,
      value: {
        ledger: built.value,
        identity,
        base,
        diff,
        fixedAddresses,
        lostUserValues,
        replacedEdits: replaced,
      },
    };
  }

  /**
   * The new ledger with the rates the user typed in the Rates table, as typed. A write rewrites
   * Rates, so a typed rate the new data cannot take (one with a problem, taken in or not) refuses
   * the load, naming its row: it would otherwise be deleted unseen. Without a Rates table, the
   * rates taken in before that still apply.
   */
  private async withTypedRates(first: AidLedger, current: AidLedger): Promise<Checked<AidLedger>> {
    const table = await this.tables.readTable(TABLES.rates.table);
    if (!table) return withCarriedRates(first, current.userRates, this.deps.reference);
    const typed = readUserRates(table);
    if (!typed.ok) return typed;
    if (typed.value.rates.length === 0) return { ok: true, value: first };
    const built = buildLedger(
      first.records.map((r) => r.record),
      this.deps.reference,
      typed.value.rates
    );
    if (built.ok) return built;
    return {
      ok: false,
      problems: onRatesRows(built.problems, typed.value.lines).map((p) => ({
        row: 0,
        field: p.field,
        get message() {
          return messages().typedRateRefused(
            TABLES.rates.sheet,
            p.line ?? 0,
            p.field.slice(TABLES.rates.sheet.length + 1),
            p.message
          );
        },
      })),
    };
  }

  /**
   * While the user's edits of Commitments have problems (or are not watched, or could not be read),
   * the ledger (and so the diff) is the data as last accepted, not what the table holds: the edits the write would replace are read from the
   * table itself, so the review names each one rather than let Apply overwrite it unseen. A failed
   * read fails the check, as for lost values.
   */
  private async replacedEditsIn(
    current: AidLedger,
    next: AidLedger
  ): Promise<readonly ReplacedEdit[]> {
    // Otherwise every edit is taken in as it is made, and the table is the ledger.
    if (this.state.editProblems.length === 0 && this.watching && !this.editUnread) return [];
    const table = await this.tables.readTable(TABLES.commitments.table);
    if (!table) return [];
    return replacedEdits(
      commitmentsTable(current),
      commitmentsTable(next),
      table.header.map((h) => h.trim()),
      table.rows
    );
  }

  /**
   * The user's values the write would delete with their records' rows, read with the same
   * alignment the write makes. A failed read fails the check (the pane says why): a review that
   * left them out would let Apply delete them unannounced.
   */
  private async lostUserValuesIn(ledger: AidLedger): Promise<readonly LostUserValue[]> {
    return (await this.tables.previewLostUserValues?.(ledgerTables(ledger))) ?? [];
  }

  /**
   * The user's formulas that will miss rows this refresh appends: one read of the workbook's
   * formulas, only when records are added (each appends rows to Commitments and Facts; Rates grows
   * when it gets more rows).
   */
  private async fixedAddressesIn(ledger: AidLedger, diff: DatasetDiff): Promise<FixedAddressCheck> {
    if (diff.added.length === 0) return { kind: "checked", found: [] };
    try {
      const { formulas, tables } = await this.tables.readWorkbookFormulas(OWNED);
      const growing = tables.filter(
        (t) => t.table !== TABLES.rates.table || ratesTable(ledger).rows.length > t.rows
      );
      return { kind: "checked", found: findFixedAddressReferences(formulas, growing) };
    } catch (e) {
      return { kind: "failed", reason: messageOf(e) };
    }
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  /**
   * Writes a prepared dataset's tables (all or nothing), then, and only then, switches the
   * functions to it and refreshes (or adds) the Summary PivotTable. Refused when the workbook's data
   * changed since the diff was made, and, unless `createMissing`, when tables the workbook held are gone.
   */
  apply(
    prepared: PreparedRefresh,
    onProgress?: (p: WriteProgress) => void,
    options: { readonly createMissing?: boolean } = {}
  ): Promise<ApplyResult> {
    return this.enqueue(async () => {
      if (!sameVersion(prepared.base, this.version))
        return {
          ok: false,
          state: "unchanged",
          get message() {
            return messages().dataChangedSinceCheck;
          },
        };
      if (!options.createMissing && this.state.identity) {
        const found = await this.tables.locateTables(OWNED);
        const missing = OWNED.filter((_, i) => !found[i]);
        if (missing.length > 0) return { ok: false, missing, prepared, state: "unchanged" };
      }
      // A warning that Facts or an edit lag behind stays until a write has brought them up to date.
      this.set({ busy: true, notice: this.lagging() ? this.state.notice : null });
      const edits = this.version.edits;
      try {
        const report = await this.tables.writeTables(
          ledgerTables(prepared.ledger),
          prepared.identity,
          { onProgress, beforeCommit: () => this.version.edits === edits }
        );
        this.replaceLedger(prepared.ledger, prepared.identity);
        this.derivedStale = false;
        this.set({
          identity: prepared.identity,
          editProblems: [],
          published: null,
          ...(this.lagging() ? { notice: null } : {}),
        });
        void this.deps.setLoadOnOpen?.(true);
        // After a failed opening nothing watches the tables yet: the data just written is the user's
        // to edit from now on (found by the workbook property).
        await this.watchEdits();
        if (prepared.identity.source.startsWith("url:")) void this.checkPublished();
        const { pivot, chart } = await refreshSummary(this.tables, prepared.ledger);
        return { ok: true, pivot, chart, report };
      } catch (e) {
        const state = e instanceof WorkbookWriteError ? e.state : "partial";
        // Some tables may be new and others old: the read that follows takes Commitments in, and
        // Facts and Rates are rewritten from it even when it holds nothing new (found by the
        // workbook property: a write and its rollback failing, then Re-read workbook).
        if (state === "partial") {
          this.derivedStale = true;
          void this.queueIntake();
        }
        return { ok: false, state, message: messageOf(e) };
      } finally {
        this.set({ busy: false });
      }
    });
  }

  /**
   * "Load data": the bundled dataset. Written at once into a workbook without tables, or whose
   * tables hold the same records; otherwise the pane is given the diff to confirm first, as for a
   * refresh, so Load never discards the user's edits without asking.
   */
  async load(onProgress?: (p: WriteProgress) => void): Promise<ApplyResult> {
    const prepared = await this.prepare({ kind: "bundled" });
    if (!prepared.ok)
      return {
        ok: false,
        state: "unchanged",
        message: prepared.problems.map((p) => p.message).join("; "),
      };
    const [commitments] = await this.enqueue(() =>
      this.tables.locateTables([TABLES.commitments.table])
    );
    const { diff, replacedEdits: replaced } = prepared.value;
    if (commitments && (!isEmptyDiff(diff) || replaced.length > 0))
      return { ok: false, review: prepared.value, state: "unchanged" };
    return this.apply(prepared.value, onProgress);
  }

  /** An edit event: counted at once (a prepared refresh is now stale), read once edits settle. */
  private editsChanged(): void {
    this.version = { ...this.version, edits: this.version.edits + 1 };
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      void this.queueIntake();
    }, this.deps.settleMs ?? 300);
  }

  /**
   * Resolves once nothing is queued or settling: every edit event so far is taken in and the derived
   * tables are rewritten. For tests and the workbench; edits still settling are read at once.
   */
  async idle(): Promise<void> {
    for (;;) {
      const tail = this.tail;
      await tail;
      if (this.settleTimer) await this.flushEdits();
      else if (tail === this.tail) return;
    }
  }

  /** Reads edits that are still settling now rather than later. */
  private async flushEdits(): Promise<void> {
    // An edit whose read failed is read again first: a load or refresh diffed against the data
    // before it would write over the user's edit unseen.
    if (!this.settleTimer && !this.editUnread) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    await this.queueIntake();
  }

  /**
   * One read of the workbook after everything queued: a read already waiting to run is shared
   * (it will read what is there when it runs), so a burst of events costs one read.
   */
  private queueIntake(): Promise<void> {
    if (this.intakeQueued) return this.intakeQueued;
    const queued = this.enqueue(async () => {
      this.intakeQueued = null;
      // No one awaits an event's read: a failure is told here, or the functions would answer from
      // data the tables no longer hold with nothing said.
      await this.intake().catch((e: unknown) => {
        this.editUnread = true;
        this.set({
          notice: {
            intent: "warning",
            kind: "edit-unread",
            get message() {
              return messages().editUnread(messageOf(e));
            },
          },
        });
      });
    });
    this.intakeQueued = queued;
    return queued;
  }

  /**
   * "Re-read workbook": takes in the tables as they are now, for edits the events missed (after a
   * failed start-up read, reads the workbook as on opening), and says what it found.
   */
  async reread(): Promise<string> {
    if (this.deps.store.readiness().state === "failed") {
      const opened = await this.enqueue(() => this.readOnOpen());
      if (!opened) return this.state.notice?.message ?? messages().workbookNotRead;
      await this.enqueue(() => this.watchThenCatchUp());
      return messages().reopened(describeContents(this.deps.store.current()));
    }
    const found = await this.enqueue(async () => {
      await this.watchEdits();
      return this.intake();
    });
    const holds = describeContents(this.deps.store.current());
    return messages().reread(
      found === "missing"
        ? { kind: found, table: TABLES.commitments.table }
        : found === "problems"
          ? { kind: found, problems: this.state.editProblems.length }
          : { kind: found },
      holds
    );
  }

  private async intake(): Promise<"unchanged" | "changed" | "problems" | "missing"> {
    const built = await this.readWorkbookLedger();
    // Unwatched, the tables may change again unseen: the warning that says so stays.
    if (this.watching) {
      this.editUnread = false;
      if (this.state.notice?.kind === "edit-unread") this.set({ notice: null });
    }
    if (!built.ok) {
      this.set({ editProblems: built.problems });
      return built.problems.some((p) => p.field === TABLES.commitments.table)
        ? "missing"
        : "problems";
    }
    const records = built.value.records.map((r) => r.record);
    const before = this.state.identity;
    const unchanged =
      before?.contentHash === contentHash(records) &&
      sameRates(this.deps.store.current().userRates, built.value.userRates);
    if (unchanged) {
      this.set({ editProblems: [] });
      await this.catchUpAfterFailure();
      return "unchanged";
    }
    const identity = this.workbookIdentity(built.value, before);
    this.replaceLedger(built.value, identity);
    // The functions answer from the edit now; the derived write below saves the identity too, so a
    // failure here must not stop Facts and Rates from following (that write tells its own failure).
    await this.tables.writeIdentity(identity).catch(() => undefined);
    this.set({ identity, editProblems: [] });
    await this.rebuildDerived(built.value, identity);
    return "changed";
  }

  /**
   * After an accepted edit of Commitments or Rates: Facts, the derived rows of Rates and the Summary
   * (PivotTable refreshed, chart block rewritten) are rewritten from the ledger the functions now
   * answer from, through the same writer as a load, so a SUMIFS or PivotTable over AidFacts agrees
   * with the AID cells whenever the session is idle. Commitments is the user's own: not rewritten.
   * An edit made while this runs stops the write before its commit; the intake that follows it
   * rebuilds again.
   */
  private async rebuildDerived(ledger: AidLedger, identity: DatasetIdentity): Promise<void> {
    const edits = this.version.edits;
    this.set({ busy: true, activity: messages().derivedActivity });
    try {
      await this.tables.writeTables(
        ledgerTables(ledger).filter((t) => t.table !== TABLES.commitments.table),
        identity,
        { beforeCommit: () => this.version.edits === edits }
      );
      this.derivedStale = false;
      const summary = await refreshSummary(this.tables, ledger);
      const failed = [summary.pivot, summary.chart].flatMap((r) =>
        r.created || r.unsupported ? [] : [r.reason]
      );
      // Facts and Rates follow the edit but the Summary does not: said, and Re-read tries again.
      if (failed.length > 0) {
        this.derivedStale = true;
        this.set({
          notice: {
            intent: "warning",
            kind: "derived-failed",
            get message() {
              return messages().derivedSummaryFailed(failed.join("; "));
            },
          },
        });
      } else if (this.state.notice?.kind === "derived-failed") this.set({ notice: null });
    } catch (e) {
      // A newer edit stopped it: the intake queued for that edit rebuilds from the newer data.
      if (
        e instanceof WorkbookWriteError &&
        e.state === "unchanged" &&
        this.version.edits !== edits
      )
        return;
      this.derivedStale = true;
      this.set({
        notice: {
          intent: "warning",
          kind: "derived-failed",
          get message() {
            return messages().derivedFailed(messageOf(e));
          },
        },
      });
    } finally {
      this.set({ busy: false, activity: null });
    }
  }

  /**
   * On opening: a workbook saved while Facts or Rates lagged behind an edit (their rewrite failed,
   * and the runtime that said so is gone) has them rewritten now, so SUMIFS and the AID cells agree
   * again. Tables that already agree are only read.
   */
  private async catchUpDerived(): Promise<void> {
    const ledger = this.openedFrom;
    this.openedFrom = null;
    const identity = this.state.identity;
    if (!ledger || !identity) return;
    const agree = await derivedAgree(this.tables, ledger).catch(() => false);
    if (!agree) await this.rebuildDerived(ledger, identity);
  }

  /** Whether the notice says the derived tables or the functions lag behind the tables. */
  private lagging(): boolean {
    const kind = this.state.notice?.kind;
    return kind === "derived-failed" || kind === "edit-unread";
  }

  /**
   * After a failed rewrite of Facts and Rates, a later read of the workbook that finds nothing new
   * (an edit undone, Re-read workbook) rewrites them from the ledger the functions answer from: the
   * warning that said so may have been replaced since. Not while edits have problems: a rewrite of
   * Rates then would drop the user's rows not taken in.
   */
  private async catchUpAfterFailure(): Promise<void> {
    const identity = this.state.identity;
    if (this.derivedStale && identity)
      await this.rebuildDerived(this.deps.store.current(), identity);
  }

  /** The identity of data taken from the workbook's own tables. */
  private workbookIdentity(ledger: AidLedger, before: DatasetIdentity | null): DatasetIdentity {
    const records = ledger.records.map((r) => r.record);
    return {
      source: "workbook",
      version: before?.version ?? this.deps.version,
      contentHash: contentHash(records),
      loadedAt: this.now(),
      records: records.length,
    };
  }

  /** The workbook's own data: Commitments and the user's rows of Rates, validated together. */
  async readWorkbookLedger(): Promise<Checked<AidLedger>> {
    const [commitments, rates] = await Promise.all([
      this.tables.readTable(TABLES.commitments.table),
      this.tables.readTable(TABLES.rates.table),
    ]);
    if (!commitments)
      return {
        ok: false,
        problems: [
          {
            row: 0,
            field: TABLES.commitments.table,
            get message() {
              return messages().commitmentsTableMissing(TABLES.commitments.sheet);
            },
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
    return { ok: false, problems: onRatesRows(built.problems, userRates.value.lines) };
  }
}

/**
 * The new ledger with the current user rates that still apply (those for documents in the new
 * data that state no pair of their own), built from its already validated records.
 */
function withCarriedRates(
  first: AidLedger,
  current: readonly UserRate[],
  reference: ReferenceData
): Checked<AidLedger> {
  const open = new Set(
    first.rates.documents.filter((d) => d.basis === "none").map((d) => d.document)
  );
  const carried = current.filter((u) => open.has(u.document));
  if (carried.length === 0) return { ok: true, value: first };
  return buildLedger(
    first.records.map((r) => r.record),
    reference,
    carried
  );
}

/**
 * Problems in user rates are numbered by rate: name their sheet rows and columns in the Rates
 * table instead (`lines` holds each rate's sheet row).
 */
function onRatesRows(problems: readonly Problem[], lines: readonly number[]): Problem[] {
  return problems.map((p) =>
    p.field === "document" || p.field === "jpyPerUsd"
      ? {
          ...p,
          line: lines[p.row - 1],
          field: `${TABLES.rates.sheet}.${p.field === "document" ? "Document" : "JpyPerUsd"}`,
        }
      : p
  );
}

function sameVersion(a: DataVersion, b: DataVersion): boolean {
  return a.ledger === b.ledger && a.edits === b.edits;
}

function sameRates(a: readonly UserRate[], b: readonly UserRate[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
