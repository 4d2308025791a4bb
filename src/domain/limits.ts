/**
 * Every limit a user meets, in one place: what validation, the function arguments, the fetch and
 * the `aid` command read. The README's "Limits and input rules" section states the same figures
 * (a test compares them).
 *
 * The money and people limits are chosen so that every accepted value survives a write to a cell
 * and a read back exactly: Excel keeps 15 significant digits, and a decimal of at most 15
 * significant digits round-trips through a double unchanged.
 */

/** A dataset file (JSON or CSV), or an address's answer, at most this many bytes: 64 MiB (a 100,000-record CSV is about 27 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Records in one dataset: a worksheet holds 1,048,576 rows, one of them the header. */
export const MAX_RECORDS = 1_000_000;

/**
 * Characters in a name field (id, recipient, region, channel, theme, unit, ...) and in a text
 * argument of a function (a place, a theme, an id). Long enough for any real name.
 */
export const MAX_NAME_LENGTH = 255;

/**
 * Characters in a free-text field (evidence, notes, source title and section). Excel's cell holds
 * 32,767 characters; this leaves room for the apostrophe that marks text (cellSafety.ts).
 */
export const MAX_TEXT_LENGTH = 32_000;

/**
 * Characters in an evidence phrase: a short verbatim phrase of the document (the project carries
 * phrases, not sentences). Its problems quote it whole, so this also bounds their length.
 */
export const MAX_EVIDENCE_LENGTH = 500;

/** Characters of a formula given to `aid calc`: Excel's own limit for a formula's contents. */
export const MAX_FORMULA_LENGTH = 8_192;

/**
 * The largest amount in minor units, in either currency: 15 digits. USD at most
 * 9,999,999,999,999.99, JPY at most 999,999,999,999,999.
 */
export const MAX_AMOUNT_MINOR = 999_999_999_999_999n;

/** The same bound as text per currency, for messages and the README. */
export const MAX_AMOUNT_TEXT = { USD: "9999999999999.99", JPY: "999999999999999" } as const;

/**
 * People, and the quantity of a deliverable, in one record: at most a billion. With at most
 * MAX_RECORDS records, any sum stays below 10^15, an integer a double (and so the index's sums)
 * holds exactly.
 */
export const MAX_PEOPLE = 1_000_000_000;
export const MAX_QUANTITY = 1_000_000_000;

/**
 * The largest whole number a function answers with: 15 digits, what a cell keeps exactly. A larger
 * answer (a sum of people, an amount converted) is an error, never a rounded figure.
 */
export const MAX_EXACT_ANSWER = 999_999_999_999_999;

/** Characters of the user's own text that an error message repeats; the rest is cut with "…". */
export const MAX_ECHO_LENGTH = 60;

/**
 * `text` as an error message repeats it: at most MAX_ECHO_LENGTH characters (then "… (N characters)"),
 * with invisible and control characters shown as \u{…}, so a message is short and says what is there.
 */
export function echo(text: string, max = MAX_ECHO_LENGTH): string {
  const chars = Array.from(text.length > max * 4 ? text.slice(0, max * 4) : text);
  const shown = chars.slice(0, max).map(visible).join("");
  return chars.length > max || text.length > max * 4
    ? `${shown}… (${text.length} characters)`
    : shown;
}

// Control characters, format characters (zero-width, bidi), and the separators other than space.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function visible(ch: string): string {
  return INVISIBLE.test(ch) ? `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}` : ch;
}
