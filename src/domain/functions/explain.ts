import { dateLabelOf, type LedgerRecord } from "../dataset/ledgerRecord";
import type { AidLedger } from "../ledger";
import { type Currency, fractionToDecimal, minorToNumber } from "../money/money";
import { normalizeName } from "../places/names";
import type { Place, PlaceDescription } from "../places/taxonomy";
import type { CellInput } from "./args";
import { functionSpec } from "./catalog";
import { type AidError, type CellValue, type Result, ok } from "./result";
import { parseCurrency, parseKind, parsePlace, parseTheme, parseYear, parseText } from "./args";

/** One record behind an answer, with where its figure comes from and how it was converted. */
export interface ExplainedRecord {
  readonly id: string;
  readonly date: string;
  readonly recipient: string;
  readonly kind: string;
  readonly amount: string | null;
  /** The record's value in the currency asked for, or the reason there is none. */
  readonly converted: number | null;
  readonly people: number | null;
  readonly counted: boolean;
  readonly evidence: string;
  readonly source: string;
  readonly rate: string;
  /** For a group: why the record counts under it (member country, the group, or its fund). */
  readonly matchedBy?: string;
}

export interface Explanation {
  readonly call: string;
  readonly answer: CellValue | CellValue[][] | null;
  readonly error: AidError | null;
  /** What the arguments were taken to mean. */
  readonly reading: readonly string[];
  readonly records: readonly ExplainedRecord[];
  /** For AIDRATE and AIDCONVERT: the rate's derivation. */
  readonly rateDerivation: string | null;
  /** For the functions that filter by place: the place as it was resolved. */
  readonly place?: PlaceDescription;
}

/**
 * What a typed place means, in words, for the task pane: its name, kind (region, subregion,
 * country, group, recipient or "all"), member count, funds and source. "ASEAN" gives
 * "ASEAN: 10 member countries, and the fund JAIF". An unknown place is an error with suggestions.
 */
export function describePlace(ledger: AidLedger, place: CellInput): Result<PlaceDescription> {
  const p = parsePlace(ledger, place);
  return p.ok ? ok(ledger.places.describe(p.value)) : p;
}

function formatAmount(r: LedgerRecord): string | null {
  if (!r.amount) return null;
  return `${r.amount.currency} ${minorToNumber(r.amount.minor, r.amount.currency).toLocaleString("en-US")}`;
}

/**
 * How an AID call with these argument values is answered: the answer itself (the same evaluate
 * the cell uses), what each argument was read as, and the records and rates behind it.
 */
export function explainCall(
  ledger: AidLedger,
  name: string,
  args: readonly CellInput[]
): Explanation {
  const spec = functionSpec(name);
  const call = `${name}(${args.map((a) => (a === null || a === undefined ? "" : typeof a === "string" ? `"${a}"` : String(a))).join(",")})`;
  if (!spec)
    return {
      call,
      answer: null,
      error: { code: "NA", message: `${name} is not an AID function` },
      reading: [],
      records: [],
      rateDerivation: null,
    };
  const result = spec.evaluate(ledger, args);
  const base = {
    call,
    answer: result.ok ? result.value : null,
    error: result.ok ? null : result.error,
  };

  if (name === "AIDRATE" || name === "AIDCONVERT") {
    const yearArg = name === "AIDRATE" ? args[2] : args[3];
    const year = parseYear(yearArg ?? null);
    const doc = year.ok ? ledger.rates.forYear(year.value) : undefined;
    return {
      ...base,
      reading: doc
        ? [
            `Report covering ${year.ok && year.value !== null ? year.value : "the latest year"}: ${doc.title} (${doc.document})`,
          ]
        : [],
      records: [],
      rateDerivation: doc?.derivation ?? null,
    };
  }
  if (name === "AIDSOURCE") {
    const id = parseText(args[0] ?? null, "id");
    const r = id.ok ? ledger.record(id.value) : undefined;
    return {
      ...base,
      reading: [],
      records: r ? [explainRecord(ledger, r, "USD")] : [],
      rateDerivation: null,
    };
  }

  // AIDTOTAL, AIDCOUNT, AIDPEOPLE, AIDLIST: the same filters.
  const [place, year, third, fourth, fifth] = args;
  const isTotal = name === "AIDTOTAL";
  const themeArg = isTotal ? fourth : third;
  const kindArg = isTotal ? fifth : fourth;
  const p = parsePlace(ledger, place ?? null);
  const y = parseYear(year ?? null);
  const t = parseTheme(ledger, themeArg ?? null);
  const k = parseKind(kindArg ?? null, isTotal ? "committed" : "all");
  const c = parseCurrency(isTotal ? (third ?? null) : null, "currency", "USD");
  if (!p.ok || !y.ok || !t.ok || !k.ok || !c.ok)
    return { ...base, reading: [], records: [], rateDerivation: null };
  const described = ledger.places.describe(p.value);
  const reading = [
    `Place: ${described.summary}`,
    `Year: ${y.value ?? "any year, including records with none"}`,
    `Theme: ${t.value ?? "any"}`,
    `Kind: ${k.value}`,
    ...(isTotal ? [`Currency: ${c.value}`] : []),
  ];
  const records = ledger.index
    .list({ place: p.value, year: y.value, theme: t.value, kind: k.value })
    .map((r) => {
      const explained = explainRecord(ledger, r, c.value);
      return p.value.kind === "group"
        ? { ...explained, matchedBy: groupReason(ledger, p.value, r) }
        : explained;
    });
  return { ...base, reading, records, rateDerivation: null, place: described };
}

/** Why a record counts under a group: its country is a member, or its recipient is the group or a fund of it. */
function groupReason(ledger: AidLedger, group: Place & { kind: "group" }, r: LedgerRecord): string {
  const country = r.record.country;
  if (country !== null && group.members.has(country))
    return `member country ${ledger.places.country(country)?.name ?? country}`;
  const fund = group.funds.find((f) =>
    [f.name, f.shortName, ...f.aliases].some(
      (n) => normalizeName(n) === normalizeName(r.record.recipient)
    )
  );
  return fund ? `its fund ${fund.shortName}` : `recipient ${r.record.recipient} (the group)`;
}

function explainRecord(ledger: AidLedger, r: LedgerRecord, currency: Currency): ExplainedRecord {
  const converted = ledger.convertRecord(r, currency);
  const used = ledger.rateUsed(r, currency);
  const rate = used?.rate
    ? `${used.source}: ${fractionToDecimal(used.rate).toDecimalPlaces(6).toString()} JPY per USD`
    : (used?.source ?? "No amount");
  const partNote = r.amount && !r.countsMoney ? ` Not added: part of ${r.record.partOf}.` : "";
  return {
    id: r.record.id,
    date: dateLabelOf(r.record),
    recipient: r.record.recipient,
    kind: r.record.kind,
    amount: formatAmount(r),
    converted: converted?.ok ? minorToNumber(converted.value, currency) : null,
    people: r.record.people,
    counted: r.countsMoney,
    evidence: r.record.evidence,
    source: `${r.record.sourceTitle}, ${r.record.sourceSection}`,
    rate: rate + partNote,
  };
}
