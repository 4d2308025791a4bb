import { RECORD_FIELDS } from "./fields";
import { echo } from "../limits";
import { messages } from "../messages/catalog";

/**
 * Converts one text cell to its field's type. Empty means absent. Returns a reason for a value
 * that cannot be that type, so the row, field and reason can be reported.
 */
export function fromText(
  field: (typeof RECORD_FIELDS)[number],
  text: string
): { value: unknown } | { error: string } {
  const t = text.trim();
  if (t === "") return { value: null };
  switch (field.type) {
    case "integer":
      return /^-?\d+$/.test(t)
        ? { value: Number(t) }
        : { error: messages().notWholeNumber(echo(text)) };
    case "boolean": {
      const lower = t.toLowerCase();
      if (lower === "true") return { value: true };
      if (lower === "false") return { value: false };
      return { error: messages().notTrueOrFalse(echo(text)) };
    }
    default:
      return { value: t };
  }
}
