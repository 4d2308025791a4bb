import {
  bundledReference,
  createLedger,
  formatProblem,
  loadDatasetText,
  toCsv,
  toJson,
} from "../../../src/domain";
import { bundledCopy, record } from "../helpers";

function problemsOf(rows: unknown[]) {
  const built = createLedger({ rows, reference: bundledReference() });
  if (built.ok) throw new Error("expected problems");
  return built.problems;
}

test("the bundled dataset is valid and has every record once", () => {
  const rows = bundledCopy();
  const built = createLedger({ rows, reference: bundledReference() });
  expect(built.ok).toBe(true);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
});

test("every problem is reported with its record, id, field and reason", () => {
  const rows = [
    record({ id: "a" }),
    record({ id: "b", amount: "12.345" }),
    record({ id: "c", kind: "gift" as never }),
    record({ id: "a" }),
    record({ id: "d", country: "VN" }),
    record({ id: "e", partOf: "nope" }),
    record({ id: "f", theme: "maritme" }),
    record({ id: "g", amount: null, currency: null }),
  ];
  const problems = problemsOf(rows);
  const lines = problems.map(formatProblem);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^record 2, id b, field amount: USD amounts have at most 2 decimal places/
      ),
      expect.stringMatching(/^record 3, id c, field kind: must be one of pledge/),
      expect.stringMatching(/^record 4, id a, field id: duplicate id; record 1 has it too/),
      expect.stringMatching(
        /^record 5, id d, field region: Viet Nam \(VN\) is in Asia, not Africa/
      ),
      expect.stringMatching(/^record 6, id e, field partOf: no record has id "nope"/),
      expect.stringMatching(
        /^record 7, id f, field theme: unknown theme "maritme"; did you mean maritime-security/
      ),
      expect.stringMatching(/^record 8, id g, field amount: a record states at least one figure/),
    ])
  );
});

test("unknown fields are refused, so a misspelt column is never silently dropped", () => {
  const problems = problemsOf([{ ...record(), ammount: "5" }]);
  expect(problems).toEqual([expect.objectContaining({ row: 1, field: "ammount" })]);
});

test("cross-field rules: pairs of fields, periods, equivalents", () => {
  const problems = problemsOf([
    record({ id: "a", currency: null }),
    record({ id: "b", periodFrom: 2018, periodTo: 2016 }),
    record({ id: "c", equivalentAmount: "5", equivalentCurrency: "USD" }),
    record({ id: "d", quantity: 3 }),
  ]);
  expect(problems.map((p) => `${p.id}:${p.field}`)).toEqual(
    expect.arrayContaining(["a:currency", "b:periodTo", "c:equivalentCurrency", "d:unit"])
  );
});

test("partOf cycles are found", () => {
  const problems = problemsOf([record({ id: "a", partOf: "b" }), record({ id: "b", partOf: "a" })]);
  expect(
    problems
      .filter((p) => p.field === "partOf")
      .map((p) => p.id)
      .sort()
  ).toEqual(["a", "b"]);
});

test("JSON and CSV round-trip to the same records", () => {
  const rows = bundledCopy();
  for (const [text, name] of [
    [toJson(rows), "d.json"],
    [toCsv(rows), "d.csv"],
  ] as const) {
    const loaded = loadDatasetText(text, bundledReference(), { fileName: name });
    expect(loaded.ok && loaded.value.records.map((r) => r.record)).toEqual(rows);
  }
});

test("a malformed CSV names the text line and field of each problem", () => {
  const csv = toCsv([
    record({ id: "a" }),
    record({ id: "b", notes: "two\nlines" }),
    record({ id: "c" }),
  ])
    .replace(",2016-05,,", ",2016-05,20x6,") // record a: fiscalYear
    .replace("c,test-report.txt", "c,test-report.txt")
    .split("\n");
  // Break record c's approximate flag (line 5: header, a, b spans two lines, c).
  csv[4] = csv[4]!.replace(",FALSE,", ",maybe,");
  const loaded = loadDatasetText(csv.join("\n"), bundledReference(), { fileName: "x.csv" });
  expect(loaded.ok).toBe(false);
  if (loaded.ok) return;
  expect(loaded.problems.map(formatProblem)).toEqual([
    'line 2 (record 1), field fiscalYear: "20x6" is not a whole number',
    'line 5 (record 3), field approximate: "maybe" is not TRUE or FALSE',
  ]);
});

test("a file that is not JSON says so and builds nothing", () => {
  const loaded = loadDatasetText("[{", bundledReference(), { fileName: "x.json" });
  expect(loaded.ok).toBe(false);
  if (!loaded.ok) expect(loaded.problems[0]!.message).toMatch(/not valid JSON/);
});

test("every figure must be stated in the record's evidence phrase", () => {
  const problems = problemsOf([
    record({
      id: "a",
      amount: "500000000",
      evidence: "approximately $500 million (approximately ¥52 billion)",
      equivalentAmount: "53000000000",
      equivalentCurrency: "JPY",
    }),
    record({
      id: "b",
      amount: null,
      currency: null,
      quantity: 3,
      unit: "vessels",
      evidence: "provision of two patrol vessels",
    }),
  ]);
  expect(problems.map((p) => [p.row, p.id, p.field])).toEqual([
    [1, "a", "equivalentAmount"],
    [2, "b", "quantity"],
  ]);
  // Each message names the phrase, what it does state, and how to fix it.
  expect(problems[0]!.message).toMatch(
    /^equivalentAmount 53000000000 is not stated in the record's evidence phrase "approximately \$500 million \(approximately ¥52 billion\)", which states 500000000 and 52000000000\./
  );
  expect(problems[1]!.message).toMatch(
    /^quantity 3 is not stated in the record's evidence phrase "provision of two patrol vessels", which states 2\./
  );
});

test("an amount edited without its evidence phrase is refused with the phrase and the fix", () => {
  // What a user does in the Commitments sheet: types a new amount over the old one, phrase unchanged.
  const edited = record({
    id: "restated",
    amount: "600000000",
    currency: "USD",
    evidence: "a pledge of about $500 million for ports",
  });
  const problems = problemsOf([edited]);
  expect(problems).toHaveLength(1);
  const { field, message } = problems[0]!;
  expect(field).toBe("amount");
  expect(message).toContain('"a pledge of about $500 million for ports", which states 500000000.');
  expect(message).toMatch(
    /change amount and, in the same edit, evidence to the new report's words/
  );
  expect(message).toMatch(/to correct a typing slip, put back the figure the phrase states/);
  // Following the advice (both together) makes the record valid again.
  const fixed = { ...edited, evidence: "a pledge of about $600 million for ports" };
  expect(createLedger({ rows: [fixed], reference: bundledReference() }).ok).toBe(true);
});
