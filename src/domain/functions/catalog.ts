import type { AidLedger } from "../ledger";
import type { CellInput } from "./args";
import {
  aidConvert,
  aidCount,
  aidList,
  aidPeople,
  aidRate,
  aidSource,
  aidTotal,
  aidVersion,
} from "./aidFunctions";
import type { CellValue, Result } from "./result";

/** What a parameter means, so the builder, explain and the tooling read one list. */
export type ParameterRole =
  "place" | "year" | "currency" | "theme" | "kind" | "id" | "from" | "to" | "amount";

export interface ParameterSpec {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
  /** What the argument is; the builder offers a picker per role. */
  readonly role?: ParameterRole;
}

/**
 * What a function may need besides the ledger. `status` is the one-line description of the data
 * (LedgerStore.status()), for AIDVERSION; without it AIDVERSION names only what the ledger holds.
 */
export interface FunctionEnv {
  readonly status?: string;
}

export interface FunctionSpec {
  /** As users type it in a cell. */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ParameterSpec[];
  readonly example: string;
  /** True when the answer is a spilled array. */
  readonly spills: boolean;
  readonly evaluate: (
    ledger: AidLedger,
    args: readonly CellInput[],
    env?: FunctionEnv
  ) => Result<CellValue | CellValue[][]>;
}

const place: ParameterSpec = {
  name: "place",
  role: "place",
  optional: false,
  description:
    'A region, subregion, country (name in English or Japanese, alias or ISO code), recipient organization, or "*" for all.',
};
const year: ParameterSpec = {
  name: "year",
  role: "year",
  optional: true,
  description:
    'A year (2016: the fiscal year a record states, else the year announced), or a fiscal year "FY2016" or "2016年度" (1 April to 31 March). Omit for all years.',
};
const theme: ParameterSpec = {
  name: "theme",
  role: "theme",
  optional: true,
  description: 'A theme such as "counter-terrorism", "maritime" or "drugs". Omit for all themes.',
};
const kind = (fallback: string): ParameterSpec => ({
  name: "kind",
  role: "kind",
  optional: true,
  description: `"committed" (pledge, contribution, grant, loan), "cumulative", "all", or one kind. Default "${fallback}".`,
});
const from: ParameterSpec = {
  name: "from",
  role: "from",
  optional: false,
  description: '"USD" or "JPY".',
};
const to: ParameterSpec = {
  name: "to",
  role: "to",
  optional: false,
  description: '"USD" or "JPY".',
};
const rateYear: ParameterSpec = {
  name: "year",
  role: "year",
  optional: true,
  description: "Use the rate of the report covering this year. Omit for the latest report.",
};

/** Every AID function, in the order the README and the task pane list them. */
export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: "AIDTOTAL",
    description:
      "Total amount of the matching commitments, converted at the rates the reports state.",
    parameters: [
      place,
      year,
      {
        name: "currency",
        role: "currency",
        optional: true,
        description: '"USD" (default) or "JPY".',
      },
      theme,
      kind("committed"),
    ],
    example: '=AIDTOTAL("Africa",2016)',
    spills: false,
    evaluate: (l, a) => aidTotal(l, a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "AIDCOUNT",
    description: "Number of matching records.",
    parameters: [place, year, theme, kind("all")],
    example: '=AIDCOUNT("Southeast Asia",,"maritime")',
    spills: false,
    evaluate: (l, a) => aidCount(l, a[0], a[1], a[2], a[3]),
  },
  {
    name: "AIDPEOPLE",
    description:
      "People to be trained or developed under the matching records, never counting a stated part twice.",
    parameters: [place, year, theme, kind("all")],
    example: '=AIDPEOPLE("Africa",2016)',
    spills: false,
    evaluate: (l, a) => aidPeople(l, a[0], a[1], a[2], a[3]),
  },
  {
    name: "AIDLIST",
    description:
      "The matching records as a table: a header row, then id, date, recipient, theme, kind, amount, currency, USD, JPY, fiscalYear.",
    parameters: [place, year, theme, kind("all")],
    example: '=AIDLIST("Viet Nam")',
    spills: true,
    evaluate: (l, a) => aidList(l, a[0], a[1], a[2], a[3]),
  },
  {
    name: "AIDSOURCE",
    description: "Where a record's figure is stated: document, section and the evidence phrase.",
    parameters: [
      {
        name: "id",
        role: "id",
        optional: false,
        description: "A record id, as in the first column of AIDLIST.",
      },
    ],
    example: '=AIDSOURCE("ticad6-peace-stability-2016")',
    spills: false,
    evaluate: (l, a) => aidSource(l, a[0]),
  },
  {
    name: "AIDRATE",
    description:
      "Units of one currency per unit of another at the rate a report states (the median of its stated pairs).",
    parameters: [from, to, rateYear],
    example: '=AIDRATE("USD","JPY",2016)',
    spills: false,
    evaluate: (l, a) => aidRate(l, a[0], a[1], a[2]),
  },
  {
    name: "AIDCONVERT",
    description:
      "Converts an amount at the rate a report states, rounded to the target currency's minor unit.",
    parameters: [
      { name: "amount", role: "amount", optional: false, description: "The amount to convert." },
      from,
      to,
      rateYear,
    ],
    example: '=AIDCONVERT(1000000,"USD","JPY",2016)',
    spills: false,
    evaluate: (l, a) => aidConvert(l, a[0], a[1], a[2], a[3]),
  },
  {
    name: "AIDVERSION",
    description:
      "Which data the functions answer from, in one line: where it came from, how many records and reports, and when it was loaded.",
    parameters: [],
    example: "=AIDVERSION()",
    spills: false,
    evaluate: (l, _a, env) => aidVersion(l, env?.status),
  },
];

export function functionSpec(name: string): FunctionSpec | undefined {
  return FUNCTIONS.find((f) => f.name === name.toUpperCase());
}
