/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { ExcelModel } from "../../src/tooling/excelModel";
import { ChartStrip } from "../../src/workbench/ChartStrip";
import { Spreadsheet } from "../../src/workbench/spreadsheet";

test("the chart strip draws a bar for every value of every series, on one scale", () => {
  const model = new ExcelModel({ sheets: ["Summary"] });
  model.user.paste("Summary", "A1", [
    ["Region", "2016", "2017"],
    ["Africa", 0, 300],
    ["Asia", 0, 150],
  ]);
  model.user.createChart("Summary", "ColumnClustered", "Summary!A1:C3", "ByYear");
  const spreadsheet = new Spreadsheet(model);
  spreadsheet.select("Summary", 0, 0);
  render(<ChartStrip spreadsheet={spreadsheet} />);
  const chart = screen.getByRole("img", { name: "ByYear" });
  const bars = (series: string) =>
    within(within(chart).getByRole("list", { name: series }))
      .getAllByRole("listitem")
      .map((bar) => [bar.getAttribute("aria-label"), Number(bar.getAttribute("height"))]);
  const [[, tallest], [, half]] = bars("2017") as [[string, number], [string, number]];
  expect(bars("2016")).toEqual([
    ["0", 0],
    ["0", 0],
  ]);
  expect(bars("2017").map(([label]) => label)).toEqual(["300", "150"]);
  expect(half / tallest).toBeCloseTo(0.5);
});
