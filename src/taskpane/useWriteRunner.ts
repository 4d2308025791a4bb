import { useCallback, useState } from "react";
import type { ChartResult, PivotResult, WriteProgress } from "../domain";
import { messageOf, messages } from "../domain";
import type { ApplyResult, PreparedRefresh } from "./session/ledgerSession";

/** Which button started a write: "Load data" or "Apply changes". */
export type WriteAction = "load" | "refresh";

/** How a write ended, as the pane reports it. */
export type WriteOutcome =
  | {
      readonly ok: true;
      readonly action: WriteAction;
      readonly pivot: PivotResult;
      readonly chart?: ChartResult;
    }
  | { readonly ok: false; readonly action: WriteAction; readonly message: string }
  /** Load data found the workbook's tables differ from the bundled data: confirm the diff first. */
  | { readonly ok: false; readonly action: WriteAction; readonly review: PreparedRefresh }
  /** Tables the workbook held are gone: confirm before they are created again. */
  | {
      readonly ok: false;
      readonly action: WriteAction;
      readonly missing: readonly string[];
      readonly prepared: PreparedRefresh;
    };

export interface WriteRunner {
  /** The write under way, or null. */
  readonly running: WriteAction | null;
  /** The last progress report of the write under way; null before the first. */
  readonly progress: WriteProgress | null;
  readonly outcome: WriteOutcome | null;
  /** Runs a write, tracking its progress; resolves true when the tables were written. Never rejects. */
  /** Forgets the last outcome (a new action starts, or the user dismissed it). */
  clear(): void;
  run(
    action: WriteAction,
    write: (onProgress: (p: WriteProgress) => void) => Promise<ApplyResult>
  ): Promise<boolean>;
}

/**
 * Runs the session's writes (load, apply) one at a time for the Data tab: progress while it runs,
 * then the outcome. A rejected write (the workbook cannot be reached) becomes an outcome too.
 */
export function useWriteRunner(): WriteRunner {
  const [running, setRunning] = useState<WriteAction | null>(null);
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const run = useCallback<WriteRunner["run"]>(async (action, write) => {
    setRunning(action);
    setProgress(null);
    setOutcome(null);
    try {
      const result = await write(setProgress);
      setOutcome(outcomeOf(action, result));
      return result.ok;
    } catch (e) {
      setOutcome({
        ok: false,
        action,
        get message() {
          return messages().writeFailed(action === "load" ? "load" : "apply", messageOf(e));
        },
      });
      return false;
    } finally {
      setRunning(null);
    }
  }, []);
  const clear = useCallback(() => setOutcome(null), []);
  return { running, progress, outcome, run, clear };
}

function outcomeOf(action: WriteAction, result: ApplyResult): WriteOutcome {
  if (result.ok) return { ok: true, action, pivot: result.pivot, chart: result.chart };
  if ("review" in result) return { ok: false, action, review: result.review };
  if ("missing" in result)
    return { ok: false, action, missing: result.missing, prepared: result.prepared };
  return { ok: false, action, message: result.message };
}
