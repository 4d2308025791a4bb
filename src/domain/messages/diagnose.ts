import { FIELD_NAMES } from "../dataset/fields";
import type { Problem } from "../dataset/problems";
import { messages } from "./catalog";

/** Problems of one kind (one field or column), sorted by line. */
export interface ProblemGroup {
  /** "Column id", "Field amount", "The file as a whole". */
  readonly title: string;
  readonly field: string;
  readonly problems: readonly Problem[];
}

/** A refused source's problems, ready to show: a plain diagnosis when it is not a dataset at all, and the problems grouped. */
export interface DatasetDiagnosis {
  /** "This is an HTML page, not a dataset: ..."; null when the file is a dataset with problems. */
  readonly diagnosis: string | null;
  readonly groups: readonly ProblemGroup[];
  readonly total: number;
}

const lineOf = (p: Problem) => p.line ?? (p.row === 0 ? 0 : Number.MAX_SAFE_INTEGER);

/** Problems in the order of the file: by line (whole-file problems first), then record, then field. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        lineOf(a.p) - lineOf(b.p) ||
        a.p.row - b.p.row ||
        a.p.field.localeCompare(b.p.field) ||
        a.i - b.i
    )
    .map((x) => x.p);
}

/** Unknown or missing columns are one kind each; other problems are grouped by field. */
function kindOf(p: Problem): { key: string; title: string } {
  const m = messages();
  if (p.code === "unknown-column")
    return { key: "(unknown columns)", title: m.groupUnknownColumns };
  if (p.code === "missing-column")
    return { key: "(missing columns)", title: m.groupMissingColumns };
  if (p.field.startsWith("(") || p.row === 0) return { key: p.field, title: m.groupWholeFile };
  return { key: p.field, title: m.groupField(p.field) };
}

/** Groups problems by kind (the field, or unknown/missing columns), each sorted by line; groups in order of their first line. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, { title: string; problems: Problem[] }>();
  for (const p of sortProblems(problems)) {
    const { key, title } = kindOf(p);
    const group = groups.get(key) ?? { title, problems: [] };
    group.problems.push(p);
    groups.set(key, group);
  }
  return [...groups].map(([field, g]) => ({ field, title: g.title, problems: g.problems }));
}

const HTML_START = /^\s*(?:\ufeff)?\s*<(?:!doctype\s+html|html|head|body|\?xml)/i;

/** The first line of a text, as the columns of a CSV header. */
function headerColumns(text: string): string[] {
  const first = text.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0] ?? "";
  return first
    .split(/[,;\t]/)
    .map((c) => c.trim().replace(/^"(.*)"$/, "$1"))
    .filter((c) => c !== "");
}

/**
 * What a refused source is, in plain words, when it is not a dataset at all: an HTML page (a
 * sign-in or error page instead of the file), a table whose columns are none of the dataset's, or
 * JSON that is not a list of records. Null when it looks like a dataset and its problems are
 * worth reading one by one. `text` may be null (only the problems are known).
 */
export function diagnoseDatasetText(
  text: string | null,
  problems: readonly Problem[]
): DatasetDiagnosis {
  const groups = groupProblems(problems);
  const result = (diagnosis: string | null) => ({ diagnosis, groups, total: problems.length });
  const looksHtml =
    (text !== null && HTML_START.test(text)) ||
    problems.some(
      (p) => /^\s*<(!doctype|html)/i.test(p.field) || /Unexpected token '?<'?/.test(p.message)
    );
  if (looksHtml) return result(messages().htmlNotDataset);
  if (problems.some((p) => p.code === "not-records")) return result(messages().jsonNotDataset);
  if (problems.some((p) => p.code === "not-json")) return result(messages().fileNotJson);
  const known = new Set<string>(FIELD_NAMES);
  const unknown = problems.filter((p) => p.code === "unknown-column").map((p) => p.field);
  const columns = text !== null ? headerColumns(text) : unknown;
  const foreign = columns.filter((c) => !known.has(c));
  if (unknown.length > 0 && columns.length > 0 && foreign.length === columns.length) {
    return result(messages().foreignColumns(foreign.slice(0, 6), Math.max(0, foreign.length - 6)));
  }
  return result(null);
}

/** What a failed fetch gives, and what the pane knows of the network. */
export interface NetworkFailureInput {
  /** The error fetch rejected with (a TypeError "Failed to fetch" in browsers), or its message. */
  readonly error: unknown;
  /** navigator.onLine, when known. */
  readonly online?: boolean;
  /** The address asked for. */
  readonly url: string;
}

/** A network failure in plain words, with its likely cause and what to do. */
export interface NetworkFailure {
  readonly cause:
    "offline" | "name-not-found" | "cors" | "certificate" | "refused" | "timeout" | "unknown";
  readonly message: string;
}

/** The error's name and message, and its causes' (Node's fetch puts the network error in `cause`). */
function messageText(error: unknown, depth = 0): string {
  if (error instanceof Error) {
    const own = `${error.name}: ${error.message}`;
    return error.cause !== undefined && depth < 3
      ? `${own} (${messageText(error.cause, depth + 1)})`
      : own;
  }
  return typeof error === "string" ? error : String(error);
}

const ABSOLUTE_URL_HOST = /^[a-z][a-z\d+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]+)/i;

/**
 * Explains why a fetch failed. Browsers hide the reason of a network error from scripts (fetch
 * rejects with a bare TypeError "Failed to fetch" for DNS, TLS, refused connections and CORS
 * alike), so this reads what can be read: navigator.onLine, the error's name and text (Node and
 * some engines name the cause: ENOTFOUND, ECONNREFUSED, CERT_, ...), an abort for a timeout, and
 * otherwise names the usual causes in order of likelihood for an https address that is online.
 */
export function explainNetworkFailure(input: NetworkFailureInput): NetworkFailure {
  const text = messageText(input.error);
  // The address's host (and port), read without URL, which the domain's ES types do not have;
  // an address that is not absolute is kept as typed.
  const host = (ABSOLUTE_URL_HOST.exec(input.url)?.[1] ?? input.url).toLowerCase();
  if (input.online === false)
    return {
      cause: "offline",
      message: messages().offline(host),
    };
  if (/AbortError|TimeoutError|timed? ?out/i.test(text))
    return {
      cause: "timeout",
      message: messages().timedOut(host),
    };
  if (
    /ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED|getaddrinfo|name not resolved|could not resolve/i.test(
      text
    )
  )
    return {
      cause: "name-not-found",
      message: messages().noSuchServer(host),
    };
  if (/CERT|certificate|SSL|TLS|self[- ]signed/i.test(text))
    return {
      cause: "certificate",
      message: messages().untrustedCertificate(host),
    };
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED|connection refused/i.test(text))
    return {
      cause: "refused",
      message: messages().connectionRefused(host),
    };
  if (/CORS|Access-Control|cross-origin/i.test(text))
    return {
      cause: "cors",
      message: messages().corsRefused(host),
    };
  if (/Failed to fetch|NetworkError|Load failed|fetch failed/i.test(text))
    return {
      cause: "unknown",
      message: messages().unreachable(host),
    };
  return { cause: "unknown", message: messages().unreachableBecause(host, text) };
}
