import { useSyncExternalStore } from "react";
import type { Spreadsheet } from "./spreadsheet";

export interface SheetTabsProps {
  readonly spreadsheet: Spreadsheet;
}

/** One tab per sheet, in order, as at the bottom of an Excel window. */
export function SheetTabs({ spreadsheet }: SheetTabsProps) {
  useSyncExternalStore(spreadsheet.subscribe, () => spreadsheet.version);
  const active = spreadsheet.selection.sheet;
  return (
    <div className="sheet-tabs" role="tablist" aria-label="Sheets">
      {spreadsheet.visibleSheetNames().map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          className={name === active ? "active" : undefined}
          onClick={() => spreadsheet.activate(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
