import { TABLES, lostUserValueText, toJson } from "../../../src/domain";
import { bundledCopy } from "../../domain/helpers";
import { createTestSession } from "../testSession";

const COMMITMENTS = TABLES.commitments.table;

/** Loaded, with a column of the user's own in Commitments and a note beside each of two records. */
async function annotated() {
  const setup = createTestSession();
  await setup.session.load();
  setup.port.addUserColumn(COMMITMENTS, "MyNote");
  const held = setup.port.tables.get(COMMITMENTS)!;
  const ids = held.rows.map((r) => String(r[held.header.indexOf("id")]));
  setup.port.editCellSilently(COMMITMENTS, 0, "MyNote", "check with desk");
  setup.port.editCellSilently(COMMITMENTS, 1, "MyNote", "stays");
  return { ...setup, gone: ids[0]!, stays: ids[1]! };
}

test("a refresh that removes an annotated record names the note that goes with it, before anything is written", async () => {
  const { session, port, gone } = await annotated();
  const before = new Map(port.tables);
  const prepared = await session.prepare({
    kind: "file",
    name: "one-out.json",
    text: toJson(bundledCopy().filter((r) => r.id !== gone)),
  });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  expect(prepared.value.diff.removed.map((r) => r.id)).toEqual([gone]);
  // Only the removed record's note: the one beside a record that stays is not listed.
  expect(prepared.value.lostUserValues).toEqual([
    { table: COMMITMENTS, key: gone, column: "MyNote", value: "check with desk" },
  ]);
  expect(prepared.value.lostUserValues.map(lostUserValueText)).toEqual([
    `${gone} leaves the ${COMMITMENTS} table: your MyNote on ${gone} goes with it ("check with desk").`,
  ]);
  expect(port.tables).toEqual(before);
});

test("a refresh that removes nothing lists no value of the user's", async () => {
  const { session } = await annotated();
  const prepared = await session.prepare({
    kind: "file",
    name: "one-more.json",
    text: toJson([...bundledCopy(), { ...bundledCopy()[0]!, id: "added-by-refresh" }]),
  });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  expect(prepared.value.lostUserValues).toEqual([]);
});

test("when the user's values cannot be read, the check fails and says why; nothing is prepared or written", async () => {
  const { session, port, store, gone } = await annotated();
  const before = new Map(port.tables);
  const ledger = store.current();
  jest.spyOn(port, "previewLostUserValues").mockRejectedValue(new Error("GeneralException"));
  await expect(
    session.prepare({
      kind: "file",
      name: "one-out.json",
      text: toJson(bundledCopy().filter((r) => r.id !== gone)),
    })
  ).rejects.toThrow("GeneralException");
  expect(port.tables).toEqual(before);
  expect(store.current()).toBe(ledger);
});
