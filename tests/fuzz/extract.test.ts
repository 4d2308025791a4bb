import { extractProperties } from "./extractProperties";
import { CaseCounter, runsFor } from "./fuzzRuns";

test("generated report text: aid extract keeps its contract, a hard wrap changes no figure", () => {
  const counter = new CaseCounter();
  // A fixed seed and small pathological cases: properties only, no timing (that is npm run fuzz's).
  extractProperties(runsFor("extract"), counter, { pathologicalSize: 8 * 1024, seed: 16 });
  expect(counter.total).toBeGreaterThanOrEqual(runsFor("extract"));
}, 600_000);
