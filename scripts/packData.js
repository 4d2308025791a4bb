/* global module */
/**
 * The build's compact form of a data file (webpack.config.js, for data/*.json): the "$comment"
 * keys dropped (no code reads them), and every array of objects that all have the same keys in
 * the same order written as one list of keys and one row of values per object:
 * {"$columns": ["iso2", "name"], "$rows": [["AF", "Afghanistan"], ...]}. The files stay as they are
 * edited; src/domain/bundled.ts unpacks (unpackData), and tests/build/packData.test.ts checks that
 * unpacking gives every file back.
 */
function packData(value) {
  if (Array.isArray(value)) {
    const items = value.map(packData);
    const columns = sameKeys(value);
    if (!columns) return items;
    return {
      $columns: columns,
      $rows: value.map((item) => columns.map((key) => packData(item[key]))),
    };
  }
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "$comment")
      .map(([key, item]) => [key, packData(item)])
  );
}

/** The keys every item has, in one order, when there are at least two items and all are objects. */
function sameKeys(items) {
  if (items.length < 2 || !items.every(isPlainObject)) return null;
  const keys = Object.keys(items[0]);
  if (keys.includes("$comment")) return null;
  const same = items.every((item) => {
    const own = Object.keys(item);
    return own.length === keys.length && own.every((key, i) => key === keys[i]);
  });
  return same ? keys : null;
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

module.exports = { packData };
