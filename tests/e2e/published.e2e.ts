import type { Route } from "playwright-core";
import { TABLES, buildManifest, toJson } from "../../src/domain";
import { bundledCopy, ticadAt600Million } from "../domain/helpers";
import { checkAddress, useWorkbenchPage, waitForSheets } from "./workbench";

/*
 * Data loaded from a web address: the pane reads the manifest published beside it (aid publish)
 * and says when a newer edition is there, without downloading the dataset. The server is played by
 * Playwright's request interception, so nothing leaves the machine.
 */

const workbench = useWorkbenchPage();
const BASE = "https://data.example.test/aid/";

test("after a refresh from a web address, the pane says when a newer dataset is published there", async () => {
  const { page, pane } = workbench();
  const first = bundledCopy();
  const files = new Map<string, string>([
    ["commitments.json", toJson(first)],
    [
      "manifest.json",
      JSON.stringify(
        buildManifest(first, {
          version: "2016.1",
          published: new Date("2026-01-01T00:00:00Z"),
          dataset: "commitments.json",
        })
      ),
    ],
  ]);
  await page.route(`${BASE}**`, (route: Route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop() ?? "";
    const body = files.get(name);
    return route.fulfill({
      status: body === undefined ? 404 : 200,
      headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
      body: body ?? "not found",
    });
  });

  await checkAddress(workbench(), `${BASE}commitments.json`);
  await pane.getByRole("button", { name: "Apply changes" }).click();
  await waitForSheets(page, [TABLES.commitments.sheet, TABLES.facts.sheet, TABLES.rates.sheet]);
  await pane.getByText("This is the latest dataset published at its address.").waitFor();

  files.set(
    "manifest.json",
    JSON.stringify(
      buildManifest(ticadAt600Million(), {
        version: "2017.1",
        published: new Date(Date.now() + 60_000),
        dataset: "commitments-2017.json",
      })
    )
  );
  await pane.getByRole("button", { name: "Check for a newer dataset" }).click();
  await pane.getByText(/A newer dataset is available: version 2017\.1, 33 records/).waitFor();
  await pane.getByText(`${BASE}commitments-2017.json`, { exact: false }).waitFor();
});
