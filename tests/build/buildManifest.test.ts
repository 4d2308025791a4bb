import * as fs from "fs";
import * as path from "path";
import { ROOT, children, descendants, parseXml, requireCommonJs } from "./helpers";

/* scripts/buildManifest.js: how the build writes dist/manifest.xml from AID_URL and AID_NAMESPACE. */

const { buildManifest } = requireCommonJs<{
  buildManifest: (xml: string, options?: { url?: string; namespace?: string }) => string;
}>("scripts/buildManifest.js");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

test("with no options the manifest is unchanged", () => {
  expect(buildManifest(source)).toBe(source);
  expect(buildManifest(source, { url: "", namespace: "" })).toBe(source);
});

test("AID_URL replaces the dev server in every URL, and its origin in the AppDomain", async () => {
  const built = buildManifest(source, { url: "https://aid.example.org/ledger" });
  expect(built).not.toContain("https://localhost");
  expect(built).toContain('DefaultValue="https://aid.example.org/ledger/functions.json"');
  expect(built).toContain('Value="https://aid.example.org/ledger/functions-ja.json"');
  expect(built).toContain("<AppDomain>https://aid.example.org</AppDomain>");
  expect(built.split("https://aid.example.org/ledger/").length).toBe(
    source.split("https://localhost:3000/").length
  );
  await expect(parseXml(built)).resolves.toBeDefined();
});

test("AID_URL must be an absolute https URL with no query or fragment", () => {
  expect(() => buildManifest(source, { url: "http://aid.example.org/" })).toThrow(/https/);
  expect(() => buildManifest(source, { url: "aid.example.org" })).toThrow(/absolute https URL/);
  expect(() => buildManifest(source, { url: "https://aid.example.org/?v=1" })).toThrow(/query/);
});

test("AID_NAMESPACE adds the Namespace element to the CustomFunctions extension point, and its string", async () => {
  const app = (await parseXml(buildManifest(source, { namespace: "AID" }))).OfficeApp!;
  const functions = descendants(app, "ExtensionPoint").find(
    (e) => e.$?.["xsi:type"] === "CustomFunctions"
  )!;
  expect(children(functions, "Namespace").map((n) => n.$?.resid)).toEqual(["Functions.Namespace"]);
  const strings = descendants(app, "bt:ShortStrings").flatMap((s) => children(s, "bt:String"));
  expect(strings.find((s) => s.$?.id === "Functions.Namespace")?.$?.DefaultValue).toBe("AID");
});

test("AID_NAMESPACE must be letters and digits", () => {
  expect(() => buildManifest(source, { namespace: "A.B" })).toThrow(/letters and digits/);
  expect(() => buildManifest(source, { namespace: "1AID" })).toThrow(/letters and digits/);
  expect(() =>
    buildManifest(buildManifest(source, { namespace: "AID" }), { namespace: "AID" })
  ).toThrow(/already declares/);
});
