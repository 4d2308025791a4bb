/** @jest-environment jsdom */
import "./setupDom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import {
  TABLES,
  WorkbookWriteError,
  bundledRows,
  formatStatusTime,
  toCsv,
  type CommitmentRecord,
} from "../../src/domain";
import { TICAD_PLEDGE, bundledCopy, ticadAt600Million } from "../domain/helpers";
import { generateRecords } from "../../src/tooling/synthetic";
import { renderPane, total } from "./renderPane";

const TICAD = TICAD_PLEDGE;

/** The bundled rows with one amount changed, and the evidence that states it, as a file. */
function editedFile(): File {
  return new File([toCsv(ticadAt600Million())], "edited.csv", { type: "text/csv" });
}

async function chooseFile(user: ReturnType<typeof renderPane>["user"], file: File) {
  await user.click(screen.getByRole("radio", { name: "File" }));
  await user.upload(screen.getByLabelText("Dataset file"), file);
  await user.click(screen.getByRole("button", { name: "Check for changes" }));
}

test("Load data writes the three tables with a progress bar, then says what the workbook holds", async () => {
  const { port, user } = renderPane();
  const status = () =>
    screen.getAllByRole("status").find((s) => /AIDVERSION/.test(s.textContent ?? ""))!;
  expect(status().textContent).toContain(
    `Bundled data, ${bundledRows().length} records from 2 reports (not yet loaded into this workbook)`
  );
  const release = port.holdNextWrite();
  await user.click(screen.getByRole("button", { name: "Load data" }));
  const bar = await screen.findByRole("progressbar", { name: "Writing tables" });
  expect(bar.getAttribute("aria-valuenow")).toBe("1");
  expect(bar.getAttribute("aria-valuemax")).toBe("3");
  await act(() => Promise.resolve(release()));
  const success = await screen.findByText("Data loaded");
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect([...port.tables.keys()]).toEqual([
    TABLES.commitments.table,
    TABLES.facts.table,
    TABLES.rates.table,
  ]);
  // In plain words: where the data came from, how much, and when; no file names or hashes.
  expect(status().textContent).toContain(
    `Bundled data, ${bundledRows().length} records from 2 reports, loaded ${formatStatusTime(new Date("2026-11-22T09:30:00Z"))}`
  );
  expect(status().textContent).not.toContain("fnv1a64");
  expect(success.closest("[role=status]")!.textContent).toContain(
    "The Summary sheet has a PivotTable"
  );
});

test("where the host has no PivotTables, the load succeeds and the message gives the reason", async () => {
  const { port, user } = renderPane();
  port.pivotSupported = false;
  await user.click(screen.getByRole("button", { name: "Load data" }));
  const success = await screen.findByText("Data loaded");
  expect(success.closest("[role=status]")!.textContent).toContain(
    "No Summary PivotTable: PivotTables need ExcelApi 1.8."
  );
});

test("a refresh from a file shows the changed amount, and the functions switch only after Apply", async () => {
  const { port, store, user } = renderPane();
  await user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  await chooseFile(user, editedFile());
  const changes = await screen.findByRole("region", { name: "Changes" });
  expect(within(changes).getByText(/added, .* removed, .* changed/).textContent).toBe(
    `0 added, 0 removed, 1 changed, ${bundledRows().length - 1} unchanged`
  );
  const changed = within(changes).getByRole("list", { name: "Changed" });
  expect(within(changed).getByText(TICAD)).toBeTruthy();
  expect(within(changed).getByText("amount: 500000000 → 600000000")).toBeTruthy();
  expect(within(changed).getByText("equivalentAmount: 52000000000 → (empty)")).toBeTruthy();
  // Not applied yet: the functions still answer from the loaded data.
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2420000000 });
  await user.click(within(changes).getByRole("button", { name: "Apply changes" }));
  await screen.findByText("Changes applied");
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2520000000 });
  expect(screen.queryByRole("region", { name: "Changes" })).toBeNull();
  expect(port.identity!.source).toBe("file:edited.csv");
  expect(
    screen.getByText(/^Data from the file edited\.csv, 33 records from 2 reports, loaded /)
  ).toBeTruthy();
});

test("checking the bundled dataset against itself says there are no changes; Cancel clears the view", async () => {
  const { user } = renderPane();
  await user.click(screen.getByRole("button", { name: "Check for changes" }));
  const changes = await screen.findByRole("region", { name: "Changes" });
  expect(within(changes).getByText(/^No changes/)).toBeTruthy();
  expect(within(changes).getByRole("button", { name: "Apply changes" })).toBeTruthy();
  await user.click(within(changes).getByRole("button", { name: "Cancel" }));
  expect(screen.queryByRole("region", { name: "Changes" })).toBeNull();
});

test("a malformed file lists both problems with line and field, and changes nothing", async () => {
  const { port, store, user } = renderPane();
  await user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  const tablesBefore = new Map(port.tables);
  const ledgerBefore = store.current();
  const rows = bundledCopy() as (CommitmentRecord | Record<string, unknown>)[];
  rows[3] = { ...rows[3], amount: "12.345" };
  rows[7] = { ...rows[7], region: "Atlantis" };
  const text = toCsv(rows as CommitmentRecord[]);
  await chooseFile(user, new File([text], "bad.csv", { type: "text/csv" }));
  const alert = await screen.findByRole("alert");
  expect(within(alert).getByText("2 problems; nothing was changed")).toBeTruthy();
  const items = within(alert)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(items).toEqual([
    `line 5 (record 4), id ${String(rows[3].id)}, field amount: USD amounts have at most 2 decimal places; "12.345" has 3`,
    expect.stringMatching(
      new RegExp(
        `^line 9 \\(record 8\\), id ${String(rows[7].id)}, field region: unknown region "Atlantis"`
      )
    ),
  ]);
  expect(port.tables).toEqual(tablesBefore);
  expect(store.current()).toBe(ledgerBefore);
  expect(screen.queryByRole("region", { name: "Changes" })).toBeNull();
  await user.click(within(alert).getByRole("button", { name: "Cancel" }));
  expect(screen.queryByRole("alert")).toBeNull();
});

test("a web address that cannot be fetched is reported as a problem with the address", async () => {
  const { user } = renderPane({ ok: false, reason: "only https addresses are allowed" });
  await user.click(screen.getByRole("radio", { name: "Web address" }));
  await user.type(
    screen.getByRole("textbox", { name: "Web address (https)" }),
    "http://example.test/data.json{Enter}"
  );
  const alert = await screen.findByRole("alert");
  expect(within(alert).getByText("1 problem; nothing was changed")).toBeTruthy();
  expect(within(alert).getByRole("listitem").textContent).toBe(
    "(address): only https addresses are allowed"
  );
});

test("invalid edits in the workbook are listed by sheet row and field until fixed", async () => {
  const { port, session, user } = renderPane();
  await act(() => session.start());
  await user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  const commitments = port.tables.get(TABLES.commitments.table)!;
  const row = commitments.rows.findIndex((r) => r[commitments.header.indexOf("id")] === TICAD);
  act(() => port.editCell(TABLES.commitments.table, row, "amount", "lots"));
  const title = await screen.findByText("Edits not taken in");
  const bar = title.closest("[role=status]")!;
  expect(within(bar as HTMLElement).getByRole("listitem").textContent).toMatch(
    new RegExp(`^row ${row + 2} \\(record ${row + 1}\\), id ${TICAD}, field amount: `)
  );
  expect(bar.textContent).toContain(
    "The functions keep answering from the last valid data until these are fixed."
  );
  act(() => port.editCell(TABLES.commitments.table, row, "amount", "500000000"));
  await act(() => Promise.resolve());
  await screen.findByText(/^Data edited in this workbook since |^Bundled data, .* loaded /);
  expect(screen.queryByText("Edits not taken in")).toBeNull();
});

test("a write the workbook refuses shows that nothing was changed", async () => {
  const { port, store, user } = renderPane();
  const before = store.current();
  port.failNextWrite = new WorkbookWriteError(
    "unchanged",
    "Nothing was changed: writing the new rows failed (RequestPayloadSizeLimitExceeded)."
  );
  await user.click(screen.getByRole("button", { name: "Load data" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain(
    "Nothing was changed: writing the new rows failed (RequestPayloadSizeLimitExceeded)."
  );
  expect(port.tables.size).toBe(0);
  expect(store.current()).toBe(before);
  expect(screen.getByRole("button", { name: "Load data" }).getAttribute("aria-disabled")).not.toBe(
    "true"
  );
});

test("a rejected call (no Excel) is shown, not swallowed", async () => {
  const { port, user } = renderPane();
  jest.spyOn(port, "readIdentity").mockRejectedValue(new ReferenceError("Excel is not defined"));
  jest.spyOn(port, "locateTables").mockRejectedValue(new ReferenceError("Excel is not defined"));
  await user.click(screen.getByRole("button", { name: "Load data" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Could not load the data: Excel is not defined");
});

test("checking a large file shows its progress, and Cancel check stops it with nothing prepared", async () => {
  const { store, user } = renderPane();
  const before = store.current();
  const text = toCsv(generateRecords(8000, { seed: 5 }));
  const seen: string[] = [];
  let cancelled = false;
  // Cancel is pressed from the observer, in the microtask right after the pane shows the check's
  // progress: the check's next step waits for a timer, so it cannot finish first, however fast.
  const observer = new MutationObserver(() => {
    for (const status of screen.queryAllByText(/^(Reading|Checking|Indexing)/))
      seen.push(status.textContent ?? "");
    const cancel = screen.queryByRole("button", { name: "Cancel check" });
    if (!cancelled && cancel && seen.some((t) => /^Checking the records: \d+%…$/.test(t))) {
      cancelled = true;
      fireEvent.click(cancel);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  await chooseFile(user, new File([text], "large.csv", { type: "text/csv" }));
  await waitFor(() => expect(cancelled).toBe(true), { timeout: 30_000 });
  observer.disconnect();
  await waitFor(() => expect(screen.queryByRole("button", { name: "Cancel check" })).toBeNull());
  expect(screen.queryByRole("region", { name: "Changes" })).toBeNull();
  expect(store.current()).toBe(before);
}, 60_000);

test("Re-read workbook says what it found, and replaces the load's outcome (one outcome at a time)", async () => {
  const { port, session, user } = renderPane();
  await act(() => session.start());
  await user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  await user.click(screen.getByRole("button", { name: "Re-read workbook" }));
  expect(
    await screen.findByText(
      /^Read the workbook: nothing had changed \(the functions answer from 33 records from 2 reports\)\.$/
    )
  ).toBeTruthy();
  expect(screen.queryByText("Data loaded")).toBeNull();
  // An edit whose event never came is taken in by the next re-read, which says so.
  const commitments = port.tables.get(TABLES.commitments.table)!;
  const row = commitments.rows.findIndex((r) => r[commitments.header.indexOf("id")] === TICAD);
  const notes = commitments.header.indexOf("notes");
  port.tables.set(TABLES.commitments.table, {
    header: commitments.header,
    rows: commitments.rows.map((r, i) =>
      i === row ? r.map((v, c) => (c === notes ? "checked" : v)) : r
    ),
  });
  await user.click(screen.getByRole("button", { name: "Re-read workbook" }));
  expect(await screen.findByText(/^Read the workbook: took in your edits /)).toBeTruthy();
});

test("the review of a refresh names the user's note that goes with a removed record, before Apply", async () => {
  const { port, user } = renderPane();
  await user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  port.addUserColumn(TABLES.commitments.table, "MyNote");
  port.editCellSilently(TABLES.commitments.table, 0, "MyNote", "check with desk");
  const commitments = port.tables.get(TABLES.commitments.table)!;
  const gone = String(commitments.rows[0]![commitments.header.indexOf("id")]);
  const rows = bundledCopy().filter((r) => r.id !== gone);
  await chooseFile(user, new File([toCsv(rows)], "one-out.csv", { type: "text/csv" }));
  const changes = await screen.findByRole("region", { name: "Changes" });
  const lost = within(changes).getByRole("list", {
    name: "Your values that go with removed records",
  });
  expect(within(lost).getByRole("listitem").textContent).toBe(
    `${gone} leaves the ${TABLES.commitments.table} table: your MyNote on ${gone} goes with it ("check with desk").`
  );
  // Not written yet: the note is still beside its record.
  expect(port.tables.get(TABLES.commitments.table)!.rows[0]).toContain("check with desk");
});

test("when the user's values beside removed records cannot be read, the check says so and offers no Apply", async () => {
  const { port, user } = renderPane();
  await user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  jest.spyOn(port, "previewLostUserValues").mockRejectedValue(new Error("GeneralException"));
  await chooseFile(user, editedFile());
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Could not check the data: GeneralException");
  expect(screen.queryByRole("region", { name: "Changes" })).toBeNull();
});
