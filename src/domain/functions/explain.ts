import { dateLabelOf, type LedgerRecord } from "../dataset/ledgerRecord";
import type { RateUsed } from "../ledger";
import { messages } from "../messages/catalog";
import { formatRate } from "../rates/rateBook";
import { groupDefinition } from "../places/groupDefinition";
import { couldBeInFiscalYear, fiscalDatingOf, yearRuleOf } from "../dates/fiscalYear";
import type { AidLedger } from "../ledger";
import { type Currency, minorToNumber } from "../money/money";
import { normalizeName } from "../places/names";
import type { Place, PlaceDescription } from "../places/taxonomy";
import { reportCovering } from "../rates/reportCovering";
import { type RateExplanation, explainDocumentRate } from "../status/dataStatus";
import { type CellInput, isOmitted, parsePlace } from "./args";
import {
  type AnyParameter,
  type BoundArguments,
  type FunctionEnv,
  type FunctionMeasure,
  type FunctionSpec,
  type ParameterRole,
  type ParameterSpec,
  bindArgument,
  bindArguments,
  functionSpec,
} from "./catalog";
import { type AidCall, type CallArgument, parseAidCall } from "./formulaCall";
import { type AidError, type CellValue, ERROR_TEXT, type Result, isAidError, ok } from "./result";

/** One record behind an answer, with where its figure comes from and how it was converted. */
export interface ExplainedRecord {
  readonly id: string;
  readonly date: string;
  readonly recipient: string;
  readonly kind: string;
  /** The amount as shown (億円 in Japanese), or null when none is stated. */
  readonly amount: string | null;
  /** The stated amount itself, for its exact figure (on hover). */
  readonly amountFigure?: { readonly value: number; readonly currency: Currency } | null;
  /** The record's value in the currency asked for, or the reason there is none. */
  readonly converted: number | null;
  readonly people: number | null;
  readonly counted: boolean;
  readonly evidence: string;
  readonly source: string;
  readonly rate: string;
  /** For a group: why the record counts under it (member country, the group, or its fund). */
  readonly matchedBy?: string;
  /** The year the record counts in (FY, else announced), or null. */
  readonly year?: number | null;
  /** Its fiscal year (年度) by the fiscal-year rule, or null when its date cannot tell. */
  readonly fiscalYear?: number | null;
  /** When a year was asked: which rule put the record in it ("In FY2016: dated 2016-08, ..."). */
  readonly yearRule?: string | null;
  /** The record's theme id. */
  readonly theme?: string;
  /** The rate itself, "103.944444 JPY per USD", or null when none was applied. */
  readonly rateValue?: string | null;
  /** Why that value: "Stated in this currency", "The report's own figure for this record", ... */
  readonly rateWhy?: string;
  /** Where the record is listed apart from those that add up, why: "States no amount (30,000 people)". */
  readonly apartReason?: string | null;
  /** The document's title, and the section in it. */
  readonly sourceTitle?: string;
  readonly sourceSection?: string;
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

function amountFigure(r: LedgerRecord): ExplainedRecord["amountFigure"] {
  return r.amount
    ? { value: minorToNumber(r.amount.minor, r.amount.currency), currency: r.amount.currency }
    : null;
}

/** A place's name as the pane shows it: its Japanese name in Japanese, when it has one. */
function shownName(ledger: AidLedger, name: string): string {
  const place = ledger.places.resolve(name);
  return messages().placeName({
    name,
    japaneseName: place ? ledger.places.japaneseName(place) : null,
  });
}

/** Why a record counts under a group: its country is a member, or its recipient is the group or a fund of it. */
function groupReason(ledger: AidLedger, group: Place & { kind: "group" }, r: LedgerRecord): string {
  const m = messages();
  const country = r.record.country;
  if (country !== null && group.members.has(country))
    return m.memberCountry(shownName(ledger, ledger.places.country(country)?.name ?? country));
  const fund = group.funds.find((f) =>
    [f.name, f.shortName, ...f.aliases].some(
      (n) => normalizeName(n) === normalizeName(r.record.recipient)
    )
  );
  return fund ? m.itsFund(fund.shortName) : m.recipientIsGroup(r.record.recipient);
}

/** Why a record converts as it does, in the pane's language. */
function rateReason(used: RateUsed | null): string {
  const m = messages();
  if (!used) return m.noAmount;
  switch (used.basis) {
    case "stated":
      return m.statedInThisCurrency;
    case "equivalent":
      return m.reportsOwnFigure;
    case "none":
      return m.noRatePair(used.title ?? "");
    default:
      return m.defaultRate(used.title ?? "", used.basis === "user");
  }
}

function explainRecord(ledger: AidLedger, r: LedgerRecord, currency: Currency): ExplainedRecord {
  const m = messages();
  const converted = ledger.convertRecord(r, currency);
  const used = ledger.rateUsed(r, currency);
  const why = rateReason(used);
  const rateValue = used?.rate ? m.perDollar(formatRate(used.rate)) : null;
  const partNote = r.amount && !r.countsMoney ? m.notAddedPartOf(r.record.partOf ?? "") : "";
  const figure = amountFigure(r);
  return {
    year: r.countingYear,
    fiscalYear: fiscalDatingOf(r.record).fiscalYear,
    theme: r.record.theme,
    rateValue,
    rateWhy: why,
    apartReason: null,
    sourceTitle: r.record.sourceTitle,
    sourceSection: r.record.sourceSection,
    id: r.record.id,
    date: m.dateText(dateLabelOf(r.record)),
    recipient: shownName(ledger, r.record.recipient),
    kind: r.record.kind,
    amount: figure ? m.money(figure.value, figure.currency) : null,
    amountFigure: figure,
    converted: converted?.ok ? minorToNumber(converted.value, currency) : null,
    people: r.record.people,
    counted: r.countsMoney,
    evidence: r.record.evidence,
    source: `${r.record.sourceTitle}, ${r.record.sourceSection}`,
    rate: (rateValue ? `${why}: ${rateValue}` : why) + partNote,
  };
}

/** One argument as the user wrote it, with its value and what it was read as. */
export interface ExplainedArgument {
  /** The parameter's name in the catalog: "place", "year", ... */
  readonly name: string;
  readonly role: ParameterRole | null;
  /** As written in the formula ("A9", "\"Africa\"", "Africa", "2016"), or null when left out. */
  readonly written: string | null;
  /** The value the function gets (a referenced cell's value), null when left out or empty. */
  readonly value: CellInput;
  /** "year: A9 = 2016", "place: \"Africa\"", "currency: left out". */
  readonly text: string;
  /** What the value was read as: "Africa (region)", "any year", "USD (the default)"; null when it could not be read. */
  readonly meaning: string | null;
  /** What is wrong with how it is written, with the fix: "Put Africa in quotes: \"Africa\"." */
  readonly problem: string | null;
}

/** What an explanation's records measure: how they add up to the answer. */
export type ExplanationMeasure = FunctionMeasure;

/**
 * How one AID formula in a cell is computed, shaped for a narrow pane: the formula as written,
 * each argument as written with its value, the answer (or the error, once), the records that add
 * up to it and, apart, those that match but do not add (no amount, part of another's figure, no
 * rate), and for rate functions the rate's derivation.
 */
export interface FormulaExplanation {
  /** The formula as written in the cell explained (the spill's anchor for a cell inside a spill). */
  readonly formula: string;
  readonly name: string;
  /** The cell the user selected, and, when it lies inside a spilled array, the anchor holding the formula. */
  readonly cell: string | null;
  readonly anchor: string | null;
  readonly arguments: readonly ExplainedArgument[];
  readonly answer: CellValue | CellValue[][] | null;
  /** The error the cell shows, once; null when it answers. */
  readonly error: AidError | null;
  /**
   * The one-line summary for the pane's live region: "=AIDTOTAL("Africa",2016) answers
   * 2,420,000,000, from 3 records.", or what shows instead and why.
   */
  readonly summary: string;
  /** A corrected formula when the written one cannot work as meant (a bare word quoted). */
  readonly fix: string | null;
  /** Set when the formula cannot be explained (an argument is a calculation): why. */
  readonly blocked: string | null;
  readonly measure: ExplanationMeasure;
  /** The currency a number answer is in (AIDTOTAL's currency, AIDCONVERT's target), or null. */
  readonly answerCurrency: Currency | null;
  /** The currency of the records' converted values (AIDTOTAL's currency; USD otherwise). */
  readonly currency: Currency;
  readonly adding: readonly ExplainedRecord[];
  readonly apart: readonly ExplainedRecord[];
  /** For AIDRATE and AIDCONVERT: the rate of the report used, as a sentence and its pairs. */
  readonly rate: RateExplanation | null;
  /** For the functions that filter by place: the place as it was resolved; null otherwise. */
  readonly place: PlaceDescription | null;
}

/** Roles whose argument is text: a bare word there is almost surely text left unquoted. */
const TEXT_ROLES: ReadonlySet<ParameterRole> = new Set([
  "place",
  "theme",
  "kind",
  "currency",
  "id",
  "from",
  "to",
]);

/** The addresses an AID formula's arguments refer to, to read before explaining it. */
export function formulaReferences(formula: string): string[] {
  const call = parseAidCall(formula);
  return call ? call.args.flatMap((a) => (a.kind === "reference" ? [a.address] : [])) : [];
}

function writtenOf(a: CallArgument): string | null {
  switch (a.kind) {
    case "omitted":
      return null;
    case "literal":
      return typeof a.value === "string"
        ? `"${a.value.replace(/"/g, '""')}"`
        : typeof a.value === "boolean"
          ? a.value
            ? "TRUE"
            : "FALSE"
          : String(a.value);
    case "reference":
      return a.address;
    case "name":
      return a.name;
    case "expression":
      return a.text;
  }
}

/** A value as the pane prints it: numbers with separators, text quoted, empty as such. */
export function valueText(value: CellInput): string {
  const m = messages();
  if (value === null || value === undefined || value === "") return m.emptyValue;
  // Small whole numbers are years or counts: 2016, not 2,016.
  if (typeof value === "number")
    return Number.isInteger(value) && Math.abs(value) < 10000
      ? String(value)
      : // Every digit the number has, so 0.0000001 is not shown as 0 (20: the most Intl takes everywhere).
        m.number(value, 20);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `"${value}"`;
}

/**
 * An answer as the pane prints it: numbers with separators (in a currency, yen in 億円 in
 * Japanese), a spilled table by its size, an error by its code.
 */
export function answerSummary(
  answer: CellValue | CellValue[][] | null,
  currency: Currency | null = null
): string {
  const m = messages();
  if (answer === null) return m.nothing;
  if (Array.isArray(answer)) return m.tableOf(answer.length);
  if (isAidError(answer)) return ERROR_TEXT[answer.code];
  if (typeof answer === "number")
    return currency ? m.answerMoney(answer, currency) : m.number(answer, 6);
  return typeof answer === "string" ? `"${answer}"` : String(answer);
}

/** What an argument's value was read as, in the words its parameter gives; null when it could not be read. */
function meaningOf(
  ledger: AidLedger,
  param: AnyParameter | undefined,
  value: CellInput
): string | null {
  if (!param) return null;
  const bound = bindArgument(param as ParameterSpec, ledger, value);
  if (!bound.ok) return null;
  if (isOmitted(value) && param.leftOut) return param.leftOut();
  const meaning = param.meaning as ParameterSpec["meaning"];
  return meaning ? meaning(ledger, bound.value) : null;
}

/** One argument read: as explained, the value the function gets, and how a fix writes it. */
interface ReadArgument {
  readonly explained: ExplainedArgument;
  /** As the corrected formula writes it (a bare text word quoted). */
  readonly fixed: string;
  readonly quoted: boolean;
}

function readArgument(
  ledger: AidLedger,
  a: CallArgument,
  i: number,
  param: AnyParameter | undefined,
  values: ReadonlyMap<string, CellInput>
): ReadArgument {
  const m = messages();
  const name = param?.name ?? m.argumentNumber(i + 1);
  const role: ParameterRole | null = param?.role ?? null;
  const written = writtenOf(a);
  let value: CellInput = null;
  let problem: string | null = null;
  let text = written === null ? m.argumentLeftOut(name) : m.argumentWritten(name, written);
  let fixed = written ?? "";
  let quoted = false;
  if (a.kind === "literal") value = a.value;
  else if (a.kind === "reference") {
    value = values.get(a.address) ?? null;
    text = m.argumentAt(name, a.address, valueText(value));
  } else if (a.kind === "name") {
    if (role && TEXT_ROLES.has(role)) {
      value = a.name;
      fixed = `"${a.name}"`;
      quoted = true;
      problem = m.unquotedText(a.name);
    } else problem = m.unquotedNumber(a.name, name, role === "year" ? "2016" : "1000000");
  }
  // A calculation is named in the explanation's summary (blocked), once.
  const meaning = a.kind === "expression" ? null : meaningOf(ledger, param, value);
  return { explained: { name, role, written, value, text, meaning, problem }, fixed, quoted };
}

/** Each argument as written, then the parameters left off the end (left out, with their defaults). */
function readArguments(
  ledger: AidLedger,
  call: AidCall,
  params: readonly AnyParameter[],
  values: ReadonlyMap<string, CellInput>
): { explained: ExplainedArgument[]; fix: string | null } {
  const read = call.args.map((a, i) => readArgument(ledger, a, i, params[i], values));
  const explained = read.map((r) => r.explained);
  for (const param of params.slice(call.args.length))
    explained.push({
      name: param.name,
      role: param.role,
      written: null,
      value: null,
      text: messages().argumentLeftOut(param.name),
      meaning: meaningOf(ledger, param, null),
      problem: null,
    });
  const fix = read.some((r) => r.quoted)
    ? `=${call.name}(${read.map((r) => r.fixed).join(",")})`
    : null;
  return { explained, fix };
}

/** Why the formula cannot be computed here (a calculation, an unquoted word that is no text), and the summary; null when it can. */
function blockedReason(
  call: AidCall,
  explained: readonly ExplainedArgument[],
  formula: string
): { blocked: string; summary: string } | null {
  const m = messages();
  const expression = call.args.find((a) => a.kind === "expression");
  if (expression?.kind === "expression") {
    const blocked = m.calculationBlocked(expression.text);
    return { blocked, summary: blocked };
  }
  const unquoted = explained.find(
    (a, i) => call.args[i]?.kind === "name" && !(a.role && TEXT_ROLES.has(a.role))
  );
  return unquoted?.problem
    ? { blocked: unquoted.problem, summary: m.showsName(formula, unquoted.problem) }
    : null;
}

/** The currency a number answer is in: AIDTOTAL's currency, AIDCONVERT's target; null otherwise. */
function answerCurrencyOf(spec: FunctionSpec, args: BoundArguments | null): Currency | null {
  if (spec.measure === "money") return args?.currency ?? "USD";
  if (spec.parameters.some((p) => p.role === "amount")) return args?.to ?? null;
  return null;
}

/** The live region's line: the answer (from how many records) or the error, after any quoting fix. */
function summaryOf(
  explained: readonly ExplainedArgument[],
  formula: string,
  fix: string | null,
  outcome: { answer: string; error: AidError | null; records: number | null }
): string {
  const m = messages();
  const shown = fix ?? formula;
  const said = outcome.error
    ? m.answersWithError(shown, ERROR_TEXT[outcome.error.code], outcome.error.message)
    : m.answers(shown, outcome.answer, outcome.records);
  if (!fix) return said;
  const quotes = explained.filter((a) => a.problem).map((a) => m.putInQuotes(a.written ?? ""));
  return m.withQuotes(formula, m.quotesJoined(quotes), said);
}

const COUNTED: ReadonlySet<FunctionMeasure> = new Set(["money", "people", "count", "list"]);

/**
 * Explains the AID formula written in a cell. `values` holds the values of the cells its arguments
 * refer to (see formulaReferences), by address as written. `where` names the cell selected and,
 * for a cell inside a spilled array, the anchor whose formula this is. Returns null when the
 * formula calls no AID function. `env` is what AIDVERSION needs (the data's status).
 */
export function explainFormula(
  ledger: AidLedger,
  formula: string,
  values: ReadonlyMap<string, CellInput> = new Map(),
  where: { readonly cell?: string | null; readonly anchor?: string | null } = {},
  env: FunctionEnv = {}
): FormulaExplanation | null {
  const call = parseAidCall(formula);
  const spec = call && functionSpec(call.name);
  if (!call || !spec) return null;
  const base = {
    formula: formula.startsWith("=") ? formula : `=${formula}`,
    name: spec.name,
    cell: where.cell ?? null,
    anchor: where.anchor ?? null,
    measure: spec.measure,
  };
  const { explained, fix } = readArguments(ledger, call, spec.parameters, values);
  const blocked = blockedReason(call, explained, base.formula);
  if (blocked)
    return {
      ...base,
      ...blocked,
      arguments: explained,
      answer: null,
      error: null,
      fix: null,
      answerCurrency: null,
      adding: [],
      apart: [],
      rate: null,
      currency: "USD",
      place: null,
    };
  const inputs = explained.slice(0, call.args.length).map((a) => a.value);
  const result = spec.evaluate(ledger, inputs, env);
  const answer = result.ok ? result.value : null;
  const error = result.ok ? null : result.error;
  const bound = bindArguments(spec, ledger, inputs);
  const answerCurrency = answerCurrencyOf(spec, bound.ok ? bound.value : null);
  const behind = recordsBehind(ledger, spec, inputs);
  const records = COUNTED.has(spec.measure) && behind.adding.length ? behind.adding.length : null;
  const summary = summaryOf(explained, base.formula, fix, {
    answer: answerSummary(answer, answerCurrency),
    error,
    records,
  });
  return {
    ...base,
    ...behind,
    arguments: explained,
    answer,
    error,
    fix,
    blocked: null,
    summary,
    answerCurrency,
  };
}

/** Why a record that matches does not add to a money total; null when it adds. */
function moneyApart(ledger: AidLedger, r: LedgerRecord, currency: Currency): string | null {
  const m = messages();
  if (!r.amount) {
    const { people, quantity, unit } = r.record;
    const what =
      people !== null
        ? m.peopleCount(people)
        : quantity !== null
          ? `${m.number(quantity)} ${unit ?? ""}`.trim()
          : null;
    return m.statesNoAmount(what);
  }
  if (!r.countsMoney) return m.amountCountedIn(r.record.partOf ?? "");
  const converted = ledger.convertRecord(r, currency);
  if (converted && !converted.ok)
    return m.noRateApart(ledger.rates.get(r.record.sourceFile)?.title ?? r.record.sourceTitle);
  return null;
}

function peopleApart(r: LedgerRecord): string | null {
  const m = messages();
  if (r.record.people === null) return m.statesNoPeople;
  if (!r.countsPeople) return m.peopleCountedIn(r.record.partOf ?? "");
  return null;
}

/** What an answer is made of: the records that add up, those listed apart, the rate, the place. */
interface RecordsBehind {
  readonly adding: ExplainedRecord[];
  readonly apart: ExplainedRecord[];
  readonly currency: Currency;
  readonly rate: RateExplanation | null;
  readonly place: PlaceDescription | null;
}

/** The records behind a call's answer, split into those that add up and those listed apart. */
function recordsBehind(
  ledger: AidLedger,
  spec: FunctionSpec,
  inputs: readonly CellInput[]
): RecordsBehind {
  const none = { adding: [], apart: [], currency: "USD" as Currency, rate: null, place: null };
  const bound = bindArguments(spec, ledger, inputs);
  if (!bound.ok) return none;
  const args = bound.value;
  switch (spec.measure) {
    case "rate": {
      const doc = reportCovering(ledger, args.year ?? { year: null, fiscal: false });
      return { ...none, rate: doc ? explainDocumentRate(doc) : null };
    }
    case "source": {
      const r = args.id === undefined ? undefined : ledger.record(args.id);
      return { ...none, adding: r ? [explainRecord(ledger, r, "USD")] : [] };
    }
    case "status":
      return none;
    default:
      return filteredRecords(ledger, spec.measure, args);
  }
}

/** The records a filtering function (place, year, theme, kind) reads, each with why it is apart. */
function filteredRecords(
  ledger: AidLedger,
  measure: FunctionMeasure,
  args: BoundArguments
): RecordsBehind {
  const currency = args.currency ?? "USD";
  const adding: ExplainedRecord[] = [];
  const apart: ExplainedRecord[] = [];
  const place = args.place;
  if (!place) return { adding, apart, currency, rate: null, place: null };
  const year = args.year ?? { year: null, fiscal: false };
  const query = {
    place,
    year: year.year,
    fiscal: year.fiscal,
    theme: args.theme ?? null,
    kind: args.kind ?? "all",
  };
  const matchedBy = (r: LedgerRecord) =>
    place.kind === "group" ? { matchedBy: groupReason(ledger, place, r) } : {};
  for (const r of ledger.index.list(query)) {
    const why =
      measure === "money"
        ? moneyApart(ledger, r, currency)
        : measure === "people"
          ? peopleApart(r)
          : null;
    const explained: ExplainedRecord = {
      ...explainRecord(ledger, r, currency),
      apartReason: why,
      yearRule: year.year === null ? null : yearRuleOf(r.record, year.fiscal),
      ...matchedBy(r),
    };
    (why ? apart : adding).push(explained);
  }
  // A fiscal year leaves out the records dated by a year alone that might fall in it: listed apart, never guessed.
  if (year.year !== null && year.fiscal)
    for (const r of ledger.index.list({ ...query, year: null }))
      if (couldBeInFiscalYear(r.record, year.year)) {
        const reason = fiscalDatingOf(r.record, messages()).reason;
        apart.push({
          ...explainRecord(ledger, r, currency),
          apartReason: reason,
          yearRule: reason,
          ...matchedBy(r),
        });
      }
  const described = ledger.places.describe(place);
  // A group says what it counts and what it leaves to its subregion (ASEAN beside Southeast Asia).
  const definition = place.kind === "group" ? { definition: groupDefinition(ledger, place) } : {};
  return { adding, apart, currency, rate: null, place: { ...described, ...definition } };
}
