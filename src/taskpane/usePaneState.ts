import { useCallback, useSyncExternalStore } from "react";
import type { AidLedger, LedgerStore } from "../domain";
import type { DataActions } from "./paneActions";
import type { SessionState } from "./session/ledgerSession";

/** The ledger the functions answer from; re-renders when a load, refresh or edit replaces it. */
export function useLedger(store: LedgerStore): AidLedger {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stop = store.subscribe(onChange);
      return () => void stop();
    },
    [store]
  );
  const current = useCallback(() => store.current(), [store]);
  return useSyncExternalStore(subscribe, current);
}

/** What the workbook holds, the problems in the user's edits, and whether a write is running. */
export function useSessionState(
  session: Pick<DataActions, "snapshot" | "subscribe">
): SessionState {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stop = session.subscribe(onChange);
      return () => void stop();
    },
    [session]
  );
  const current = useCallback(() => session.snapshot, [session]);
  return useSyncExternalStore(subscribe, current);
}
