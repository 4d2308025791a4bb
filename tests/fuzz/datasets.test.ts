import { datasetProperties } from "./datasetProperties";
import { CaseCounter, runsFor } from "./fuzzRuns";

test("generated hostile datasets: a located error or the exact figures, never a throw", () => {
  const counter = new CaseCounter();
  datasetProperties(runsFor("datasets"), counter);
  expect(counter.total).toBeGreaterThanOrEqual(runsFor("datasets"));
}, 600_000);
