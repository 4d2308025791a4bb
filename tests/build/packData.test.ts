import { expect } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { unpackData } from "../../src/domain/bundled";
import { ROOT, requireCommonJs } from "./helpers";

/*
 * The compact form the build gives the data files (scripts/packData.js, webpack.config.js) and
 * the domain's unpacking (src/domain/bundled.ts): every file comes back as edited, but for its
 * "$comment" keys.
 */

const { packData } = requireCommonJs<{ packData: (value: unknown) => unknown }>(
  "scripts/packData.js"
);
const DATA = path.join(ROOT, "data");
const files = fs.readdirSync(DATA).filter((f) => f.endsWith(".json"));
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(DATA, file), "utf8"));
const withoutComments = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, item: unknown) => (key === "$comment" ? undefined : item))
  );

test("every data file unpacks to what it holds, comments aside", () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
  for (const file of files)
    expect({ file, data: unpackData(packData(read(file))) }).toEqual({
      file,
      data: withoutComments(read(file)),
    });
});

test("the packed form is smaller: the countries and the commitments are tables of rows", () => {
  const taxonomy = packData(read("taxonomy.json")) as { countries: { $columns: string[] } };
  expect(taxonomy.countries.$columns).toEqual([
    "iso2",
    "iso3",
    "name",
    "region",
    "subregion",
    "aliases",
  ]);
  expect(packData(read("commitments.json"))).toEqual(
    expect.objectContaining({ $columns: expect.arrayContaining(["id", "amount"]) })
  );
  for (const file of files)
    expect(JSON.stringify(packData(read(file))).length).toBeLessThan(
      JSON.stringify(read(file)).length
    );
});

test("an array whose objects differ in their keys is left as it is", () => {
  const mixed = [{ a: 1 }, { a: 2, b: 3 }];
  expect(packData(mixed)).toEqual(mixed);
  expect(
    unpackData(
      packData([
        { a: 1, b: [{ c: 1 }, { c: 2 }] },
        { a: 2, b: [] },
      ])
    )
  ).toEqual([
    { a: 1, b: [{ c: 1 }, { c: 2 }] },
    { a: 2, b: [] },
  ]);
});
