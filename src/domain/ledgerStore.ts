import type { AidLedger } from "./ledger";

/**
 * Holds the ledger the functions answer from. A refresh replaces it in one assignment, after the
 * new data is validated and written, so no answer ever sees half of a dataset.
 */
export class LedgerStore {
  private ledger: AidLedger | undefined;
  private readonly listeners = new Set<(ledger: AidLedger) => void>();

  constructor(private readonly load: () => AidLedger) {}

  /** The current ledger; the first call loads it (so start-up does no work until a function runs). */
  current(): AidLedger {
    this.ledger ??= this.load();
    return this.ledger;
  }

  replace(ledger: AidLedger): void {
    this.ledger = ledger;
    for (const listener of this.listeners) listener(ledger);
  }

  subscribe(listener: (ledger: AidLedger) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
