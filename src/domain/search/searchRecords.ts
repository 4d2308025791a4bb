import { dateLabelOf, type LedgerRecord } from "../dataset/ledgerRecord";
import type { AidLedger } from "../ledger";
import { type Messages, english, messages } from "../messages/catalog";
import { minorToNumber } from "../money/money";
import { normalizeName } from "../places/names";

/** What a record shows as a compact card: what, where, when, how much, and its evidence phrase. */
export interface RecordCard {
  readonly id: string;
  /** "Pledge · Counter-terrorism" or "Loan · Maritime security and piracy · 10 patrol vessels". */
  readonly what: string;
  /** "Philippines", "UNODC (for Myanmar)", "Africa". */
  readonly where: string;
  /** "2016-08", "FY2013", or "No date stated". */
  readonly when: string;
  /** "USD 500,000,000", "30,000 people", or "No amount stated". */
  readonly howMuch: string;
  /**
   * In a language other than English: what the record delivers as the source states it ("10 patrol
   * vessels", English data), kept out of `what` and `howMuch` so the pane can mark its language.
   */
  readonly deliverable?: string | null;
  /** The stated amount to the last digit (the hover text of `howMuch`); null without an amount. */
  readonly howMuchExact?: string | null;
  readonly evidence: string;
  /** The document's title (never its file name). */
  readonly source: string;
}

/** One search hit: the record, its card, its score and the fields the query was found in. */
export interface SearchHit {
  readonly record: LedgerRecord;
  readonly card: RecordCard;
  readonly score: number;
  readonly matchedIn: readonly string[];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The card of one record, as search results and the briefing copy's Sources sheet show it: in
 * English by default (the briefing copy's cells), in the pane's language when the pane passes its
 * messages (Search: place names in Japanese, yen in 億円 with the exact figure in `howMuchExact`).
 */
export function recordCard(
  ledger: AidLedger,
  r: LedgerRecord,
  text: Messages = english
): RecordCard {
  const s = r.record;
  const found = ledger.themes.resolve(s.theme);
  const theme = found ? text.themeName(found.label, ledger.themes.japaneseName(s.theme)) : s.theme;
  const deliverable =
    s.quantity !== null ? `${text.number(s.quantity)} ${s.unit ?? ""}`.trim() : null;
  const placeName = (name: string) => {
    const place = ledger.places.resolve(name);
    return text.placeName({ name, japaneseName: place ? ledger.places.japaneseName(place) : null });
  };
  const country = s.country ? ledger.places.country(s.country)?.name : undefined;
  const recipient = placeName(s.recipient);
  const where =
    country && country !== s.recipient ? text.forCountry(recipient, placeName(country)) : recipient;
  const amount = r.amount ? minorToNumber(r.amount.minor, r.amount.currency) : null;
  const people = s.people !== null ? text.peopleCount(s.people) : null;
  // The source's unit is English data: in another language it is given apart (see RecordCard).
  const apart = text !== english && deliverable !== null;
  const howMuch =
    r.amount && amount !== null
      ? text.money(amount, r.amount.currency)
      : (people ?? (apart ? null : deliverable) ?? (apart ? "" : text.noAmountStated));
  const kind = text === english ? capital(s.kind) : text.kindName(s.kind);
  return {
    id: s.id,
    what: [kind, theme, ...(deliverable && r.amount && !apart ? [deliverable] : [])].join(" · "),
    deliverable: apart ? deliverable : null,
    where,
    when: text.dateText(dateLabelOf(s)) || text.noDateStated,
    howMuch: r.amount && people !== null ? `${howMuch} · ${people}` : howMuch,
    howMuchExact: r.amount && amount !== null ? text.moneyExact(amount, r.amount.currency) : null,
    evidence: s.evidence,
    source: s.sourceTitle,
  };
}

/** The Japanese names of the places a record names (CLDR's for countries, the data's otherwise). */
function japaneseNamesOf(
  ledger: AidLedger,
  names: readonly (string | null | undefined)[]
): string[] {
  return names.flatMap((name) => {
    const place = name ? ledger.places.resolve(name) : null;
    const japanese = place ? ledger.places.japaneseName(place) : null;
    return japanese ? [japanese] : [];
  });
}

/** The fields searched, with their weights: who and where count most, then theme, then the text. */
function fieldsOf(
  ledger: AidLedger,
  r: LedgerRecord
): { name: string; weight: number; text: string }[] {
  const s = r.record;
  const country = s.country ? ledger.places.country(s.country) : undefined;
  const theme = ledger.themes.resolve(s.theme);
  return [
    { name: "recipient", weight: 5, text: s.recipient },
    {
      name: "place",
      weight: 4,
      text: [
        s.region,
        s.subregion ?? "",
        ...(country ? [country.name, country.iso2, country.iso3, ...country.aliases] : []),
        // Japanese names find the same records: ベトナム, アフリカ.
        ...japaneseNamesOf(ledger, [s.region, s.subregion, country?.name, s.recipient]),
      ].join(" | "),
    },
    {
      name: "theme",
      weight: 3,
      text: [
        s.theme,
        theme?.label ?? "",
        ...(theme?.aliases ?? []),
        ledger.themes.japaneseName(s.theme) ?? "",
      ].join(" | "),
    },
    { name: "evidence", weight: 2, text: s.evidence },
    { name: "kind", weight: 2, text: [s.kind, s.unit ?? "", s.channel ?? ""].join(" | ") },
    { name: "notes", weight: 1, text: s.notes ?? "" },
    { name: "id", weight: 1, text: s.id },
  ];
}

/** Words of a query, normalized (case and accents ignored); quotes and punctuation dropped. */
function wordsOf(query: string): string[] {
  return normalizeName(query)
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Searches recipients, places (names, aliases, ISO codes), themes, kinds, evidence phrases, notes
 * and ids. Every word of the query must occur somewhere in the record (case and accents ignored);
 * hits are ranked by where the words occur (recipient and place first, notes last) and whether
 * they start a word, then by dataset order. An empty query finds nothing. Cards are in the language
 * of `text` (the current one by default).
 */
export function searchRecords(
  ledger: AidLedger,
  query: string,
  limit = 50,
  text: Messages = messages()
): SearchHit[] {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  const hits: { hit: SearchHit; order: number }[] = [];
  ledger.records.forEach((r, order) => {
    const fields = fieldsOf(ledger, r).map((f) => ({ ...f, norm: normalizeName(f.text) }));
    let score = 0;
    const matchedIn = new Set<string>();
    for (const w of words) {
      let best = 0;
      for (const f of fields) {
        const at = f.norm.indexOf(w);
        if (at < 0) continue;
        const wordStart = at === 0 || !/[\p{L}\p{N}]/u.test(f.norm[at - 1]!);
        const s = f.weight * (wordStart ? 2 : 1);
        if (s > 0) matchedIn.add(f.name);
        best = Math.max(best, s);
      }
      if (best === 0) return; // every word must be found
      score += best;
    }
    hits.push({
      hit: { record: r, card: recordCard(ledger, r, text), score, matchedIn: [...matchedIn] },
      order,
    });
  });
  hits.sort((a, b) => b.hit.score - a.hit.score || a.order - b.order);
  return hits.slice(0, limit).map((h) => h.hit);
}
