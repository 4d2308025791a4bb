/**
 * The dataset as IATI activity XML 2.03 (https://iatistandard.org/en/iati-standard/203/), so the
 * aid-data tools (d-portal, the IATI datastore, CoVE) can read it. One activity per record that
 * states an amount; a record stated as part of another's figure (`partOf`) is a result of that
 * activity, never money of its own. Where the data has no honest value for a field, the field is
 * left out; where the schema requires one the data cannot give (a date), the record is not
 * exported and the reason is returned. The README's "IATI export" section gives the mapping.
 */
import type { LedgerRecord } from "../dataset/ledgerRecord";
import type { CommitmentRecord, Kind } from "../dataset/schema";
import type { AidLedger } from "../ledger";
import { fractionToDecimal } from "../money/money";
import { formatRate, pairOf } from "../rates/rateBook";
import { el, type XmlElement, xmlDocument } from "./xml";

/** The namespace of this project's extension elements (IATI allows any other namespace at the end of an activity). */
export const AID_LEDGER_NAMESPACE = "urn:x-aid-ledger:iati-extension:1";

export interface IatiOptions {
  /** generated-datetime and last-updated-datetime. */
  readonly generated: Date;
  /**
   * Prefix of every iati-identifier: "<prefix>-<record id>". The default, AIDLEDGER, is
   * project-local, not a registered organisation identifier: a publisher who registers the file
   * gives its own.
   */
  readonly identifierPrefix?: string;
  /** reporting-org/@ref. Default XM-DAC-701, Japan's OECD DAC donor code in IATI's XM-DAC list. */
  readonly reportingOrgRef?: string;
  /** A web address for each source file (sourceFile -> URL); default: the file name itself, a relative reference. */
  readonly documentUrls?: ReadonlyMap<string, string>;
  /**
   * The date of each source document (sourceFile -> YYYY, YYYY-MM or YYYY-MM-DD), as the publisher
   * gives it. A record whose report states no date of its own (a total "to date") is then dated
   * as of its report; without one it cannot be exported (IATI requires a date).
   */
  readonly documentDates?: ReadonlyMap<string, string>;
}

export interface IatiExport {
  readonly xml: string;
  /** Records written as activities. */
  readonly activities: readonly string[];
  /** Records written as results of their parent's activity. */
  readonly results: readonly string[];
  /** Records not written, with the reason. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

/**
 * IATI TransactionType by kind. A pledge is an Outgoing Pledge (12: "indicative, non-binding
 * advice of an intended outgoing commitment"); grant aid decided and loans signed are Outgoing
 * Commitments (2: "a firm, written obligation"); a contribution paid to an organization or fund,
 * and a total paid over years, are Disbursements (3: "outgoing funds placed at the disposal of a
 * recipient"). In-kind and training records state no money the standard could carry as a transaction.
 */
export const TRANSACTION_TYPE: Readonly<Partial<Record<Kind, string>>> = {
  pledge: "12",
  grant: "2",
  loan: "2",
  contribution: "3",
  cumulative: "3",
};

/** ActivityStatus as the report implies it when written: a pledge is in the pipeline (1); money decided or paid is in implementation (2). */
const ACTIVITY_STATUS: Readonly<Partial<Record<Kind, string>>> = {
  pledge: "1",
  grant: "2",
  loan: "2",
  contribution: "2",
  cumulative: "2",
};

/** FinanceType where the kind names it: grant aid is a standard grant (110), an ODA loan a standard loan (421). */
const FINANCE_TYPE: Readonly<Partial<Record<Kind, string>>> = { grant: "110", loan: "421" };

/**
 * UN M49 codes (IATI RegionVocabulary 2) for the taxonomy's regions and subregions whose members
 * are M49's. Not mapped: the Middle East (no M49 region), Central Asia (the taxonomy adds the
 * Caucasus), South Asia (M49's Southern Asia includes Iran, which the taxonomy puts in the Middle
 * East), and Global.
 */
export const M49_REGION: Readonly<Record<string, string>> = {
  Africa: "002",
  "North Africa": "015",
  "West Africa": "011",
  "Central Africa": "017",
  "East Africa": "014",
  "Southern Africa": "018",
  Asia: "142",
  "East Asia": "030",
  "Southeast Asia": "035",
  Europe: "150",
  "Eastern Europe": "151",
  "Northern Europe": "154",
  "Southern Europe": "039",
  "Western Europe": "155",
  "Latin America and the Caribbean": "419",
  "Central America": "013",
  Caribbean: "029",
  "South America": "005",
  Oceania: "009",
  "Australia and New Zealand": "053",
  Melanesia: "054",
  Micronesia: "057",
  Polynesia: "061",
};

/** A stated date as an xsd:date, and the words that say how precise the text was. */
export interface IatiDate {
  readonly isoDate: string;
  readonly stated: string;
}

/**
 * The date the report gives a record, as xsd:date (which needs a day): a stated day as is; a month
 * as its first day; a year as 1 January; a Japanese fiscal year as its first day, 1 April. Null
 * when the report states no date (totals "to date").
 */
export function statedDate(r: CommitmentRecord): IatiDate | null {
  if (r.announced !== null) {
    const [y, m = "01", d = "01"] = r.announced.split("-");
    return { isoDate: `${y}-${m}-${d}`, stated: r.announced };
  }
  if (r.fiscalYear !== null)
    return {
      isoDate: `${r.fiscalYear}-04-01`,
      stated: `FY${r.fiscalYear} (April ${r.fiscalYear} to March ${r.fiscalYear + 1})`,
    };
  if (r.periodTo !== null)
    return {
      isoDate: `${r.periodTo}-12-31`,
      stated: `${r.periodFrom ?? ""}-${r.periodTo}`.replace(/^-/, "to "),
    };
  return null;
}

/** The stated date, else the date of the record's report as the publisher gives it ("as of"), else null. */
function exportDate(r: CommitmentRecord, options: IatiOptions): IatiDate | null {
  const stated = statedDate(r);
  if (stated) return stated;
  const asOf = options.documentDates?.get(r.sourceFile);
  if (asOf === undefined) return null;
  const [y, m = "01", d = "01"] = asOf.split("-");
  return {
    isoDate: `${y}-${m}-${d}`,
    stated: `as of ${asOf}, the date of the report (the report states none for this figure)`,
  };
}

const narrative = (text: string) => el("narrative", {}, text);

/** The nearest record up the partOf chain that states an amount, or null. */
function moneyAncestor(
  r: CommitmentRecord,
  byId: ReadonlyMap<string, CommitmentRecord>
): CommitmentRecord | null {
  const seen = new Set<string>([r.id]);
  for (let id = r.partOf; id !== null && !seen.has(id);) {
    seen.add(id);
    const parent = byId.get(id);
    if (!parent) return null;
    if (parent.amount !== null) return parent;
    id = parent.partOf;
  }
  return null;
}

function figureText(r: CommitmentRecord): string {
  if (r.amount !== null) return `${r.currency} ${r.amount}`;
  if (r.people !== null) return `${r.people} people`;
  return `${r.quantity} ${r.unit}`;
}

/** Writes the ledger's records as IATI activities. */
export function toIatiXml(ledger: AidLedger, options: IatiOptions): IatiExport {
  const records = ledger.records;
  const byId = new Map(records.map((r) => [r.record.id, r.record]));
  const themeLabel = (id: string) => ledger.themes.themes.find((t) => t.id === id)?.label ?? id;
  const results = new Map<string, CommitmentRecord[]>();
  const skipped: { id: string; reason: string }[] = [];
  const resultIds: string[] = [];
  const candidates: LedgerRecord[] = [];

  for (const lr of records) {
    const r = lr.record;
    const parent = moneyAncestor(r, byId);
    if (parent) {
      results.set(parent.id, [...(results.get(parent.id) ?? []), r]);
      continue;
    }
    if (r.amount === null) {
      skipped.push({ id: r.id, reason: `states no amount (${figureText(r)}): no money to report` });
      continue;
    }
    if (TRANSACTION_TYPE[r.kind] === undefined) {
      skipped.push({ id: r.id, reason: `kind ${r.kind} has no IATI transaction type` });
      continue;
    }
    if (exportDate(r, options) === null) {
      skipped.push({
        id: r.id,
        reason:
          "the report states no date, and IATI requires one for the activity and its transaction (give the report's date: --document-date)",
      });
      continue;
    }
    candidates.push(lr);
  }

  const generated = options.generated.toISOString().replace(/\.\d{3}Z$/, "Z");
  const activities = candidates.map((lr) => {
    const children = results.get(lr.record.id) ?? [];
    resultIds.push(...children.map((c) => c.id));
    return activity(lr, children, ledger, options, generated, themeLabel);
  });
  // Results whose parent was skipped go with it.
  for (const [parentId, children] of results)
    if (!candidates.some((c) => c.record.id === parentId))
      for (const c of children)
        skipped.push({ id: c.id, reason: `part of ${parentId}, which is not exported` });

  const root = el(
    "iati-activities",
    { version: "2.03", "generated-datetime": generated, "xmlns:aid": AID_LEDGER_NAMESPACE },
    activities
  );
  return {
    xml: xmlDocument(root),
    activities: candidates.map((c) => c.record.id),
    results: resultIds,
    skipped,
  };
}

function activity(
  lr: LedgerRecord,
  children: readonly CommitmentRecord[],
  ledger: AidLedger,
  options: IatiOptions,
  generated: string,
  themeLabel: (id: string) => string
): XmlElement {
  const r = lr.record;
  const date = exportDate(r, options)!;
  const reportingRef = options.reportingOrgRef ?? "XM-DAC-701";
  const prefix = options.identifierPrefix ?? "AIDLEDGER";
  const { title, description } = activityText(r, date, themeLabel);
  const region =
    r.country === null ? (M49_REGION[r.subregion ?? ""] ?? M49_REGION[r.region]) : undefined;
  const url = options.documentUrls?.get(r.sourceFile) ?? r.sourceFile;

  return el(
    "iati-activity",
    { "xml:lang": "en", "default-currency": r.currency, "last-updated-datetime": generated },
    el("iati-identifier", {}, `${prefix}-${r.id}`),
    el(
      "reporting-org",
      { ref: reportingRef, type: "10", "secondary-reporter": true },
      narrative("Ministry of Foreign Affairs of Japan")
    ),
    el("title", {}, narrative(title)),
    el("description", { type: "1" }, narrative(description)),
    el(
      "participating-org",
      { ref: reportingRef, role: "1", type: "10" },
      narrative(`Government of ${r.donor}`)
    ),
    el("activity-status", { code: ACTIVITY_STATUS[r.kind]! }),
    activityDates(r, date),
    r.country !== null && el("recipient-country", { code: r.country }),
    region !== undefined && el("recipient-region", { code: region, vocabulary: "2" }),
    r.crsPurpose !== null && el("sector", { vocabulary: "1", code: r.crsPurpose }),
    FINANCE_TYPE[r.kind] !== undefined &&
      el("default-finance-type", { code: FINANCE_TYPE[r.kind]! }),
    transaction(r, date, reportingRef),
    el(
      "document-link",
      { url, format: "text/plain" },
      el("title", {}, narrative(r.sourceTitle)),
      el("category", { code: "A02" }),
      el("language", { code: "en" })
    ),
    children.map(result),
    extension(lr, children, ledger, date)
  );
}

/** An activity's title and description, in words, from the record and the evidence it quotes. */
function activityText(
  r: CommitmentRecord,
  date: IatiDate,
  themeLabel: (id: string) => string
): { title: string; description: string } {
  const kindWord = r.kind.charAt(0).toUpperCase() + r.kind.slice(1);
  const title = `${kindWord} to ${r.recipient}: ${themeLabel(r.theme)} (${date.stated})`;
  const description =
    `${r.sourceTitle}, section "${r.sourceSection}": "${r.evidence}". ` +
    `${kindWord} of ${r.approximate ? "approximately " : ""}${r.currency} ${r.amount}` +
    (r.equivalentAmount !== null
      ? ` (stated as ${r.equivalentCurrency} ${r.equivalentAmount})`
      : "") +
    ` from ${r.donor} to ${r.recipient}${r.channel ? ` through ${r.channel}` : ""}.`;
  return { title, description };
}

/** The start date (the period's first year, else the record's date) and the end of a stated period. */
function activityDates(r: CommitmentRecord, date: IatiDate): (XmlElement | false)[] {
  const datedNote = `Dated ${date.stated}; the report states no start date.`;
  return [
    el(
      "activity-date",
      { type: "1", "iso-date": r.periodFrom !== null ? `${r.periodFrom}-01-01` : date.isoDate },
      narrative(
        r.periodFrom !== null
          ? `The period the report states begins in ${r.periodFrom}.`
          : datedNote
      )
    ),
    r.periodTo !== null &&
      el(
        "activity-date",
        { type: "3", "iso-date": `${r.periodTo}-12-31` },
        narrative(`The period the report states ends in ${r.periodTo}.`)
      ),
  ];
}

function transaction(r: CommitmentRecord, date: IatiDate, reportingRef: string): XmlElement {
  return el(
    "transaction",
    {},
    el("transaction-type", { code: TRANSACTION_TYPE[r.kind]! }),
    el("transaction-date", { "iso-date": date.isoDate }),
    el("value", { currency: r.currency, "value-date": date.isoDate }, r.amount),
    el("description", {}, narrative(`"${r.evidence}"`)),
    el("provider-org", { ref: reportingRef, type: "10" }, narrative(`Government of ${r.donor}`)),
    el("receiver-org", {}, narrative(r.recipient))
  );
}

/** A record stated as part of the activity (people trained, items delivered), as an IATI result. */
function result(c: CommitmentRecord): XmlElement {
  return el(
    "result",
    { type: "1", "aggregation-status": false },
    el(
      "title",
      {},
      narrative(`${c.kind === "training" ? "Training" : "Output"}: ${figureText(c)}`)
    ),
    el("description", {}, narrative(`Stated as part of this activity: "${c.evidence}".`)),
    el(
      "indicator",
      { measure: "1" },
      el(
        "title",
        {},
        narrative(c.people !== null ? "People to be trained or developed" : `${c.unit ?? "Items"}`)
      )
    )
  );
}

/** This project's facts IATI has no element for: the stated equivalent, the rate, the exact date as stated, the records behind the results. */
function extension(
  lr: LedgerRecord,
  children: readonly CommitmentRecord[],
  ledger: AidLedger,
  date: IatiDate
): XmlElement {
  const r = lr.record;
  const pair = pairOf(lr);
  const doc = ledger.rates.get(r.sourceFile);
  const rate = pair
    ? el(
        "aid:rate",
        {
          "jpy-per-usd": formatRate(pair.jpyPerUsd),
          exact: `${pair.jpyPerUsd.num}/${pair.jpyPerUsd.den}`,
          basis: "stated-pair",
        },
        "The record states both currencies."
      )
    : doc?.jpyPerUsd
      ? el(
          "aid:rate",
          {
            "jpy-per-usd": formatRate(doc.jpyPerUsd),
            exact: `${doc.jpyPerUsd.num}/${doc.jpyPerUsd.den}`,
            decimal: fractionToDecimal(doc.jpyPerUsd).toDecimalPlaces(10).toString(),
            basis: doc.basis,
            document: r.sourceFile,
          },
          doc.derivation
        )
      : el("aid:rate", { basis: "none", document: r.sourceFile }, doc?.derivation ?? "No rate.");
  return el(
    "aid:record",
    {
      id: r.id,
      "source-file": r.sourceFile,
      section: r.sourceSection,
      evidence: r.evidence,
      approximate: r.approximate,
      "stated-date": date.stated,
      kind: r.kind,
      theme: r.theme,
    },
    r.equivalentAmount !== null &&
      el("aid:stated-equivalent", { currency: r.equivalentCurrency, value: r.equivalentAmount }),
    rate,
    children.map((c) =>
      el("aid:part", {
        id: c.id,
        people: c.people,
        quantity: c.quantity,
        unit: c.unit,
        amount: c.amount,
        currency: c.currency,
        evidence: c.evidence,
      })
    )
  );
}
