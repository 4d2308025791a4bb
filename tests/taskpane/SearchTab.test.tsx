/** @jest-environment jsdom */
import "./setupDom";
import { screen, waitFor, within } from "@testing-library/react";
import { renderPane } from "./renderPane";

const panel = () => screen.getByRole("tabpanel", { name: "Search" });

test('searching "patrol" finds the Philippines vessel records as cards; Insert AIDSOURCE and Show in Commitments act on one', async () => {
  const { port, actions, user } = renderPane();
  await user.click(screen.getByRole("tab", { name: "Search" }));
  await user.type(within(panel()).getByRole("searchbox", { name: "Search records" }), "patrol");
  const results = await within(panel()).findByRole("list", { name: "Search results" });
  const cards = within(results).getAllByRole("article");
  const ids = cards.map((c) => c.getAttribute("aria-label"));
  expect(ids).toEqual(
    expect.arrayContaining([
      "philippines-patrol-vessels-fy2013",
      "philippines-large-patrol-vessels-2016",
    ])
  );
  expect(within(panel()).getByText(`${ids.length} records match “patrol”.`)).toBeTruthy();
  const fy2013 = within(results).getByRole("article", {
    name: "philippines-patrol-vessels-fy2013",
  });
  expect(within(fy2013).getByRole("heading", { level: 3 }).textContent).toBe(
    "Philippines: 10 patrol vessels"
  );
  expect(fy2013.textContent).toContain("Loan · Maritime security and piracy · FY2013");

  await user.click(
    within(fy2013).getByRole("button", {
      name: "Insert AIDSOURCE: philippines-patrol-vessels-fy2013",
    })
  );
  await within(panel()).findByText(
    'Inserted =AIDSOURCE("philippines-patrol-vessels-fy2013") into A1.'
  );
  expect(port.inserted).toEqual(['=AIDSOURCE("philippines-patrol-vessels-fy2013")']);

  // One outcome at a time: the next action's message replaces the last.
  await user.click(
    within(fy2013).getByRole("button", {
      name: "Show in Commitments: philippines-patrol-vessels-fy2013",
    })
  );
  await within(panel()).findByText("Selected philippines-patrol-vessels-fy2013 in Commitments.");
  expect(within(panel()).queryByText(/^Inserted /)).toBeNull();
  expect(actions.shown).toEqual(["philippines-patrol-vessels-fy2013"]);
});

test("a search with no match says so; a failed action is reported", async () => {
  const { actions, user } = renderPane();
  jest
    .spyOn(actions, "showRecord")
    .mockRejectedValue(new Error("the Commitments sheet is missing"));
  await user.click(screen.getByRole("tab", { name: "Search" }));
  const box = within(panel()).getByRole("searchbox", { name: "Search records" });
  await user.type(box, "atlantis");
  await within(panel()).findByText("No record matches “atlantis”.");
  await user.clear(box);
  await user.type(box, "UNODC Iran");
  const card = await within(panel()).findByRole("article", {
    name: "unodc-terrorist-financing-iran-fy2015",
  });
  await user.click(within(card).getByRole("button", { name: /^Show in Commitments/ }));
  await waitFor(() =>
    expect(within(panel()).getByRole("alert").textContent).toBe(
      "Could not show unodc-terrorist-financing-iran-fy2015: the Commitments sheet is missing"
    )
  );
});
