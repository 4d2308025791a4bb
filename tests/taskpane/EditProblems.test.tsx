/** @jest-environment jsdom */
import "./setupDom";
import { act, screen, waitFor, within } from "@testing-library/react";
import { TABLES } from "../../src/domain";
import { TICAD_PLEDGE } from "../domain/helpers";
import { renderPane } from "./renderPane";

/*
 * Issue 13: while edits have problems, the derived tables keep the last accepted data, and the
 * pane says so until the problems are fixed.
 */

const LAG =
  /^Facts, Rates and the Summary show the data as last accepted; fix the (\d+) problems? below to bring them up to date\.$/;

/** The sentence about the derived tables in the Edits not taken in bar, or null when none shows. */
function lagSentence(): string | null {
  const title = screen.queryByText("Edits not taken in");
  if (!title) return null;
  const bar = title.closest("[role=status]") as HTMLElement;
  const sentence = /Facts, Rates and the Summary[^.]*\./.exec(bar.textContent ?? "");
  expect(within(bar).getAllByRole("listitem").length).toBeGreaterThan(0);
  return sentence ? sentence[0] : null;
}

async function loaded() {
  const pane = renderPane();
  await act(() => pane.session.start());
  await pane.user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  return pane;
}

test("an edit of Commitments with a problem: the pane says Facts, Rates and the Summary lag, until it is fixed", async () => {
  const { port } = await loaded();
  const facts = port.tables.get(TABLES.facts.table);
  const commitments = port.tables.get(TABLES.commitments.table)!;
  const row = commitments.rows.findIndex(
    (r) => r[commitments.header.indexOf("id")] === TICAD_PLEDGE
  );
  act(() => port.editCell(TABLES.commitments.table, row, "amount", "lots"));
  await screen.findByText("Edits not taken in");
  const sentence = lagSentence();
  expect(sentence).toMatch(LAG);
  expect(LAG.exec(sentence!)![1]).toBe("1");
  expect(sentence).toContain("fix the 1 problem below");
  // What it says is so: Facts was not rewritten.
  expect(port.tables.get(TABLES.facts.table)).toBe(facts);

  act(() => port.editCell(TABLES.commitments.table, row, "amount", "500000000"));
  await waitFor(() => expect(screen.queryByText("Edits not taken in")).toBeNull());
  expect(lagSentence()).toBeNull();
});

test("an edit of Rates with a problem: the same sentence names the count, and clears when undone", async () => {
  const { port } = await loaded();
  const rates = port.tables.get(TABLES.rates.table)!;
  const entry = rates.header.indexOf("Entry");
  const row = rates.rows.findIndex((r) => r[entry] === "default");
  expect(row).toBeGreaterThanOrEqual(0);
  // A rate of the user's own for a document that states its own: refused.
  act(() => port.editCell(TABLES.rates.table, row, "Entry", "user"));
  await screen.findByText("Edits not taken in");
  const sentence = lagSentence();
  expect(sentence).toMatch(LAG);
  expect(Number(LAG.exec(sentence!)![1])).toBeGreaterThanOrEqual(1);

  act(() => port.editCell(TABLES.rates.table, row, "Entry", "default"));
  await waitFor(() => expect(screen.queryByText("Edits not taken in")).toBeNull());
  expect(lagSentence()).toBeNull();
});
