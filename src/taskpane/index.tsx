import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ledgerStore } from "../host/store";
import { App } from "./App";

/** Renders the pane into #container. */
function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App store={ledgerStore} />
    </FluentProvider>
  );
}

// Inside Office, wait until office.js is ready; in a plain browser (office.js absent) render at once.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady().then(render, render);
} else {
  render();
}
