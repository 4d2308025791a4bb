import { bundledReference } from "../../../src/domain";
import { normalizeName } from "../../../src/domain/places/names";
import { PlaceDirectory } from "../../../src/domain/places/taxonomy";

const { taxonomy } = bundledReference();
const places = new PlaceDirectory(taxonomy);

test("seven top-level regions, in the documented order", () => {
  expect(taxonomy.regions.map((r) => r.name)).toEqual([
    "Africa",
    "Asia",
    "Middle East",
    "Europe",
    "Latin America and the Caribbean",
    "Oceania",
    "Global",
  ]);
  expect(taxonomy.regions.find((r) => r.name === "Asia")!.subregions.map((s) => s.name)).toEqual([
    "East Asia",
    "Southeast Asia",
    "South Asia",
    "Central Asia",
  ]);
});

test.each([
  ["Iran", "Middle East", null],
  ["Afghanistan", "Asia", "South Asia"],
  ["Vietnam", "Asia", "Southeast Asia"],
  ["Viet Nam", "Asia", "Southeast Asia"],
  ["VNM", "Asia", "Southeast Asia"],
  ["cote d’ivoire", "Africa", "West Africa"],
  ["Uzbekistan", "Asia", "Central Asia"],
])("%s is in %s / %s", (name, region, subregion) => {
  const place = places.resolve(name);
  expect(place?.kind).toBe("country");
  if (place?.kind !== "country") return;
  expect([place.country.region, place.country.subregion]).toEqual([region, subregion]);
});

test("every country sits in a known region and in a subregion of that region; names never collide", () => {
  const seen = new Map<string, string>();
  for (const c of taxonomy.countries) {
    const region = taxonomy.regions.find((r) => r.name === c.region);
    expect(region).toBeDefined();
    if (c.subregion === null) expect(region!.subregions).toHaveLength(0);
    else expect(region!.subregions.map((s) => s.name)).toContain(c.subregion);
    for (const n of [c.name, c.iso2, c.iso3, ...c.aliases]) {
      const key = normalizeName(n);
      expect([key, seen.get(key) ?? c.iso2]).toEqual([key, c.iso2]);
      seen.set(key, c.iso2);
    }
  }
  expect(taxonomy.countries.some((c) => c.region === "Global")).toBe(false);
});

test("unknown names get the nearest known names", () => {
  expect(places.resolve("Phillipines")).toBeUndefined();
  expect(places.suggest("Phillipines")).toContain("Philippines");
});
