import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

/*
 * tests/ mirrors src/ (issue 15, item 6; CONTRIBUTING.md): a test of src/domain/rates/x.ts is in
 * tests/domain/rates/. Every folder under a layer's tests has its folder in src, so a reader finds
 * the code a test covers by its path. Folders of their own kind (build, docs, e2e, fuzz, setup) test
 * the project as a whole and have no src twin.
 */

const LAYERS = ["domain", "host", "taskpane", "tooling", "cli", "workbench"];

function folders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return [full, ...folders(full)];
    });
}

test("every folder of a layer's tests has its folder in src", () => {
  const unmirrored = LAYERS.flatMap((layer) => folders(path.join(ROOT, "tests", layer)))
    .map((dir) => path.relative(path.join(ROOT, "tests"), dir))
    .filter((relative) => !fs.existsSync(path.join(ROOT, "src", relative)));
  expect(unmirrored).toEqual([]);
});

test("every top-level folder of tests/ is a layer of src or one of the project's own", () => {
  const own = ["build", "docs", "e2e", "fuzz", "setup"];
  const top = fs
    .readdirSync(path.join(ROOT, "tests"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  expect(top.filter((name) => !LAYERS.includes(name) && !own.includes(name))).toEqual([]);
  for (const layer of LAYERS.filter((l) => top.includes(l)))
    expect({ layer, inSrc: fs.existsSync(path.join(ROOT, "src", layer)) }).toEqual({
      layer,
      inSrc: true,
    });
});
