import { MAX_FILE_BYTES } from "../limits";
import { messages } from "../messages/catalog";
import type { Checked } from "./problems";

/**
 * Turns a dataset file's bytes into text, refusing what is not UTF-8 instead of guessing: UTF-16
 * and UTF-32 (a byte-order mark, or the NUL bytes every other byte that UTF-16 puts in ASCII
 * text) get "save it as UTF-8"; a byte sequence that is not UTF-8 gets its byte offset and line,
 * where a lenient decoder would have put U+FFFD in the data without a word. A UTF-8 byte-order
 * mark is dropped. `decode` does the decoding once the bytes are known good (the caller's
 * `new TextDecoder("utf-8", { fatal: true })`; the domain has no TextDecoder of its own).
 */
export function decodeDatasetBytes(
  bytes: Uint8Array,
  decode: (bytes: Uint8Array) => string
): Checked<string> {
  const refuse = (message: string, line?: number): Checked<string> => ({
    ok: false,
    problems: [{ row: 0, ...(line !== undefined ? { line } : {}), field: "(file)", message }],
  });
  if (bytes.length > MAX_FILE_BYTES)
    return refuse(messages().fileOverLimit(MAX_FILE_BYTES, MAX_FILE_BYTES / 2 ** 20));
  const encoding = wideEncoding(bytes);
  if (encoding) return refuse(messages().wideEncodingFile(encoding));
  const bad = invalidUtf8At(bytes);
  if (bad >= 0)
    return refuse(
      messages().notUtf8(bad, bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")),
      lineOfByte(bytes, bad)
    );
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { ok: true, value: decode(bytes.subarray(start)) };
}

function wideEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return "UTF-32";
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return "UTF-32";
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return "UTF-16";
  // No byte-order mark: UTF-16 text of ASCII characters has a NUL in every other byte.
  const n = Math.min(b.length, 64);
  let nuls = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) nuls++;
  return n >= 4 && nuls * 4 >= n ? "UTF-16" : null;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes, and the range of the first (no overlongs, no surrogates, <= U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i + k;
    }
    i += n + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}
