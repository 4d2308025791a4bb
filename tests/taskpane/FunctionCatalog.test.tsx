/** @jest-environment jsdom */
import "./setupDom";
import { screen, waitFor, within } from "@testing-library/react";
import { FUNCTIONS } from "../../src/domain";
import { renderPane } from "./renderPane";

test("every catalogue function is listed with its description, arguments and example", async () => {
  const { user } = renderPane();
  await user.click(screen.getByRole("tab", { name: "Functions" }));
  const panel = screen.getByRole("tabpanel", { name: "Functions" });
  const names = within(panel)
    .getAllByRole("heading", { level: 3 })
    .map((h) => h.textContent);
  expect(names).toEqual(FUNCTIONS.map((f) => f.name));
  for (const f of FUNCTIONS) {
    expect(within(panel).getByText(f.description)).toBeTruthy();
    if (f.parameters.length === 0) {
      expect(within(panel).queryByRole("list", { name: `${f.name} arguments` })).toBeNull();
      continue;
    }
    const args = within(panel).getByRole("list", { name: `${f.name} arguments` });
    expect(
      within(args)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(
      f.parameters.map((p) => `${p.name}${p.optional ? " (optional)" : ""}: ${p.description}`)
    );
    expect(within(panel).getByText(`Example: ${f.example}`)).toBeTruthy();
  }
});

test("Insert puts each example into the selected cell and confirms it", async () => {
  const { port, user } = renderPane();
  await user.click(screen.getByRole("tab", { name: "Functions" }));
  const panel = screen.getByRole("tabpanel", { name: "Functions" });
  const buttons = within(panel).getAllByRole("button", { name: /^Insert / });
  expect(buttons.map((b) => b.textContent)).toEqual(FUNCTIONS.map((f) => `Insert ${f.example}`));
  const status = within(panel).getByRole("status");
  for (const [i, f] of FUNCTIONS.entries()) {
    port.selection = { sheet: "Sheet1", address: `A${i + 1}`, formula: null };
    await user.click(buttons[i]!);
    await waitFor(() => expect(status.textContent).toBe(`Inserted ${f.example} into A${i + 1}.`));
  }
  expect(port.inserted).toEqual(FUNCTIONS.map((f) => f.example));
  expect(within(panel).getByRole("button", { name: 'Insert =AIDTOTAL("Africa",2016)' })).toBe(
    buttons[0]
  );
});

test("Insert asks before replacing what the selected cell holds; Keep leaves it, Replace replaces it", async () => {
  const { port, user } = renderPane();
  port.selection = { sheet: "Sheet1", address: "C3", formula: "=SUM(A1:A9)" };
  await user.click(screen.getByRole("tab", { name: "Functions" }));
  const insert = screen.getByRole("button", { name: `Insert ${FUNCTIONS[0]!.example}` });
  await user.click(insert);
  await screen.findByText(`C3 holds =SUM(A1:A9). Replace it with ${FUNCTIONS[0]!.example}?`);
  await user.click(screen.getByRole("button", { name: "Keep" }));
  expect(port.inserted).toEqual([]);
  await user.click(insert);
  await user.click(await screen.findByRole("button", { name: "Replace" }));
  await screen.findByText(`Inserted ${FUNCTIONS[0]!.example} into C3.`);
  expect(port.inserted).toEqual([FUNCTIONS[0]!.example]);
});

test("an insert the workbook refuses is reported", async () => {
  const { port, user } = renderPane();
  jest.spyOn(port, "insertFormula").mockRejectedValue(new Error("The cell is being edited"));
  await user.click(screen.getByRole("tab", { name: "Functions" }));
  await user.click(screen.getByRole("button", { name: `Insert ${FUNCTIONS[0]!.example}` }));
  await screen.findByText(`Could not insert ${FUNCTIONS[0]!.example}: The cell is being edited`);
});
