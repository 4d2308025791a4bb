/** Runs the `aid` command in-process with a real file system in a temporary folder, at a fixed time. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { nodePublishFs } from "../../src/cli/nodeFiles";
import { type CliIo, runCli } from "../../src/cli/runCli";

export const NOW = new Date("2026-11-29T12:00:00.000Z");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real file system; `override` replaces some of it (to inject failures). */
export function realIo(override: Partial<CliIo> = {}): {
  io: CliIo;
  printed: () => { stdout: string; stderr: string };
} {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: (path, data) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    },
    makeFolder: (path) => mkdirSync(path, { recursive: true }),
    files: nodePublishFs,
    now: () => NOW,
    ...override,
  };
  return { io, printed: () => ({ stdout, stderr }) };
}

/** Runs a synchronous command (everything but publish and export --xlsx). */
export function aid(...argv: string[]): Run {
  const { io, printed } = realIo();
  const code = runCli(argv, io);
  if (typeof code !== "number") throw new Error(`use aidAsync for ${argv[0]}`);
  return { code, ...printed() };
}

/** Runs any command, with the real file system or the parts of it `override` replaces. */
export async function aidAsync(
  argv: readonly string[],
  override: Partial<CliIo> = {}
): Promise<Run> {
  const { io, printed } = realIo(override);
  const code = await runCli(argv, io);
  return { code, ...printed() };
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
