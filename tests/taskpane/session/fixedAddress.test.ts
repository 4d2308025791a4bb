import { TABLES, fixedAddressText, toJson } from "../../../src/domain";
import { bundledCopy } from "../../domain/helpers";
import { createTestSession } from "../testSession";

const oneMore = () => toJson([...bundledCopy(), { ...bundledCopy()[0]!, id: "added-by-refresh" }]);

async function loadedWithFormula(formula: string) {
  const setup = createTestSession();
  await setup.session.load();
  const facts = setup.port.tables.get(TABLES.facts.table)!;
  const last = facts.rows.length + 1;
  setup.port.formulas = [
    { sheet: "Sheet1", address: "B4", formula: formula.replace("<last>", String(last)) },
  ];
  return { ...setup, last };
}

test("a refresh that adds a record names the user's formula that ends at Facts' last row", async () => {
  const { session, last } = await loadedWithFormula(`=SUM(${TABLES.facts.table}!L2:L<last>)`);
  const prepared = await session.prepare({ kind: "file", name: "more.json", text: oneMore() });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  expect(prepared.value.fixedAddresses).toEqual({
    kind: "checked",
    found: [
      {
        cell: "Sheet1!B4",
        reference: `${TABLES.facts.table}!L2:L${last}`,
        table: TABLES.facts.table,
        structured: `${TABLES.facts.table}[AmountUSD]`,
      },
    ],
  });
  if (prepared.value.fixedAddresses.kind === "checked")
    expect(fixedAddressText(prepared.value.fixedAddresses.found[0]!)).toContain(
      "which will not include the new rows"
    );
});

test("a refresh that adds nothing does not read the workbook's formulas", async () => {
  const { session, port } = await loadedWithFormula(`=SUM(${TABLES.facts.table}!L2:L<last>)`);
  const reads = port.formulaReads;
  const prepared = await session.prepare({
    kind: "file",
    name: "same.json",
    text: toJson(bundledCopy()),
  });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  expect(prepared.value.fixedAddresses).toEqual({ kind: "checked", found: [] });
  expect(port.formulaReads).toBe(reads);
});

test("a failed read of the formulas is said, and the refresh can still be applied", async () => {
  const { session, port } = await loadedWithFormula("=1");
  port.failFormulaRead = new Error("GeneralException");
  const prepared = await session.prepare({ kind: "file", name: "more.json", text: oneMore() });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  expect(prepared.value.fixedAddresses).toEqual({
    kind: "failed",
    reason: expect.stringContaining("GeneralException") as unknown,
  });
  expect((await session.apply(prepared.value)).ok).toBe(true);
});
