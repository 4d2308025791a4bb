import * as fs from "fs";
import * as path from "path";
import { ROOT, type XmlElement, children, descendants, parseXml, pngSize, text } from "./helpers";

/*
 * Microsoft's validator needs the internet (npm run validate), so the manifest is checked here,
 * offline, against what the shared-runtime samples declare and what Office requires.
 */

const DEV_ORIGIN = "https://localhost:3000";
let app: XmlElement;
/** Resource id -> its DefaultValue, per resource kind. */
let images: Map<string, string>;
let urls: Map<string, string>;
let shortStrings: Map<string, string>;
let longStrings: Map<string, string>;

const first = (element: XmlElement, ...path: string[]): XmlElement => {
  let current = element;
  for (const name of path) {
    const next = children(current, name)[0];
    if (!next) throw new Error(`no <${name}> in <${path.join("> <")}>`);
    current = next;
  }
  return current;
};
const attr = (element: XmlElement, name: string): string | undefined => element.$?.[name];
const byType = (type: string) =>
  descendants(app, "ExtensionPoint").filter((e) => attr(e, "xsi:type") === type);
const resources = (container: string, item: string) =>
  new Map(
    descendants(first(app, "VersionOverrides", "Resources"), container)
      .flatMap((c) => children(c, item))
      .map((e) => [attr(e, "id")!, attr(e, "DefaultValue")!])
  );

beforeAll(async () => {
  const parsed = await parseXml(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  app = parsed.OfficeApp!;
  images = resources("bt:Images", "bt:Image");
  urls = resources("bt:Urls", "bt:Url");
  shortStrings = resources("bt:ShortStrings", "bt:String");
  longStrings = resources("bt:LongStrings", "bt:String");
});

describe("manifest.xml", () => {
  test("is a well-formed TaskPaneApp with a GUID id, version 1.0.0.0 and the product's names", () => {
    expect(app).toBeDefined();
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(text(first(app, "Id"))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(text(first(app, "Version"))).toBe("1.0.0.0");
    expect(text(first(app, "ProviderName"))).toBe("Aid Ledger");
    expect(attr(first(app, "DisplayName"), "DefaultValue")).toBe("Aid Ledger");
    expect(attr(first(app, "Description"), "DefaultValue")!.length).toBeLessThanOrEqual(250);
    expect(children(first(app, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(text(first(app, "Permissions"))).toBe("ReadWriteDocument");
  });

  // CustomFunctions.Error, which every AID error goes through, is CustomFunctionsRuntime 1.2
  // (Microsoft Learn, "CustomFunctions.Error class"; "Custom Functions requirement sets").
  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.2", () => {
    const sets = children(first(app, "Requirements", "Sets"), "Set");
    expect(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([
      ["SharedRuntime", "1.1"],
      ["CustomFunctionsRuntime", "1.2"],
    ]);
  });

  test("declares one long-lived runtime on the task pane page", () => {
    const runtimes = descendants(app, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0]!, "resid")).toBe("Taskpane.Url");
    expect(attr(runtimes[0]!, "lifetime")).toBe("long");
  });

  test("the functions run in that page: CustomFunctions Page and FunctionFile are the task pane page", () => {
    const [functions] = byType("CustomFunctions");
    expect(functions).toBeDefined();
    expect(attr(first(functions!, "Page", "SourceLocation"), "resid")).toBe("Taskpane.Url");
    expect(attr(first(functions!, "Script", "SourceLocation"), "resid")).toBe(
      "Functions.Script.Url"
    );
    expect(attr(first(functions!, "Metadata", "SourceLocation"), "resid")).toBe(
      "Functions.Metadata.Url"
    );
    expect(descendants(app, "FunctionFile").map((f) => attr(f, "resid"))).toEqual(["Taskpane.Url"]);
    expect(urls.get("Taskpane.Url")).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(attr(first(app, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe(
      urls.get("Taskpane.Url")
    );
  });

  test("the metadata and script URLs name what the build emits", () => {
    expect(urls.get("Functions.Metadata.Url")).toBe(`${DEV_ORIGIN}/functions.json`);
    expect(urls.get("Functions.Script.Url")).toBe(`${DEV_ORIGIN}/functions.js`);
  });

  test("declares no Namespace, so the functions are called unprefixed", () => {
    expect(descendants(app, "Namespace")).toEqual([]);
    expect(shortStrings.has("Functions.Namespace")).toBe(false);
  });

  test("has an Aid Ledger button on the Home tab that shows the task pane", () => {
    const [surface] = byType("PrimaryCommandSurface");
    expect(surface).toBeDefined();
    const tab = first(surface!, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const button = descendants(tab, "Control").find((c) => attr(c, "xsi:type") === "Button")!;
    expect(shortStrings.get(attr(first(button, "Label"), "resid")!)).toBe("Aid Ledger");
    const action = first(button, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(text(first(action, "TaskpaneId"))).toBe("ButtonId1");
    expect(attr(first(action, "SourceLocation"), "resid")).toBe("Taskpane.Url");
  });

  test("every resid is defined in Resources, and every resource is used", () => {
    const referenced = new Set(collectResids(app));
    const defined = new Set([
      ...images.keys(),
      ...urls.keys(),
      ...shortStrings.keys(),
      ...longStrings.keys(),
    ]);
    expect(referenced.size).toBeGreaterThan(0);
    for (const id of referenced) expect(defined).toContain(id);
    for (const id of defined) expect(referenced).toContain(id);
    expect(defined.size).toBe(images.size + urls.size + shortStrings.size + longStrings.size); // ids are unique
  });

  test("strings fit Office's limits (short 125, long 250 characters)", () => {
    for (const value of shortStrings.values()) expect(value.length).toBeLessThanOrEqual(125);
    for (const value of longStrings.values()) expect(value.length).toBeLessThanOrEqual(250);
  });

  test("every URL is https and on one origin (the dev server)", () => {
    const found = collectUrls(app);
    expect(found.length).toBeGreaterThan(10);
    for (const url of found) {
      expect(url).toMatch(/^https:\/\//);
      expect(new URL(url).origin).toBe(DEV_ORIGIN);
    }
  });

  test("every icon exists in assets/ with the pixel size it is declared at", () => {
    const checkIcon = (url: string, size: number) => {
      const file = path.join(ROOT, new URL(url).pathname);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    };
    for (const [id, url] of images) checkIcon(url, Number(/^Icon\.(\d+)x\1$/.exec(id)?.[1]));
    for (const image of descendants(app, "bt:Image").filter((i) => attr(i, "size"))) {
      checkIcon(images.get(attr(image, "resid")!)!, Number(attr(image, "size")));
    }
    checkIcon(attr(first(app, "IconUrl"), "DefaultValue")!, 32);
    checkIcon(attr(first(app, "HighResolutionIconUrl"), "DefaultValue")!, 64);
  });

  test("assets/ holds the icon sizes Office and AppSource ask for", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });
});

describe("manifest.xml in Japanese (ja-JP overrides)", () => {
  // Microsoft Learn: "Custom functions naming and localization" (Localize custom functions) and the
  // manifest reference's "Override element" (LocaleTokenOverride: Locale is the condition, Value the result).
  const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
  const overrides = (element: XmlElement) => [
    ...children(element, "Override"),
    ...children(element, "bt:Override"),
  ];
  const resource = (container: string, id: string) =>
    descendants(first(app, "VersionOverrides", "Resources"), container)
      .flatMap((c) => [...children(c, "bt:Url"), ...children(c, "bt:String")])
      .find((e) => attr(e, "id") === id)!;

  test("every Override is for ja-JP, one per element", () => {
    const all = [...descendants(app, "Override"), ...descendants(app, "bt:Override")];
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const override of all) expect(attr(override, "Locale")).toBe("ja-JP");
    const overridden = (element: XmlElement): XmlElement[] =>
      Object.keys(element)
        .filter((key) => key !== "$" && key !== "_")
        .flatMap((key) => children(element, key))
        .flatMap((child) => [...(overrides(child).length ? [child] : []), ...overridden(child)]);
    expect(overridden(app).length).toBe(all.length);
  });

  test("the add-in's name and description have Japanese overrides within Office's limits", () => {
    const [name] = overrides(first(app, "DisplayName"));
    const [description] = overrides(first(app, "Description"));
    expect(attr(name!, "Value")).toMatch(JAPANESE);
    expect(attr(name!, "Value")!.length).toBeLessThanOrEqual(125);
    expect(attr(description!, "Value")).toMatch(JAPANESE);
    expect(attr(description!, "Value")!.length).toBeLessThanOrEqual(250);
  });

  test("the functions' metadata URL has a ja-JP override beside functions.json: functions-ja.json", () => {
    const overridden = overrides(resource("bt:Urls", "Functions.Metadata.Url"));
    expect(overridden.map((o) => attr(o, "Value"))).toEqual([`${DEV_ORIGIN}/functions-ja.json`]);
    // The Script and the task pane stay one: only the metadata differs by language.
    expect(overrides(resource("bt:Urls", "Functions.Script.Url"))).toEqual([]);
    expect(overrides(resource("bt:Urls", "Taskpane.Url"))).toEqual([]);
  });

  test("every overridden string is Japanese and fits the limit of its kind", () => {
    const checked = [
      ["bt:ShortStrings", 125],
      ["bt:LongStrings", 250],
    ] as const;
    let count = 0;
    for (const [container, limit] of checked) {
      for (const string of descendants(first(app, "VersionOverrides", "Resources"), container)
        .flatMap((c) => children(c, "bt:String"))
        .flatMap(overrides)) {
        expect(attr(string, "Value")).toMatch(JAPANESE);
        expect(attr(string, "Value")!.length).toBeLessThanOrEqual(limit);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(3);
  });

  test("a formula in an overridden text keeps the English function name", () => {
    const texts = [...descendants(app, "Override"), ...descendants(app, "bt:Override")]
      .map((o) => attr(o, "Value")!)
      .filter((v) => v.includes("="));
    expect(texts.length).toBeGreaterThan(0);
    for (const value of texts) expect(value).toMatch(/=AID[A-Z]+\(/);
  });
});

/** Every resid attribute in the document. */
function collectResids(element: XmlElement): string[] {
  const own = element.$?.resid ? [element.$.resid] : [];
  return [
    ...own,
    ...Object.entries(element).flatMap(([key]) =>
      key === "$" || key === "_" ? [] : children(element, key).flatMap(collectResids)
    ),
  ];
}

/** Every attribute value or text in the document that is a URL (XML namespace names aside). */
function collectUrls(element: XmlElement): string[] {
  const attributes = Object.entries(element.$ ?? {}).filter(
    ([name]) => name !== "xmlns" && !name.startsWith("xmlns:")
  );
  const values = [...attributes.map(([, value]) => value), element._ ?? ""]
    .map((v) => v.trim())
    .filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v));
  return [
    ...values,
    ...Object.keys(element).flatMap((key) =>
      key === "$" || key === "_" ? [] : children(element, key).flatMap(collectUrls)
    ),
  ];
}
