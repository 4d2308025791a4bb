import { propertyNotLoaded } from "../errors";
import type { ModelContext } from "../requestContext";
import { ClientObject, type Resolver, size } from "./clientObject";

class SettingProxy extends ClientObject<{ key: string }> {
  constructor(context: ModelContext, resolver: Resolver<{ key: string }>, orNull = false) {
    super(context, "Setting", resolver, orNull);
  }
  protected properties(): readonly string[] {
    return ["key", "value"];
  }
  protected read(t: { key: string }, property: string): unknown {
    if (property === "key") return t.key;
    if (property === "value") return structuredClone(this.context.host.state.settings.get(t.key));
    return undefined;
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.set("value", v, (t) => this.context.host.state.settings.set(t.key, structuredClone(v)));
  }
  delete(): void {
    this.call("delete", [], (t) => this.context.host.state.settings.delete(t.key));
  }
}

/**
 * workbook.settings (ExcelApi 1.4): stored in the workbook file, per add-in
 * (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings).
 */
export class SettingCollectionProxy {
  constructor(readonly context: ModelContext) {}
  private items_: SettingProxy[] | null = null;
  get items(): SettingProxy[] {
    if (!this.items_) throw propertyNotLoaded("items");
    return this.items_;
  }
  load(what?: unknown): this {
    this.context.queue({
      location: "SettingCollection.load",
      describe: () => "SettingCollection.load items",
      payload: 0,
      run: () => {
        this.items_ = [...this.context.host.state.settings.keys()].map((key) => {
          const p = new SettingProxy(this.context, () => ({ key }));
          p.loadNow(what);
          return p;
        });
      },
    });
    return this;
  }
  private find(key: string): { key: string } | null {
    return this.context.host.state.settings.has(key) ? { key } : null;
  }
  add(key: string, value: unknown): SettingProxy {
    return new SettingProxy(this.context, () => {
      this.context.noSideEffectsInDryRun();
      this.context.requireSet("ExcelApi", "1.4", "SettingCollection.add");
      this.context.host.state.settings.set(key, structuredClone(value));
      return { key };
    }).instantiate("SettingCollection.add", () => key, size([key, value]));
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, () => this.find(key)).instantiate(
      "SettingCollection.getItem",
      () => key
    );
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, () => this.find(key), true).instantiate(
      "SettingCollection.getItemOrNullObject",
      () => key
    );
  }
}
