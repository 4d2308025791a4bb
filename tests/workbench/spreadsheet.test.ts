import { ExcelModel } from "../../src/tooling/excelModel";
import { Spreadsheet } from "../../src/workbench/spreadsheet";

function sheetWithTable(): Spreadsheet {
  const model = new ExcelModel({ sheets: ["Data", "Hidden"] });
  model.user.paste("Data", "A1", [
    ["Name", "Amount"],
    ["a", 1234.5],
  ]);
  model.user.addTable("Data", "A1:B2", "Items");
  model.user.setNumberFormat("Data", "B2", "#,##0.00");
  model.user.hideSheet("Hidden");
  return new Spreadsheet(model);
}

describe("the workbench's view of the Excel model", () => {
  it("shows numbers with the cell's number format, errors with their message, table headers", () => {
    const sheet = sheetWithTable();
    sheet.typeInto({ sheet: "Data", row: 3, col: 0 }, "=1/0");
    expect(sheet.display({ sheet: "Data", row: 1, col: 1 })).toEqual({
      text: "1,234.50",
      kind: "number",
    });
    expect(sheet.display({ sheet: "Data", row: 3, col: 0 })).toMatchObject({
      text: "#DIV/0!",
      kind: "error",
    });
    expect([
      sheet.isTableHeader({ sheet: "Data", row: 0, col: 1 }),
      sheet.isTableHeader({ sheet: "Data", row: 1, col: 1 }),
    ]).toEqual([true, false]);
  });

  it("gives the formula bar the formula, or the text with Excel's apostrophe where typing would re-type it", () => {
    const sheet = sheetWithTable();
    sheet.typeInto({ sheet: "Data", row: 5, col: 0 }, "'2016");
    sheet.typeInto({ sheet: "Data", row: 6, col: 0 }, "=SUM(Items[Amount])");
    expect(sheet.input({ sheet: "Data", row: 5, col: 0 })).toBe("'2016");
    expect(sheet.input({ sheet: "Data", row: 6, col: 0 })).toBe("=SUM(Items[Amount])");
    expect(sheet.formula({ sheet: "Data", row: 5, col: 0 })).toBeNull();
  });

  it("selects through the model (events fire) and lists only visible sheets as tabs", async () => {
    const sheet = sheetWithTable();
    const seen: string[] = [];
    await sheet.model.run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add((e) => {
        seen.push(e.address);
        return Promise.resolve();
      });
      await context.sync();
    });
    sheet.select("Data", 2, 1);
    await sheet.model.idle();
    expect(sheet.selection).toEqual({ sheet: "Data", row: 2, col: 1 });
    expect(seen).toEqual(["B3"]);
    expect(sheet.sheetNames()).toEqual(["Data", "Hidden"]);
    expect(sheet.visibleSheetNames()).toEqual(["Data"]);
  });
});
