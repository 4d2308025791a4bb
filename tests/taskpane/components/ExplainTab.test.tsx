/** @jest-environment jsdom */
import "./setupDom";
import { act, screen, within } from "@testing-library/react";
import { explainCall, toJson } from "../../../src/domain";
import { ticadAt600Million } from "../../domain/helpers";
import { renderPane } from "./renderPane";

const HINT = 'Select a cell with an AID formula, such as =AIDTOTAL("Africa",2016).';

/** The Explain tab's one-line summary (its live region). */
const summary = () =>
  within(screen.getByRole("tabpanel", { name: "Explain" })).getByRole("status").textContent;

test("the Explain tab shows the answer, the reading, the three records and their evidence", async () => {
  const { port, store, user } = renderPane();
  port.select({ sheet: "Sheet1", address: "C1", formula: '=AIDTOTAL("Africa",2016)' });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await user.click(screen.getByRole("button", { name: "Explain selected cell" }));
  await screen.findByText('=AIDTOTAL("Africa",2016) answers 2,420,000,000, from 3 records.');

  const expected = explainCall(store.current(), "AIDTOTAL", ["Africa", 2016]);
  expect(expected.records).toHaveLength(3);
  const panel = screen.getByRole("tabpanel", { name: "Explain" });
  expect(
    within(panel).getByText((_, el) => el?.textContent === "Answer: 2,420,000,000")
  ).toBeTruthy();
  expect(within(panel).getByRole("list", { name: "Read as" }).textContent).toContain(
    "Place: Africa"
  );
  const table = within(panel).getByRole("table", { name: "Records behind the answer" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(
    expected.records.map((r) => r.id)
  );
  const ticad = rows.find((r) => r.textContent!.includes("ticad6-peace-stability-2016"))!;
  expect(ticad.textContent).toContain(
    "“assistance amounting to approximately $500 million (approximately ¥52 billion)”"
  );
  expect(ticad.textContent).toContain("USD 500,000,000");
  expect(ticad.textContent).toContain("500,000,000");
});

test("the view follows the selection, reads referenced cells, and gives the hint for other cells", async () => {
  const { port, user } = renderPane();
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(HINT);
  expect(port.selectionWatcherCount).toBe(1);

  port.cells.set("B1", "Africa").set("B2", 2016);
  act(() => port.select({ sheet: "Sheet1", address: "C1", formula: "=AIDTOTAL(B1,B2)" }));
  await screen.findByText('=AIDTOTAL("Africa",2016) answers 2,420,000,000, from 3 records.');

  act(() => port.select({ sheet: "Sheet1", address: "C2", formula: "=SUM(A1:A2)" }));
  await screen.findByText(HINT);
  expect(screen.queryByRole("table")).toBeNull();

  act(() =>
    port.select({ sheet: "Sheet1", address: "C3", formula: '=AIDTOTAL("Africa",YEAR(TODAY()))' })
  );
  await screen.findByText(/YEAR\(TODAY\(\)\).*put its value in a cell/);

  act(() => port.select({ sheet: "Sheet1", address: "C4", formula: '=AIDTOTAL("Afrika")' }));
  await screen.findByText(/^=AIDTOTAL\("Afrika"\) answers #N\/A: /);
  expect(summary()).toContain("Afrika");
});

test("selection changes are followed only while the tab is shown, and no longer after unmount", async () => {
  const { port, user, unmount } = renderPane();
  expect(port.selectionWatcherCount).toBe(0);
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(HINT);
  expect(port.selectionWatcherCount).toBe(1);
  await user.click(screen.getByRole("tab", { name: "Functions" }));
  await act(async () => undefined);
  expect(port.selectionWatcherCount).toBe(0);
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await act(async () => undefined);
  expect(port.selectionWatcherCount).toBe(1);
  unmount();
  await act(async () => undefined);
  expect(port.selectionWatcherCount).toBe(0);
});

test("the explanation follows the data: a refresh explains the same cell from the new ledger", async () => {
  const { port, session, user } = renderPane();
  port.select({ sheet: "Sheet1", address: "C1", formula: '=AIDTOTAL("Africa",2016)' });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText('=AIDTOTAL("Africa",2016) answers 2,420,000,000, from 3 records.');
  const prepared = await session.prepare({
    kind: "file",
    name: "edited.json",
    text: toJson(ticadAt600Million()),
  });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  await act(() => session.apply(prepared.value));
  await screen.findByText('=AIDTOTAL("Africa",2016) answers 2,520,000,000, from 3 records.');
  expect(screen.getByText("“approximately $600 million”", { exact: false })).toBeTruthy();
});

test("a selection that cannot be read (no Excel) is reported in the tab", async () => {
  const { port, user } = renderPane();
  jest.spyOn(port, "getSelection").mockRejectedValue(new ReferenceError("Excel is not defined"));
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText("Could not read the selected cell: Excel is not defined");
});
