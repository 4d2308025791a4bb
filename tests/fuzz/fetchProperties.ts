/**
 * Generated fetch answers for the dataset fetch: redirect chains with any scheme, statuses,
 * content-length headers that lie, bodies in any encoding or corrupted, bodies over the limit,
 * addresses with odd escapes. The contract: no exception; no request ever sent to anything but
 * https; either the exact text of the last answer's UTF-8 body, or a reason.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { fetchDatasetText } from "../../src/taskpane/session/fetchDataset";
import { type CaseCounter, fuzzSeed } from "./fuzzRuns";

interface Hop {
  readonly scheme: string;
  readonly status: number;
}

const hop: fc.Arbitrary<Hop> = fc.record({
  scheme: fc.constantFrom(
    "https:",
    "https:",
    "https:",
    "http:",
    "ftp:",
    "data:",
    "relative",
    "garbage"
  ),
  status: fc.constantFrom(301, 302, 303, 307, 308),
});

const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
  fc.string({ maxLength: 40 }).map((s) => new TextEncoder().encode(`\uFEFF${s}`)),
  fc
    .string({ minLength: 2, maxLength: 20 })
    .map((s) => new Uint8Array(Buffer.from(`\uFEFF${s}`, "utf16le"))),
  fc.uint8Array({ maxLength: 60 })
);

const MAX_BYTES = 48;

export async function fetchProperties(runs: number, counter: CaseCounter): Promise<void> {
  const seed = fuzzSeed();
  await fc.assert(
    fc.asyncProperty(
      fc.array(hop, { maxLength: 7 }),
      fc.constantFrom(200, 200, 200, 204, 404, 500, 302),
      body,
      fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      fc.constantFrom("data.json", "d%20x.csv", "%E0%A4%A", "%", "a%zz", "", "x.json?q=%"),
      counter.count(
        "fetch: generated answers",
        async (
          hops: Hop[],
          finalStatus: number,
          bytes: Uint8Array,
          declared: number | undefined,
          last: string
        ) => {
          const requested: string[] = [];
          const start = `https://host.example/p/${last}`;
          // The chain: hop i answers with a redirect to the address of hop i + 1.
          const addresses = [start, ...hops.map((h, i) => addressFor(h.scheme, i))];
          const fetchImpl = ((input: string | URL | Request): Promise<Response> => {
            const url = input instanceof Request ? input.url : input.toString();
            requested.push(url);
            const i = addresses.findIndex((a) => new URL(a, "https://host.example/").href === url);
            if (i < 0) return Promise.reject(new TypeError(`unexpected request ${url}`));
            if (i < hops.length)
              return Promise.resolve(
                new Response(null, {
                  status: hops[i]!.status,
                  headers: { location: addresses[i + 1]! },
                })
              );
            const headers: Record<string, string> =
              declared === undefined ? {} : { "content-length": String(declared) };
            const payload =
              finalStatus === 204 || finalStatus === 302 ? null : new Blob([new Uint8Array(bytes)]);
            return Promise.resolve(new Response(payload, { status: finalStatus, headers }));
          }) as typeof fetch;

          const got = await fetchDatasetText(start, fetchImpl, {
            maxBytes: MAX_BYTES,
            timeoutMs: 5_000,
          });

          for (const url of requested) assert.ok(url.startsWith("https:"), `requested ${url}`);
          if (!got.ok) {
            assert.ok(
              got.reason.length > 0 && got.reason.length < 1500,
              "a refusal without a reason"
            );
            return;
          }
          // Accepted: every hop was https, the last answered 200, within the limits, as strict UTF-8.
          assert.ok(finalStatus === 200 || finalStatus === 204, `accepted status ${finalStatus}`);
          const delivered = finalStatus === 204 ? new Uint8Array() : bytes;
          assert.ok(
            hops.every((h) => h.scheme === "https:" || h.scheme === "relative"),
            "followed a non-https hop"
          );
          assert.ok(hops.length <= 5, "followed more than 5 redirects");
          assert.ok(
            delivered.length <= MAX_BYTES && (declared ?? 0) <= MAX_BYTES,
            "accepted more than the limit"
          );
          const bom =
            delivered[0] === 0xef && delivered[1] === 0xbb && delivered[2] === 0xbf ? 3 : 0;
          assert.equal(
            got.text,
            new TextDecoder("utf-8", { fatal: true }).decode(delivered.subarray(bom))
          );
          assert.equal(
            got.fileName,
            decodeURIComponent(new URL(start).pathname.split("/").pop() || "dataset")
          );
        }
      )
    ),
    { numRuns: Math.max(1, runs), ...(seed !== undefined ? { seed } : {}) }
  );
}

function addressFor(scheme: string, i: number): string {
  switch (scheme) {
    case "relative":
      return `/hop${i}/data.json`;
    case "garbage":
      return `http://[${i}`;
    case "data:":
      return "data:text/plain,x";
    default:
      return `${scheme}//h${i}.example/data.json`;
  }
}
