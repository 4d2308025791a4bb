/** @jest-environment jsdom */
import "./setupDom";
import { act, screen, within } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { mountPane } from "../../src/taskpane/mountPane";
import { clearPaneErrors, reportPaneError } from "../../src/taskpane/paneErrors";
import { createTestSession } from "./testSession";
import { renderPane } from "./renderPane";

const ROLES = [
  "button",
  "radio",
  "radiogroup",
  "textbox",
  "combobox",
  "searchbox",
  "region",
  "table",
];

/** Every control of these roles in the tab list and the visible tab, with its accessible name. */
function namedControls(): { role: string; name: string }[] {
  const found: { role: string; name: string }[] = [];
  const collect = (role: string) => (name: string) => {
    found.push({ role, name });
    return true;
  };
  const tablist = screen.getByRole("tablist", { name: collect("tablist") });
  within(tablist).queryAllByRole("tab", { name: collect("tab") });
  // Hidden panels are out of the accessibility tree: only the visible one is searched.
  const panel = document.querySelector<HTMLElement>("[role=tabpanel]:not([hidden])")!;
  for (const role of ROLES) within(panel).queryAllByRole(role, { name: collect(role) });
  return found;
}

/** The visible headings' levels, in document order. */
const headingLevels = () => screen.getAllByRole("heading").map((h) => Number(h.tagName.slice(1)));

function expectOrderedHeadings(): void {
  const levels = headingLevels();
  expect(levels[0]).toBe(1);
  levels.slice(1).forEach((level, i) => expect(level - levels[i]!).toBeLessThanOrEqual(1));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
}

test("every button, input, radio and tab in every tab has an accessible name; headings are in order", async () => {
  const { user } = renderPane();
  const seen: { role: string; name: string }[] = [];
  // The Data tab in each of its source modes, then the other tabs.
  for (const source of ["File", "Web address", "Bundled dataset"]) {
    await user.click(screen.getByRole("radio", { name: source }));
    seen.push(...namedControls());
    expectOrderedHeadings();
  }
  // The file input has no role: it is named by its visible label.
  await user.click(screen.getByRole("radio", { name: "File" }));
  expect(screen.getByLabelText("Dataset file").getAttribute("type")).toBe("file");
  expect(screen.getByLabelText("Dataset file").getAttribute("accept")).toBe(".json,.csv");
  for (const tab of ["Build", "Search", "Explain", "Functions"]) {
    await user.click(screen.getByRole("tab", { name: tab }));
    await act(() => Promise.resolve());
    seen.push(...namedControls());
    expectOrderedHeadings();
  }
  const unnamed = seen.filter((c) => c.name.trim() === "");
  expect(unnamed).toEqual([]);
  const names = new Set(seen.map((c) => `${c.role}: ${c.name}`));
  for (const expected of [
    "tablist: Aid Ledger",
    "tab: Data",
    "tab: Build",
    "tab: Search",
    "tab: Explain",
    "tab: Functions",
    "button: Load data",
    "button: Re-read workbook",
    "radiogroup: Refresh from",
    "radio: Bundled dataset",
    "radio: File",
    "radio: Web address",
    "textbox: Web address (https)",
    "button: Check for changes",
    "button: Make a briefing copy",
    "combobox: Place",
    "searchbox: Search records",
    "button: Insert into the selected cell",
    "button: Explain selected cell",
    'button: Insert =AIDTOTAL("Africa",2016)',
  ])
    expect(names).toContain(expected);
}, 60_000);

test("Tab moves through the Data tab's controls in order, and Enter on Load data loads", async () => {
  const { port, user } = renderPane();
  const expected = [
    screen.getByRole("tab", { name: "Data" }),
    screen.getByRole("button", { name: "Load data" }),
    screen.getByRole("button", { name: "Re-read workbook" }),
    screen.getByRole("radio", { name: "Bundled dataset" }), // the checked radio of "Refresh from"
    screen.getByRole("button", { name: "Check for changes" }),
  ];
  for (const control of expected) {
    await user.tab();
    expect(document.activeElement).toBe(control);
  }
  await user.tab({ shift: true });
  expect(document.activeElement).toBe(expected[3]);
  await user.tab({ shift: true });
  expect(document.activeElement).toBe(expected[2]);
  await user.tab({ shift: true });
  expect(document.activeElement).toBe(expected[1]);
  await user.keyboard("{Enter}");
  await screen.findByText("Data loaded");
  expect(port.tables.size).toBe(3);
});

test("arrow keys move between the tabs and show each tab's panel", async () => {
  const { user } = renderPane();
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Data" }));
  await user.keyboard("{ArrowRight}");
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Build" }));
  expect(screen.getByRole("tab", { name: "Build" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("tabpanel", { name: "Build" })).toBeTruthy();
  expect(screen.queryByRole("tabpanel", { name: "Data" })).toBeNull();
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tabpanel", { name: "Search" })).toBeTruthy();
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tabpanel", { name: "Explain" })).toBeTruthy();
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tabpanel", { name: "Functions" })).toBeTruthy();
  await user.keyboard("{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}");
  expect(screen.getByRole("tab", { name: "Data" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("button", { name: "Load data" })).toBeTruthy();
});

test("arrow keys choose the refresh source, and Enter in the address field checks it", async () => {
  const { user } = renderPane({ ok: false, reason: "the server answered 404" });
  await user.click(screen.getByRole("radio", { name: "Bundled dataset" }));
  await user.keyboard("{ArrowDown}");
  expect(screen.getByRole<HTMLInputElement>("radio", { name: "File" }).checked).toBe(true);
  expect(screen.getByLabelText("Dataset file")).toBeTruthy();
  await user.keyboard("{ArrowDown}");
  expect(screen.getByRole<HTMLInputElement>("radio", { name: "Web address" }).checked).toBe(true);
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Web address (https)" }));
  await user.keyboard("https://example.test/missing.json{Enter}");
  const alert = await screen.findByRole("alert");
  expect(within(alert).getByRole("listitem").textContent).toBe(
    "(address): the server answered 404"
  );
});

test("a workbook that cannot be reached at start is reported at the top of the pane", async () => {
  const { user } = renderPane();
  act(() =>
    reportPaneError("Could not read the workbook's data", new Error("Excel is not defined"))
  );
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Could not read the workbook's data: Excel is not defined");
  await user.click(within(alert).getByRole("button", { name: "Dismiss" }));
  expect(screen.queryByRole("alert")).toBeNull();
  act(() => clearPaneErrors());
});

test("mountPane renders the pane into a container, as the Excel entry and the workbench call it", async () => {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const { store, session } = createTestSession();
  let root: Root | undefined;
  await act(() => {
    root = mountPane(container, { session, store });
    return Promise.resolve();
  });
  expect(within(container).getByRole("heading", { level: 1 }).textContent).toBe("Aid Ledger");
  for (const name of ["Data", "Build", "Search", "Explain", "Functions"])
    expect(within(container).getByRole("tab", { name })).toBeTruthy();
  act(() => root!.unmount());
  container.remove();
});
