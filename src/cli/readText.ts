import { closeSync, openSync, readSync } from "node:fs";
import { decodeDatasetBytes, formatProblem, limits } from "../domain";

/** A file that was read but cannot be a dataset's text: too large, or not UTF-8. */
export class FileContentError extends Error {}

const CHUNK = 1024 * 1024;

/**
 * Reads a text file as the `aid` command does: at most `maxBytes` (an endless or huge input such
 * as /dev/zero stops there, promptly, with a size error), then decoded as UTF-8 with every
 * byte checked (decodeDatasetBytes: UTF-16 and invalid bytes are refused with their place, a
 * byte-order mark is dropped). Throws FileContentError for those, and the system's error when
 * the file cannot be opened or read.
 */
export function readTextFile(path: string, maxBytes = limits.MAX_FILE_BYTES): string {
  const fd = openSync(path, "r");
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - size));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      parts.push(chunk.subarray(0, n));
      size += n;
      if (size > maxBytes)
        throw new FileContentError(
          `the file is larger than the limit of ${maxBytes} bytes (${Math.round(maxBytes / 1024 / 1024)} MB)`
        );
    }
  } finally {
    closeSync(fd);
  }
  const decoded = decodeDatasetBytes(Buffer.concat(parts), (bytes) =>
    new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  );
  if (!decoded.ok) throw new FileContentError(decoded.problems.map(formatProblem).join("; "));
  return decoded.value;
}
