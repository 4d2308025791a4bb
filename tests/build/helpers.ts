import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

/**
 * A CommonJS module that has no type declarations (this repo's webpack.config.js and scripts/*.js,
 * or a package without types), typed by the caller: the one place tests load one. `id` is a
 * package name or a path relative to the repo's root ("scripts/devCerts.js").
 */
export function requireCommonJs<T>(id: string): T {
  const local = id.startsWith("scripts/") || id.endsWith(".js");
  return createRequire(__filename)(local ? path.join(ROOT, id) : id) as T;
}

/** An element as xml2js gives it: attributes under `$`, text under `_`, children by name (always arrays). */
export interface XmlElement {
  $?: Record<string, string>;
  _?: string;
  [child: string]: unknown;
}

// xml2js comes with office-addin-manifest (no types are installed); this is the one call used.
const xml2js = requireCommonJs<{
  parseStringPromise: (xml: string, options?: object) => Promise<Record<string, XmlElement>>;
}>("xml2js");

/** Parses XML strictly (a syntax error rejects); the root element is `root[rootName]`. */
export function parseXml(xml: string): Promise<Record<string, XmlElement>> {
  return xml2js.parseStringPromise(xml, { strict: true });
}

/** Children named `name` of one element. */
export function children(element: XmlElement, name: string): XmlElement[] {
  const value = element[name];
  if (!Array.isArray(value)) return [];
  return value.map((v: unknown) => (typeof v === "string" ? { _: v } : (v as XmlElement)));
}

/** Every element named `name` anywhere under `element`. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const [key, value] of Object.entries(element)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const child of children(element, key)) {
      if (key === name) found.push(child);
      found.push(...descendants(child, name));
    }
  }
  return found;
}

/** Text of an element (xml2js gives text-only elements as strings). */
export function text(element: XmlElement | undefined): string {
  return (element?._ ?? "").trim();
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR")
    throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
