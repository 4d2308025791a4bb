import {
  SOURCES_HEADER,
  hasAidCall,
  loadBundledLedger,
  planBriefing,
  type BriefingCell,
} from "../../../src/domain";

const ledger = loadBundledLedger();
const STATUS = "Bundled data, 33 records from 2 reports, loaded 29 Nov 2026 12:18";

const cells: BriefingCell[] = [
  { address: "A1", formula: null, value: "Commitments to Africa" },
  { address: "A9", formula: null, value: 2016 },
  { address: "B9", formula: '=AIDTOTAL("Africa",A9)', value: 2420000000 },
  { address: "C9", formula: "=B9/1000000", value: 2420 },
  { address: "D9", formula: '=AID.AIDCOUNT("Viet Nam")', value: 2 },
  { address: "A12", formula: '=AIDLIST("Viet Nam")', value: "id" },
  { address: "B12", formula: null, value: "date", spilledFrom: "A12" },
  { address: "A13", formula: null, value: "viet-nam-used-vessels-2015", spilledFrom: "A12" },
  { address: "E1", formula: "=SUM(1,2)", value: 3 },
  { address: "F1", formula: null, value: "=looks like a formula" },
];

test("every AID formula and the cells it spills into become values; other formulas and constants stay", () => {
  const plan = planBriefing(cells, ledger, STATUS, "Sheet1");
  expect(plan.values.map((v) => v.address)).toEqual(["B9", "D9", "A12", "B12", "A13"]);
  expect(plan.values.find((v) => v.address === "B9")?.value).toBe(2420000000);
  // The value as shown, unmarked: the writer adds Excel's text marker, once.
  expect(plan.values.find((v) => v.address === "A13")?.value).toBe("viet-nam-used-vessels-2015");
  expect(plan.formulas).toBe(3);
  // Applying the plan leaves no AID formula.
  const replaced = new Set(plan.values.map((v) => v.address));
  expect(cells.filter((c) => !replaced.has(c.address) && hasAidCall(c.formula))).toEqual([]);
});

test("the Sources sheet lists each replaced cell with its records, evidence, rate, and the data status", () => {
  const plan = planBriefing(cells, ledger, STATUS, "Sheet1");
  expect(plan.sources.header).toEqual([...SOURCES_HEADER]);
  expect(plan.sources.title[1]).toEqual([`Data: ${STATUS}`]);
  const b9 = plan.sources.rows.filter((r) => r[0] === "B9");
  expect(b9).toHaveLength(3);
  // The formula as text, unmarked here (the writer marks it, so it never lands as a formula).
  expect(b9[0]!.slice(1, 3)).toEqual([`=AIDTOTAL("Africa",A9)`, 2420000000]);
  const ticad = b9.find((r) => r[3] === "ticad6-peace-stability-2016")!;
  expect(ticad[9]).toBe(ledger.record("ticad6-peace-stability-2016")!.record.evidence);
  expect(ticad[8]).toBe("Stated in this currency");
  expect(plan.sources.rows.filter((r) => r[0] === "A12")).toHaveLength(2);
  for (const row of plan.sources.rows)
    for (const cell of row) if (typeof cell === "string") expect(cell).not.toMatch(/^'/);
});

test("a sheet with no AID formula plans nothing to replace", () => {
  const plan = planBriefing([{ address: "A1", formula: "=1+1", value: 2 }], ledger, STATUS);
  expect(plan.values).toEqual([]);
  expect(plan.formulas).toBe(0);
});
