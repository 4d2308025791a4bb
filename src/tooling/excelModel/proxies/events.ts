/** Event registration: `onChanged.add` and the EventHandlerResult that removes it. */
import { ModelError } from "../errors";
import type { EventKind, HandlerRecord, ModelContext } from "../requestContext";

/** office.js's EventHandlerResult: remove() queues the removal (sync to apply). */
export class EventHandlerResult {
  constructor(
    readonly context: ModelContext,
    private readonly record: HandlerRecord
  ) {}
  remove(): void {
    this.context.queue({
      location: "EventHandlerResult.remove",
      describe: () => `EventHandlerResult.remove ${this.record.kind}`,
      payload: 0,
      run: () => {
        this.record.removed = true;
      },
    });
  }
}

export class EventSource {
  constructor(
    private readonly context: ModelContext,
    private readonly kind: EventKind,
    private readonly requirement: [string, string],
    private readonly tableId?: () => string
  ) {}
  add(handler: (args: unknown) => unknown): EventHandlerResult {
    const record: HandlerRecord = { kind: this.kind, handler, removed: false };
    const result = new EventHandlerResult(this.context, record);
    this.context.queue({
      location: `${this.kind}.add`,
      describe: () => `Event ${this.kind}.add`,
      payload: 0,
      run: () => {
        if (!this.context.host.supports(...this.requirement))
          throw new ModelError("ApiNotFound", `This event needs ${this.requirement.join(" ")}.`);
        const withTable = this.tableId ? { ...record, tableId: this.tableId() } : record;
        // Same object for remove(): copy the table id onto the record itself.
        Object.assign(record, withTable);
        this.context.host.register(record);
      },
    });
    return result;
  }
}
