import { z } from "zod";
import { nearestNames, normalizeName } from "./names";

const named = { name: z.string().min(1), aliases: z.array(z.string().min(1)) };

/** The shape of data/taxonomy.json: regions with subregions, and countries placed in them. */
export const taxonomySchema = z.object({
  $comment: z.string().optional(),
  regions: z.array(z.object({ ...named, subregions: z.array(z.object(named)) })),
  countries: z.array(
    z.object({
      iso2: z.string().regex(/^[A-Z]{2}$/),
      iso3: z.string().regex(/^[A-Z]{3}$/),
      name: z.string().min(1),
      region: z.string().min(1),
      subregion: z.string().min(1).nullable(),
      aliases: z.array(z.string().min(1)),
    })
  ),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;
export type Country = Taxonomy["countries"][number];

/** What a place argument resolves to. `key` is the index's name for it. */
export type Place =
  | { readonly kind: "all"; readonly key: "*"; readonly name: "*" }
  | { readonly kind: "region"; readonly key: string; readonly name: string }
  | {
      readonly kind: "subregion";
      readonly key: string;
      readonly name: string;
      readonly region: string;
    }
  | {
      readonly kind: "country";
      readonly key: string;
      readonly name: string;
      readonly country: Country;
    }
  | { readonly kind: "recipient"; readonly key: string; readonly name: string };

export const ALL_PLACES: Place = { kind: "all", key: "*", name: "*" };

export const placeKeys = {
  region: (name: string) => `region:${name}`,
  subregion: (name: string) => `subregion:${name}`,
  country: (iso2: string) => `country:${iso2}`,
  recipient: (name: string) => `recipient:${normalizeName(name)}`,
};

/**
 * Resolves what a user types as a place: a region, subregion or country (name, alias, ISO2 or
 * ISO3 code, any case) from the taxonomy, or a recipient organization or fund named in the data.
 * Taxonomy names win over recipient names.
 */
export class PlaceDirectory {
  private readonly byName = new Map<string, Place>();
  private readonly displayNames = new Map<string, string>();
  private readonly countriesByIso2 = new Map<string, Country>();
  private readonly subregionRegion = new Map<string, string>();
  readonly regionNames: readonly string[];

  constructor(taxonomy: Taxonomy, recipientNames: Iterable<string> = []) {
    this.regionNames = taxonomy.regions.map((r) => r.name);
    for (const region of taxonomy.regions) {
      const place: Place = {
        kind: "region",
        key: placeKeys.region(region.name),
        name: region.name,
      };
      this.add(place, [region.name, ...region.aliases]);
      for (const sub of region.subregions) {
        this.subregionRegion.set(sub.name, region.name);
        this.add(
          {
            kind: "subregion",
            key: placeKeys.subregion(sub.name),
            name: sub.name,
            region: region.name,
          },
          [sub.name, ...sub.aliases]
        );
      }
    }
    for (const country of taxonomy.countries) {
      this.countriesByIso2.set(country.iso2, country);
      this.add(
        { kind: "country", key: placeKeys.country(country.iso2), name: country.name, country },
        [country.name, country.iso2, country.iso3, ...country.aliases]
      );
    }
    for (const name of recipientNames) {
      const normalized = normalizeName(name);
      if (!this.byName.has(normalized)) {
        this.add({ kind: "recipient", key: placeKeys.recipient(name), name }, [name]);
      }
    }
  }

  private add(place: Place, names: readonly string[]): void {
    for (const name of names) {
      const normalized = normalizeName(name);
      if (!this.byName.has(normalized)) this.byName.set(normalized, place);
      // Suggestions show the canonical name, reached through any of its spellings.
      if (name.length > 3) this.displayNames.set(normalized, place.name);
    }
  }

  /** The place a typed name means, or undefined. "*" means every place. */
  resolve(typed: string): Place | undefined {
    if (typed.trim() === "*") return ALL_PLACES;
    return this.byName.get(normalizeName(typed));
  }

  /** Up to three known names close to an unknown one, for the error message. */
  suggest(typed: string): string[] {
    return nearestNames(typed, this.displayNames);
  }

  country(iso2: string): Country | undefined {
    return this.countriesByIso2.get(iso2);
  }

  /** The region a subregion belongs to, or undefined for an unknown subregion. */
  regionOfSubregion(subregion: string): string | undefined {
    return this.subregionRegion.get(subregion);
  }

  isRegion(name: string): boolean {
    return this.regionNames.includes(name);
  }
}
