import { FUNCTIONS } from "./catalog";

const NAMES = new Set(FUNCTIONS.map((f) => f.name));

/**
 * A formula as this build's functions are called: `=AIDTOTAL(` becomes `=AID.AIDTOTAL(` when the
 * build has the namespace "AID" (the manifest's <Namespace>; AID_NAMESPACE at build time). Text in
 * quotes is left alone, and so is a call that already has a namespace.
 */
export function withNamespace(formula: string, namespace: string): string {
  if (!namespace) return formula;
  let out = "";
  let quoted = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && /[A-Z]/i.test(ch) && !/[A-Z0-9_.]/i.test(formula[i - 1] ?? "")) {
      const name = /^[A-Z][A-Z0-9_.]*/i.exec(formula.slice(i))![0];
      if (NAMES.has(name.toUpperCase()) && formula[i + name.length] === "(") {
        out += `${namespace}.${name}`;
        i += name.length - 1;
        continue;
      }
      out += name;
      i += name.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
