import { ExcelModel } from "../../../src/tooling/excelModel";

type Ctx = Excel.RequestContext;

function salesModel(): ExcelModel {
  const model = new ExcelModel({ sheets: ["Data", "Report"] });
  model.user.paste("Data", "A1", [
    ["Region", "Year", "Amount"],
    ["Asia", 2015, 10.1],
    ["Asia", 2016, 20.2],
    ["Africa", 2016, 5],
    ["Africa", 2016, 0.3],
  ]);
  model.user.addTable("Data", "A1:C5", "Sales");
  return model;
}

describe("11. PivotTables (ExcelApi 1.8)", () => {
  it("renders exact sums by row and column items at the destination, with grand totals", async () => {
    const model = salesModel();
    await model.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const pivot = sheet.pivotTables.add(
        "ByRegion",
        context.workbook.tables.getItem("Sales"),
        sheet.getRange("B2")
      );
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Region"));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem("Year"));
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem("Amount"));
      data.summarizeBy = "Sum";
      data.numberFormat = "#,##0.00";
      await context.sync();
    });
    expect(model.read.values("Report", "B2:E6")).toEqual([
      ["Sum of Amount", "Column Labels", "", ""],
      ["Row Labels", 2015, 2016, "Grand Total"],
      ["Africa", "", 5.3, 5.3],
      ["Asia", 10.1, 20.2, 30.3],
      ["Grand Total", 10.1, 25.5, 35.6],
    ]);
    expect(model.read.numberFormats("Report", "E6")).toEqual([["#,##0.00"]]);
  });

  it("is not refreshed when its source changes, only by refresh(); delete() clears it", async () => {
    const model = salesModel();
    model.user.createPivotTable("P", "Sales", "Report", "A1", {
      rows: ["Region"],
      values: ["Amount"],
    });
    expect(model.read.values("Report", "A5:B5")).toEqual([["Grand Total", 35.6]]);
    model.user.type("Data", "C2", "100");
    expect(model.read.values("Report", "A5:B5")).toEqual([["Grand Total", 35.6]]);
    await model.run(async (context: Ctx) => {
      const pivot = context.workbook.pivotTables.getItemOrNullObject("P");
      const none = context.workbook.pivotTables.getItemOrNullObject("Nope");
      await context.sync();
      expect([pivot.isNullObject, none.isNullObject]).toEqual([false, true]);
      pivot.refresh();
      await context.sync();
    });
    expect(model.read.values("Report", "A5:B5")).toEqual([["Grand Total", 125.5]]);
    await model.run(async (context: Ctx) => {
      context.workbook.pivotTables.getItem("P").delete();
      await context.sync();
    });
    expect(model.read.values("Report")).toEqual([]);
  });

  it("breaks when its source table goes with its sheet: refresh fails", () => {
    const model = salesModel();
    model.user.createPivotTable("P", "Sales", "Report", "A1", {
      rows: ["Region"],
      values: ["Amount"],
    });
    model.user.deleteSheet("Data");
    expect(model.read.pivots()[0]?.broken).toBe(true);
    expect(() => model.user.refreshPivotTable("P")).toThrow(/isn't valid/);
  });

  it("needs ExcelApi 1.8", async () => {
    const model = new ExcelModel({ sheets: ["Data"], maxApiVersion: "1.7" });
    model.user.paste("Data", "A1", [
      ["Region", "Amount"],
      ["Asia", 1],
    ]);
    model.user.addTable("Data", "A1:B2", "Sales");
    await expect(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Data").pivotTables.add("P", "Sales", "Data!D1");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("12. charts", () => {
  it("adds a named chart over a range, finds it, follows its sheet's renames, breaks when the sheet goes", async () => {
    const model = salesModel();
    await model.run(async (context: Ctx) => {
      const chart = context.workbook.worksheets
        .getItem("Report")
        .charts.add(
          "ColumnClustered",
          context.workbook.worksheets.getItem("Data").getRange("A1:C5"),
          "Columns"
        );
      chart.name = "Amounts";
      chart.setPosition("E2", "J12");
      await context.sync();
      const found = context.workbook.worksheets
        .getItem("Report")
        .charts.getItemOrNullObject("Amounts")
        .load("name");
      await context.sync();
      expect(found.isNullObject).toBe(false);
    });
    model.user.renameSheet("Data", "Sales data");
    expect(model.read.charts()[0]).toMatchObject({ name: "Amounts", source: "'Sales data'!A1:C5" });
    expect(model.read.charts()[0]?.series[1]).toEqual({
      name: "Amount",
      values: [10.1, 20.2, 5, 0.3],
    });
    model.user.deleteSheet("Sales data");
    expect(model.read.charts()[0]).toMatchObject({ name: "Amounts", source: null });
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Report").charts.getItem("Amounts").delete();
      await context.sync();
    });
    expect(model.read.charts()).toEqual([]);
  });
});
