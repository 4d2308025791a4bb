import { existsSync, readFileSync } from "node:fs";
import { contentHash, loadBundledLedger, toCsv, toJson } from "../../src/domain";
import { readPublishedManifest } from "../../src/domain/publish/manifest";
import { EXIT } from "../../src/cli/runCli";
import { bundledCopy } from "../domain/helpers";
import { aid, NOW, tempDir } from "./run";

const tmp = tempDir("aid-publish-");

describe("aid publish", () => {
  test("validates, then writes the dataset and its manifest; the manifest's hash is the file's records'", () => {
    const csv = tmp.write("next.csv", toCsv(bundledCopy()));
    const out = tmp.path("site");
    const { code, stdout } = aid("publish", csv, "--out", out, "--version", "2017.1");
    expect(code).toBe(EXIT.OK);
    expect(stdout).toContain("published: ");
    const manifest = readPublishedManifest(readFileSync(`${out}/manifest.json`, "utf8"));
    if (!manifest.ok) throw new Error(JSON.stringify(manifest.problems));
    const records = loadBundledLedger().records.map((r) => r.record);
    expect(manifest.value).toMatchObject({
      version: "2017.1",
      records: records.length,
      published: NOW.toISOString(),
      dataset: "commitments.json",
      contentHash: contentHash(records),
    });
    expect(readFileSync(`${out}/commitments.json`, "utf8")).toBe(toJson(records));
  });

  test("the version defaults to the publication date; --name names the dataset file", () => {
    const json = tmp.write("data.json", toJson(bundledCopy()));
    const out = tmp.path("site2");
    expect(aid("publish", json, "--out", out, "--name", "aid-2017.json").code).toBe(EXIT.OK);
    const manifest = JSON.parse(readFileSync(`${out}/manifest.json`, "utf8")) as {
      version: string;
      dataset: string;
    };
    expect(manifest).toMatchObject({ version: "2026-11-29", dataset: "aid-2017.json" });
    expect(existsSync(`${out}/aid-2017.json`)).toBe(true);
  });

  test("an invalid dataset writes nothing, exit 1; usage errors exit 2", () => {
    const bad = tmp.write("bad.json", "[{}]");
    const out = tmp.path("never");
    expect(aid("publish", bad, "--out", out).code).toBe(EXIT.INVALID);
    expect(existsSync(out)).toBe(false);
    expect(aid("publish", bad).code).toBe(EXIT.USAGE);
    expect(aid("publish", bad, "--out", out, "--name", "../x.json").code).toBe(EXIT.USAGE);
  });
});
