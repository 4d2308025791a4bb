import { argumentProperties } from "./argumentProperties";
import { CaseCounter, runsFor } from "./fuzzRuns";

test("generated function arguments: a clean error or the exact value, never a throw", () => {
  const counter = new CaseCounter();
  argumentProperties(runsFor("arguments"), counter);
  expect(counter.total).toBeGreaterThanOrEqual(runsFor("arguments"));
}, 600_000);
