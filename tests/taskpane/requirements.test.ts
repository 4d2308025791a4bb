import { setLanguage } from "../../src/domain";
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
  // The first builds that have every set (ExcelApi 1.14's, from Microsoft Learn).
  expect(message).toContain("Excel on Windows Version 2108 (Build 14326.20508) or later");
  expect(message).toContain("Excel on Mac 16.52 or later");
});

test("in Japanese the message names the same builds", () => {
  setLanguage("ja");
  try {
    const message = requirementsMessage((set) => set !== "ExcelApi", "16.0.14332.20011");
    expect(message).toContain("ExcelApi 1.13, ExcelApi 1.14");
    expect(message).toContain("バージョン 2108 (ビルド 14326.20508) 以降");
    expect(message).toContain("Mac 版 Excel の 16.52 以降");
  } finally {
    setLanguage("en");
  }
});

test("the sets include CustomFunctionsRuntime 1.2, which CustomFunctions.Error needs", () => {
  expect(REQUIREMENTS).toContainEqual(
    expect.objectContaining({ set: "CustomFunctionsRuntime", version: "1.2" })
  );
});
