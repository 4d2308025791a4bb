import { ExcelModel, type ModelError } from "../../../src/tooling/excelModel";

type Ctx = Excel.RequestContext;

/*
 * The model's filters, protection and merged cells (src/tooling/excelModel/guards.ts): what they
 * report through the API and which operations they make fail, with Excel's error codes.
 */

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (e) {
    return e as ModelError;
  }
  throw new Error("expected a rejection");
}

function modelWithTable(): ExcelModel {
  const model = new ExcelModel({ sheets: ["Data", "Other"], maxApiVersion: "1.16" });
  model.user.paste("Data", "A1", [
    ["Name", "Region"],
    ["a", "Asia"],
    ["b", "Africa"],
    ["c", "Asia"],
  ]);
  model.user.addTable("Data", "A1:B4", "Items");
  return model;
}

describe("table filters (Table.autoFilter, ExcelApi 1.9)", () => {
  it("AutoFilter.apply hides the other rows and isDataFiltered says so; clearCriteria shows them again", async () => {
    const model = modelWithTable();
    const filtered = () =>
      model.run(async (context: Ctx) => {
        const f = context.workbook.tables.getItem("Items").autoFilter.load("isDataFiltered");
        await context.sync();
        return f.isDataFiltered;
      });
    expect(await filtered()).toBe(false);
    await model.run(async (context: Ctx) => {
      const table = context.workbook.tables.getItem("Items");
      table.autoFilter.apply(table.getRange(), 1, {
        filterOn: "Values" as Excel.FilterOn,
        values: ["Asia"],
      });
      await context.sync();
    });
    expect(await filtered()).toBe(true);
    expect(model.read.hiddenRows("Items")).toEqual([2]);
    await model.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Items").autoFilter.clearCriteria();
      await context.sync();
    });
    expect(await filtered()).toBe(false);
    expect(model.read.hiddenRows("Items")).toEqual([]);
  });

  it("a filtered table neither grows nor loses rows (FilteredRangeConflict), and nothing changes", async () => {
    const model = modelWithTable();
    model.user.filterTable("Items", "Region", ["Africa"]);
    const before = model.read.formulas("Data");
    const grow = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.tables.getItem("Items").resize("A1:B6");
        await context.sync();
      })
    );
    expect(grow).toMatchObject({ code: "FilteredRangeConflict" });
    expect(grow.debugInfo.errorLocation).toBe("Table.resize");
    const shrink = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.tables.getItem("Items").rows.deleteRowsAt(0, 1);
        await context.sync();
      })
    );
    expect(shrink).toMatchObject({ code: "FilteredRangeConflict" });
    expect(model.read.formulas("Data")).toEqual(before);
    expect(model.read.table("Items")!.address).toBe("Data!A1:B4");
  });
});

describe("protection (WorksheetProtection ExcelApi 1.2, WorkbookProtection ExcelApi 1.7)", () => {
  it("a write to a protected sheet fails with AccessDenied; unprotect lets it through", async () => {
    const model = modelWithTable();
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Data").protection.protect();
      await context.sync();
    });
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Data").getRange("A2").values = [["z"]];
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(model.read.value("Data", "A2")).toBe("a");
    // Another sheet is not protected.
    model.user.type("Other", "A1", "free");
    expect(model.read.value("Other", "A1")).toBe("free");
    await model.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const p = sheet.protection.load("protected");
      await context.sync();
      expect(p.protected).toBe(true);
      sheet.protection.unprotect();
      sheet.getRange("A2").values = [["z"]];
      await context.sync();
    });
    expect(model.read.value("Data", "A2")).toBe("z");
  });

  it("protect() on a protected sheet fails (office-js #6784: AccessDenied)", async () => {
    const model = modelWithTable();
    model.user.protectSheet("Data", true);
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Data").protection.protect();
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "AccessDenied" });
  });

  it("a protected workbook structure takes no new sheet", async () => {
    const model = new ExcelModel({ maxApiVersion: "1.16" });
    model.user.protectWorkbook(true);
    const error = await rejection(
      model.run(async (context: Ctx) => {
        const p = context.workbook.protection.load("protected");
        await context.sync();
        expect(p.protected).toBe(true);
        context.workbook.worksheets.add("New");
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect(model.read.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("merged cells (Range.merge ExcelApi 1.2, getMergedAreasOrNullObject ExcelApi 1.13)", () => {
  it("getMergedAreasOrNullObject returns the areas whose top-left cell is in the range, not those that only reach into it (office-js #3611)", async () => {
    const model = new ExcelModel({ maxApiVersion: "1.16" });
    model.user.paste("Sheet1", "C3", [["kept", "gone"]]);
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3:D4").merge();
      await context.sync();
    });
    expect(model.read.value("Sheet1", "C3")).toBe("kept");
    expect(model.read.value("Sheet1", "D3")).toBe("");
    const [wide, inner] = await model.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const a = sheet.getRange("A1:E9").getMergedAreasOrNullObject().load("address");
      const b = sheet.getRange("D4:E9").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return [a.isNullObject ? null : a.address, b.isNullObject ? null : b.address];
    });
    expect(wide).toBe("Sheet1!C3:D4");
    expect(inner).toBeNull();
  });

  it("a table does not grow or lose rows through merged cells (MergedRangeConflict)", async () => {
    const model = modelWithTable();
    model.user.mergeCells("Data", "A6:C6");
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.tables.getItem("Items").resize("A1:B6");
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "MergedRangeConflict" });
    const del = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.tables.getItem("Items").rows.deleteRowsAt(0, 1);
        await context.sync();
      })
    );
    expect(del).toMatchObject({ code: "MergedRangeConflict" });
    expect(model.read.table("Items")!.address).toBe("Data!A1:B4");
    // Growing short of the merged cells is fine.
    await model.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Items").resize("A1:B5");
      await context.sync();
    });
    expect(model.read.table("Items")!.address).toBe("Data!A1:B5");
  });
});
