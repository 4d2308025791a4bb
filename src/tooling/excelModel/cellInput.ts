/**
 * What a value written to a cell becomes, as Excel takes it through `Range.values` or typing:
 * - a string starting with "=" is a formula; one starting with "+" or "-" that is not a number is
 *   a formula too ("If the returned value starts with a plus ("+"), minus ("-"), or equal sign
 *   ("="), Excel interprets this value as a formula",
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 * - a leading apostrophe marks text: it is not part of the value, which reads back without it
 *   (https://support.microsoft.com/office/format-numbers-as-text-583160db-ec5e-4e4c-a3d3-c4f7c0e2a3f8);
 * - text that reads as a number or TRUE/FALSE becomes a number or a boolean;
 * - "" empties the cell (its number format stays); null in a written array leaves the cell as it is.
 */
import type { CellContent, Scalar } from "./workbookState";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** New content for a cell from a written value; undefined leaves the cell unchanged. */
export function contentFromInput(
  input: unknown,
  old: CellContent | undefined
): CellContent | null | undefined {
  if (input === null || input === undefined) return undefined;
  const format = old?.format;
  const keep = (c: CellContent): CellContent => (format === undefined ? c : { ...c, format });
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return keep({ value: "#NUM!" });
    return keep({ value: input });
  }
  if (typeof input === "boolean") return keep({ value: input });
  const text = typeof input === "string" ? input : JSON.stringify(input);
  if (text === "") return format === undefined ? null : { format };
  if (text.startsWith("'")) return keep({ value: text.slice(1) });
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return keep({ value: Number(trimmed) });
  if (/^(true|false)$/i.test(trimmed)) return keep({ value: trimmed.toLowerCase() === "true" });
  if (text.startsWith("=") && text.length > 1) return keep({ formula: text });
  if ((text.startsWith("+") || text.startsWith("-")) && text.length > 1)
    return keep({ formula: `=${text}` });
  return keep({ value: text });
}

/** The constant or formula a user's typing makes, as contentFromInput (typing and `values` agree). */
export function typedContent(text: string, old: CellContent | undefined): CellContent | null {
  return contentFromInput(text, old) ?? null;
}

export type { Scalar };
