/** The base every proxy shares: a lazily bound target, loaded properties, queued writes and calls. */
import { MESSAGES, ModelError, propertyNotLoaded } from "../errors";
import type { ModelContext } from "../requestContext";

/** Text of a written scalar (an object would be a caller's bug: shown as JSON, not "[object Object]"). */
export function scalarText(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

export const size = (value: unknown) => (value === undefined ? 0 : JSON.stringify(value).length);

export type Resolver<T> = () => T | null;

/** The base of every proxy: lazily bound target, loaded properties, isNullObject. */
export abstract class ClientObject<T> {
  private bound: { value: T | null } | null = null;
  protected readonly loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(
    readonly context: ModelContext,
    protected readonly cls: string,
    private readonly resolver: Resolver<T>,
    private readonly orNull = false
  ) {}

  /** Queues the instantiation of this proxy ("WorksheetCollection.getItem"...), where its errors surface. */
  instantiate(location: string, describe: () => string, payload = 0): this {
    this.context.queue({
      location,
      describe: () => `${location} ${describe().trim()}`.trim(),
      payload,
      run: () => {
        this.bind();
      },
    });
    return this;
  }

  private bind(): T | null {
    // Measuring a response before the sync runs: resolve without remembering or failing.
    if (this.context.dryRun) return this.bound ? this.bound.value : this.resolver();
    if (!this.bound) {
      const value = this.resolver();
      this.bound = { value };
      if (this.orNull) this.nullObject = value === null;
      if (value === null && !this.orNull)
        throw new ModelError("ItemNotFound", MESSAGES.itemNotFound);
    }
    return this.bound.value;
  }

  /** The object, at execution time; a null object or a deleted one fails the request. */
  target(): T {
    const value = this.bind();
    if (value === null) throw new ModelError("ItemNotFound", MESSAGES.itemNotFound);
    if (!this.alive(value))
      throw new ModelError("ItemNotFound", `The ${this.cls} no longer exists.`);
    return value;
  }

  /** Whether the bound object still exists (a deleted sheet or table does not). */
  protected alive(_value: T): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) {
      if (!this.orNull) return false;
      throw propertyNotLoaded("isNullObject");
    }
    return this.nullObject;
  }

  /** The names of the scalar properties `load()` with no argument loads. */
  protected abstract properties(): readonly string[];
  /** A property's current value in the workbook. */
  protected abstract read(target: T, property: string): unknown;

  load(what?: string | string[] | { select?: string | string[] }): this {
    const names = propertyList(what) ?? this.properties();
    const wanted = names.filter((n) => this.properties().includes(n));
    const unknown = names.filter((n) => !this.properties().includes(n) && !n.includes("/"));
    if (unknown.length > 0)
      throw new ModelError(
        "InvalidArgument",
        `${this.cls} has no loadable property ${unknown.join(", ")} in the model.`
      );
    this.context.queue({
      location: `${this.cls}.load`,
      describe: () => `${this.cls}.load ${wanted.join(",")}${this.where()}`,
      payload: 0,
      run: () => {
        const t = this.bind();
        if (t === null) return; // a null object loads nothing
        if (!this.alive(t))
          throw new ModelError("ItemNotFound", `The ${this.cls} no longer exists.`);
        for (const name of wanted) this.loaded.set(name, this.read(t, name));
      },
      response: () => {
        this.context.dryRun = true;
        try {
          const t = this.bind();
          return t === null ? 0 : wanted.reduce((n, name) => n + size(this.read(t, name)), 0);
        } catch {
          return 0; // not measurable before the sync (it depends on a request not yet run)
        } finally {
          this.context.dryRun = false;
        }
      },
    });
    return this;
  }

  /** " Facts!A1:B2" for a range, in request descriptions. */
  protected where(): string {
    return "";
  }

  protected get<V>(property: string): V {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as V;
  }

  /** Queues a property write. */
  protected set(property: string, value: unknown, apply: (target: T) => void): void {
    this.context.queue({
      location: `${this.cls}.${property}`,
      // "Range.values = Facts!A2:P100" for blocks; "Worksheet.name = \"Facts\" (Facts~new)" for a scalar.
      describe: () =>
        Array.isArray(value)
          ? `${this.cls}.${property} =${this.where()}`
          : `${this.cls}.${property} = ${JSON.stringify(value)} (${this.where().trim()})`,
      payload: size(value),
      run: () => apply(this.target()),
    });
  }

  /** Queues a method call. */
  protected call(method: string, args: unknown[], apply: (target: T) => void): void {
    this.context.queue({
      location: `${this.cls}.${method}`,
      describe: () => `${this.cls}.${method}${this.where()}`,
      payload: size(args),
      run: () => apply(this.target()),
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** Inside a collection's load: binds and reads the properties at once (items/name style or plain names). */
  loadNow(what: unknown): void {
    const list = propertyList(what as string | string[] | undefined);
    const names = (list ?? [...this.properties()])
      .map((n) => (n.startsWith("items/") ? n.slice(6) : n))
      .filter((n) => this.properties().includes(n));
    const chosen = names.length > 0 ? names : [...this.properties()];
    const t = this.target();
    for (const name of chosen) this.loaded.set(name, this.read(t, name));
  }
}

function propertyList(what?: string | string[] | { select?: string | string[] }): string[] | null {
  if (what === undefined) return null;
  const raw = typeof what === "string" || Array.isArray(what) ? what : what.select;
  if (raw === undefined) return null;
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A result of a method, readable after the sync (getCount). */
export class ClientResult<V> {
  private set = false;
  private v: V | undefined;
  resolve(value: V): void {
    this.v = value;
    this.set = true;
  }
  get value(): V {
    if (!this.set) throw propertyNotLoaded("value");
    return this.v as V;
  }
}
