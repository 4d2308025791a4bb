import { fetchProperties } from "./fetchProperties";
import { CaseCounter, runsFor } from "./fuzzRuns";

test("generated fetch answers: https on every hop, exact text or a reason, never a throw", async () => {
  const counter = new CaseCounter();
  await fetchProperties(runsFor("fetch"), counter);
  expect(counter.total).toBeGreaterThanOrEqual(runsFor("fetch"));
}, 600_000);
