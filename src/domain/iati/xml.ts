/**
 * A small XML writer: elements as data, serialized with every text and attribute escaped. Text
 * from the dataset (names, evidence phrases) may hold &, <, quotes or characters XML 1.0 forbids;
 * none of it can break the document or inject markup.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string | number | boolean | null | undefined])[];
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

/** An element; attributes whose value is null or undefined are left out. */
export function el(
  name: string,
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: (
    XmlNode | null | undefined | false | readonly (XmlNode | null | undefined | false)[]
  )[]
): XmlElement {
  const flat: XmlNode[] = [];
  for (const c of children) {
    if (Array.isArray(c)) {
      for (const x of c as readonly (XmlNode | null | undefined | false)[]) if (x) flat.push(x);
    } else if (c) flat.push(c as XmlNode);
  }
  return { name, attributes: Object.entries(attributes), children: flat };
}

// Characters XML 1.0 does not allow at all: control characters other than tab, line feed and
// carriage return, lone surrogates, U+FFFE and U+FFFF. They are dropped, never written.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text content: &, < and > (the last so "]]>" can never appear), and line breaks as
 * character references. A parser turns a raw CR LF or lone CR into LF (XML 1.0, 2.11 "End-of-Line
 * Handling"), so only a reference reads back as the character written; LF is written as one too,
 * so a narrative's breaks survive tools that re-indent or re-wrap text.
 */
export function escapeText(text: string): string {
  return text
    .replace(FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Escapes an attribute value; tabs too as a character reference (a parser turns a raw one into a space). */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;");
}

function attributeText(value: string | number | boolean): string {
  return typeof value === "boolean" ? (value ? "1" : "0") : String(value);
}

/** Serializes an element, indented two spaces a level; elements holding text stay on one line. */
export function serialize(node: XmlNode, depth = 0): string {
  if (typeof node === "string") return escapeText(node);
  const pad = "  ".repeat(depth);
  const attrs = node.attributes
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(attributeText(v!))}"`)
    .join("");
  if (node.children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  if (node.children.every((c) => typeof c === "string"))
    return `${pad}<${node.name}${attrs}>${node.children.map((c) => serialize(c)).join("")}</${node.name}>`;
  const inner = node.children
    .map((c) => (typeof c === "string" ? pad + "  " + escapeText(c) : serialize(c, depth + 1)))
    .join("\n");
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}

/** A whole document: the XML declaration, then the root element. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}
