import * as z from "../zod";
import type { Group, GroupList, KnownRecipient, RecipientList } from "./groups";
import { messages } from "../messages/catalog";
import { cldrJapaneseNames, isJapanese, japaneseNamesField } from "./japaneseNames";
import { nearestNames, normalizeName } from "./names";

const named = {
  name: z.string().check(z.minLength(1)),
  aliases: z.array(z.string().check(z.minLength(1))),
  ja: japaneseNamesField,
};

/** The shape of data/taxonomy.json: regions with subregions, and countries placed in them. */
export const taxonomySchema = z.object({
  $comment: z.optional(z.string()),
  regions: z.array(z.object({ ...named, subregions: z.array(z.object(named)) })),
  countries: z.array(
    z.object({
      iso2: z.string().check(z.regex(/^[A-Z]{2}$/)),
      iso3: z.string().check(z.regex(/^[A-Z]{3}$/)),
      name: z.string().check(z.minLength(1)),
      region: z.string().check(z.minLength(1)),
      subregion: z.nullable(z.string().check(z.minLength(1))),
      aliases: z.array(z.string().check(z.minLength(1))),
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
  | {
      readonly kind: "recipient";
      readonly key: string;
      readonly name: string;
      /** Every name the recipient goes by, normalized: a record naming it by any of them matches. */
      readonly names: ReadonlySet<string>;
      /** The listed organization or fund (data/recipients.json), when it is one. */
      readonly known: KnownRecipient | null;
    }
  | {
      readonly kind: "group";
      readonly key: string;
      readonly name: string;
      readonly group: Group;
      /** ISO2 codes of the member countries. */
      readonly members: ReadonlySet<string>;
      /** Normalized names of the group and of its funds: records with such a recipient count under the group. */
      readonly recipientNames: ReadonlySet<string>;
      /** The funds that serve the group. */
      readonly funds: readonly KnownRecipient[];
    };

export const ALL_PLACES: Place = { kind: "all", key: "*", name: "*" };

export const placeKeys = {
  region: (name: string) => `region:${name}`,
  subregion: (name: string) => `subregion:${name}`,
  country: (iso2: string) => `country:${iso2}`,
  recipient: (name: string) => `recipient:${normalizeName(name)}`,
  group: (id: string) => `group:${id}`,
};

/** Recipient types whose recipient is named, not placed: the name is matched against recipients and groups. */
export function isNamedRecipient(recipientType: string): boolean {
  return recipientType === "organization" || recipientType === "fund" || recipientType === "group";
}

/** Groups and listed recipients, beside the taxonomy. */
export interface PlaceExtras {
  readonly groups?: GroupList;
  readonly recipients?: RecipientList;
}

/** A resolved place in words, for the task pane and Explain. */
export interface PlaceDescription {
  readonly name: string;
  /** Its Japanese name (ベトナム, アフリカ), for the pane in Japanese; null when none is known. */
  readonly japaneseName: string | null;
  readonly kind: Place["kind"];
  /** Member countries of a group, subregion or region (by taxonomy); null for a country, recipient or "*". */
  readonly memberCount: number | null;
  /** Names of the funds that count under a group. */
  readonly funds: readonly string[];
  /** Where a group's membership comes from, with its year. */
  readonly source: string | null;
  /** One line: "ASEAN: 10 member countries, and the fund JAIF". */
  readonly summary: string;
  /** For a group, as Explain shows it: what it counts, and what it leaves to its subregion. */
  readonly definition?: string;
}

/**
 * Resolves what a user types as a place: a region, subregion or country (name, alias, ISO2 or
 * ISO3 code, any case) from the taxonomy, a country group (data/groups.json), or a recipient
 * organization or fund (data/recipients.json, or named in the data). When two mean different
 * places, the first in that order wins: taxonomy, then groups, then recipients. So "Central Asia"
 * is always the subregion, whatever a group is called.
 */
export class PlaceDirectory {
  private readonly byName = new Map<string, Place>();
  private readonly displayNames = new Map<string, string>();
  private readonly countriesByIso2 = new Map<string, Country>();
  private readonly subregionRegion = new Map<string, string>();
  /** Normalized recipient name -> its canonical recipient place (listed or from the data). */
  private readonly recipientsByName = new Map<string, Place & { kind: "recipient" }>();
  /** ISO2 -> the groups it is a member of. */
  private readonly groupsByCountry = new Map<string, (Place & { kind: "group" })[]>();
  /** Normalized name of a group or of its fund -> the groups a record with that recipient counts under. */
  private readonly groupsByRecipient = new Map<string, (Place & { kind: "group" })[]>();
  private readonly memberCounts = new Map<string, number>();
  /** Place key -> the Japanese name shown for it (CLDR for countries, the data's `ja` otherwise). */
  private readonly japanese = new Map<string, string>();
  readonly regionNames: readonly string[];
  readonly groups: readonly (Place & { kind: "group" })[];

  constructor(taxonomy: Taxonomy, recipientNames: Iterable<string> = [], extras: PlaceExtras = {}) {
    this.regionNames = taxonomy.regions.map((r) => r.name);
    for (const region of taxonomy.regions) {
      const place: Place = {
        kind: "region",
        key: placeKeys.region(region.name),
        name: region.name,
      };
      this.add(place, [region.name, ...region.aliases]);
      this.addJapanese(place, region.ja);
      for (const sub of region.subregions) {
        this.subregionRegion.set(sub.name, region.name);
        const subregion: Place = {
          kind: "subregion",
          key: placeKeys.subregion(sub.name),
          name: sub.name,
          region: region.name,
        };
        this.add(subregion, [sub.name, ...sub.aliases]);
        this.addJapanese(subregion, sub.ja);
      }
    }
    for (const country of taxonomy.countries) {
      this.countriesByIso2.set(country.iso2, country);
      const place: Place = {
        kind: "country",
        key: placeKeys.country(country.iso2),
        name: country.name,
        country,
      };
      this.add(place, [country.name, country.iso2, country.iso3, ...country.aliases]);
      this.addJapanese(place, cldrJapaneseNames(country.iso2));
    }
    for (const c of taxonomy.countries) {
      this.count(placeKeys.region(c.region));
      if (c.subregion !== null) this.count(placeKeys.subregion(c.subregion));
    }
    for (const known of extras.recipients?.recipients ?? []) {
      const names = [known.name, known.shortName, ...known.aliases];
      const place: Place = {
        kind: "recipient",
        key: placeKeys.recipient(known.name),
        name: known.name,
        names: new Set(names.map(normalizeName)),
        known,
      };
      for (const n of names) this.recipientsByName.set(normalizeName(n), place);
    }
    this.groups = (extras.groups?.groups ?? []).map((group) => this.addGroup(group));
    for (const place of new Set(this.recipientsByName.values())) {
      this.add(place, [...place.names]);
      this.addJapanese(place, place.known?.ja);
    }
    for (const name of recipientNames) {
      const normalized = normalizeName(name);
      if (!this.recipientsByName.has(normalized)) {
        const place: Place = {
          kind: "recipient",
          key: placeKeys.recipient(name),
          name,
          names: new Set([normalized]),
          known: null,
        };
        this.recipientsByName.set(normalized, place);
        this.add(place, [name]);
      }
    }
  }

  private count(key: string): void {
    this.memberCounts.set(key, (this.memberCounts.get(key) ?? 0) + 1);
  }

  private addGroup(group: Group): Place & { kind: "group" } {
    const funds = group.funds.flatMap((f) => {
      const known = this.recipientsByName.get(normalizeName(f))?.known;
      return known ? [known] : [];
    });
    const recipientNames = new Set([group.name, ...group.aliases].map(normalizeName));
    for (const f of funds)
      for (const n of [f.name, f.shortName, ...f.aliases]) recipientNames.add(normalizeName(n));
    const place = {
      kind: "group",
      key: placeKeys.group(group.id),
      name: group.name,
      group,
      members: new Set(group.members),
      recipientNames,
      funds,
    } as const;
    this.add(place, [group.name, ...group.aliases]);
    this.addJapanese(place, group.ja);
    for (const m of place.members) push(this.groupsByCountry, m, place);
    for (const n of recipientNames) push(this.groupsByRecipient, n, place);
    return place;
  }

  private add(place: Place, names: readonly string[]): void {
    for (const name of names) {
      const normalized = normalizeName(name);
      if (!this.byName.has(normalized)) this.byName.set(normalized, place);
      // Suggestions show the canonical name, reached through any of its spellings.
      if (name.length > 3) this.displayNames.set(normalized, place.name);
    }
  }

  /**
   * Japanese names: found like any other name, and suggested in Japanese when a Japanese name is
   * mistyped (short names too: 中東 has two characters). The first is the one shown.
   */
  private addJapanese(place: Place, names: readonly string[] | undefined): void {
    if (!names || names.length === 0) return;
    if (!this.japanese.has(place.key)) this.japanese.set(place.key, names[0]!);
    for (const name of names) {
      const normalized = normalizeName(name);
      if (!this.byName.has(normalized)) this.byName.set(normalized, place);
      if (isJapanese(name)) this.displayNames.set(normalized, names[0]!);
    }
  }

  /** The Japanese name a place is shown by (ベトナム, アフリカ, 東南アジア諸国連合), or null when none is known. */
  japaneseName(place: Place): string | null {
    return place.kind === "all" ? "すべて" : (this.japanese.get(place.key) ?? null);
  }

  /**
   * Every place a name resolves to, each once, in order: regions and their subregions, countries,
   * groups, recipients. For a place picker: a group appears beside the regions it cuts across.
   */
  list(): Place[] {
    return [...new Set(this.byName.values())];
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

  /** The countries the taxonomy places in a subregion. */
  countriesIn(subregion: string): Country[] {
    return [...this.countriesByIso2.values()].filter((c) => c.subregion === subregion);
  }

  /** The region a subregion belongs to, or undefined for an unknown subregion. */
  regionOfSubregion(subregion: string): string | undefined {
    return this.subregionRegion.get(subregion);
  }

  isRegion(name: string): boolean {
    return this.regionNames.includes(name);
  }

  /**
   * The index key of a named recipient: a listed organization or fund answers under one key by
   * any of its names; another name answers under its own.
   */
  recipientKey(name: string): string {
    return this.recipientsByName.get(normalizeName(name))?.key ?? placeKeys.recipient(name);
  }

  /**
   * The groups a record counts under: those its country is a member of, and those whose name or
   * fund is its recipient. Each group once.
   */
  groupsOf(r: {
    readonly country: string | null;
    readonly recipient: string;
    readonly recipientType: string;
  }): readonly (Place & { kind: "group" })[] {
    const byCountry = r.country !== null ? this.groupsByCountry.get(r.country) : undefined;
    const byName = isNamedRecipient(r.recipientType)
      ? this.groupsByRecipient.get(normalizeName(r.recipient))
      : undefined;
    if (!byName) return byCountry ?? [];
    if (!byCountry) return byName;
    return [...new Set([...byCountry, ...byName])];
  }

  /** A resolved place in words (the summary in the current language): name, kind, member count, funds and source. */
  describe(place: Place): PlaceDescription {
    const m = messages();
    const japaneseName = this.japaneseName(place);
    const shown = m.placeName({ name: place.name, japaneseName });
    const base = { name: place.name, japaneseName, kind: place.kind, funds: [], source: null };
    switch (place.kind) {
      case "all":
        return { ...base, name: "*", memberCount: null, summary: m.everyPlace };
      case "country":
        return { ...base, memberCount: null, summary: m.countrySummary(shown, place.country.iso2) };
      case "recipient": {
        const known = place.known;
        const short = known && known.shortName !== place.name ? known.shortName : null;
        const summary = m.recipientSummary(shown, known?.type ?? "recipient", short);
        return { ...base, memberCount: null, summary };
      }
      case "region":
      case "subregion": {
        const n = this.memberCounts.get(place.key) ?? 0;
        return { ...base, memberCount: n, summary: m.areaSummary(shown, place.kind, n) };
      }
      case "group": {
        const funds = place.funds.map((f) => f.shortName);
        return {
          ...base,
          memberCount: place.members.size,
          funds,
          source: `${place.group.source} (${place.group.sourceYear})`,
          summary: m.groupSummary(shown, place.members.size, funds),
        };
      }
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
