import { expect } from "@jest/globals";
import { TABLES, ledgerTables, loadBundledLedger } from "../../../src/domain";
import { modelSession, settle, tablePlace, tableValues } from "./modelSession";
import type { ExcelModel } from "../../../src/tooling/excelModel";

/*
 * Issue 13: edits with problems. A user rate the data cannot take is never dropped unseen, and
 * while edits have problems the pane says that Facts, Rates and the Summary lag behind.
 */

/** The Rates table's documents by whether they state a rate of their own. */
function documents(stating: boolean): string[] {
  const rates = ledgerTables(loadBundledLedger()).find((t) => t.table === TABLES.rates.table)!;
  const [document, entry] = ["Document", "Entry"].map((c) =>
    rates.columns.findIndex((k) => k.name === c)
  );
  const found = rates.rows
    .filter((r) => (r[entry!] === "none") !== stating)
    .map((r) => String(r[document!]));
  expect(found.length).toBeGreaterThan(0);
  return [...new Set(found)];
}

/** The user types a row of their own at the foot of Rates. */
function typeUserRate(model: ExcelModel, document: string, rate: string): void {
  const t = tablePlace(model, TABLES.rates.table);
  const row = t.header.map((h) =>
    h === "Document" ? document : h === "Entry" ? "user" : h === "JpyPerUsd" ? rate : ""
  );
  model.user.paste(t.sheet, `A${t.top + 1 + t.rows.length}`, [row]);
}

function userRows(model: ExcelModel): string[] {
  const [header, ...rows] = tableValues(model, TABLES.rates.table);
  const [document, entry, rate] = ["Document", "Entry", "JpyPerUsd"].map((c) => header!.indexOf(c));
  return rows.filter((r) => r[entry!] === "user").map((r) => `${r[document!]}|${r[rate!]}`);
}

describe("a user rate with a problem (issue 13)", () => {
  test.each(["load", "refresh"] as const)(
    "a %s does not drop it: the pane names its row, field and reason, and nothing changes",
    async (how) => {
      const { model, store, session } = modelSession();
      await session.start();
      expect((await session.load()).ok).toBe(true);
      const stating = documents(true)[0]!;
      typeUserRate(model, stating, "120");
      await settle(model, session);
      const problem = session.snapshot.editProblems.find((p) => p.field.startsWith("Rates"));
      expect(problem?.message).toMatch(/states its own rate/);
      const accepted = store.current();
      const ratesBefore = tableValues(model, TABLES.rates.table);

      const prepared = await session.prepare(
        how === "load"
          ? { kind: "bundled" }
          : {
              kind: "file",
              name: "same.json",
              text: JSON.stringify(loadBundledLedger().records.map((r) => r.record)),
            }
      );
      expect(prepared.ok).toBe(false);
      const problems = prepared.ok ? [] : prepared.problems;
      const where = new RegExp(`^Rates row ${problem!.line}, Document: .*states its own rate`);
      expect(problems).toContainEqual(
        expect.objectContaining({ field: "Rates.Document", message: expect.stringMatching(where) })
      );
      if (how === "load") {
        const loaded = await session.load();
        expect(loaded).toEqual(
          expect.objectContaining({
            ok: false,
            state: "unchanged",
            message: expect.stringMatching(where),
          })
        );
      }
      await settle(model, session);
      expect(userRows(model)).toEqual([`${stating}|120`]);
      expect(tableValues(model, TABLES.rates.table)).toEqual(ratesBefore);
      expect(store.current()).toBe(accepted);
    }
  );

  test("a rate the data can take is carried through a load, as typed", async () => {
    const { model, store, session } = modelSession();
    await session.start();
    expect((await session.load()).ok).toBe(true);
    const open = documents(false)[0]!;
    typeUserRate(model, open, "120");
    await settle(model, session);
    expect(session.snapshot.editProblems).toEqual([]);
    expect(store.current().userRates.map((u) => u.document)).toEqual([open]);
    const loaded = await session.load();
    expect(loaded.ok).toBe(true);
    await settle(model, session);
    expect(userRows(model)).toEqual([`${open}|120`]);
  });
});
