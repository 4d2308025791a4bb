import { messageOf, messages } from "../domain";

/**
 * Failures that happen outside any control of the pane, such as the session's start when the
 * workbook cannot be reached (no Excel in a plain browser). The entry reports them here and the
 * pane lists them (PaneErrors), so they are shown rather than lost in an unhandled rejection.
 */
let errors: readonly string[] = [];
const listeners = new Set<() => void>();

/** Adds "<what>: <message>" to the pane's list of errors. */
export function reportPaneError(what: string, error: unknown): void {
  errors = [...errors, messages().paneError(what, messageOf(error))];
  for (const listener of listeners) listener();
}

export function paneErrors(): readonly string[] {
  return errors;
}

export function clearPaneErrors(): void {
  errors = [];
  for (const listener of listeners) listener();
}

export function subscribePaneErrors(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
