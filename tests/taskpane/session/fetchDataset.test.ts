import { expect } from "@jest/globals";
/**
 * The dataset fetch against a fake `fetch`: every request it sends is recorded, so a test can say
 * not only what was refused but that nothing was requested from an http address.
 */
import { bundledRows, type CommitmentRecord, limits, toJson } from "../../../src/domain";
import { MAX_REDIRECTS, fetchDatasetText } from "../../../src/taskpane/session/fetchDataset";

interface FakeAnswer {
  readonly status?: number;
  readonly location?: string;
  readonly body?: Uint8Array | string;
  readonly type?: ResponseType;
  readonly url?: string;
}

/** A fetch that answers from `routes` by address and records every request. */
export function fakeFetch(routes: Record<string, FakeAnswer>): {
  fetch: typeof fetch;
  requested: string[];
} {
  const requested: string[] = [];
  const fetchImpl = ((input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    requested.push(url);
    const route = routes[url];
    if (!route) return Promise.reject(new TypeError(`no route for ${url}`));
    if (init?.redirect !== "manual" && route.location !== undefined)
      return Promise.reject(new Error("the fake only redirects in manual mode"));
    const body = typeof route.body === "string" ? new TextEncoder().encode(route.body) : route.body;
    const status = route.status ?? 200;
    const payload =
      (status >= 300 && status < 400) || !body ? null : new Blob([new Uint8Array(body)]);
    const response = new Response(payload, {
      status,
      headers: route.location ? { location: route.location } : {},
    });
    Object.defineProperty(response, "url", { value: route.url ?? url });
    if (route.type) Object.defineProperty(response, "type", { value: route.type });
    return Promise.resolve(response);
  }) as typeof fetch;
  return { fetch: fetchImpl, requested };
}

const json = toJson(bundledRows() as CommitmentRecord[]);

describe("gap 8: every redirect hop is https, and the address is checked before downloading", () => {
  test("https -> http -> https is refused at the http hop, which is never requested", async () => {
    const { fetch, requested } = fakeFetch({
      "https://a.example/data.json": { status: 302, location: "http://b.example/data.json" },
      "http://b.example/data.json": { status: 302, location: "https://c.example/data.json" },
      "https://c.example/data.json": { body: json },
    });
    const got = await fetchDatasetText("https://a.example/data.json", fetch);
    expect(got).toEqual({
      ok: false,
      reason:
        "the address redirected to http://b.example/data.json, which is not https (redirect 1)",
    });
    expect(requested).toEqual(["https://a.example/data.json"]);
  });

  test("https -> https redirects are followed, hop by hop", async () => {
    const { fetch, requested } = fakeFetch({
      "https://a.example/data.json": { status: 301, location: "/v2/data.json" },
      "https://a.example/v2/data.json": { status: 307, location: "https://cdn.example/x.json" },
      "https://cdn.example/x.json": { body: json },
    });
    expect(await fetchDatasetText("https://a.example/data.json", fetch)).toEqual({
      ok: true,
      text: json,
      fileName: "data.json",
    });
    expect(requested).toHaveLength(3);
  });

  test(`more than ${MAX_REDIRECTS} redirects are refused`, async () => {
    const routes: Record<string, FakeAnswer> = {};
    for (let i = 0; i <= MAX_REDIRECTS + 1; i++)
      routes[`https://a.example/${i}`] = { status: 302, location: `https://a.example/${i + 1}` };
    const { fetch } = fakeFetch(routes);
    expect(await fetchDatasetText("https://a.example/0", fetch)).toEqual({
      ok: false,
      reason: `more than ${MAX_REDIRECTS} redirects`,
    });
  });

  test("a browser's opaque redirect is followed by the browser, and its final address checked", async () => {
    const { fetch } = fakeFetch({
      "https://a.example/data.json": {
        type: "opaqueredirect",
        status: 200,
        url: "http://b.example/data.json",
        body: json,
      },
    });
    expect(await fetchDatasetText("https://a.example/data.json", fetch)).toEqual({
      ok: false,
      reason: "the address redirected to http://b.example/data.json, which is not https",
    });
  });

  test("a malformed percent-escape in the last segment is refused before anything is requested", async () => {
    const { fetch, requested } = fakeFetch({});
    const got = await fetchDatasetText("https://a.example/data%E0%A4%A.json", fetch);
    expect(got).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^the address's last part "data%E0%A4%A.json" has a malformed percent-escape/
      ),
    });
    expect(requested).toEqual([]);
  });

  test("a well-formed escape gives the decoded file name", async () => {
    const { fetch } = fakeFetch({ "https://a.example/my%20data.json": { body: json } });
    expect(await fetchDatasetText("https://a.example/my%20data.json", fetch)).toEqual(
      expect.objectContaining({ ok: true, fileName: "my data.json" })
    );
  });
});

describe("gap 4: what the address answers is UTF-8, or refused with the reason", () => {
  test("UTF-16 is refused as UTF-16", async () => {
    const { fetch } = fakeFetch({
      "https://a.example/d.json": { body: new Uint8Array(Buffer.from(`\uFEFF${json}`, "utf16le")) },
    });
    expect(await fetchDatasetText("https://a.example/d.json", fetch)).toEqual({
      ok: false,
      reason: "record 0, field (file): this file is UTF-16: save it as UTF-8",
    });
  });

  test("invalid UTF-8 is refused with its byte and line, not decoded to U+FFFD", async () => {
    const bytes = new Uint8Array(Buffer.from(json));
    const at = bytes.indexOf(0x4b); // the first "K"
    bytes[at] = 0xc3; // a lead byte followed by an ASCII letter
    const { fetch } = fakeFetch({ "https://a.example/d.json": { body: bytes } });
    const got = await fetchDatasetText("https://a.example/d.json", fetch);
    expect(got).toEqual({
      ok: false,
      reason: expect.stringMatching(new RegExp(`byte ${at + 1} \\(0x`)),
    });
  });

  test("a UTF-8 byte-order mark is dropped", async () => {
    const { fetch } = fakeFetch({ "https://a.example/d.json": { body: `\uFEFF${json}` } });
    expect(await fetchDatasetText("https://a.example/d.json", fetch)).toEqual(
      expect.objectContaining({ ok: true, text: json })
    );
  });

  test("an answer over the size limit is refused", async () => {
    const { fetch } = fakeFetch({ "https://a.example/d.json": { body: new Uint8Array(101) } });
    expect(
      await fetchDatasetText("https://a.example/d.json", fetch, { maxBytes: 100, timeoutMs: 1000 })
    ).toEqual({
      ok: false,
      reason: "the file is larger than the limit of 100 bytes",
    });
    expect(limits.MAX_FILE_BYTES).toBe(64 * 1024 * 1024);
  });
});

describe("a failed request is explained in plain words, not as 'Failed to fetch'", () => {
  const failing = (error: Error) => (async () => Promise.reject(error)) as unknown as typeof fetch;

  test("a name the network does not know", async () => {
    const error = new TypeError("Failed to fetch", {
      cause: new Error("getaddrinfo ENOTFOUND data.example.test"),
    });
    const got = await fetchDatasetText("https://data.example.test/c.json", failing(error));
    expect(got).toEqual({
      ok: false,
      reason: expect.stringMatching(/No server named data\.example\.test was found/),
    });
  });

  test("a certificate the machine does not trust", async () => {
    const error = new TypeError("fetch failed", { cause: new Error("self-signed certificate") });
    const got = await fetchDatasetText("https://data.example.test/c.json", failing(error));
    expect(got).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The secure connection to data\.example\.test failed/),
    });
  });

  test("a bare 'Failed to fetch' names the likely causes, the server's CORS policy among them", async () => {
    const got = await fetchDatasetText(
      "https://data.example.test/c.json",
      failing(new TypeError("Failed to fetch"))
    );
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.reason).not.toBe("could not fetch: Failed to fetch");
    expect(got.reason).toMatch(/CORS|cross-origin/i);
  });
});
