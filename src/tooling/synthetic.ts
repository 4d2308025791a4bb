/**
 * Deterministic synthetic commitments for the benchmark and tests: the same schema as
 * data/commitments.json, valid against the schema and the taxonomy, at any size. The same seed
 * and count give the same records, byte for byte (a seeded PRNG; no Math.random, no clock).
 *
 * Shape of the data: countries, regions, subregions, organizations and funds as recipients;
 * years 2000-2025 (announced "YYYY-MM", or a fiscal year); every kind; integer amounts in USD or
 * JPY; five documents, each covering a span of years and stating some amounts in both currencies
 * (so each has a rate); people on training, quantities on in-kind records; a few records partOf
 * an earlier one. Each evidence phrase states the record's figures ("assistance totaling
 * $5,210,000 (approximately ¥598,340,731) to train 3,450 people"), as validation requires.
 */
import {
  bundledReference,
  type CommitmentRecord,
  KINDS,
  type Kind,
  type ReferenceData,
} from "../domain";
import { PlaceDirectory } from "../domain/places/taxonomy";

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The synthetic source documents: each covers a span of years and has its own typical JPY per USD. */
export const SYNTHETIC_DOCUMENTS = [
  {
    sourceFile: "synthetic-2000-2005.txt",
    sourceTitle: "Synthetic Development Cooperation Report 2005",
    from: 2000,
    to: 2005,
    jpyPerUsd: 115,
  },
  {
    sourceFile: "synthetic-2006-2010.txt",
    sourceTitle: "Synthetic Development Cooperation Report 2010",
    from: 2006,
    to: 2010,
    jpyPerUsd: 105,
  },
  {
    sourceFile: "synthetic-2011-2015.txt",
    sourceTitle: "Synthetic Development Cooperation Report 2015",
    from: 2011,
    to: 2015,
    jpyPerUsd: 95,
  },
  {
    sourceFile: "synthetic-2016-2020.txt",
    sourceTitle: "Synthetic Development Cooperation Report 2020",
    from: 2016,
    to: 2020,
    jpyPerUsd: 110,
  },
  {
    sourceFile: "synthetic-2021-2025.txt",
    sourceTitle: "Synthetic Development Cooperation Report 2025",
    from: 2021,
    to: 2025,
    jpyPerUsd: 135,
  },
] as const;

export const SYNTHETIC_FIRST_YEAR = 2000;
export const SYNTHETIC_LAST_YEAR = 2025;

/** Organizations and funds that receive aid in the synthetic data, with the region their aid goes to. */
export const SYNTHETIC_ORGANIZATIONS = [
  "UNODC",
  "UNDP",
  "IOM",
  "INTERPOL",
  "World Food Programme",
  "UN Women",
] as const;
export const SYNTHETIC_FUNDS = [
  { name: "Japan-ASEAN Integration Fund (JAIF)", region: "Asia", subregion: "Southeast Asia" },
  { name: "Synthetic Maritime Security Trust Fund", region: "Africa", subregion: null },
  { name: "Synthetic Peacebuilding Fund", region: "Global", subregion: null },
] as const;

const KIND_WEIGHTS: Readonly<Record<Kind, number>> = {
  pledge: 15,
  contribution: 15,
  grant: 20,
  loan: 8,
  cumulative: 7,
  "in-kind": 10,
  training: 25,
};
const SECTIONS = [
  "Assistance for Security and Stability > Counter-Terrorism",
  "Maritime Security",
  "Rule of Law > Police",
  "Peacebuilding",
  "Cooperation with International Organizations",
];
const CHANNELS = ["bilateral", "JICA", "UNODC", "UNDP", "IOM", null] as const;
const CRS_CODES = ["15210", "15130", "15220", "15240", "31110", "74020"];
const UNITS = ["patrol vessels", "vehicles", "radars", "scanners"];

/** 1234567 -> "1,234,567", as the reports print figures. */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const SYMBOL = { USD: "$", JPY: "¥" } as const;

/** A phrase that states every figure of a record, so each can be traced to words. */
function evidenceFor(
  r: Pick<
    CommitmentRecord,
    | "amount"
    | "currency"
    | "equivalentAmount"
    | "equivalentCurrency"
    | "approximate"
    | "people"
    | "quantity"
    | "unit"
  >
): string {
  const parts: string[] = [];
  if (r.amount !== null && r.currency !== null) {
    let money = `${r.approximate ? "approximately " : ""}${SYMBOL[r.currency]}${grouped(Number(r.amount))}`;
    if (r.equivalentAmount !== null && r.equivalentCurrency !== null)
      money += ` (approximately ${SYMBOL[r.equivalentCurrency]}${grouped(Number(r.equivalentAmount))})`;
    parts.push(`assistance totaling ${money}`);
  }
  if (r.people !== null) parts.push(`to train ${grouped(r.people)} people`);
  if (r.quantity !== null) parts.push(`providing ${r.quantity} ${r.unit}`);
  return parts.join(" ");
}

export interface SyntheticOptions {
  /** PRNG seed; the default is 1. */
  readonly seed?: number;
  /** Taxonomy and themes to draw from; the bundled ones by default. */
  readonly reference?: ReferenceData;
}

/** `count` synthetic records, already in the validated shape (every field present, absent ones null). */
export function generateRecords(count: number, options: SyntheticOptions = {}): CommitmentRecord[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number >= 0; got ${count}`);
  const draw = drawsFrom(seededRandom(options.seed ?? 1));
  const pools = poolsOf(options.reference ?? bundledReference());
  const records = new Array<CommitmentRecord>(count);
  for (let i = 0; i < count; i++) records[i] = drawRecord(draw, pools, i);
  return records;
}

/** Draws from one seeded stream; every record's draws come in a fixed order, so output is stable. */
interface Draws {
  readonly random: () => number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  between(lo: number, hi: number): number;
}

function drawsFrom(random: () => number): Draws {
  return {
    random,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!,
    chance: (p: number): boolean => random() < p,
    between: (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1)),
  };
}

/** What records draw from: the places, themes, weighted kinds and months. */
interface Pools {
  readonly countries: ReferenceData["taxonomy"]["countries"];
  readonly regions: string[];
  readonly subregions: { name: string; region: string }[];
  readonly themes: string[];
  readonly kinds: Kind[];
  readonly months: string[];
}

function poolsOf(reference: ReferenceData): Pools {
  const places = new PlaceDirectory(reference.taxonomy);
  return {
    // Only countries whose own name resolves to them (a name shadowed by another place's alias would fail validation).
    countries: reference.taxonomy.countries.filter((c) => {
      const place = places.resolve(c.name);
      return place?.kind === "country" && place.country.iso2 === c.iso2;
    }),
    regions: reference.taxonomy.regions.map((r) => r.name),
    subregions: reference.taxonomy.regions.flatMap((r) =>
      r.subregions.map((s) => ({ name: s.name, region: r.name }))
    ),
    themes: reference.themes.themes.map((t) => t.id),
    kinds: KINDS.flatMap((k) => Array<Kind>(KIND_WEIGHTS[k]).fill(k)),
    months: Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0")),
  };
}

type Recipient = Pick<
  CommitmentRecord,
  "recipient" | "recipientType" | "region" | "subregion" | "country"
>;

type Figures = Pick<
  CommitmentRecord,
  "amount" | "currency" | "equivalentAmount" | "equivalentCurrency" | "people" | "quantity" | "unit"
>;

type SyntheticDocument = (typeof SYNTHETIC_DOCUMENTS)[number];

/** Record `i`; its draws, in order: year, dating, kind, recipient, figures, period, the rest. */
function drawRecord(draw: Draws, pools: Pools, i: number): CommitmentRecord {
  // The first record of each document states both currencies, so every document has a rate.
  const seedsRate = i < SYNTHETIC_DOCUMENTS.length;
  const doc = seedsRate ? SYNTHETIC_DOCUMENTS[i]! : undefined;
  const year = doc
    ? draw.between(doc.from, doc.to)
    : draw.between(SYNTHETIC_FIRST_YEAR, SYNTHETIC_LAST_YEAR);
  const document = doc ?? SYNTHETIC_DOCUMENTS.find((d) => d.from <= year && year <= d.to)!;

  const byFiscalYear = draw.chance(0.2);
  const kind: Kind = seedsRate ? "grant" : draw.pick(pools.kinds);
  const recipient = drawRecipient(draw, pools);
  const figures = drawFigures(draw, kind, seedsRate ? i : null, document);

  const periodFrom = draw.chance(0.2) ? year : null;
  const approximate = draw.chance(0.3);
  return {
    id: `syn-${i + 1}`,
    sourceFile: document.sourceFile,
    sourceTitle: document.sourceTitle,
    sourceSection: draw.pick(SECTIONS),
    evidence: evidenceFor({ ...figures, approximate }),
    donor: "Japan",
    announced: byFiscalYear ? null : `${year}-${draw.pick(pools.months)}`,
    fiscalYear: byFiscalYear ? year : null,
    periodFrom,
    periodTo: periodFrom === null ? null : periodFrom + draw.between(0, 4),
    kind,
    amount: figures.amount,
    currency: figures.currency,
    approximate,
    equivalentAmount: figures.equivalentAmount,
    equivalentCurrency: figures.equivalentCurrency,
    recipient: recipient.recipient,
    recipientType: recipient.recipientType,
    region: recipient.region,
    subregion: recipient.subregion,
    country: recipient.country,
    channel: draw.pick(CHANNELS),
    theme: draw.pick(pools.themes),
    crsPurpose: draw.chance(0.3) ? draw.pick(CRS_CODES) : null,
    people: figures.people,
    quantity: figures.quantity,
    unit: figures.unit,
    // A few records are stated as part of a recent earlier one (earlier only, so never a cycle).
    partOf: i > 10 && draw.chance(0.02) ? `syn-${draw.between(Math.max(1, i - 50), i)}` : null,
    notes: null,
  };
}

/** A country (70%), a region or subregion, an organization, or a fund. */
function drawRecipient(draw: Draws, pools: Pools): Recipient {
  const where = draw.random();
  if (where < 0.7) {
    const c = draw.pick(pools.countries);
    return {
      recipient: c.name,
      recipientType: "country",
      region: c.region,
      subregion: c.subregion,
      country: c.iso2,
    };
  }
  if (where < 0.82) {
    if (draw.chance(0.5) || pools.subregions.length === 0) {
      const region = draw.pick(pools.regions);
      return { recipient: region, recipientType: "region", region, subregion: null, country: null };
    }
    const s = draw.pick(pools.subregions);
    return {
      recipient: s.name,
      recipientType: "region",
      region: s.region,
      subregion: s.name,
      country: null,
    };
  }
  if (where < 0.94) {
    const recipient = draw.pick(SYNTHETIC_ORGANIZATIONS);
    const region = draw.pick(pools.regions);
    return { recipient, recipientType: "organization", region, subregion: null, country: null };
  }
  const f = draw.pick(SYNTHETIC_FUNDS);
  return {
    recipient: f.name,
    recipientType: "fund",
    region: f.region,
    subregion: f.subregion,
    country: null,
  };
}

/**
 * Figures: every record states at least one of amount, people, quantity. `rateSeed` is the index
 * of a record that seeds its document's rate (it states both currencies), else null.
 */
function drawFigures(
  draw: Draws,
  kind: Kind,
  rateSeed: number | null,
  document: SyntheticDocument
): Figures {
  let people: number | null = null;
  let quantity: number | null = null;
  let unit: string | null = null;
  let hasAmount = true;
  if (kind === "training") {
    people = draw.between(1, 500) * 10;
    hasAmount = draw.chance(0.5);
  } else if (kind === "in-kind") {
    quantity = draw.between(1, 20);
    unit = draw.pick(UNITS);
    hasAmount = draw.chance(0.5);
  }
  const figures: Figures = {
    amount: null,
    currency: null,
    equivalentAmount: null,
    equivalentCurrency: null,
    people,
    quantity,
    unit,
  };
  return hasAmount ? { ...figures, ...drawAmount(draw, rateSeed, document) } : figures;
}

function drawAmount(
  draw: Draws,
  rateSeed: number | null,
  document: SyntheticDocument
): Pick<Figures, "amount" | "currency" | "equivalentAmount" | "equivalentCurrency"> {
  const seedsRate = rateSeed !== null;
  const mantissa = draw.between(1, 999);
  const inUsd = seedsRate ? rateSeed % 2 === 0 : draw.chance(0.6);
  const major = mantissa * 10 ** (inUsd ? draw.between(3, 6) : draw.between(5, 8));
  const stated = { amount: String(major), currency: inUsd ? "USD" : "JPY" } as const;
  if (!seedsRate && !draw.chance(0.15))
    return { ...stated, equivalentAmount: null, equivalentCurrency: null };
  // The report's own equivalent, at its typical rate give or take 2%.
  const rate = document.jpyPerUsd * (0.98 + draw.random() * 0.04);
  const other = inUsd ? Math.round(major * rate) : Math.max(1, Math.round(major / rate));
  return { ...stated, equivalentAmount: String(other), equivalentCurrency: inUsd ? "JPY" : "USD" };
}
