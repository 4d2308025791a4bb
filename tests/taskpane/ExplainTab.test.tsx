/** @jest-environment jsdom */
import "./setupDom";
import { act, screen, within } from "@testing-library/react";
import { explainFormula, toJson } from "../../src/domain";
import { ticadAt600Million } from "../domain/helpers";
import { renderPane } from "./renderPane";

const HINT = 'Select a cell with an AID formula, such as =AIDTOTAL("Africa",2016).';
const AFRICA = '=AIDTOTAL("Africa",2016) answers 2,420,000,000, from 3 records.';

const panel = () => screen.getByRole("tabpanel", { name: "Explain" });
/** The Explain tab's one-line summary (its live region). */
const summary = () => within(panel()).getByRole("status").textContent;

test("the Explain tab shows the answer once, each argument as written, and one card per record", async () => {
  const { port, store, user } = renderPane();
  port.select({ sheet: "Sheet1", address: "C1", formula: '=AIDTOTAL("Africa",2016)' });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await user.click(screen.getByRole("button", { name: "Explain selected cell" }));
  await screen.findByText(AFRICA);

  const expected = explainFormula(store.current(), '=AIDTOTAL("Africa",2016)')!;
  expect(expected.adding).toHaveLength(3);
  const args = within(panel()).getByRole("list", { name: "Arguments" });
  expect(
    within(args)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual([
    'place: "Africa": Africa (region)',
    "year: 2016: 2016",
    "currency: left out: USD (the default)",
    "theme: left out: any theme",
    "kind: left out: committed (the default)",
  ]);
  const adding = within(panel()).getByRole("region", { name: "3 records add up to the answer" });
  const cards = within(adding).getAllByRole("article");
  expect(cards.map((c) => c.getAttribute("aria-label"))).toEqual(expected.adding.map((r) => r.id));
  const ticad = within(adding).getByRole("article", { name: "ticad6-peace-stability-2016" });
  expect(ticad.textContent).toContain(
    "“assistance amounting to approximately $500 million (approximately ¥52 billion)”"
  );
  expect(ticad.textContent).toContain("Amount: USD 500,000,000");
  expect(ticad.textContent).toContain("Counts as: USD 500,000,000");
  // The answer is the status line alone: not printed again below it.
  expect(panel().textContent.split("2,420,000,000")).toHaveLength(2);
  // No table: the cards stack, so nothing is wider than the pane.
  expect(within(panel()).queryByRole("table")).toBeNull();
});

test("references are shown as written with their values, and the hint is given for other cells", async () => {
  const { port, user } = renderPane();
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(HINT);
  expect(port.selectionWatcherCount).toBe(1);

  port.cells.set("A8", "Africa").set("A9", 2016);
  act(() => port.select({ sheet: "Sheet1", address: "C1", formula: "=AIDTOTAL(A8,A9)" }));
  await screen.findByText("=AIDTOTAL(A8,A9) answers 2,420,000,000, from 3 records.");
  const args = within(panel()).getByRole("list", { name: "Arguments" });
  expect(within(args).getByText('place: A8 = "Africa": Africa (region)')).toBeTruthy();
  expect(within(args).getByText("year: A9 = 2016: 2016")).toBeTruthy();

  act(() => port.select({ sheet: "Sheet1", address: "C2", formula: "=SUM(A1:A2)" }));
  await screen.findByText(HINT);
  expect(within(panel()).queryByRole("article")).toBeNull();

  act(() =>
    port.select({ sheet: "Sheet1", address: "C3", formula: '=AIDTOTAL("Africa",YEAR(TODAY()))' })
  );
  await screen.findByText(/YEAR\(TODAY\(\)\).*put its value in a cell/);
});

test("a bare word where text is expected is explained: put Africa in quotes, and the fix can be used", async () => {
  const { port, actions, user } = renderPane();
  port.select({ sheet: "Sheet1", address: "C1", formula: "=AIDTOTAL(Africa,2016)" });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(
    `=AIDTOTAL(Africa,2016) shows #NAME?: put Africa in quotes. With quotes, ${AFRICA}`
  );
  expect(within(panel()).queryByText(/An argument is a calculation/)).toBeNull();
  expect(within(panel()).getByText(/Put Africa in quotes: "Africa"\./)).toBeTruthy();
  await user.click(within(panel()).getByRole("button", { name: 'Use =AIDTOTAL("Africa",2016)' }));
  await screen.findByText(AFRICA);
  expect(port.inserted).toEqual(['=AIDTOTAL("Africa",2016)']);
  expect(actions.sheet.get("C1")).toBe('=AIDTOTAL("Africa",2016)');
});

test("a cell inside an AIDLIST spill explains the spill's formula", async () => {
  const { port, actions, user } = renderPane();
  actions.sheet.set("A1", '=AIDLIST("Viet Nam")');
  actions.spills.set("C3", "A1");
  port.select({ sheet: "Sheet1", address: "C3", formula: null });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(
    '=AIDLIST("Viet Nam") answers a table of 3 rows (header included), from 2 records.'
  );
  expect(
    within(panel()).getByText("C3 is in the table that A1 spills; this is A1's formula.")
  ).toBeTruthy();
  expect(within(panel()).getAllByRole("article")).toHaveLength(2);
});

test("records without an amount are listed apart from those that add up; an error is said once", async () => {
  const { port, store, user } = renderPane();
  const formula = '=AIDTOTAL("Africa",2016,,,"all")';
  const expected = explainFormula(store.current(), formula)!;
  expect(expected.apart.length).toBeGreaterThan(0);
  port.select({ sheet: "Sheet1", address: "C1", formula });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(new RegExp(`from ${expected.adding.length} records\\.$`));
  const apart = within(panel()).getByRole("region", {
    name: `${expected.apart.length} more records match but add nothing`,
  });
  const cards = within(apart).getAllByRole("article");
  expect(cards.map((c) => c.getAttribute("aria-label"))).toEqual(expected.apart.map((r) => r.id));
  expect(within(apart).getByRole("article", { name: "ticad6-hrd-2016" }).textContent).toContain(
    "States no amount (9,600,000 people)."
  );

  act(() => port.select({ sheet: "Sheet1", address: "C4", formula: '=AIDTOTAL("Afrika")' }));
  await screen.findByText(/^=AIDTOTAL\("Afrika"\) answers #N\/A: /);
  expect(summary()).toContain("Afrika");
  expect(panel().textContent.split('Unknown place "Afrika"')).toHaveLength(2);
});

test("the chart of an answer can be drawn by record or by year, with its values listed", async () => {
  const { port, user } = renderPane();
  port.select({ sheet: "Sheet1", address: "C1", formula: '=AIDTOTAL("UNODC",,,,"all")' });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(/^=AIDTOTAL\("UNODC",,,,"all"\) answers/);
  const byRecord = within(panel()).getByRole("img", { name: "Answer by record" });
  expect(byRecord.querySelectorAll("rect").length).toBeGreaterThan(1);
  await user.click(within(panel()).getByRole("radio", { name: "By year" }));
  const byYear = within(panel()).getByRole("img", { name: "Answer by year" });
  const values = within(panel()).getByRole("list", { name: "Answer by year, values" });
  expect(byYear.querySelectorAll("rect")).toHaveLength(
    within(values).getAllByRole("listitem").length
  );
});

test("selection changes are followed only while the tab is shown, and no longer after unmount", async () => {
  const { port, user, unmount } = renderPane();
  expect(port.selectionWatcherCount).toBe(0);
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(HINT);
  expect(port.selectionWatcherCount).toBe(1);
  await user.click(screen.getByRole("tab", { name: "Functions" }));
  await act(() => Promise.resolve());
  expect(port.selectionWatcherCount).toBe(0);
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await act(() => Promise.resolve());
  expect(port.selectionWatcherCount).toBe(1);
  unmount();
  await act(() => Promise.resolve());
  expect(port.selectionWatcherCount).toBe(0);
});

test("the explanation follows the data: a refresh explains the same cell from the new ledger", async () => {
  const { port, session, user } = renderPane();
  port.select({ sheet: "Sheet1", address: "C1", formula: '=AIDTOTAL("Africa",2016)' });
  await user.click(screen.getByRole("tab", { name: "Explain" }));
  await screen.findByText(AFRICA);
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
