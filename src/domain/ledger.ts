import type { LedgerRecord } from "./dataset/ledgerRecord";
import { toLedgerRecords } from "./dataset/ledgerRecord";
import type { Checked } from "./dataset/problems";
import type { CommitmentRecord } from "./dataset/schema";
import { validateRecords } from "./dataset/validate";
import { type Fraction, fraction, roundHalfAwayFromZero } from "./money/fraction";
import { messages } from "./messages/catalog";
import type { Currency } from "./money/money";
import type { GroupList, RecipientList } from "./places/groups";
import { PlaceDirectory, type Taxonomy, isNamedRecipient } from "./places/taxonomy";
import { ThemeDirectory, type ThemeList } from "./places/themes";
import { AidIndex, type Query } from "./query/aidIndex";
import {
  type DocumentRate,
  type RateBook,
  type UserRate,
  convertMinor,
  convertMinorUnreduced,
  deriveRates,
} from "./rates/rateBook";
import { type Result, fail, ok } from "./functions/result";

/** The reference data every ledger is built with. */
export interface ReferenceData {
  readonly taxonomy: Taxonomy;
  readonly themes: ThemeList;
  /** Country groups (data/groups.json). */
  readonly groups: GroupList;
  /** Organizations and funds with their other names (data/recipients.json). */
  readonly recipients: RecipientList;
}

/**
 * One loaded dataset, ready to answer: records, rates, places, themes and the index. Immutable:
 * a refresh builds a new ledger and swaps it in whole, so an answer never mixes two datasets.
 */
export class AidLedger {
  readonly index: AidIndex;
  /** Records by id, built on first use (AIDSOURCE, Explain): at a million records it is tens of MB. */
  private byIdMap: ReadonlyMap<string, LedgerRecord> | undefined;

  constructor(
    readonly records: readonly LedgerRecord[],
    readonly rates: RateBook,
    readonly places: PlaceDirectory,
    readonly themes: ThemeDirectory,
    /** The rates the user supplied (Rates table), kept so they are written back with the data. */
    readonly userRates: readonly UserRate[] = []
  ) {
    this.index = new AidIndex(records, places);
  }

  private get byId(): ReadonlyMap<string, LedgerRecord> {
    return (this.byIdMap ??= new Map(this.records.map((r) => [r.record.id, r])));
  }

  record(id: string): LedgerRecord | undefined {
    return this.byId.get(id);
  }

  get ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  /** Sum of matching amounts in `currency`, in exact minor units, rounded once. */
  total(query: Query, currency: Currency): Result<bigint> {
    const cell = this.index.money(query, currency);
    if (cell.pending.length === 0) return ok(cell.direct);
    // One exact sum over a common denominator, rounded once. No reduction on the way: only the
    // final rounding needs the value, and gcd on large numbers is the costly part.
    let num = cell.direct;
    let den = 1n;
    const missing: DocumentRate[] = [];
    for (const p of cell.pending) {
      const doc = this.rates.get(p.document)!;
      if (!doc.jpyPerUsd) {
        missing.push(doc);
        continue;
      }
      const part = convertMinorUnreduced(
        p.minor,
        currency === "USD" ? "JPY" : "USD",
        doc.jpyPerUsd
      );
      num = num * part.den + part.num * den;
      den *= part.den;
    }
    if (missing.length > 0) return fail("NA", missingRateMessage(missing, currency));
    return ok(roundHalfAwayFromZero({ num, den }));
  }

  /**
   * One record's amount in `currency`, exact minor units rounded once: the amount itself, the
   * equivalent the text states, or the amount at its document's rate.
   */
  convertRecord(r: LedgerRecord, currency: Currency): Result<bigint> | null {
    const exact = this.convertRecordExact(r, currency);
    return exact && (exact.ok ? ok(roundHalfAwayFromZero(exact.value)) : exact);
  }

  /** The same amount unrounded, in minor units: for a Facts cell, summed before it is rounded. */
  convertRecordExact(r: LedgerRecord, currency: Currency): Result<Fraction> | null {
    if (!r.amount) return null;
    if (r.amount.currency === currency) return ok(fraction(r.amount.minor));
    if (r.equivalent?.currency === currency) return ok(fraction(r.equivalent.minor));
    const doc = this.rates.get(r.record.sourceFile)!;
    if (!doc.jpyPerUsd) return fail("NA", missingRateMessage([doc], currency));
    return ok(convertMinor(r.amount.minor, r.amount.currency, doc.jpyPerUsd));
  }

  /** How a record's `currency` value was obtained, in words: for the explain view and the Facts sheet. */
  rateUsed(r: LedgerRecord, currency: Currency): RateUsed | null {
    if (!r.amount) return null;
    if (r.amount.currency === currency)
      return { rate: null, source: "Stated in this currency", basis: "stated" };
    if (r.equivalent?.currency === currency)
      return { rate: null, source: "The report's own figure for this record", basis: "equivalent" };
    const doc = this.rates.get(r.record.sourceFile)!;
    if (!doc.jpyPerUsd)
      return {
        rate: null,
        source: `No rate: ${doc.title} states no JPY/USD pair`,
        basis: "none",
        title: doc.title,
      };
    return {
      rate: doc.jpyPerUsd,
      source: `${doc.title} default rate (${doc.basis === "user" ? "user-supplied" : "median of stated pairs"})`,
      basis: doc.basis === "user" ? "user" : "median",
      title: doc.title,
    };
  }
}

/**
 * The rate a record converts at, and why: `source` in the English the Facts table keeps, `basis`
 * (with the document's title) for the pane to say it in its own language.
 */
export interface RateUsed {
  readonly rate: Fraction | null;
  readonly source: string;
  readonly basis: "stated" | "equivalent" | "none" | "median" | "user";
  readonly title?: string;
}

function missingRateMessage(docs: readonly DocumentRate[], currency: Currency): string {
  // A person reads the document's title; its file name means nothing to them.
  const names = docs.map((d) => `"${d.title}"`).join(messages().namesJoiner);
  const from = currency === "USD" ? "JPY" : "USD";
  return messages().noRateToConvert(names, from, currency);
}

export interface LedgerInput {
  readonly rows: readonly unknown[];
  readonly reference: ReferenceData;
  readonly userRates?: readonly UserRate[];
  /** Text line of each row, when the rows came from a text file. */
  readonly lines?: readonly number[];
}

/** Validates rows and builds a ledger; on any problem, returns every problem and no ledger. */
export function createLedger(input: LedgerInput): Checked<AidLedger> {
  const taxonomyPlaces = referencePlaces(input.reference);
  const themes = new ThemeDirectory(input.reference.themes);
  const validated = validateRecords(input.rows, {
    places: taxonomyPlaces,
    themes,
    ...(input.lines ? { lines: input.lines } : {}),
  });
  if (!validated.ok) return validated;
  return buildLedger(validated.value, input.reference, input.userRates ?? []);
}

/**
 * The places validation resolves against: the reference data's alone, built once per reference
 * (a PlaceDirectory does not change once built), since every read of the workbook validates again.
 */
function referencePlaces(reference: ReferenceData): PlaceDirectory {
  let places = referencePlacesBuilt.get(reference);
  if (!places) {
    const { taxonomy, groups, recipients } = reference;
    places = new PlaceDirectory(taxonomy, [], { groups, recipients });
    referencePlacesBuilt.set(reference, places);
  }
  return places;
}
const referencePlacesBuilt = new WeakMap<ReferenceData, PlaceDirectory>();

/** Builds a ledger from records already validated (validateRecords). */
export function buildLedger(
  records: readonly CommitmentRecord[],
  reference: ReferenceData,
  userRates: readonly UserRate[] = []
): Checked<AidLedger> {
  const ledgerRecords = toLedgerRecords(records);
  const rates = deriveRates(ledgerRecords, userRates);
  if (!rates.ok) return rates;
  // Named recipients become places; a group's name is already one (and wins, as taxonomy names do).
  const recipients = records
    .filter((r) => isNamedRecipient(r.recipientType) && r.recipientType !== "group")
    .map((r) => r.recipient);
  const places = new PlaceDirectory(reference.taxonomy, recipients, {
    groups: reference.groups,
    recipients: reference.recipients,
  });
  return {
    ok: true,
    value: new AidLedger(
      ledgerRecords,
      rates.value,
      places,
      new ThemeDirectory(reference.themes),
      userRates
    ),
  };
}
