/**
 * The flat record's fields, in column order. One list serves the JSON file, the CSV file, the
 * Commitments sheet and the README, so a field has one name everywhere.
 */
export type FieldType = "text" | "integer" | "boolean" | "decimal";

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description: string;
}

export const RECORD_FIELDS = [
  {
    name: "id",
    type: "text",
    required: true,
    description: "Stable slug: lower-case letters, digits, single hyphens.",
  },
  {
    name: "sourceFile",
    type: "text",
    required: true,
    description: "File name of the source document.",
  },
  {
    name: "sourceTitle",
    type: "text",
    required: true,
    description: "Title of the source document.",
  },
  {
    name: "sourceSection",
    type: "text",
    required: true,
    description: "Section heading(s) in the document, outer > inner.",
  },
  {
    name: "evidence",
    type: "text",
    required: true,
    description: "Short verbatim phrase of the document that states the figure.",
  },
  { name: "donor", type: "text", required: true, description: "Who gives: Japan." },
  {
    name: "announced",
    type: "text",
    required: false,
    description: "When announced or decided, as precise as stated: 2016, 2016-08 or 2016-08-27.",
  },
  {
    name: "fiscalYear",
    type: "integer",
    required: false,
    description: "Japanese fiscal year, only when the text says FY.",
  },
  {
    name: "periodFrom",
    type: "integer",
    required: false,
    description: "First year of the period, only when stated.",
  },
  {
    name: "periodTo",
    type: "integer",
    required: false,
    description: "Last year of the period, only when stated.",
  },
  {
    name: "kind",
    type: "text",
    required: true,
    description: "pledge, contribution, grant, loan, cumulative, in-kind or training.",
  },
  {
    name: "amount",
    type: "decimal",
    required: false,
    description: "The stated amount as a decimal number, or empty.",
  },
  {
    name: "currency",
    type: "text",
    required: false,
    description: "ISO 4217 code of amount: USD or JPY.",
  },
  {
    name: "approximate",
    type: "boolean",
    required: true,
    description: "True when the text says approximately or about.",
  },
  {
    name: "equivalentAmount",
    type: "decimal",
    required: false,
    description: "The same figure as the text states it in the other currency.",
  },
  {
    name: "equivalentCurrency",
    type: "text",
    required: false,
    description: "Currency of equivalentAmount.",
  },
  {
    name: "recipient",
    type: "text",
    required: true,
    description: "Who receives: a country, region, country group, organization or fund.",
  },
  {
    name: "recipientType",
    type: "text",
    required: true,
    description: "country, region, group (data/groups.json), organization or fund.",
  },
  {
    name: "region",
    type: "text",
    required: true,
    description: "Top-level region from the taxonomy (Global for several or none).",
  },
  {
    name: "subregion",
    type: "text",
    required: false,
    description: "Subregion from the taxonomy, when one applies.",
  },
  {
    name: "country",
    type: "text",
    required: false,
    description: "ISO 3166-1 alpha-2 code, when a single country benefits.",
  },
  {
    name: "channel",
    type: "text",
    required: false,
    description: "How the aid flows: bilateral, UNODC, IMO, JAIF, JICA, ...",
  },
  { name: "theme", type: "text", required: true, description: "Theme id from data/themes.json." },
  {
    name: "crsPurpose",
    type: "text",
    required: false,
    description: "OECD DAC CRS purpose code, where one fits.",
  },
  {
    name: "people",
    type: "integer",
    required: false,
    description: "People to be trained or developed.",
  },
  {
    name: "quantity",
    type: "integer",
    required: false,
    description: "Count of a deliverable, e.g. 10 (patrol vessels).",
  },
  {
    name: "unit",
    type: "text",
    required: false,
    description: "Unit of quantity, e.g. patrol vessels.",
  },
  {
    name: "partOf",
    type: "text",
    required: false,
    description: "id of the record whose figure includes this one; totals count it once.",
  },
  { name: "notes", type: "text", required: false, description: "Judgement calls and context." },
] as const satisfies readonly FieldSpec[];

export type FieldName = (typeof RECORD_FIELDS)[number]["name"];
export const FIELD_NAMES: readonly FieldName[] = RECORD_FIELDS.map((f) => f.name);
