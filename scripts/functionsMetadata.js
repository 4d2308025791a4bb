/* global require, module, console, process, __dirname */
/**
 * Writes src/host/functions.json, what Excel learns the custom functions from, from the JSDoc of
 * src/host/customFunctions.ts, with custom-functions-metadata's documented API (the same generator
 * custom-functions-metadata-plugin runs in Microsoft's templates). The file is kept in the repo so
 * that every change to it shows in review; tests/build/functionsMetadata.test.ts fails when it
 * differs from what the JSDoc generates.
 *
 *   npm run metadata
 */
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const SOURCE = path.resolve(__dirname, "..", "src", "host", "customFunctions.ts");
const OUTPUT = path.resolve(__dirname, "..", "src", "host", "functions.json");

/** The metadata the JSDoc generates, as the committed file holds it (two-space JSON). */
async function generateFunctionsMetadata() {
  const { metadataJson, errors } = await generateCustomFunctionsMetadata(SOURCE, false);
  if (errors.length > 0) throw new Error(`${SOURCE}:\n${errors.join("\n")}`);
  return `${JSON.stringify(JSON.parse(metadataJson), null, 2)}\n`;
}

module.exports = { generateFunctionsMetadata, FUNCTIONS_METADATA: OUTPUT };

if (require.main === module) {
  generateFunctionsMetadata().then(
    (text) => {
      fs.writeFileSync(OUTPUT, text);
      console.log(`Wrote ${path.relative(process.cwd(), OUTPUT)}`);
    },
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    }
  );
}
