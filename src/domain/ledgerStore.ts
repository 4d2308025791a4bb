import type { AidLedger } from "./ledger";
import { describeContents, describeDataStatus } from "./status/dataStatus";

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

  constructor(private readonly load: () => AidLedger) {}

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
    this.statusText = status ?? null;
    for (const listener of this.listeners) listener(ledger);
  }

  /**
   * Where the current ledger came from, in one line. Until a replace, the bundled dataset's
   * description ("Bundled data, 33 records from 2 reports (not yet loaded into this workbook)").
   */
  status(): string {
    if (this.statusText === undefined) return describeDataStatus(null, this.current());
    return this.statusText ?? describeContents(this.current());
  }

  subscribe(listener: (ledger: AidLedger) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
