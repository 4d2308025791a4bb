import { exportProperties } from "./exportProperties";
import { CaseCounter, runsFor } from "./fuzzRuns";

test("generated hostile text through the IATI export, and publish failing at any step", async () => {
  const counter = new CaseCounter();
  await exportProperties(runsFor("export"), counter);
  expect(counter.total).toBeGreaterThanOrEqual(runsFor("export"));
}, 600_000);
