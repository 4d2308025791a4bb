import type { AidLedger } from "./ledger";
import { messages } from "./messages/catalog";
import { describeContents, describeDataStatus } from "./status/dataStatus";

/**
 * Whether the functions may answer. "waiting": it is not yet known whether the workbook holds Aid
 * Ledger tables, so no answer is given (Excel shows the cell as busy); "reading": it does, and they
 * are being read (cells show #N/A with the message); "failed": reading them failed (cells show
 * #N/A with the reason, AIDVERSION says it); "ready": answer from the current ledger.
 */
export type LedgerReadiness =
  | { readonly state: "ready" }
  | { readonly state: "waiting" }
  | { readonly state: "reading" | "failed"; readonly message: string };

/**
 * Holds the ledger the functions answer from, and the one-line status of where it came from
 * (what AIDVERSION returns). A refresh replaces both in one assignment, after the new data is
 * validated and written, so no answer ever sees half of a dataset.
 */
export class LedgerStore {
  private ledger: AidLedger | undefined;
  /** The status given with the last replace; null when replaced without one; undefined before any. */
  private statusText: string | null | undefined;
  private readonly listeners = new Set<(ledger: AidLedger) => void>();
  private ready: LedgerReadiness;

  /**
   * `waiting`: start without answering until the workbook is known (a runtime that opens with a
   * workbook, whose tables must be read before any answer; office-js #2220).
   */
  constructor(
    private readonly load: () => AidLedger,
    options: { readonly waiting?: boolean } = {}
  ) {
    this.ready = options.waiting ? { state: "waiting" } : { state: "ready" };
  }

  /** Whether the functions may answer now (see LedgerReadiness). */
  readiness(): LedgerReadiness {
    return this.ready;
  }

  /** Not yet known whether the workbook holds tables (a reopened workbook): answers wait. */
  awaitWorkbook(): void {
    this.setReadiness({ state: "waiting" });
  }

  /** The workbook holds Aid Ledger tables: no answer until they are read (replace ends it). */
  readingWorkbook(): void {
    this.setReadiness({ state: "reading", message: messages().readingWorkbook });
  }

  /** Reading the workbook's tables failed: the cells say so instead of answering from other data. */
  failedWorkbook(reason: string): void {
    this.setReadiness({
      state: "failed",
      message: messages().workbookReadFailed(reason),
    });
  }

  /** The workbook holds no Aid Ledger tables: answer from the ledger held (the bundled data). */
  answerFromHeld(): void {
    this.setReadiness({ state: "ready" });
  }

  private setReadiness(next: LedgerReadiness): void {
    if (JSON.stringify(next) === JSON.stringify(this.ready)) return;
    this.ready = next;
    if (this.listeners.size === 0) return;
    const ledger = this.current();
    for (const listener of this.listeners) listener(ledger);
  }

  /** The current ledger; the first call loads it (so start-up does no work until a function runs). */
  current(): AidLedger {
    this.ledger ??= this.load();
    return this.ledger;
  }

  /**
   * Swaps in a new ledger. `status` says where it came from (see describeDataStatus); without one,
   * the status names only what it holds ("33 records from 2 reports"), never a wrong origin.
   */
  replace(ledger: AidLedger, status?: string): void {
    this.ledger = ledger;
    this.ready = { state: "ready" };
    this.statusText = status ?? null;
    for (const listener of this.listeners) listener(ledger);
  }

  /**
   * Where the current ledger came from, in one line. Until a replace, the bundled dataset's
   * description ("Bundled data, 33 records from 2 reports (not yet loaded into this workbook)").
   */
  status(): string {
    if (this.ready.state === "reading" || this.ready.state === "failed") return this.ready.message;
    if (this.statusText === undefined) return describeDataStatus(null, this.current());
    return this.statusText ?? describeContents(this.current());
  }

  subscribe(listener: (ledger: AidLedger) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
