/** Runs the `aid` command in-process with a real file system in a temporary folder, at a fixed time. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "../../src/cli/runCli";

export const NOW = new Date("2026-11-29T12:00:00.000Z");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function aid(...argv: string[]): Run {
  let stdout = "";
  let stderr = "";
  const code = runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text, "utf8");
    },
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

/** A temporary folder for one test file, removed after it. */
export function tempDir(prefix: string): {
  path: (name: string) => string;
  write: (name: string, text: string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    write: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}
