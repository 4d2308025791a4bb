import * as fs from "fs";
import type { E2eState } from "./globalSetup";

/** Stops the workbench server and removes the build. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { aidE2e?: E2eState }).aidE2e;
  if (!state) return;
  state.server.closeAllConnections();
  await new Promise<void>((resolve) => state.server.close(() => resolve()));
  fs.rmSync(state.folder, { recursive: true, force: true });
}
