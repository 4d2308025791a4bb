import { FUNCTIONS } from "./catalog";

/** One argument of an AID call as written in a formula. */
export type CallArgument =
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "reference"; readonly address: string }
  | { readonly kind: "omitted" }
  /**
   * A bare word such as `Africa`: to Excel a defined name (#NAME? when there is none), and almost
   * always text the user meant to quote.
   */
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "expression"; readonly text: string };

export interface AidCall {
  readonly name: string;
  readonly args: readonly CallArgument[];
}

const NAMES = FUNCTIONS.map((f) => f.name).join("|");
// An optional namespace prefix ("AID.") is allowed, as an organization may build with one.
const CALL_START = new RegExp(
  `(?:^|[^A-Za-z0-9_.])(?:[A-Za-z_][A-Za-z0-9_]*\\.)?(${NAMES})\\s*\\(`,
  "i"
);
// A defined name as Excel allows it: a letter, underscore or backslash, then letters, digits, _ or .
const BARE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const REFERENCE = /^(?:(?:'[^']+'|[A-Za-z0-9_]+)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

/**
 * Finds the first AID function call in a formula and splits its arguments: literals, cell
 * references, omitted ones, bare names (`Africa`, unquoted), and anything else (a nested expression) as text. Returns null when
 * the formula calls no AID function. Strings follow spreadsheet rules ("" escapes a quote).
 */
export function parseAidCall(formula: string): AidCall | null {
  const match = CALL_START.exec(formula);
  if (!match) return null;
  const name = match[1]!.toUpperCase();
  let i = match.index + match[0].length;
  const args: string[] = [];
  let current = "";
  let depth = 0;
  for (; i < formula.length; i++) {
    const c = formula[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < formula.length; i++) {
        if (formula[i] === '"' && formula[i + 1] === '"') i++;
        else if (formula[i] === '"') break;
      }
      current += formula.slice(start, i + 1);
    } else if (c === "(") {
      depth++;
      current += c;
    } else if (c === ")") {
      if (depth === 0) break;
      depth--;
      current += c;
    } else if (c === "," && depth === 0) {
      args.push(current);
      current = "";
    } else current += c;
  }
  if (i >= formula.length) return null; // unbalanced: not a call we can read
  if (args.length > 0 || current.trim() !== "") args.push(current);
  return { name, args: args.map(classify) };
}

function classify(raw: string): CallArgument {
  const text = raw.trim();
  if (text === "") return { kind: "omitted" };
  if (/^".*"$/s.test(text))
    return { kind: "literal", value: text.slice(1, -1).replace(/""/g, '"') };
  if (/^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text))
    return { kind: "literal", value: Number(text) };
  if (/^(TRUE|FALSE)$/i.test(text))
    return { kind: "literal", value: text.toUpperCase() === "TRUE" };
  if (REFERENCE.test(text)) return { kind: "reference", address: text };
  if (BARE_NAME.test(text)) return { kind: "name", name: text };
  return { kind: "expression", text };
}
