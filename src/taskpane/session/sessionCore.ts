import type { SessionNotice, SessionState } from "./sessionTypes";

/**
 * The session's state, its listeners and its one queue, shared by its parts: every read and
 * write of the workbook goes through the queue, so they never overlap.
 */
export class SessionCore {
  protected state: SessionState = {
    identity: null,
    editProblems: [],
    busy: false,
    notice: null,
    published: null,
    activity: null,
    calculationMode: null,
  };
  private readonly listeners = new Set<(s: SessionState) => void>();
  protected tail: Promise<unknown> = Promise.resolve();

  get snapshot(): SessionState {
    return this.state;
  }

  /** Shows a notice in the pane (e.g. a requirement set this Excel lacks). */
  announce(notice: SessionNotice): void {
    this.set({ notice });
  }

  subscribe(listener: (s: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Runs a task after every task queued before it, whatever their outcome. */
  protected enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
