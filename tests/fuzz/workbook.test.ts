import { CaseCounter, runsFor } from "./fuzzRuns";
import { workbookProperties } from "./workbookProperties";

test("generated sessions with the workbook, a failure injected in each step: after every step the invariants hold", async () => {
  const counter = new CaseCounter();
  await workbookProperties(runsFor("workbook"), counter);
  expect(counter.total).toBeGreaterThanOrEqual(runsFor("workbook"));
}, 600_000);
