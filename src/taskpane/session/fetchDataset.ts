import {
  decodeDatasetBytes,
  explainNetworkFailure,
  formatProblem,
  limits as inputLimits,
  messages,
} from "../../domain";

/**
 * Fetches a dataset file from an HTTPS address with the limits a refresh needs: https only, on
 * every hop of a redirect as well as the last; at most `maxBytes`; at most `timeoutMs`; UTF-8
 * only (a file in another encoding is refused with the reason, never decoded into U+FFFD). Every
 * refusal says why.
 */
export interface FetchLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  maxBytes: inputLimits.MAX_FILE_BYTES,
  timeoutMs: 30_000,
};

/** Redirects followed before giving up (browsers follow 20; a dataset address needs a few). */
export const MAX_REDIRECTS = 5;

export type Fetched =
  | { readonly ok: true; readonly text: string; readonly fileName: string }
  | { readonly ok: false; readonly reason: string };

export async function fetchDatasetText(
  address: string,
  fetchImpl: typeof fetch = fetch,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS
): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: messages().notAWebAddress(shorten(address)) };
  }
  if (url.protocol !== "https:")
    return {
      ok: false,
      reason: messages().onlyHttps(shorten(address), url.protocol.replace(":", "")),
    };
  // The file name comes from the address's last segment: a malformed escape in it ("%E0%A4%A")
  // is refused here, before anything is downloaded.
  const fileName = lastSegment(url);
  if (fileName === null)
    return {
      ok: false,
      reason: messages().malformedEscape(shorten(url.pathname.split("/").pop() ?? "")),
    };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await follow(url, fetchImpl, controller.signal);
    if ("reason" in response) return { ok: false, reason: response.reason };
    if (!response.ok)
      return { ok: false, reason: messages().serverAnswered(response.status, response.statusText) };
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > limits.maxBytes)
      return {
        ok: false,
        reason: messages().fileBytesOverLimit(declared, limits.maxBytes),
      };
    const bytes = await readLimited(response, limits.maxBytes);
    if (bytes === null) return { ok: false, reason: messages().fileOverLimit(limits.maxBytes) };
    const text = decodeDatasetBytes(bytes, (b) =>
      new TextDecoder("utf-8", { fatal: true }).decode(b)
    );
    if (!text.ok) return { ok: false, reason: text.problems.map(formatProblem).join("; ") };
    return { ok: true, text: text.value, fileName };
  } catch (e) {
    if (controller.signal.aborted)
      return { ok: false, reason: messages().noAnswerWithin(limits.timeoutMs / 1000) };
    // "Failed to fetch" says nothing: name the likely cause (offline, name, certificate, CORS).
    const online = typeof navigator === "undefined" ? undefined : navigator.onLine;
    const failure = explainNetworkFailure({
      error: e,
      url: address,
      ...(online === undefined ? {} : { online }),
    });
    return { ok: false, reason: failure.message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Requests `start` and follows redirects one hop at a time, refusing a hop to anything but https
 * before requesting it, so no http request is ever sent.
 *
 * With `redirect: "manual"` Node's fetch returns the 3xx answer with its Location; a browser
 * returns an opaque redirect that hides it (Fetch standard, "opaqueredirect"). Then the request is
 * repeated with `redirect: "follow"`: in the task pane, an https page, the browser itself blocks a
 * hop to http as mixed content, and the final address is checked again here.
 */
async function follow(
  start: URL,
  fetchImpl: typeof fetch,
  signal: AbortSignal
): Promise<Response | { reason: string }> {
  let current = start;
  for (let hop = 0; ; hop++) {
    const init: RequestInit = { signal, redirect: "manual", credentials: "omit" };
    let response = await fetchImpl(current.href, init);
    if (response.type === "opaqueredirect") {
      response = await fetchImpl(current.href, { ...init, redirect: "follow" });
      if (response.url && !response.url.startsWith("https:"))
        return { reason: messages().redirectedNotHttps(shorten(response.url)) };
      return response;
    }
    const location =
      response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
    if (location === null) {
      if (response.url && !response.url.startsWith("https:"))
        return { reason: messages().redirectedNotHttps(shorten(response.url)) };
      return response;
    }
    if (hop >= MAX_REDIRECTS) return { reason: messages().tooManyRedirects(MAX_REDIRECTS) };
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { reason: messages().redirectedNotWebAddress(shorten(location)) };
    }
    if (next.protocol !== "https:")
      return { reason: messages().redirectedNotHttps(shorten(next.href), hop + 1) };
    await response.body?.cancel();
    current = next;
  }
}

/** The decoded last segment of the address's path ("dataset" when empty), or null when malformed. */
function lastSegment(url: URL): string | null {
  const raw = url.pathname.split("/").pop() || "dataset";
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** An address as a message repeats it: at most 200 characters. */
function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer());
    return all.length > maxBytes ? null : all;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
