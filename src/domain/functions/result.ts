/**
 * Expected failures are values, not exceptions: a function returns its answer or an AidError,
 * and only the host edge turns an AidError into Excel's error (CustomFunctions.Error) or the
 * formula engine's (CellError). Codes are Excel's error values.
 */
export type ErrorCode = "VALUE" | "NA" | "NUM";

export interface AidError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AidError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

/** How each code prints in a cell. */
export const ERROR_TEXT: Readonly<Record<ErrorCode, string>> = {
  VALUE: "#VALUE!",
  NA: "#N/A",
  NUM: "#NUM!",
};

/** A value a function can put in a cell (or in one cell of a spilled array). */
export type CellValue = string | number | boolean | AidError;

export function isAidError(value: unknown): value is AidError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}
