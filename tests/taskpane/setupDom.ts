import { configure } from "@testing-library/react";

/**
 * What Fluent UI and the pane use that jsdom lacks. Imported first by every component test.
 */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === "undefined") globalThis.ResizeObserver = NoResizeObserver;

if (typeof window.matchMedia !== "function")
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;

if (typeof Element.prototype.scrollIntoView !== "function")
  Element.prototype.scrollIntoView = () => undefined;

// jsdom lays nothing out, so offsetParent is always null, and Fluent's focus manager (tabster)
// takes every element for display:none: arrow keys in a TabList and Tab around it do nothing. Say
// what a browser would: null for an element that is hidden or inside a hidden one, else its parent.
// jsdom's getComputedStyle matches every rule of Fluent's large stylesheet (about 25 ms a call
// here), and tabster and floating-ui ask for the same elements many times in one synchronous pass:
// remember each element's style until the current task ends (promise chains included).
const computeStyle = window.getComputedStyle.bind(window);
let styles: WeakMap<Element, CSSStyleDeclaration> | null = null;
window.getComputedStyle = (el: Element, pseudo?: string | null): CSSStyleDeclaration => {
  if (pseudo) return computeStyle(el, pseudo);
  if (!styles) {
    styles = new WeakMap();
    setTimeout(() => (styles = null), 0);
  }
  let style = styles.get(el);
  if (!style) {
    style = computeStyle(el);
    styles.set(el, style);
  }
  return style;
};
const displayOf = (el: HTMLElement) => window.getComputedStyle(el).display;
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement): Element | null {
    for (let el = this as HTMLElement | null; el; el = el.parentElement) {
      if (el.hidden || displayOf(el) === "none") return null;
    }
    return this.parentElement;
  },
});

// tabster also takes a zero-sized <body> for a hidden frame: give the body a window's size.
HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
  return {
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 1024,
    bottom: 768,
    width: 1024,
    height: 768,
    toJSON: () => ({}),
  };
};

// user-event walks radio groups with CSS.escape, which jsdom lacks.
if (typeof globalThis.CSS === "undefined" || typeof globalThis.CSS.escape !== "function")
  Object.defineProperty(globalThis, "CSS", {
    configurable: true,
    value: {
      ...(globalThis.CSS ?? {}),
      escape: (value: string) => value.replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`),
    },
  });

// jsdom 20 has no Blob.text(); the pane reads a picked file with it, as browsers do.
if (typeof Blob.prototype.text !== "function")
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error("could not read the file"));
      reader.readAsText(this);
    });
  };

// Role queries walk the accessibility tree, which is slow in jsdom: give a pane test room.
jest.setTimeout(30_000);
// findBy* retries its query until this timeout (1 s by default). Measured here under load, one
// role query over the Data tab took 441 ms and the Changes region was found 981 ms after Check for
// changes: one more awaited read in the check made "Unable to find role region Changes". Still a
// wait on the condition, never a fixed sleep.
configure({ asyncUtilTimeout: 10_000 });
