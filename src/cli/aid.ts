/**
 * Entry point of the `aid` command (bin/aid.js runs it through tsx). All logic is in runCli.
 * Sets process.exitCode rather than calling process.exit, so large output to a pipe is flushed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readTextFile } from "./readText";
import { runCli } from "./runCli";

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readTextFile(path),
  writeFile: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, "utf8");
  },
  now: () => new Date(),
});
