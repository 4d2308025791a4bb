/**
 * Fetches a dataset file from an HTTPS address with the limits a refresh needs: https only (and
 * no redirect that ends on http), at most `maxBytes`, at most `timeoutMs`. Every refusal says why.
 */
export interface FetchLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 30_000 };

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
    return { ok: false, reason: `"${address}" is not a web address` };
  }
  if (url.protocol !== "https:")
    return {
      ok: false,
      reason: `only https addresses are allowed; "${address}" uses ${url.protocol.replace(":", "")}`,
    };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await fetchImpl(url.href, {
      signal: controller.signal,
      redirect: "follow",
      credentials: "omit",
    });
    if (response.url && !response.url.startsWith("https:"))
      return { ok: false, reason: `the address redirected to ${response.url}, which is not https` };
    if (!response.ok)
      return { ok: false, reason: `the server answered ${response.status} ${response.statusText}` };
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > limits.maxBytes)
      return {
        ok: false,
        reason: `the file is ${declared} bytes; the limit is ${limits.maxBytes}`,
      };
    const text = await readLimited(response, limits.maxBytes);
    if (text === null)
      return { ok: false, reason: `the file is larger than the limit of ${limits.maxBytes} bytes` };
    const fileName = decodeURIComponent(url.pathname.split("/").pop() || "dataset");
    return { ok: true, text, fileName };
  } catch (e) {
    if (controller.signal.aborted)
      return { ok: false, reason: `no complete answer within ${limits.timeoutMs / 1000} s` };
    return { ok: false, reason: `could not fetch: ${(e as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).length > maxBytes ? null : text;
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
  return new TextDecoder("utf-8").decode(all);
}
