import { KINDS } from "../dataset/schema";
import { messages } from "../messages/catalog";
import { fiscalYearOf } from "../dates/fiscalYear";
import { type ExplainedRecord, explainFormula } from "../functions/explain";
import { type FunctionSpec, type ParameterRole, functionSpec } from "../functions/catalog";
import type { AidError, CellValue } from "../functions/result";
import type { AidLedger } from "../ledger";
import { CURRENCIES } from "../money/money";
import { normalizeName } from "../places/names";
import { groupDefinition } from "../places/groupDefinition";
import type { Place, Taxonomy } from "../places/taxonomy";
import { KIND_FILTERS } from "../query/aidIndex";

/** What kind of place an option is. "group" is for country groups (data/groups.json) when they come. */
export type PlaceOptionKind = "all" | "region" | "subregion" | "country" | "recipient" | "group";

/** One place a user can pick in the builder. */
export interface PlaceOption {
  readonly kind: PlaceOptionKind;
  /** What goes into the formula, as text: "Africa", "Viet Nam", "UNODC", "*". */
  readonly value: string;
  /** What the list shows: the canonical name. */
  readonly label: string;
  /** A second line: "Country in Southeast Asia · VN, VNM · also Vietnam". */
  readonly detail: string;
  /** Every spelling that finds it (name, aliases, ISO codes), normalized. */
  readonly keys: readonly string[];
  /** Records that match it (any year, theme and kind). */
  readonly records: number;
}

/** A source of place options; listPlaceOptions concatenates them, so a new kind (groups) is one more source. */
export type PlaceOptionSource = (ledger: AidLedger, taxonomy: Taxonomy) => PlaceOption[];

const countOf = (ledger: AidLedger, place: Place) =>
  ledger.index.count({ place, year: null, theme: null, kind: "all" });

/**
 * A place's option: written in the formula by its English name (formulas read the same in every
 * language), listed by its name in the current language, found by every spelling and its Japanese names.
 */
function option(
  ledger: AidLedger,
  kind: PlaceOptionKind,
  name: string,
  detail: string,
  spellings: readonly string[]
): PlaceOption | null {
  const place = ledger.places.resolve(name);
  if (!place) return null;
  const japaneseName = ledger.places.japaneseName(place);
  return {
    kind,
    value: name,
    label: messages().placeName({ name, japaneseName }),
    detail,
    keys: [...new Set([...spellings, ...(japaneseName ? [japaneseName] : [])].map(normalizeName))],
    records: countOf(ledger, place),
  };
}

const also = (aliases: readonly string[]) => messages().alsoKnownAs(aliases);

/** A place's name as the list shows it (its Japanese name in Japanese). */
const shownName = (ledger: AidLedger, name: string) => {
  const place = ledger.places.resolve(name);
  return messages().placeName({
    name,
    japaneseName: place ? ledger.places.japaneseName(place) : null,
  });
};

/** "*": every place. */
export const allPlacesSource: PlaceOptionSource = (ledger) => [
  {
    kind: "all",
    value: "*",
    label: messages().allPlaces,
    detail: messages().allPlacesDetail,
    keys: ["*", "all", "all places", "every place", "すべて", "すべての場所"],
    records: ledger.records.length,
  },
];

/** Regions and their subregions, from the taxonomy. */
export const regionSource: PlaceOptionSource = (ledger, taxonomy) =>
  taxonomy.regions
    .flatMap((r) => [
      option(ledger, "region", r.name, messages().regionDetail(also(r.aliases)), [
        r.name,
        ...r.aliases,
      ]),
      ...r.subregions.map((s) =>
        option(
          ledger,
          "subregion",
          s.name,
          messages().subregionDetail(shownName(ledger, r.name), also(s.aliases)),
          [s.name, ...s.aliases]
        )
      ),
    ])
    .filter((o): o is PlaceOption => o !== null);

/** Countries with their ISO codes and aliases, from the taxonomy. */
export const countrySource: PlaceOptionSource = (ledger, taxonomy) =>
  taxonomy.countries
    .map((c) =>
      option(
        ledger,
        "country",
        c.name,
        messages().countryDetail(
          shownName(ledger, c.subregion ?? c.region),
          `${c.iso2}, ${c.iso3}`,
          also(c.aliases)
        ),
        [c.name, c.iso2, c.iso3, ...c.aliases]
      )
    )
    .filter((o): o is PlaceOption => o !== null);

/** Recipient organizations and funds named in the data. */
export const recipientSource: PlaceOptionSource = (ledger) => {
  const seen = new Map<string, string>();
  for (const r of ledger.records) {
    const t = r.record.recipientType;
    if ((t === "organization" || t === "fund") && !seen.has(r.record.recipient))
      seen.set(r.record.recipient, t);
  }
  return [...seen]
    .map(([name, type]) => {
      const place = ledger.places.resolve(name);
      // A recipient spelled like a taxonomy place is that place (it is listed there already).
      if (place?.kind !== "recipient") return null;
      const detail = type === "fund" ? messages().fundDetail : messages().organizationDetail;
      return option(ledger, "recipient", name, detail, [name]);
    })
    .filter((o): o is PlaceOption => o !== null);
};

/** The sources listPlaceOptions uses by default, in the order the list shows them. */
/** Country groups (data/groups.json): ASEAN, the Sahel, ... with their member counts and funds. */
export const groupSource: PlaceOptionSource = (ledger) =>
  ledger.places.groups
    .map((g) => {
      const detail = messages().groupDetail(
        g.members.size,
        g.funds.map((f) => f.shortName),
        `${g.group.source}, ${g.group.sourceYear}`,
        also(g.group.aliases),
        groupDefinition(ledger, g)
      );
      return option(ledger, "group", g.name, detail, [
        g.name,
        ...g.group.aliases,
        ...g.funds.flatMap((f) => [f.name, f.shortName, ...f.aliases]),
      ]);
    })
    .filter((o): o is PlaceOption => o !== null);

export const PLACE_OPTION_SOURCES: readonly PlaceOptionSource[] = [
  allPlacesSource,
  regionSource,
  groupSource,
  recipientSource,
  countrySource,
];

/**
 * Every place a formula can name, for a searchable picker: all places, regions and subregions,
 * recipient organizations and funds in the data, and countries (name, aliases, ISO codes), each
 * with its record count. Sources are pluggable (country groups slot in as one more).
 */
export function listPlaceOptions(
  ledger: AidLedger,
  taxonomy: Taxonomy,
  sources: readonly PlaceOptionSource[] = PLACE_OPTION_SOURCES
): PlaceOption[] {
  return sources.flatMap((source) => source(ledger, taxonomy));
}

/**
 * The options that match what was typed: by any spelling (name, alias, ISO code), case and
 * accents ignored; exact spellings first, then those starting with it, then containing it. Within
 * each, places with records before those without, then the list's own order. An empty text lists all.
 */
export function filterPlaceOptions(options: readonly PlaceOption[], typed: string): PlaceOption[] {
  const key = normalizeName(typed);
  if (key === "") return [...options];
  const rank = (o: PlaceOption) => {
    if (o.keys.includes(key)) return 0;
    if (o.keys.some((k) => k.startsWith(key))) return 1;
    if (o.keys.some((k) => k.includes(key))) return 2;
    return 3;
  };
  return options
    .map((o, i) => ({ o, i, r: rank(o) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || Number(b.o.records > 0) - Number(a.o.records > 0) || a.i - b.i)
    .map((x) => x.o);
}

/** A simple choice for a picker: the value written in the formula and the label shown. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** The years records count in, newest first. */
export function listYears(ledger: AidLedger): number[] {
  const years = new Set<number>();
  for (const r of ledger.records) if (r.countingYear !== null) years.add(r.countingYear);
  return [...years].sort((a, b) => b - a);
}

/** The fiscal years (年度) records fall in by the fiscal-year rule, newest first. */
export function listFiscalYears(ledger: AidLedger): number[] {
  const years = new Set<number>();
  for (const r of ledger.records) {
    const fy = fiscalYearOf(r.record);
    if (fy !== null) years.add(fy);
  }
  return [...years].sort((a, b) => b - a);
}

/**
 * The year choices of the builder: the plain years (written as numbers, today's meaning), then
 * the fiscal years, written "FY2016" so the formula states which calendar it asks in.
 */
export function listYearChoices(ledger: AidLedger): Choice[] {
  return [
    ...listYears(ledger).map((y) => ({ value: String(y), label: String(y) })),
    ...listFiscalYears(ledger).map((fy) => ({
      value: `FY${fy}`,
      label: messages().fiscalYearChoice(fy),
    })),
  ];
}

/** Themes by label, with their ids as the value. */
export function listThemes(ledger: AidLedger): Choice[] {
  return ledger.themes.themes.map((t) => ({
    value: t.id,
    label: messages().themeName(t.label, ledger.themes.japaneseName(t.id)),
  }));
}

/** Kind filters: the two classes, then each kind. */
export function listKinds(): Choice[] {
  const order: readonly string[] = ["committed", "all", ...KINDS];
  return order
    .filter((k) => (KIND_FILTERS as readonly string[]).includes(k))
    .map((k) => ({ value: k, label: messages().kindChoice(k) }));
}

export function listCurrencies(): Choice[] {
  return CURRENCIES.map((c) => ({ value: c, label: messages().currencyChoice(c) }));
}

/** The functions the builder offers: those whose arguments are all pickable filters. */
export function builderFunctions(functions: readonly FunctionSpec[]): FunctionSpec[] {
  const pickable: ReadonlySet<ParameterRole> = new Set([
    "place",
    "year",
    "theme",
    "kind",
    "currency",
  ]);
  return functions.filter(
    (f) => f.parameters.length > 0 && f.parameters.every((p) => p.role && pickable.has(p.role))
  );
}

/** What the user picked, by role; null or "" for left out. */
export type BuilderPicks = Partial<Record<ParameterRole, string | number | null>>;

/**
 * The formula for a function and the picks: text quoted (quotes doubled), years as numbers,
 * left-out arguments empty, trailing ones dropped: =AIDTOTAL("Africa",2016).
 */
export function buildFormula(spec: FunctionSpec, picks: BuilderPicks): string {
  const written = spec.parameters.map((p) => {
    const v = p.role ? picks[p.role] : undefined;
    if (v === null || v === undefined || v === "") return "";
    if (typeof v === "number") return String(v);
    return `"${v.replace(/"/g, '""')}"`;
  });
  while (written.length > 0 && written[written.length - 1] === "") written.pop();
  return `=${spec.name}(${written.join(",")})`;
}

/** The builder's live answer: the formula, what it answers (or the error) and the records behind it. */
export interface FormulaPreview {
  readonly formula: string;
  readonly answer: CellValue | CellValue[][] | null;
  readonly error: AidError | null;
  /** Records that add up to the answer (for AIDTOTAL, those with an amount that counts). */
  readonly records: number;
  /** Records that match but do not add (no amount, part of another's figure). */
  readonly apart: number;
  readonly adding: readonly ExplainedRecord[];
}

/** Builds and evaluates the formula with the same functions the cells use. */
export function previewFormula(
  ledger: AidLedger,
  name: string,
  picks: BuilderPicks
): FormulaPreview | null {
  const spec = functionSpec(name);
  if (!spec) return null;
  const formula = buildFormula(spec, picks);
  const e = explainFormula(ledger, formula);
  if (!e) return null;
  return {
    formula,
    answer: e.answer,
    error: e.error,
    records: e.adding.length,
    apart: e.apart.length,
    adding: e.adding,
  };
}
