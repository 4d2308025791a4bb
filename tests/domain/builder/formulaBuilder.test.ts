import {
  FUNCTIONS,
  buildFormula,
  explainFormula,
  builderFunctions,
  bundledReference,
  filterPlaceOptions,
  functionSpec,
  listKinds,
  listPlaceOptions,
  listYears,
  listYearChoices,
  loadBundledLedger,
  previewFormula,
  type PlaceOptionSource,
} from "../../../src/domain";

const ledger = loadBundledLedger();
const taxonomy = bundledReference().taxonomy;
const options = listPlaceOptions(ledger, taxonomy);

test("the place list has all places, regions, subregions, groups, recipients in the data and every country, with record counts", () => {
  const kinds = new Set(options.map((o) => o.kind));
  expect(kinds).toEqual(new Set(["all", "region", "subregion", "group", "country", "recipient"]));
  expect(options.filter((o) => o.kind === "country")).toHaveLength(taxonomy.countries.length);
  const count = (place: string) =>
    (functionSpec("AIDCOUNT")!.evaluate(ledger, [place]) as { value: number }).value;
  for (const o of options) expect([o.value, o.records]).toEqual([o.value, count(o.value)]);
  expect(options.find((o) => o.value === "UNODC")?.kind).toBe("recipient");
  expect(options.find((o) => o.value === "*")?.records).toBe(ledger.records.length);
});

test("searching the list finds a place by alias or ISO code, case and accents ignored, exact matches first", () => {
  expect(filterPlaceOptions(options, "vietnam")[0]?.value).toBe("Viet Nam");
  expect(filterPlaceOptions(options, "VNM")[0]?.value).toBe("Viet Nam");
  expect(filterPlaceOptions(options, "cote d'ivoire")[0]?.value).toBe("Côte d'Ivoire");
  expect(filterPlaceOptions(options, "africa")[0]?.value).toBe("Africa");
  expect(filterPlaceOptions(options, "zzzz")).toEqual([]);
  expect(filterPlaceOptions(options, "")).toHaveLength(options.length);
});

test("a new kind of place (country groups) slots in as one more source", () => {
  const groups: PlaceOptionSource = () => [
    { kind: "group", value: "ASEAN", label: "ASEAN", detail: "Group", keys: ["asean"], records: 2 },
  ];
  const withGroups = listPlaceOptions(ledger, taxonomy, [groups]);
  expect(withGroups.map((o) => o.kind)).toEqual(["group"]);
});

test("years come from the data, newest first; kinds start with the two classes", () => {
  const years = listYears(ledger);
  expect(years[0]).toBe(2016);
  expect(years).toEqual([...years].sort((a, b) => b - a));
  // The 2010 report's grant decisions (its 2006 figure is the JAIF fund's size, counted in no year).
  expect(years).toContain(2010);
  expect(
    listKinds()
      .slice(0, 2)
      .map((k) => k.value)
  ).toEqual(["committed", "all"]);
});

test("the formula quotes text, keeps years as numbers, and drops trailing left-out arguments", () => {
  const total = functionSpec("AIDTOTAL")!;
  expect(buildFormula(total, { place: "Africa", year: 2016 })).toBe('=AIDTOTAL("Africa",2016)');
  expect(buildFormula(total, { place: "Africa", theme: "maritime-security" })).toBe(
    '=AIDTOTAL("Africa",,,"maritime-security")'
  );
  expect(buildFormula(total, { place: 'Say "hi"' })).toBe('=AIDTOTAL("Say ""hi""")');
  expect(builderFunctions(FUNCTIONS).map((f) => f.name)).toEqual([
    "AIDTOTAL",
    "AIDCOUNT",
    "AIDPEOPLE",
    "AIDLIST",
  ]);
});

test("the preview gives the answer the cell will show and the records behind it", () => {
  const p = previewFormula(ledger, "AIDTOTAL", { place: "Africa", year: 2016 })!;
  expect(p.formula).toBe('=AIDTOTAL("Africa",2016)');
  expect(p.answer).toBe(2420000000);
  expect(p.records).toBe(3);
  const bad = previewFormula(ledger, "AIDTOTAL", { place: "Viet Nam", year: 2009 })!;
  expect(bad.error?.code).toBe("NA");
});

test("country groups are in the place list: ASEAN with its members, its fund and its record count", () => {
  const ledger = loadBundledLedger();
  const options = listPlaceOptions(ledger, bundledReference().taxonomy);
  const asean = options.find((o) => o.kind === "group" && o.value === "ASEAN")!;
  expect(asean.detail).toMatch(/^Group of 10 countries, and the fund JAIF/);
  expect(asean.records).toEqual(
    (functionSpec("AIDCOUNT")!.evaluate(ledger, ["ASEAN"]) as { ok: true; value: number }).value
  );
  expect(filterPlaceOptions(options, "jaif").map((o) => o.kind)).toContain("group");
});

test("Explain reads a group as what it counts", () => {
  const e = explainFormula(loadBundledLedger(), '=AIDCOUNT("ASEAN")')!;
  expect(e.arguments[0]!.meaning).toBe("ASEAN: 10 member countries, and the fund JAIF (group)");
});

test("the year choices offer the fiscal years the records fall in, and a fiscal pick writes FY", () => {
  const choices = listYearChoices(ledger);
  const fiscal = choices.filter((c) => c.value.startsWith("FY"));
  const expected = new Set<string>();
  for (const r of ledger.records) {
    const dated = r.record.announced !== null && r.record.announced.length >= 7;
    if (r.record.fiscalYear !== null) expected.add(`FY${r.record.fiscalYear}`);
    else if (dated) {
      const [y, m] = r.record.announced!.split("-").map(Number);
      expected.add(`FY${m! >= 4 ? y! : y! - 1}`);
    }
  }
  expect(new Set(fiscal.map((c) => c.value))).toEqual(expected);
  expect(choices.filter((c) => !c.value.startsWith("FY")).map((c) => Number(c.value))).toEqual(
    listYears(ledger)
  );
  const preview = previewFormula(ledger, "AIDTOTAL", {
    place: "*",
    year: "FY2009",
    currency: "JPY",
  });
  expect(preview?.formula).toBe('=AIDTOTAL("*","FY2009","JPY")');
  expect(preview?.records).toBe(2);
});
