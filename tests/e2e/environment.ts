import * as fs from "fs";

/** Debian's Chromium; AID_CHROMIUM names another Chromium or Chrome executable. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Set by globalSetup for the test files: the workbench's address on the local server. */
export const WORKBENCH_URL_VARIABLE = "AID_E2E_WORKBENCH_URL";

export function chromiumPath(): string {
  return process.env.AID_CHROMIUM || DEFAULT_CHROMIUM;
}

/**
 * Throws, saying how to get one, unless the browser the tests use exists and can be run. The end-to-end
 * tests never skip for want of a browser: a run without one fails.
 */
export function assertChromium(executable: string = chromiumPath()): void {
  let problem: string | null = null;
  try {
    if (!fs.statSync(executable).isFile()) problem = "is not a file";
    else fs.accessSync(executable, fs.constants.X_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problem =
      code === "ENOENT" ? "does not exist" : code === "EACCES" ? "is not executable" : String(e);
  }
  if (problem === null) return;
  const source = process.env.AID_CHROMIUM
    ? `AID_CHROMIUM points to ${executable}, which ${problem}.`
    : `No Chromium at ${executable} (it ${problem}).`;
  throw new Error(
    [
      "",
      `The end-to-end tests need a Chromium browser. ${source}`,
      "Install Debian's Chromium (as root):  apt-get update && apt-get install -y chromium",
      "or set AID_CHROMIUM to a Chromium or Chrome executable:  AID_CHROMIUM=/path/to/chrome npm run test:e2e",
      "(`npx playwright install` cannot download browsers on these machines.)",
      "",
    ].join("\n")
  );
}
