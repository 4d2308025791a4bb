import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS } from "../../src/domain";
import { ROOT, requireCommonJs } from "./helpers";

/*
 * functions.json is what Excel learns the functions from. `npm run metadata` generates it from the
 * JSDoc of src/host/customFunctions.ts into src/host/functions.json, which the build copies; the
 * committed copy makes every change to it visible in review, and this test keeps the two equal.
 */

const SOURCE = path.join(ROOT, "src", "host", "customFunctions.ts");
const COMMITTED = path.join(ROOT, "src", "host", "functions.json");
const REGENERATE = "npm run metadata";

interface Metadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; description?: string; type: string; optional?: boolean }[];
    result: { type?: string; dimensionality?: string };
    options?: { stream?: boolean; cancelable?: boolean };
  }[];
}

const { generateCustomFunctionsMetadata } = requireCommonJs<{
  generateCustomFunctionsMetadata: (
    input: string,
    wantConsoleOutput?: boolean
  ) => Promise<{ metadataJson: string; errors: string[] }>;
}>("custom-functions-metadata");

let generated: { metadataJson: string; errors: string[] };
let metadata: Metadata;

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(SOURCE, false);
  metadata = JSON.parse(generated.metadataJson || "{}") as Metadata;
});

test("custom-functions-metadata reads the JSDoc without errors", () => {
  expect(generated.errors).toEqual([]);
});

test("the committed src/host/functions.json equals what the JSDoc generates", () => {
  const committed = JSON.parse(fs.readFileSync(COMMITTED, "utf8")) as unknown;
  try {
    expect(metadata).toEqual(committed);
  } catch (error) {
    throw new Error(
      `functions.json generated from src/host/customFunctions.ts differs from src/host/functions.json. If the change is intended, regenerate it with\n  ${REGENERATE}\nand review its diff.\n\n${(error as Error).message}`
    );
  }
});

test("npm run metadata writes exactly the committed file, byte for byte", async () => {
  const { generateFunctionsMetadata } = requireCommonJs<{
    generateFunctionsMetadata: () => Promise<string>;
  }>("scripts/functionsMetadata.js");
  expect(await generateFunctionsMetadata()).toBe(fs.readFileSync(COMMITTED, "utf8"));
});

test("the functions are the catalog's, in its order, each id and name as users type it", () => {
  expect(metadata.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.name));
  expect(metadata.functions.map((f) => f.name)).toEqual(FUNCTIONS.map((f) => f.name));
});

describe.each(FUNCTIONS.map((f) => [f.name, f] as const))("%s", (name, spec) => {
  const meta = () => metadata.functions.find((f) => f.id === name)!;

  test("has every catalog parameter, in order, with the same name, optionality and description", () => {
    expect(
      meta().parameters.map((p) => ({
        name: p.name,
        optional: p.optional === true,
        description: p.description,
      }))
    ).toEqual(
      spec.parameters.map((p) => ({
        name: p.name,
        optional: p.optional,
        description: p.description,
      }))
    );
  });

  test("describes itself with the catalog's words and example", () => {
    expect(meta().description).toMatch(
      new RegExp(`^${escape(spec.description)} Example: ${escape(spec.example)}`)
    );
  });

  test(spec.spills ? "answers a spilled table (matrix)" : "answers one value (scalar)", () => {
    expect(meta().result.dimensionality).toBe(spec.spills ? "matrix" : undefined);
  });
});

// Microsoft Learn (custom-functions-json, custom-functions-json-autogeneration,
// custom-functions-web-reqs): a function cannot be both streaming and cancelable; a streaming
// function's cleanup goes in StreamingInvocation.onCanceled instead.
test("every function streams, and none declares both stream and cancelable", () => {
  for (const f of metadata.functions) {
    expect({ id: f.id, stream: f.options?.stream }).toEqual({ id: f.id, stream: true });
    expect({ id: f.id, both: f.options?.stream === true && f.options.cancelable === true }).toEqual(
      { id: f.id, both: false }
    );
  }
});

test("every year parameter takes any value (Excel may pass a number or text)", () => {
  const years = metadata.functions.flatMap((f) => f.parameters.filter((p) => p.name === "year"));
  expect(years).toHaveLength(
    FUNCTIONS.filter((f) => f.parameters.some((p) => p.name === "year")).length
  );
  for (const year of years) expect(year.type).toBe("any");
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
