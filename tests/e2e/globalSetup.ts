import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { requireCommonJs } from "../build/helpers";
import { WORKBENCH_URL_VARIABLE, assertChromium } from "./environment";

/*
 * Before any end-to-end test: the browser must exist (else the run fails, saying how to install
 * one); then the workbench is built in development mode (webpack's Node API, workbench entry only)
 * into a temporary folder and served over plain http on 127.0.0.1 by a small static server.
 */

interface Stats {
  hasErrors(): boolean;
  toString(options: object): string;
}
type Compiler = {
  run(callback: (error: Error | null, stats?: Stats) => void): void;
  close(callback: () => void): void;
};

/** What globalTeardown needs to undo. */
export interface E2eState {
  readonly server: http.Server;
  readonly folder: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
};

async function buildWorkbench(folder: string): Promise<void> {
  const webpack = requireCommonJs<(config: object) => Compiler>("webpack");
  const makeConfig =
    requireCommonJs<
      (env: object, options: object) => Promise<{ output: { path: string }; devtool?: unknown }>
    >("webpack.config.js");
  const config = await makeConfig({ workbenchOnly: true }, { mode: "development" });
  config.output.path = folder;
  config.devtool = false; // faster; stack traces in a failing test still name the modules
  const compiler = webpack({ ...config, mode: "development" });
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) =>
      error || !result ? reject(error ?? new Error("webpack returned no stats")) : resolve(result)
    )
  );
  await new Promise<void>((resolve) => compiler.close(resolve));
  if (stats.hasErrors())
    throw new Error(
      `Building the workbench failed:\n${stats.toString({ all: false, errors: true })}`
    );
}

function serve(folder: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(folder, pathname === "/" ? "workbench.html" : pathname);
    if (
      !file.startsWith(folder + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: ${pathname}`);
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

export default async function globalSetup(): Promise<void> {
  assertChromium();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aid-ledger-workbench-"));
  const started = Date.now();
  await buildWorkbench(folder);
  const server = await serve(folder);
  const { port } = server.address() as AddressInfo;
  process.env[WORKBENCH_URL_VARIABLE] = `http://127.0.0.1:${port}/workbench.html`;
  (globalThis as { aidE2e?: E2eState }).aidE2e = { server, folder };
  console.log(
    `\nWorkbench built in ${((Date.now() - started) / 1000).toFixed(1)} s, served at ${process.env[WORKBENCH_URL_VARIABLE]}`
  );
}
