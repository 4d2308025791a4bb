/**
 * Lets the user drag the bar between the spreadsheet and the task pane to resize the pane (or use
 * the arrow keys on it), as Excel's pane can be resized. DOM only; no state beyond the pane's width.
 */
const KEY_STEP = 20;

export function makePaneResizable(splitter: HTMLElement, pane: HTMLElement): void {
  const setWidth = (width: number) => {
    pane.style.width = `${Math.round(width)}px`;
  };
  splitter.addEventListener("pointerdown", (down) => {
    down.preventDefault();
    splitter.setPointerCapture(down.pointerId);
    const startX = down.clientX;
    const startWidth = pane.getBoundingClientRect().width;
    const move = (event: PointerEvent) => setWidth(startWidth + (startX - event.clientX));
    const up = () => {
      splitter.removeEventListener("pointermove", move);
      splitter.removeEventListener("pointerup", up);
    };
    splitter.addEventListener("pointermove", move);
    splitter.addEventListener("pointerup", up);
  });
  splitter.addEventListener("keydown", (event) => {
    const width = pane.getBoundingClientRect().width;
    if (event.key === "ArrowLeft") setWidth(width + KEY_STEP);
    else if (event.key === "ArrowRight") setWidth(width - KEY_STEP);
    else return;
    event.preventDefault();
  });
}
