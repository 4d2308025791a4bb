import { useRef, useState } from "react";
import { ChartStrip } from "./ChartStrip";
import { type EditRequest, FormulaBar } from "./FormulaBar";
import { Grid } from "./Grid";
import { SheetTabs } from "./SheetTabs";
import type { Spreadsheet } from "./spreadsheet";

export interface WorkbenchProps {
  readonly spreadsheet: Spreadsheet;
}

/** The spreadsheet half of the workbench: formula bar, grid, the sheet's charts, sheet tabs. */
export function Workbench({ spreadsheet }: WorkbenchProps) {
  const [editRequest, setEditRequest] = useState<EditRequest>({ id: 0 });
  const grid = useRef<HTMLDivElement>(null);
  return (
    <>
      <FormulaBar
        spreadsheet={spreadsheet}
        editRequest={editRequest}
        onDone={() => grid.current?.focus()}
      />
      <Grid
        ref={grid}
        spreadsheet={spreadsheet}
        onEdit={(text) => setEditRequest((r) => ({ id: r.id + 1, text }))}
      />
      <ChartStrip spreadsheet={spreadsheet} />
      <SheetTabs spreadsheet={spreadsheet} />
    </>
  );
}
