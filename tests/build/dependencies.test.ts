import * as fs from "fs";
import * as path from "path";
import { ROOT, requireCommonJs } from "./helpers";

/*
 * The build's own dependencies, as the lock file installs them: what webpack.config.js and the
 * scripts it loads require is pinned to a patch range, and `npm ci` on the Node the README names
 * (package.json "engines") prints no engine warning.
 */

const semver = requireCommonJs<{
  minVersion: (range: string) => { version: string } | null;
  satisfies: (version: string, range: string) => boolean;
}>("semver");

interface Lock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as Lock;

/** Every package the build configuration loads (webpack.config.js, scripts/functionsMetadata.js). */
const BUILD_PACKAGES = [
  "webpack",
  "webpack-cli",
  "webpack-dev-server",
  "ts-loader",
  "html-webpack-plugin",
  "copy-webpack-plugin",
  "custom-functions-metadata",
];

test("the build's packages are pinned to a patch range (exact or ~)", () => {
  const ranges = BUILD_PACKAGES.map((name) => ({ name, range: pkg.devDependencies[name] }));
  expect(ranges.filter((r) => !/^~?\d+\.\d+\.\d+$/.test(r.range ?? ""))).toEqual([]);
});

test("webpack.config.js requires no package outside that list (or Node's own)", () => {
  const sources = ["webpack.config.js", "scripts/functionsMetadata.js"].map((f) =>
    fs.readFileSync(path.join(ROOT, f), "utf8")
  );
  const required = sources.flatMap((text) =>
    [...text.matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]!)
  );
  const nodeBuiltins = ["path", "zlib", "fs", "os", "child_process", "crypto"];
  expect(
    [...new Set(required)].filter(
      (name) => !nodeBuiltins.includes(name) && !BUILD_PACKAGES.includes(name)
    )
  ).toEqual([]);
});

test("no installed package asks for a newer Node than package.json's engines admit (no EBADENGINE on npm ci)", () => {
  const oldestNode = semver.minVersion(pkg.engines.node)!.version;
  const tooNew = Object.entries(lock.packages)
    .filter(([name]) => name !== "")
    .flatMap(([name, entry]) => {
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return node && !semver.satisfies(oldestNode, node)
        ? [`${name}@${entry.version} wants node ${node}`]
        : [];
    });
  expect({ oldestNode, tooNew }).toEqual({ oldestNode: "20.19.0", tooNew: [] });
});
