/* global module, require */
/**
 * functions-ja.json, the custom functions' help in Japanese, derived from the functions.json the
 * build generates: the same functions, ids, names, parameters (names, types, dimensionality,
 * optional), results and options, with only `description` and each parameter's `description`
 * taken from src/host/functionsHelp.ja.json. Deriving it from the built file, never writing it by
 * hand, is what keeps the two from drifting when a function or parameter changes.
 *
 * Microsoft Learn, "Custom functions naming and localization" (custom-functions-naming, section
 * "Localize custom functions"): one JSON metadata file per language, the locale in its file name
 * (functions-de.json), `id` never localized; the manifest points at it with an Override on the
 * metadata URL. The page warns that JSDoc-generated metadata is not localized, so the second file must
 * be written apart: this step writes it from the generated one instead of by hand. Function names
 * are not translated here, so =AIDTOTAL(...) works in every language.
 */
const fs = require("fs");
const webpack = require("webpack");

/** Kana or kanji: a description with none is not Japanese (an English text pasted by mistake). */
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const ENTRY_KEYS = new Set(["description", "parameters"]);

function checkText(text, where, problems) {
  if (typeof text !== "string" || !text.trim()) problems.push(`${where}: no Japanese text`);
  else if (!JAPANESE_SCRIPT.test(text)) problems.push(`${where}: the text has no Japanese script`);
}

/**
 * `metadata` (functions.json, parsed) with the Japanese descriptions of `help` (functionsHelp.ja.json).
 * Throws one error listing every problem: a function or parameter with no translation, or a
 * translation for a function or parameter that functions.json does not have.
 */
function localizeFunctionsMetadata(metadata, help) {
  const problems = [];
  const entries = (help && help.functions) || {};
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(entries))
    if (!ids.has(id)) problems.push(`${id}: translated, but functions.json has no function ${id}`);

  const functions = metadata.functions.map((fn) => {
    const entry = entries[fn.id];
    if (!entry) {
      problems.push(`${fn.id}: no Japanese description`);
      return fn;
    }
    for (const key of Object.keys(entry))
      if (!ENTRY_KEYS.has(key)) problems.push(`${fn.id}: unknown key "${key}"`);
    checkText(entry.description, `${fn.id}`, problems);
    const translated = entry.parameters || {};
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(translated))
      if (!names.has(name))
        problems.push(`${fn.id}(${name}): translated, but ${fn.id} has no parameter ${name}`);
    const parameters = fn.parameters.map((p) => {
      checkText(translated[p.name], `${fn.id}(${p.name})`, problems);
      return { ...p, description: translated[p.name] };
    });
    return { ...fn, description: entry.description, parameters };
  });

  if (problems.length)
    throw new Error(
      `The Japanese function help (src/host/functionsHelp.ja.json) does not match functions.json:\n  ${problems.join("\n  ")}`
    );
  return { ...metadata, functions };
}

/**
 * Writes `output` (functions-ja.json) beside `input` (functions.json) in every compilation, from
 * whatever plugin emitted `input`; a problem is a compilation error, so the build fails.
 */
class LocalizedFunctionsMetadataPlugin {
  constructor({ input, output, help }) {
    this.options = { input, output, help };
  }

  apply(compiler) {
    const { input, output, help } = this.options;
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(help); // the dev server rebuilds when the texts change
      compilation.hooks.processAssets.tap(
        {
          name: "LocalizedFunctionsMetadataPlugin",
          // After every plugin that adds assets: functions.json exists by then.
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_DERIVED,
        },
        (assets) => {
          try {
            if (!assets[input]) throw new Error(`no ${input} was emitted to translate`);
            const english = JSON.parse(assets[input].source().toString());
            const japanese = localizeFunctionsMetadata(
              english,
              JSON.parse(fs.readFileSync(help, "utf8"))
            );
            compilation.emitAsset(
              output,
              new webpack.sources.RawSource(`${JSON.stringify(japanese, null, 2)}\n`)
            );
          } catch (error) {
            compilation.errors.push(new webpack.WebpackError(`${output}: ${error.message}`));
          }
        }
      );
    });
  }
}

module.exports = { localizeFunctionsMetadata, LocalizedFunctionsMetadataPlugin };
