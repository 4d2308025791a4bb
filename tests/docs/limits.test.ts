import { readFileSync } from "node:fs";
import { join } from "node:path";
import { limits } from "../../src/domain";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
const section = /## Limits and input rules\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";

test("the README's limits section states every limit as src/domain/limits.ts has it", () => {
  expect(readme.indexOf("## Limits and input rules")).toBeGreaterThan(
    readme.indexOf("## The `aid` command")
  );
  for (const figure of [
    `${limits.MAX_FILE_BYTES / 1024 / 1024} MB (${limits.MAX_FILE_BYTES} bytes)`,
    `at most ${limits.MAX_RECORDS}`,
    `at most ${limits.MAX_NAME_LENGTH} characters`,
    `at most ${limits.MAX_EVIDENCE_LENGTH} characters`,
    `at most ${limits.MAX_TEXT_LENGTH} characters`,
    `USD at most ${limits.MAX_AMOUNT_TEXT.USD}, JPY at most ${limits.MAX_AMOUNT_TEXT.JPY}`,
    `at most ${limits.MAX_PEOPLE}`,
    `at most ${limits.MAX_EXACT_ANSWER} (15 digits)`,
    `at most ${limits.MAX_FORMULA_LENGTH} characters`,
    `at most ${limits.MAX_ECHO_LENGTH} characters of what was typed`,
  ])
    expect(section).toContain(figure);
  expect(limits.MAX_PEOPLE).toBe(limits.MAX_QUANTITY);
  expect(BigInt(limits.MAX_EXACT_ANSWER)).toBe(limits.MAX_AMOUNT_MINOR);
});
