/** @jest-environment jsdom */
import "./setupDom";
import { act, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import type { Root } from "react-dom/client";
import { setLanguage } from "../../src/domain";
import { mountPane } from "../../src/taskpane/mountPane";
import { createTestSession } from "./testSession";

afterEach(() => setLanguage("en"));

async function mount(displayLanguage: string | undefined) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const { store, session } = createTestSession();
  let root: Root | undefined;
  await act(() => {
    root = mountPane(container, { session, store, displayLanguage });
    return Promise.resolve();
  });
  const unmount = () => {
    act(() => root!.unmount());
    container.remove();
  };
  return { pane: within(container), unmount };
}

test("Office's ja-JP display language opens the pane in Japanese; anything else in English", async () => {
  const ja = await mount("ja-JP");
  expect(ja.pane.getByRole("tab", { name: "データ" }).getAttribute("aria-selected")).toBe("true");
  expect(ja.pane.getByRole("button", { name: "データを読み込む" })).toBeTruthy();
  expect(ja.pane.getByRole("main").getAttribute("lang")).toBe("ja-JP");
  ja.unmount();
  const fr = await mount("fr-FR");
  expect(fr.pane.getByRole("tab", { name: "Data" })).toBeTruthy();
  expect(fr.pane.getByRole("main").getAttribute("lang")).toBe("en-US");
  fr.unmount();
});

test("the switch re-renders the whole pane in the other language at once", async () => {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const { pane, unmount } = await mount(undefined);
  await user.click(pane.getByRole("radio", { name: "日本語" }));
  for (const tab of ["データ", "数式作成", "検索", "説明", "関数"])
    expect(pane.getByRole("tab", { name: tab })).toBeTruthy();
  expect(pane.getByRole("heading", { name: "ブックのデータ" })).toBeTruthy();
  expect(pane.getByRole("radiogroup", { name: "更新元" })).toBeTruthy();
  await user.click(pane.getByRole("radio", { name: "English" }));
  expect(pane.getByRole("button", { name: "Load data" })).toBeTruthy();
  expect(pane.queryByText("データを読み込む")).toBeNull();
  unmount();
});
