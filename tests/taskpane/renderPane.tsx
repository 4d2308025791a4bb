import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { LedgerStore, functionSpec } from "../../src/domain";
import { App } from "../../src/taskpane/App";
import type { Fetched } from "../../src/taskpane/session/fetchDataset";
import { FakePaneActions } from "./fakePaneActions";
import { createDataActions } from "../../src/taskpane/paneActionsOverSession";
import { createTestSession } from "./testSession";

/** The pane as Excel shows it, over a real session, an in-memory workbook and the functions' store. */
export function renderPane(fetched: Fetched = { ok: false, reason: "offline" }) {
  const { port, store, session } = createTestSession(fetched, new Date("2026-11-22T09:30:00Z"));
  const actions = new FakePaneActions(port, store);
  // Skipping the pointer-events check saves a getComputedStyle walk per event (slow in jsdom).
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App store={store} data={createDataActions(session)} actions={actions} />
    </FluentProvider>
  );
  return { port, store, session, actions, user, ...view };
}

/** What =AIDTOTAL(args) answers from the store right now. */
export const total = (store: LedgerStore, ...args: (string | number | null)[]) =>
  functionSpec("AIDTOTAL")!.evaluate(store.current(), args);
