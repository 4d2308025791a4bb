/** @jest-environment jsdom */
import "./setupDom";
import { screen, within } from "@testing-library/react";
import { toCsv } from "../../src/domain";
import { ticadAt600Million } from "../domain/helpers";
import { renderPane } from "./renderPane";

const HTML_PAGE =
  "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><p>Sign in to continue</p></body></html>\n";

async function check(user: ReturnType<typeof renderPane>["user"], file: File) {
  await user.click(screen.getByRole("radio", { name: "File" }));
  await user.upload(screen.getByLabelText("Dataset file"), file);
  await user.click(screen.getByRole("button", { name: "Check for changes" }));
}

test("an HTML page is diagnosed in plain words, its problems collapsed until asked for, grouped by kind", async () => {
  const { user } = renderPane();
  await check(user, new File([HTML_PAGE], "data.csv", { type: "text/csv" }));
  const alert = await screen.findByRole("alert");
  expect(within(alert).getByText("Not a dataset; nothing was changed")).toBeTruthy();
  expect(alert.textContent).toContain("This is an HTML page, not a dataset");
  expect(within(alert).queryAllByRole("listitem")).toEqual([]);
  const show = within(alert).getByRole("button", { name: /^Show the \d+ problems$/ });
  expect(show.getAttribute("aria-expanded")).toBe("false");
  await user.click(show);
  const groups = within(alert)
    .getAllByRole("list")
    .map((l) => l.getAttribute("aria-label"));
  expect(groups).toEqual(
    expect.arrayContaining(["Columns the dataset does not have", "Columns the dataset needs"])
  );
  // The dataset's column list is not repeated for every unknown column.
  expect(alert.textContent.split("columns are id, sourceFile")).toHaveLength(1);
});

test("one outcome at a time: a new check clears the load's message, and a briefing copy clears the check's", async () => {
  const { actions, user } = renderPane();
  await user.click(screen.getByRole("button", { name: "Load data" }));
  await screen.findByText("Data loaded");
  await check(user, new File([HTML_PAGE], "page.html.csv", { type: "text/csv" }));
  await screen.findByText("Not a dataset; nothing was changed");
  expect(screen.queryByText("Data loaded")).toBeNull();

  actions.briefingCells = [
    { address: "A1", formula: null, value: "Africa" },
    { address: "B1", formula: "=AIDTOTAL(A1,2016)", value: 2420000000 },
  ];
  await user.click(screen.getByRole("button", { name: "Make a briefing copy" }));
  const made = await screen.findByText("Briefing copy made");
  expect(made.closest("[role=status]")!.textContent).toContain(
    "Sheet1 (briefing) holds the values of 1 AID formula; Sources lists their sources. The original sheet is unchanged."
  );
  expect(screen.queryByText("Not a dataset; nothing was changed")).toBeNull();
  expect(actions.lastPlan?.values).toEqual([{ address: "B1", value: 2420000000 }]);

  actions.briefingCells = [{ address: "A1", formula: "=1+1", value: 2 }];
  await user.click(screen.getByRole("button", { name: "Make a briefing copy" }));
  await screen.findByText("No copy made");
  expect(screen.getByText("Sheet1 has no AID formula to replace.")).toBeTruthy();
});

test("the diff lists the rate it moves and the answers on this sheet that would change", async () => {
  const { actions, user } = renderPane();
  actions.sheet.set("B2", '=AIDTOTAL("Africa",2016)');
  actions.sheet.set("B3", '=AIDCOUNT("Africa")');
  await check(user, new File([toCsv(ticadAt600Million())], "edited.csv", { type: "text/csv" }));
  const changes = await screen.findByRole("region", { name: "Changes" });
  const rates = within(changes).getByRole("list", { name: "Rates that change" });
  expect(within(rates).getByRole("listitem").textContent).toBe(
    "White Paper on Development Cooperation 2016 (MOFA): 103.944444 → 103.888889 yen per dollar; every conversion of its records changes."
  );
  const answers = await within(changes).findByRole("list", { name: "Answers that change" });
  expect(
    within(answers)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(['B2 =AIDTOTAL("Africa",2016): 2,420,000,000 → 2,520,000,000']);
});
