import { expect } from "@jest/globals";
import fc from "fast-check";
import { bundledReference, loadDatasetText } from "../../../src/domain";
import {
  COMMON_TEXT,
  commitmentRecordSchema,
  validRecordOf,
} from "../../../src/domain/dataset/schema";
import { textProblem } from "../../../src/domain/places/names";
import { validateRecords } from "../../../src/domain/dataset/validate";
import { PlaceDirectory } from "../../../src/domain/places/taxonomy";
import { ThemeDirectory } from "../../../src/domain/places/themes";
import { FAULTS, faultedRows, rowsAsCsv } from "./faults";
import { GOLDEN_SEEDS, csvReadableRows, goldenRows } from "./goldenCases";
import golden from "./validationGolden.json";

const reference = bundledReference();
const context = () => ({
  places: new PlaceDirectory(reference.taxonomy, [], {
    groups: reference.groups,
    recipients: reference.recipients,
  }),
  themes: new ThemeDirectory(reference.themes),
});
const problemsOf = (checked: { ok: boolean; problems?: unknown }) =>
  checked.ok ? [] : checked.problems;
const goldenOf = golden as Record<string, { rows: unknown; csv: unknown; readableCsv: unknown }>;

describe("validation finds the same problems as before it was made faster", () => {
  test.each(GOLDEN_SEEDS)("fault-injected rows, seed %i", (seed) => {
    const rows = goldenRows(seed);
    expect(problemsOf(validateRecords(rows, context()))).toEqual(goldenOf[seed]!.rows);
  });

  test.each(GOLDEN_SEEDS)("the same rows as a CSV file, seed %i", (seed) => {
    const rows = goldenRows(seed);
    const load = (csv: string) =>
      problemsOf(loadDatasetText(csv, reference, { fileName: "f.csv" }));
    expect(load(rowsAsCsv(rows))).toEqual(goldenOf[seed]!.csv);
    expect(load(rowsAsCsv(csvReadableRows(rows)))).toEqual(goldenOf[seed]!.readableCsv);
  });
});

test("the golden datasets hold faults of every kind and problems to find", () => {
  for (const seed of GOLDEN_SEEDS) expect(goldenOf[seed]!.readableCsv).not.toEqual([]);
  expect(FAULTS.length).toBeGreaterThan(40);
});

describe("the hand-written record reader accepts what zod accepts, with the same record", () => {
  const sameAsZod = (row: unknown) => {
    const fast = validRecordOf(row);
    const parsed = commitmentRecordSchema.safeParse(row);
    // The reader may only be stricter than zod if it never is on a valid row: require equality.
    expect(fast !== null).toBe(parsed.success);
    if (fast !== null && parsed.success) {
      expect(fast).toEqual(parsed.data);
      expect(Object.keys(fast)).toEqual(Object.keys(parsed.data));
    }
  };

  test("on synthetic rows with faults put in", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.infiniteStream(fc.nat()), (seed, ns) => {
        const draws = ns[Symbol.iterator]();
        faultedRows(40, seed, (below) => draws.next().value! % below, 2).forEach(sameAsZod);
      }),
      { numRuns: 60 }
    );
  });

  test("on rows with one field replaced by any value", () => {
    const base = goldenRows(1).filter((r) => validRecordOf(r) !== null) as Record<
      string,
      unknown
    >[];
    const keys = Object.keys(base[0]!);
    fc.assert(
      fc.property(
        fc.nat({ max: base.length - 1 }),
        fc.constantFrom(...keys, "extra"),
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.stringMatching(/^\s*[a-z0-9-]{0,8}\s*$/),
          fc.integer({ min: -5, max: 3000 }),
          fc.double(),
          fc.constantFrom(null, undefined, "", " ", "USD", "JPY", "2016-02-29", "2015-02-29")
        ),
        fc.boolean(),
        (i, key, value, removeKey) => {
          const row: Record<string, unknown> = { ...base[i], [key]: value };
          // A key left out altogether, not just undefined: zod tells the two apart for required fields.
          if (removeKey) delete row[key];
          sameAsZod(row);
        }
      ),
      { numRuns: 3000 }
    );
  });
});

test("every character of the free-text shortcut is one textProblem accepts, alone and in text", () => {
  let inClass = 0;
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    if (!COMMON_TEXT.test(ch)) continue;
    inClass++;
    expect([code, textProblem(ch, "text")]).toEqual([code, null]);
  }
  // The class is what free text uses (a sanity bound: ASCII, Latin, punctuation, Japanese).
  expect(inClass).toBeGreaterThan(20_000);
  // A character outside it still goes through textProblem, which names it and where it is.
  expect(COMMON_TEXT.test("a\u200bb")).toBe(false);
  expect(textProblem("a\u200bb", "text")).toMatch(/U\+200B at position 2/);
});

describe("partOf problems, against a walk of every record's chain", () => {
  // The definition the linear check must meet: a record is on a cycle when following partOf
  // (to the first record with that id; a missing target or a record part of itself ends the
  // walk) comes back to it; a partOf that no row's id names is reported as missing.
  // Only rows the schema accepts are records (a row part of itself is not one); any row's id
  // counts as a target.
  const expected = (rows: readonly { id: string; partOf: string | null }[]) => {
    const isRecord = rows.map((r) => validRecordOf(r) !== null);
    const first = new Map<string, number>();
    rows.forEach((r, i) => isRecord[i] && !first.has(r.id) && first.set(r.id, i));
    const ids = new Set(rows.map((r) => r.id));
    const parent = (i: number) => {
      const p = rows[i]!.partOf;
      return p === null || p === rows[i]!.id ? undefined : first.get(p);
    };
    const out: string[] = [];
    rows.forEach((r, i) => {
      if (isRecord[i] && r.partOf !== null && r.partOf !== r.id && !ids.has(r.partOf))
        out.push(`missing ${i}`);
    });
    rows.forEach((_, i) => {
      if (!isRecord[i]) return;
      let at = parent(i);
      for (let steps = 0; at !== undefined && at !== i && steps < rows.length; steps++)
        at = parent(at);
      if (at === i) out.push(`cycle ${i}`);
    });
    return out.sort();
  };

  test("random ids (some twice) and partOf targets (some missing, some itself)", () => {
    const base = goldenRows(2).filter((r) => validRecordOf(r) !== null) as Record<
      string,
      unknown
    >[];
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.nat({ max: 12 }), partOf: fc.option(fc.nat({ max: 14 })) }), {
          minLength: 1,
          maxLength: 14,
        }),
        (links) => {
          const rows = links.map((l, i) => ({
            ...base[i % base.length],
            id: `r-${l.id}`,
            partOf: l.partOf === null ? null : `r-${l.partOf}`,
          }));
          const checked = validateRecords(rows, context());
          const problems = checked.ok ? [] : checked.problems;
          const found = problems
            .filter((p) => p.field === "partOf" && !/part of itself/.test(p.message))
            .map((p) => `${/cycle/.test(p.message) ? "cycle" : "missing"} ${p.row - 1}`)
            .sort();
          expect(found).toEqual(expected(rows));
        }
      ),
      { numRuns: 500 }
    );
  });
});

/** The fields whose texts the schema trims (names and free texts). */
const TRIMMED = new Set([
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
  "unit",
  "notes",
]);

test("a valid row read as it is and read by copying give the same record", () => {
  // A row in a record's form is its own record; the same row with its keys in another order, or
  // with spaces around its texts, goes through the copying reader: both must give zod's record.
  const base = goldenRows(3).filter((r) => validRecordOf(r) !== null) as Record<string, unknown>[];
  fc.assert(
    fc.property(fc.nat({ max: base.length - 1 }), fc.boolean(), fc.boolean(), (i, reverse, pad) => {
      // zod's record of the row: every field, in order, texts trimmed.
      const row: Record<string, unknown> = { ...commitmentRecordSchema.parse(base[i]) };
      const asIs = validRecordOf(row);
      expect(asIs).toBe(row);
      const entries = Object.entries(row).map(([k, v]): [string, unknown] =>
        pad && typeof v === "string" && TRIMMED.has(k) ? [k, ` ${v}\t`] : [k, v]
      );
      const other: Record<string, unknown> = Object.fromEntries(
        reverse ? entries.reverse() : entries
      );
      const copied = validRecordOf(other);
      if (!reverse && !pad) expect(copied).toBe(other);
      else expect(copied).not.toBe(other);
      expect(copied).toEqual(asIs);
      expect(Object.keys(copied!)).toEqual(Object.keys(asIs!));
      expect(copied).toEqual(commitmentRecordSchema.parse(other));
    }),
    { numRuns: 300 }
  );
});
