import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS } from "../../src/domain";
import { ROOT } from "./helpers";

/*
 * functions.json is what Excel learns the functions from. It is generated from the JSDoc of
 * src/host/customFunctions.ts; the golden copy makes every change to it visible in review.
 */

const SOURCE = path.join(ROOT, "src", "host", "customFunctions.ts");
const GOLDEN = path.join(ROOT, "tests", "golden", "functions.json");
const REGENERATE = "UPDATE_GOLDEN=1 npx jest tests/build/functionsMetadata.test.ts";

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

const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as {
  generateCustomFunctionsMetadata(
    input: string,
    wantConsoleOutput?: boolean
  ): Promise<{ metadataJson: string; errors: string[] }>;
};

let generated: { metadataJson: string; errors: string[] };
let metadata: Metadata;

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(SOURCE, false);
  metadata = JSON.parse(generated.metadataJson || "{}") as Metadata;
});

test("custom-functions-metadata reads the JSDoc without errors", () => {
  expect(generated.errors).toEqual([]);
});

test("the generated metadata equals the golden copy tests/golden/functions.json", () => {
  if (process.env.UPDATE_GOLDEN) {
    fs.writeFileSync(GOLDEN, `${JSON.stringify(metadata, null, 2)}\n`);
    return;
  }
  const golden = JSON.parse(fs.readFileSync(GOLDEN, "utf8")) as unknown;
  try {
    expect(metadata).toEqual(golden);
  } catch (error) {
    throw new Error(
      `functions.json generated from src/host/customFunctions.ts differs from tests/golden/functions.json. If the change is intended, regenerate the golden copy with\n  ${REGENERATE}\nand review its diff.\n\n${(error as Error).message}`
    );
  }
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
