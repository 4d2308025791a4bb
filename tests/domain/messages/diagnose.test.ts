import {
  bundledReference,
  diagnoseDatasetText,
  explainNetworkFailure,
  groupProblems,
  loadDatasetText,
  sortProblems,
  type Problem,
} from "../../../src/domain";

const problemsOf = (text: string, fileName: string): readonly Problem[] => {
  const r = loadDatasetText(text, bundledReference(), { fileName });
  if (r.ok) throw new Error("expected problems");
  return r.problems;
};

test("an HTML page is said to be one, whatever it was read as", () => {
  const page =
    "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Sign in</body></html>\n";
  for (const name of ["data.csv", "data.json"]) {
    const d = diagnoseDatasetText(page, problemsOf(page, name));
    expect(d.diagnosis).toMatch(/^This is an HTML page, not a dataset/);
  }
  // Known only by the problems (a fetched address): the JSON parser's complaint about "<".
  const fromProblems = diagnoseDatasetText(null, problemsOf(page, "data.csv"));
  expect(fromProblems.diagnosis).toMatch(/^This is an HTML page/);
});

test("a table with none of the dataset's columns names its columns once", () => {
  const csv = "name,value,date\na,1,2020\nb,2,2021\n";
  const problems = problemsOf(csv, "other.csv");
  expect(problems.length).toBeGreaterThan(10);
  const d = diagnoseDatasetText(csv, problems);
  expect(d.diagnosis).toMatch(/^These columns are not the dataset's: name, value, date\. /);
  expect(d.total).toBe(problems.length);
});

test("a dataset with problems gets no diagnosis: its problems are grouped by kind and sorted by line", () => {
  const problems: Problem[] = [
    { row: 8, line: 9, field: "region", message: "unknown region" },
    { row: 4, line: 5, field: "amount", message: "too many decimals" },
    { row: 2, line: 3, field: "region", message: "unknown region" },
    { row: 0, field: "(file)", message: "a whole-file note" },
  ];
  expect(sortProblems(problems).map((p) => p.line ?? 0)).toEqual([0, 3, 5, 9]);
  const groups = groupProblems(problems);
  expect(groups.map((g) => [g.title, g.problems.map((p) => p.line ?? 0)])).toEqual([
    ["The file as a whole", [0]],
    ["Field region", [3, 9]],
    ["Field amount", [5]],
  ]);
  expect(diagnoseDatasetText("id,amount\n", problems).diagnosis).toBeNull();
});

test("JSON that is not a list of records is said to be so", () => {
  const text = '{"records": []}';
  expect(diagnoseDatasetText(text, problemsOf(text, "x.json")).diagnosis).toMatch(
    /^This JSON is not a dataset/
  );
});

describe("explainNetworkFailure", () => {
  const url = "https://data.example.org/commitments.json";
  const failed = new TypeError("Failed to fetch");
  test.each([
    [{ error: failed, online: false, url }, "offline", /is offline/],
    [
      { error: new Error("getaddrinfo ENOTFOUND data.example.org"), url },
      "name-not-found",
      /No server named data\.example\.org/,
    ],
    [
      { error: new Error("unable to verify the first certificate; CERT_HAS_EXPIRED"), url },
      "certificate",
      /certificate is not trusted/,
    ],
    [
      { error: new Error("connect ECONNREFUSED 10.0.0.1:443"), url },
      "refused",
      /refused the connection/,
    ],
    [
      { error: "blocked by CORS policy: No 'Access-Control-Allow-Origin'", url },
      "cors",
      /CORS policy/,
    ],
    [
      { error: new DOMException("The operation was aborted.", "AbortError"), url },
      "timeout",
      /did not answer in time/,
    ],
    [
      { error: failed, online: true, url },
      "unknown",
      /could not be reached\. The browser does not say why; .*CORS/,
    ],
  ])("%# %j", (input, cause, message) => {
    const f = explainNetworkFailure(input);
    expect(f.cause).toBe(cause);
    expect(f.message).toMatch(message);
  });
});
