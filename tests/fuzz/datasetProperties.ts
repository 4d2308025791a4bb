/**
 * Generated hostile dataset files, through loadDatasetText (JSON and CSV) and decodeDatasetBytes.
 * The contract for every case: no exception; either a ledger whose every figure is the one the
 * file states (checked against exact.ts) and whose text holds nothing invisible, or problems that
 * name where (record or line, field) and why, in messages of bounded length.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type AidLedger,
  bundledReference,
  type Checked,
  type CommitmentRecord,
  decodeDatasetBytes,
  type FieldName,
  functionSpec,
  limits,
  loadDatasetText,
  type Problem,
  toCsv,
  toJson,
  toSafeCell,
} from "../../src/domain";
import { record } from "../domain/helpers";
import { amountMinor, minorText } from "./exact";
import { type CaseCounter, fuzzSeed } from "./fuzzRuns";
import { hostileString, numberLikeString } from "./hostileText";

const reference = bundledReference();

type Format = "json" | "csv";
const format = fc.constantFrom<Format>("json", "csv");

function load(records: readonly CommitmentRecord[], as: Format): Checked<AidLedger> {
  const text = as === "json" ? toJson(records) : toCsv(records);
  return loadDatasetText(text, reference, { fileName: `fuzz.${as}` });
}

/** A small valid dataset: `n` records in USD, no partOf, each stating its own amount. */
function baseRecords(amounts: readonly bigint[]): CommitmentRecord[] {
  return amounts.map((cents, i) => {
    const amount = minorText(cents, 2);
    return record({ id: `r${i}`, amount, evidence: `stating ${amount}` });
  });
}
const amounts = fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 4 });

/** Every problem is located and short; returns them for further checks. */
function assertLocated(problems: readonly Problem[]): readonly Problem[] {
  assert.ok(problems.length > 0, "refused without a problem");
  for (const p of problems) {
    assert.ok(Number.isInteger(p.row) && p.row >= 0, `bad row ${p.row}`);
    assert.ok(p.field.length > 0 && p.field.length <= 300, `bad field ${p.field.slice(0, 80)}`);
    assert.ok(
      p.message.length > 0 && p.message.length <= 1500,
      `message of ${p.message.length} characters`
    );
  }
  return problems;
}

/** AIDTOTAL("*",,currency,,"all"), as a cell gets it. */
function totalAll(ledger: AidLedger, currency: "USD" | "JPY"): number {
  const r = functionSpec("AIDTOTAL")!.evaluate(ledger, ["*", null, currency, null, "all"]);
  assert.ok(r.ok, `AIDTOTAL failed: ${r.ok ? "" : r.error.message}`);
  return r.value as number;
}

// Characters that must never be accepted into a name; free text may hold tab and line breaks.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const HIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const HIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u;
/** Fields whose problem may be reported on another record (one title per document, unique ids). */
const CROSS_RECORD = new Set(["sourceTitle", "sourceFile", "id", "partOf", "recipient"]);
const FREE_TEXT = new Set(["sourceTitle", "sourceSection", "evidence", "notes"]);
/** A second opinion on what a spreadsheet could take for a formula (NFKC folds the full-width forms). */
const FORMULA_START = /^[\s\u3000]*[=+\-@]/;

const TEXT_FIELDS: readonly FieldName[] = [
  "sourceFile",
  "sourceTitle",
  "sourceSection",
  "evidence",
  "donor",
  "recipient",
  "region",
  "subregion",
  "channel",
  "theme",
  "notes",
  "id",
  "partOf",
  "country",
  "kind",
  "currency",
];

export function datasetProperties(runs: number, counter: CaseCounter): void {
  const each = Math.max(1, Math.ceil(runs / 8));
  const params = { numRuns: each, ...(fuzzSeed() !== undefined ? { seed: fuzzSeed()! } : {}) };

  // Injection text in every field, in both file formats.
  fc.assert(
    fc.property(
      amounts,
      fc.nat(),
      fc.constantFrom(...TEXT_FIELDS),
      hostileString,
      format,
      counter.count("datasets: hostile text in a field", (cents, pick, field, value, as) => {
        const records = baseRecords(cents);
        const k = pick % records.length;
        (records[k] as unknown as Record<string, unknown>)[field] = value;
        const built = load(records, as);
        if (!built.ok) {
          const problems = assertLocated(built.problems);
          assert.ok(
            problems.some(
              (p) =>
                p.row === 0 || p.row === k + 1 || (CROSS_RECORD.has(field) && p.field === field)
            ),
            `no problem names record ${k + 1}: ${JSON.stringify(problems).slice(0, 300)}`
          );
          return;
        }
        const stored = built.value.records[k]!.record[field];
        const trimmed = value.trim();
        assert.equal(stored, trimmed === "" ? null : trimmed, `field ${field} changed`);
        if (typeof stored === "string") {
          const hidden = FREE_TEXT.has(field) ? HIDDEN_IN_TEXT : HIDDEN_IN_NAME;
          assert.ok(!hidden.test(stored), `accepted a hidden character in ${field}`);
          if (FORMULA_START.test(stored.normalize("NFKC")))
            assert.equal(toSafeCell(stored), `'${stored}`, `formula-like ${field} not marked`);
        }
        assert.equal(totalAll(built.value, "USD"), Number(minorText(sum(cents), 2)));
      })
    ),
    params
  );

  // A column twice (CSV) is refused at line 1, naming the column.
  fc.assert(
    fc.property(
      amounts,
      fc.constantFrom(...TEXT_FIELDS, "amount", "people", "approximate"),
      fc.string({ maxLength: 8 }),
      counter.count("datasets: a column twice", (cents, field, extra) => {
        const csv = toCsv(baseRecords(cents));
        const [header, ...lines] = csv.trimEnd().split("\n");
        const quoted = `"${extra.replace(/"/g, '""')}"`;
        const twice = [`${header},${field}`, ...lines.map((l) => `${l},${quoted}`)].join("\n");
        const built = loadDatasetText(twice, reference, { fileName: "fuzz.csv" });
        assert.ok(!built.ok, "a CSV with a column twice was accepted");
        const problems = assertLocated(built.problems);
        assert.ok(
          problems.some((p) => p.line === 1 && p.field === field && /given twice/.test(p.message)),
          JSON.stringify(problems).slice(0, 300)
        );
      })
    ),
    params
  );

  // A key twice in a JSON record is refused, naming the record and the key.
  fc.assert(
    fc.property(
      amounts,
      fc.nat(),
      fc.constantFrom(...TEXT_FIELDS, "amount", "people"),
      counter.count("datasets: a key twice", (cents, pick, field) => {
        const records = baseRecords(cents);
        const k = pick % records.length;
        const objects = records.map((r) => JSON.stringify(r));
        objects[k] = objects[k]!.replace(/}$/, `,${JSON.stringify(field)}:"x"}`);
        const built = loadDatasetText(`[${objects.join(",\n")}]`, reference, {
          fileName: "f.json",
        });
        assert.ok(!built.ok, "a JSON record with a key twice was accepted");
        const problems = assertLocated(built.problems);
        assert.ok(
          problems.some((p) => p.row === k + 1 && p.line === k + 1 && p.field === field),
          JSON.stringify(problems).slice(0, 300)
        );
      })
    ),
    params
  );

  // Odd and huge amounts: accepted exactly, or refused at the amount.
  fc.assert(
    fc.property(
      fc.oneof(numberLikeString, hostileString),
      fc.constantFrom<"USD" | "JPY">("USD", "JPY"),
      format,
      counter.count("datasets: odd amounts", (amount, currency, as) => {
        const records = [record({ amount, currency, evidence: `stating ${amount}` })];
        const built = load(records, as);
        const digits = currency === "USD" ? 2 : 0;
        const expected = amountMinor(amount.trim(), digits);
        if (!built.ok) {
          const problems = assertLocated(built.problems);
          assert.ok(
            problems.some((p) => p.row <= 1),
            JSON.stringify(problems).slice(0, 300)
          );
          return;
        }
        assert.ok(expected !== null, `accepted "${amount.slice(0, 40)}" as an amount`);
        assert.ok(expected <= limits.MAX_AMOUNT_MINOR, "accepted an amount beyond the limit");
        assert.equal(built.value.records[0]!.amount!.minor, expected);
        assert.equal(totalAll(built.value, currency), Number(minorText(expected, digits)));
      })
    ),
    params
  );

  // People: accepted exactly when a whole number from 1 to MAX_PEOPLE, else refused at people.
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: -5, max: 2_000_000_000 }),
        fc.double({ noNaN: false }),
        fc.constantFrom(2 ** 53, 2 ** 53 + 2, 1e21, limits.MAX_PEOPLE, limits.MAX_PEOPLE + 1)
      ),
      format,
      counter.count("datasets: people", (people, as) => {
        const records = [
          record({ amount: null, currency: null, people, evidence: `${people} people` }),
        ];
        const built = load(records, as);
        const valid = Number.isInteger(people) && people >= 1 && people <= limits.MAX_PEOPLE;
        if (!built.ok) {
          assertLocated(built.problems);
          // A valid count may still be refused by the evidence check ("1e+21 people"): never silently.
          if (valid)
            assert.ok(built.problems.some((p) => p.field === "evidence" || p.field === "people"));
          return;
        }
        assert.ok(valid, `accepted ${people} people`);
        const r = functionSpec("AIDPEOPLE")!.evaluate(built.value, ["*"]);
        assert.deepEqual(r, { ok: true, value: people });
      })
    ),
    params
  );

  // Dates: accepted when the day exists.
  fc.assert(
    fc.property(
      fc.integer({ min: 1890, max: 2210 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      counter.count("datasets: dates", (y, m, d) => {
        const announced = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const built = load([record({ announced })], "json");
        const date = new Date(Date.UTC(y, m - 1, d));
        const real =
          date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        if (real) assert.ok(built.ok, `refused the real date ${announced}`);
        else {
          assert.ok(!built.ok, `accepted ${announced}`);
          assert.ok(built.problems.every((p) => p.field === "announced" && p.row === 1));
        }
      })
    ),
    params
  );

  // Deep and odd partOf graphs: cycles found exactly, and money counted once per chain.
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }).chain((n) =>
        fc.tuple(
          fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: null, freq: 3 }), {
            minLength: n,
            maxLength: n,
          }),
          fc.array(fc.option(fc.bigInt({ min: 1n, max: 10n ** 12n }), { nil: null }), {
            minLength: n,
            maxLength: n,
          })
        )
      ),
      counter.count(
        "datasets: partOf graphs",
        ([parents, money]: [(number | null)[], (bigint | null)[]]) => {
          const graph = parents.map((p, i) => (p === i ? null : p));
          const records = graph.map((p, i) => {
            const cents = money[i] ?? null;
            const amount = cents === null ? null : minorText(cents, 2);
            return record({
              id: `r${i}`,
              partOf: p === null ? null : `r${p}`,
              amount,
              currency: amount === null ? null : "USD",
              people: amount === null ? 7 : null,
              evidence: amount === null ? "7 people" : `stating ${amount}`,
            });
          });
          const onCycle = cycleMembers(graph);
          const built = load(records, "json");
          if (onCycle.length > 0) {
            assert.ok(!built.ok);
            const reported = built.problems
              .filter((x) => /cycle/.test(x.message))
              .map((x) => x.row - 1);
            assert.deepEqual(reported, onCycle);
            return;
          }
          assert.ok(built.ok, JSON.stringify(built.ok ? "" : built.problems.slice(0, 2)));
          // Money counts unless an ancestor states an amount (which includes it).
          const counted = records.filter(
            (_, i) => !ancestorHas(graph, i, (j) => money[j] !== null)
          );
          const expected = counted.reduce(
            (s, r) => s + (amountMinor(r.amount ?? "0", 2) ?? 0n),
            0n
          );
          assert.equal(totalAll(built.value, "USD"), Number(minorText(expected, 2)));
        }
      )
    ),
    params
  );

  // Bytes in any encoding, or corrupted: decoded exactly, or refused as not UTF-8.
  const utf8 = (b: Uint8Array) => new TextDecoder("utf-8", { fatal: true }).decode(b);
  fc.assert(
    fc.property(
      fc.constantFrom("utf8", "utf8bom", "utf16le", "utf16lebom", "utf16be"),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
      counter.count("datasets: encodings", (encoding, flips) => {
        const text = toJson(baseRecords([100n]));
        let bytes = encodeAs(text, encoding);
        bytes = new Uint8Array(bytes);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        const decoded = decodeDatasetBytes(bytes, utf8);
        if (decoded.ok) {
          // Accepted: exactly what a strict decoder reads (less a byte-order mark).
          const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
          assert.equal(decoded.value, utf8(bytes.subarray(start)));
          if (flips.length === 0) assert.equal(decoded.value, text);
        } else {
          assertLocated(decoded.problems);
          assert.match(decoded.problems[0]!.message, /UTF-8|UTF-16|UTF-32/);
          if (flips.length === 0) assert.ok(encoding.startsWith("utf16"), "refused clean UTF-8");
        }
      })
    ),
    params
  );
}

function sum(xs: readonly bigint[]): bigint {
  return xs.reduce((a, b) => a + b, 0n);
}

function encodeAs(text: string, encoding: string): Uint8Array {
  const le = (t: string) => new Uint8Array(Buffer.from(t, "utf16le"));
  switch (encoding) {
    case "utf8bom":
      return new TextEncoder().encode(`\uFEFF${text}`);
    case "utf16le":
      return le(text);
    case "utf16lebom":
      return le(`\uFEFF${text}`);
    case "utf16be": {
      const b = le(`\uFEFF${text}`);
      for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
      return b;
    }
    default:
      return new TextEncoder().encode(text);
  }
}

/** Records on a cycle of the partOf graph, by walking each chain (the slow way, as an oracle). */
function cycleMembers(parent: readonly (number | null)[]): number[] {
  return parent.flatMap((p, i) => {
    const seen = new Set([i]);
    for (let next = p; next !== null; next = parent[next] ?? null) {
      if (seen.has(next)) return next === i ? [i] : [];
      seen.add(next);
    }
    return [];
  });
}

function ancestorHas(
  parent: readonly (number | null)[],
  i: number,
  has: (j: number) => boolean
): boolean {
  for (let next = parent[i] ?? null; next !== null; next = parent[next] ?? null)
    if (has(next)) return true;
  return false;
}
