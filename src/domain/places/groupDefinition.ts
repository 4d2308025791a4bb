import type { AidLedger } from "../ledger";
import { messages } from "../messages/catalog";
import type { Place } from "./taxonomy";

/**
 * What a group counts and what it leaves to the subregion around it, in one or two sentences, so
 * that ASEAN's records beside Southeast Asia's read as a choice: "ASEAN counts its 10 member
 * countries (ASEAN Secretariat, 2016), records naming the group, and its fund JAIF: 9 records.
 * Southeast Asia, the subregion, also counts Timor-Leste and records naming the subregion itself:
 * 11 records." The second sentence only when every member lies in
 * one subregion. Counts are of every record (any year, theme and kind), from the ledger.
 */
export function groupDefinition(ledger: AidLedger, group: Place & { kind: "group" }): string {
  const m = messages();
  const count = (place: Place) =>
    ledger.index.count({ place, year: null, theme: null, kind: "all" });
  const shown = (place: Place) =>
    m.placeName({ name: place.name, japaneseName: ledger.places.japaneseName(place) });
  const source = `${group.group.source}, ${group.group.sourceYear}`;
  const funds = group.funds.map((f) => f.shortName);
  const counts = m.groupCounts(shown(group), group.members.size, source, funds, count(group));
  const subregions = new Set(
    [...group.members].map((iso2) => ledger.places.country(iso2)?.subregion ?? null)
  );
  const [only] = subregions;
  if (subregions.size !== 1 || !only) return counts;
  const subregion = ledger.places.resolve(only);
  if (subregion?.kind !== "subregion") return counts;
  const others = ledger.places
    .countriesIn(only)
    .filter((c) => !group.members.has(c.iso2))
    .map((c) => shown(ledger.places.resolve(c.name) ?? subregion));
  // A short list is named; a long one (East Africa around the Horn) is counted.
  const also = others.length > 4 ? others.length : others;
  return `${counts} ${m.subregionAlsoCounts(shown(subregion), also, count(subregion))}`;
}
