import { REQUIREMENTS, requirementsMessage } from "../../src/taskpane/requirements";

test("every set present: nothing to say", () => {
  expect(requirementsMessage(() => true, "16.0.17029.20126")).toBeNull();
});

test("a missing set is named with what it is needed for, and the user's Excel version", () => {
  const message = requirementsMessage(
    (set, version) => !(set === "ExcelApi" && version === "1.14"),
    "16.0.14332.20011"
  );
  expect(message).toMatch(/^This Excel \(version 16\.0\.14332\.20011\) lacks ExcelApi 1\.14\. /);
  expect(message).not.toMatch(/1\.13/);
  expect(message).toMatch(/Aid Ledger needs Excel on the web/);
});

test("the sets include CustomFunctionsRuntime 1.2, which CustomFunctions.Error needs", () => {
  expect(REQUIREMENTS).toContainEqual(
    expect.objectContaining({ set: "CustomFunctionsRuntime", version: "1.2" })
  );
});
