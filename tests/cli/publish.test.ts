import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import ExcelJS from "exceljs";
import { nodePublishFs } from "../../src/cli/nodeFiles";
import type { PublishFs } from "../../src/domain/publish/atomicPublish";
import { contentHash, loadBundledLedger, toCsv, toJson } from "../../src/domain";
import { readPublishedManifest } from "../../src/domain/publish/manifest";
import { EXIT } from "../../src/cli/runCli";
import { bundledCopy } from "../domain/helpers";
import { aidAsync, NOW, tempDir } from "./run";

const tmp = tempDir("aid-publish-");

describe("aid publish", () => {
  test("validates, then writes the dataset and its manifest; the manifest's hash is the file's records'", async () => {
    const csv = tmp.write("next.csv", toCsv(bundledCopy()));
    const out = tmp.path("site");
    const { code, stdout } = await aidAsync(["publish", csv, "--out", out, "--version", "2017.1"]);
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

  test("the version defaults to the publication date; --name names the dataset file", async () => {
    const json = tmp.write("data.json", toJson(bundledCopy()));
    const out = tmp.path("site2");
    expect((await aidAsync(["publish", json, "--out", out, "--name", "aid-2017.json"])).code).toBe(
      EXIT.OK
    );
    const manifest = JSON.parse(readFileSync(`${out}/manifest.json`, "utf8")) as {
      version: string;
      dataset: string;
    };
    expect(manifest).toMatchObject({ version: "2026-11-29", dataset: "aid-2017.json" });
    expect(existsSync(`${out}/aid-2017.json`)).toBe(true);
    expect(existsSync(`${out}/aid-2017.xlsx`)).toBe(true);
  });

  test("an invalid dataset writes nothing, exit 1; usage errors exit 2", async () => {
    const bad = tmp.write("bad.json", "[{}]");
    const out = tmp.path("never");
    expect((await aidAsync(["publish", bad, "--out", out])).code).toBe(EXIT.INVALID);
    expect(existsSync(out)).toBe(false);
    expect((await aidAsync(["publish", bad])).code).toBe(EXIT.USAGE);
    expect((await aidAsync(["publish", bad, "--out", out, "--name", "../x.json"])).code).toBe(
      EXIT.USAGE
    );
    expect((await aidAsync(["publish", bad, "--out", out, "--name", "manifest.json"])).code).toBe(
      EXIT.USAGE
    );
  });

  test("the .xlsx beside the dataset holds its records", async () => {
    const csv = tmp.write("for-xlsx.csv", toCsv(bundledCopy()));
    const out = tmp.path("site-xlsx");
    expect((await aidAsync(["publish", csv, "--out", out])).code).toBe(EXIT.OK);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(`${out}/commitments.xlsx`);
    expect(book.getWorksheet("Commitments")!.rowCount - 1).toBe(bundledCopy().length);
  });
});

/** Every file in a folder with its bytes: what a reader of the site would see. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(`${dir}/${name}`).toString("base64")])
  );
}

/** The real file system, counting the steps that change something and failing at step `failAt`. */
function failingAt(failAt: number): { fs: PublishFs; steps: () => number } {
  let steps = 0;
  const step =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A) => {
      if (++steps === failAt) throw new Error(`injected failure at step ${failAt}`);
      f(...a);
    };
  return {
    fs: {
      kindOf: nodePublishFs.kindOf,
      createFile: step(nodePublishFs.createFile),
      copyFile: step(nodePublishFs.copyFile),
      rename: step(nodePublishFs.rename),
      remove: nodePublishFs.remove,
    },
    steps: () => steps,
  };
}

describe("aid publish is all or nothing", () => {
  const edition = (n: number) => {
    const records = bundledCopy();
    records[0] = { ...records[0]!, notes: `edition ${n}` };
    return tmp.write(`edition-${n}.json`, toJson(records));
  };

  test("a failure at any write, copy or rename leaves the published edition exactly as it was", async () => {
    const out = tmp.path("atomic");
    expect((await aidAsync(["publish", edition(1), "--out", out])).code).toBe(EXIT.OK);
    const before = snapshot(out);
    const next = edition(2);
    const counting = failingAt(0);
    // A dry run over a copy of the folder counts the steps a publish over an edition takes.
    const probe = tmp.path("atomic-probe");
    mkdirSync(probe);
    for (const [name, data] of Object.entries(before))
      writeFileSync(`${probe}/${name}`, Buffer.from(data, "base64"));
    expect((await aidAsync(["publish", next, "--out", probe], { files: counting.fs })).code).toBe(
      EXIT.OK
    );
    const total = counting.steps();
    // 3 temporary files, 3 copies of the files replaced, 3 renames.
    expect(total).toBe(9);
    for (let failAt = 1; failAt <= total; failAt++) {
      const run = await aidAsync(["publish", next, "--out", out], { files: failingAt(failAt).fs });
      expect({ failAt, code: run.code }).toEqual({ failAt, code: EXIT.USAGE });
      expect(run.stderr).toContain(`injected failure at step ${failAt}`);
      expect(run.stderr).toContain("nothing was replaced");
      expect(snapshot(out)).toEqual(before);
    }
    // And without a failure, the new edition replaces the old one whole.
    expect((await aidAsync(["publish", next, "--out", out])).code).toBe(EXIT.OK);
    expect(readFileSync(`${out}/commitments.json`, "utf8")).toContain("edition 2");
    expect(Object.keys(snapshot(out))).toEqual(Object.keys(before));
  });

  test("a first publish that fails leaves no file in the folder", async () => {
    const out = tmp.path("atomic-first");
    for (let failAt = 1; failAt <= 6; failAt++) {
      const run = await aidAsync(["publish", edition(3), "--out", out], {
        files: failingAt(failAt).fs,
      });
      expect(run.code).toBe(EXIT.USAGE);
      expect(readdirSync(out)).toEqual([]);
    }
  });

  test.each(["commitments.json", "commitments.xlsx", "manifest.json"])(
    "a symbolic link at %s inside --out is refused; the file it points to is untouched",
    async (name) => {
      const out = tmp.path(`linked-${name}`);
      mkdirSync(out);
      const outside = tmp.write(`outside-${name}`, "not yours");
      symlinkSync(outside, `${out}/${name}`);
      const run = await aidAsync(["publish", edition(4), "--out", out]);
      expect(run.code).toBe(EXIT.USAGE);
      expect(run.stderr).toContain("is a symbolic link");
      expect(readFileSync(outside, "utf8")).toBe("not yours");
      expect(readlinkSync(`${out}/${name}`)).toBe(outside);
      expect(readdirSync(out)).toEqual([name]);
    }
  );
});
