/** @jest-environment jsdom */
import "./setupDom";
import { screen, waitFor, within } from "@testing-library/react";
import { renderPane } from "./renderPane";

const panel = () => screen.getByRole("tabpanel", { name: "Build" });
const answer = () =>
  within(within(panel()).getByRole("region", { name: "Formula and answer" })).getByRole("status");

test("keyboard only: pick Africa and 2016, see the answer before inserting, insert, and confirm a replace", async () => {
  const { port, user } = renderPane();
  await user.tab();
  await user.keyboard("{ArrowRight}"); // Data -> Build
  expect(screen.getByRole("tab", { name: "Build" }).getAttribute("aria-selected")).toBe("true");
  expect(answer().textContent).toBe("Pick a place to see the formula and its answer.");

  await user.tab(); // the checked function
  expect(document.activeElement).toBe(within(panel()).getByRole("radio", { name: /^AIDTOTAL/ }));
  await user.tab();
  expect(document.activeElement).toBe(within(panel()).getByRole("combobox", { name: "Place" }));
  await user.keyboard("afri");
  const listbox = within(panel()).getByRole("listbox", { name: "Place matches" });
  const options = within(listbox).getAllByRole("option");
  expect(options[0]!.textContent).toMatch(/^Africa \(\d+ records\)/);
  expect(options[1]!.textContent).toMatch(/^(Central|East|North|South|West|Southern)/);
  // Down moves the highlight, Up brings it back; Enter picks the highlighted place.
  const place = within(panel()).getByRole("combobox", { name: "Place" });
  await user.keyboard("{ArrowDown}");
  expect(place.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
  await user.keyboard("{ArrowUp}{Enter}");
  expect(within(panel()).queryByRole("listbox")).toBeNull();
  expect((place as HTMLInputElement).value).toBe("Africa");
  await waitFor(() => expect(answer().textContent).toMatch(/^Answers /));

  await user.tab();
  const year = within(panel()).getByRole("combobox", { name: "Year" });
  expect(document.activeElement).toBe(year);
  // A native select: the browser's own keys choose (jsdom does not simulate them).
  await user.selectOptions(year, "2016");
  await waitFor(() => expect(answer().textContent).toBe("Answers 2,420,000,000, from 3 records."));
  expect(within(panel()).getByText('=AIDTOTAL("Africa",2016)')).toBeTruthy();
  expect(port.inserted).toEqual([]); // seen before inserting

  const insert = within(panel()).getByRole("button", { name: "Insert into the selected cell" });
  for (let i = 0; i < 10 && document.activeElement !== insert; i++) await user.tab();
  expect(document.activeElement).toBe(insert);
  await user.keyboard("{Enter}");
  await within(panel()).findByText(/into A1\.$/);
  expect(port.inserted).toEqual(['=AIDTOTAL("Africa",2016)']);

  // The cell now holds a formula: Insert asks first, with the focus on Replace.
  await user.click(insert);
  const ask = await within(panel()).findByRole("alert");
  expect(ask.textContent).toContain(
    'A1 already holds =AIDTOTAL("Africa",2016). Replace it with =AIDTOTAL("Africa",2016)?'
  );
  await waitFor(() =>
    expect(document.activeElement).toBe(within(ask).getByRole("button", { name: "Replace" }))
  );
  await user.keyboard("{Enter}");
  await waitFor(() => expect(port.inserted).toHaveLength(2));
});

test("the lists follow the function: AIDCOUNT has no currency; the answer and record count follow every pick", async () => {
  const { user } = renderPane();
  await user.click(screen.getByRole("tab", { name: "Build" }));
  expect(within(panel()).getByRole("combobox", { name: "Currency" })).toBeTruthy();
  await user.click(within(panel()).getByRole("radio", { name: /^AIDCOUNT/ }));
  expect(within(panel()).queryByRole("combobox", { name: "Currency" })).toBeNull();
  await user.type(within(panel()).getByRole("combobox", { name: "Place" }), "PHL");
  await user.click(within(panel()).getByRole("option", { name: /^Philippines/ }));
  await waitFor(() => expect(answer().textContent).toBe("Answers 2, from 2 records."));
  await user.selectOptions(within(panel()).getByRole("combobox", { name: "Theme" }), "Cyberspace");
  await waitFor(() => expect(answer().textContent).toBe("Answers 0, from 0 records."));
  expect(within(panel()).getByText('=AIDCOUNT("Philippines",,"cyber")')).toBeTruthy();
});

test("an insert the workbook refuses is reported, and a new pick clears it", async () => {
  const { actions, user } = renderPane();
  jest.spyOn(actions, "insertFormula").mockRejectedValue(new Error("The cell is being edited"));
  await user.click(screen.getByRole("tab", { name: "Build" }));
  await user.type(within(panel()).getByRole("combobox", { name: "Place" }), "UNODC");
  await user.click(within(panel()).getByRole("option", { name: /^UNODC/ }));
  await user.click(within(panel()).getByRole("button", { name: "Insert into the selected cell" }));
  await within(panel()).findByText('Could not insert =AIDTOTAL("UNODC"): The cell is being edited');
  await user.selectOptions(within(panel()).getByRole("combobox", { name: "Year" }), "2016");
  await waitFor(() => expect(within(panel()).queryByRole("alert")).toBeNull());
});
