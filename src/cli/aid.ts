/**
 * Entry point of the `aid` command (bin/aid.js runs it through tsx). All logic is in runCli.
 * Sets process.exitCode rather than calling process.exit, so large output to a pipe is flushed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { nodePublishFs } from "./nodeFiles";
import { readTextFile } from "./readText";
import { runCli } from "./runCli";

const exit = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readTextFile(path),
  writeFile: (path, data) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  },
  makeFolder: (path) => mkdirSync(path, { recursive: true }),
  files: nodePublishFs,
  now: () => new Date(),
});
if (typeof exit === "number") process.exitCode = exit;
else
  void exit.then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`aid: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    }
  );
