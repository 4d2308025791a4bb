import { TABLES, messages, toJson } from "../../../src/domain";
import { bundledCopy } from "../../domain/helpers";
import { cellOf, modelSession, settle } from "./modelSession";

const COMMITMENTS = TABLES.commitments.table;

/** Loaded, then an amount typed that is not one (listed under Edits not taken in). */
async function withAProblem() {
  const setup = modelSession();
  await setup.session.start();
  await setup.session.load();
  const record = bundledCopy().find((r) => r.amount !== null)!;
  const cell = cellOf(setup.model, COMMITMENTS, "id", record.id, "amount");
  setup.model.user.type(cell.sheet, cell.address, "12O million");
  await settle(setup.model, setup.session);
  expect(setup.session.snapshot.editProblems.map((p) => p.field)).toContain("amount");
  const line = Number(/\d+$/.exec(cell.address)![0]);
  return { ...setup, record, cell, line };
}

test("Load data over an amount not taken in asks first, and the review names the edit it replaces", async () => {
  const { session, model, record, cell, line } = await withAProblem();
  // The ledger is still the bundled data, so the diff itself is empty: without the check Load
  // would write at once and the typed value would be gone unseen.
  const loaded = await session.load();
  if (!("review" in loaded) || !loaded.review) throw new Error("Load wrote without a review");
  expect(loaded.review.diff.changed).toEqual([]);
  expect(model.read.value(cell.sheet, cell.address)).toBe("12O million");
  expect(loaded.review.replacedEdits).toEqual([
    {
      line,
      key: record.id,
      column: "amount",
      typed: "12O million",
      replacement: Number(record.amount),
    },
  ]);
  expect(loaded.review.replacedEdits.map((e) => messages().replacedEdit(e))).toEqual([
    `Your edit of amount on row ${line} ("12O million") is replaced by the data's "${Number(record.amount)}".`,
  ]);
  // Confirmed: the data's value, and no problem left.
  const applied = await session.apply(loaded.review);
  expect(applied.ok).toBe(true);
  await settle(model, session);
  expect(model.read.value(cell.sheet, cell.address)).toBe(Number(record.amount));
  expect(session.snapshot.editProblems).toEqual([]);
});

test("a refresh names an edit not taken in whose row it deletes, and every other edit of the table not taken in", async () => {
  const { session, model, record, line } = await withAProblem();
  // A valid edit elsewhere is not taken in either while the table has a problem.
  const other = bundledCopy().find((r) => r.id !== record.id)!;
  const notes = cellOf(model, COMMITMENTS, "id", other.id, "notes");
  model.user.type(notes.sheet, notes.address, "asked the desk");
  await settle(model, session);
  const prepared = await session.prepare({
    kind: "file",
    name: "without-it.json",
    text: toJson(bundledCopy().filter((r) => r.id !== record.id)),
  });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const otherLine = Number(/\d+$/.exec(notes.address)![0]);
  expect(prepared.value.replacedEdits.map((e) => `${e.line} ${e.column}`).sort()).toEqual(
    [`${line} amount`, `${otherLine} notes`].sort()
  );
  const gone = prepared.value.replacedEdits.find((e) => e.line === line)!;
  expect(gone.replacement).toBeNull();
  expect(messages().replacedEdit(gone)).toBe(
    `Your edit of amount on row ${line} ("12O million") goes with its row, which the data does not have.`
  );
});

test("with no edit problem nothing is listed, and a Load of the same data writes without asking", async () => {
  const setup = modelSession();
  await setup.session.start();
  await setup.session.load();
  const loaded = await setup.session.load();
  expect(loaded.ok).toBe(true);
});
