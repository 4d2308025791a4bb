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
