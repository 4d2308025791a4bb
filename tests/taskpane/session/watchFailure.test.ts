import { TABLES } from "../../../src/domain";
import { ExcelWorkbook } from "../../../src/host/excel/excelWorkbook";
import { bundledCopy } from "../../domain/helpers";
import { newSession } from "../testSession";
import { cellOf, modelSession, settle } from "./modelSession";

/*
 * Found by the workbook property: when watching the tables for edits failed on opening, the
 * session stopped there (Facts and Rates were not brought up to date) and said nothing in the
 * pane, while edits went untaken.
 */
test("a watch that cannot be set up is told, Re-read workbook takes the edits in and watches again", async () => {
  const { model, session, store } = modelSession();
  await session.start();
  await session.load();
  // Every request that adds an event handler fails while `failing` holds.
  let failing = true;
  const execute = model.execute.bind(model);
  model.execute = async (requests) => {
    if (failing) model.failAt((r) => r.statement.startsWith("Event"));
    return execute(requests);
  };
  model.user.reopen();
  store.awaitWorkbook();
  const next = newSession(new ExcelWorkbook({ run: model.run, supports: model.supports }), {
    store,
  });
  await next.start();
  expect(next.snapshot.notice?.message).toMatch(
    /^Your edit could not be read: watching the tables for edits failed .*Re-read workbook/
  );
  failing = false;
  model.clearFault();
  const record = bundledCopy().find((r) => r.amount !== null)!;
  const cell = cellOf(model, TABLES.commitments.table, "id", record.id, "notes");
  model.user.type(cell.sheet, cell.address, "asked the desk");
  await settle(model, next);
  expect(store.current().records.find((r) => r.record.id === record.id)!.record.notes).not.toBe(
    "asked the desk"
  );
  expect(await next.reread()).toMatch(/took in your edits/);
  expect(next.snapshot.notice).toBeNull();
  // Watched again: the next edit is taken in by itself.
  model.user.type(cell.sheet, cell.address, "asked twice");
  await settle(model, next);
  expect(store.current().records.find((r) => r.record.id === record.id)!.record.notes).toBe(
    "asked twice"
  );
});
