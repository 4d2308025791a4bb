import { expect } from "@jest/globals";
import {
  type AidLedger,
  LedgerStore,
  bundledReference,
  bundledRows,
  createLedger,
  loadBundledLedger,
} from "../../../src/domain";
import { ExcelModel, ModelError, PAYLOAD_LIMIT_BYTES } from "../../../src/tooling/excelModel";

type Ctx = Excel.RequestContext;

/** The bundled ledger plus `n` copies of its first Viet Nam record under new ids. */
function withExtraVietNamRecords(n: number): AidLedger {
  const rows = bundledRows() as Record<string, unknown>[];
  const viet = rows.find((r) => JSON.stringify(r).includes("Viet Nam"))!;
  const extra = Array.from({ length: n }, (_, i) => ({
    ...viet,
    id: `${String(viet.id)}-extra-${i}`,
  }));
  const built = createLedger({ rows: [...rows, ...extra], reference: bundledReference() });
  if (!built.ok) throw new Error(JSON.stringify(built.problems[0]));
  return built.value;
}

/** The rejection of a promise (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (e) {
    return e as ModelError;
  }
  throw new Error("expected a rejection");
}

function modelWithTable(): ExcelModel {
  const model = new ExcelModel({ sheets: ["Data", "Other"] });
  model.user.paste("Data", "A1", [
    ["Name", "Amount"],
    ["a", 1],
    ["b", 2],
    ["c", 3],
  ]);
  model.user.addTable("Data", "A1:B4", "Items");
  return model;
}

describe("1. proxies: load and sync before reading", () => {
  it("throws PropertyNotLoaded for a property that was not loaded, and reads it after load + sync", async () => {
    const model = new ExcelModel();
    model.user.type("Sheet1", "A1", "42");
    await model.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      // Reading before load + sync is the point: the model must throw as Excel does.
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => range.values).toThrow(
        /call the load method on the containing object and call "context.sync\(\)"/
      );
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
      await context.sync();
      expect(range.values).toEqual([[42]]);
    });
  });

  it("rejects the sync with ItemNotFound for getItem of a missing sheet; getItemOrNullObject gives a null object", async () => {
    const model = new ExcelModel();
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Nope");
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "ItemNotFound",
      debugInfo: { errorLocation: "WorksheetCollection.getItem" },
    });
    await model.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Nope");
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading before sync is the point
      expect(() => sheet.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
    });
  });

  it("queues writes: nothing changes until the sync", async () => {
    const model = new ExcelModel();
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [["x"]];
      expect(model.read.value("Sheet1", "B2")).toBe("");
      await context.sync();
      expect(model.read.value("Sheet1", "B2")).toBe("x");
    });
  });
});

describe("2. a batch is not a transaction", () => {
  it("keeps the requests before the failing one, drops the later ones, and says where it failed", async () => {
    const model = new ExcelModel();
    const error = await rejection(
      model.run(async (context: Ctx) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["before"]];
        sheet.getRange("A2:B2").values = [["only one"]]; // wrong dimensions
        sheet.getRange("A3").values = [["after"]];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toMatch(/doesn't match the size or dimensions of the range/);
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(model.read.values("Sheet1", "A1:A3")).toEqual([["before"], [""], [""]]);
  });

  it("injects a failure at the n-th request or at a described one", async () => {
    const model = new ExcelModel();
    const write = () =>
      model.run(async (context: Ctx) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [[1]];
        sheet.getRange("A2").values = [[2]];
        await context.sync();
      });
    // Requests: getItem, getRange, values, getRange, values.
    model.failAt(5);
    expect((await rejection(write())).code).toBe("GeneralException");
    expect(model.read.values("Sheet1", "A1:A2")).toEqual([[1], [""]]);
    model.user.clear("Sheet1", "A1:A2");
    model.failAt((r) => r.statement === "Range.values = Sheet1!A1");
    const error = await rejection(write());
    expect(error.debugInfo.statement).toBe("Range.values = Sheet1!A1");
    expect(model.read.values("Sheet1", "A1:A2")).toEqual([[""], [""]]);
    await write();
    expect(model.read.values("Sheet1", "A1:A2")).toEqual([[1], [2]]);
  });

  it("logs each sync's requests", async () => {
    const model = new ExcelModel();
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3").numberFormat = [["0"]];
      await context.sync();
    });
    expect(model.log.at(-2)?.requests.map((r) => r.statement)).toEqual([
      "WorksheetCollection.getItem Sheet1",
      "Worksheet.getRange Sheet1!C3",
      "Range.numberFormat = Sheet1!C3",
    ]);
  });
});

describe("3. request and response size (Excel on the web: 5 MB)", () => {
  const big = (rows: number) => Array.from({ length: rows }, () => ["x".repeat(1000)]);
  it("refuses a sync whose payload is over 5 MB, applying nothing", async () => {
    const model = new ExcelModel();
    const rows = Math.ceil(PAYLOAD_LIMIT_BYTES / 1000) + 10;
    const error = await rejection(
      model.run(async (context: Ctx) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("C1").values = [["first"]];
        sheet.getRange(`A1:A${rows}`).values = big(rows);
        await context.sync();
      })
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(model.read.value("Sheet1", "C1")).toBe("");
  });

  it("refuses a read whose answer is over 5 MB; desktop has no such limit", async () => {
    for (const platform of ["web", "desktop"] as const) {
      const model = new ExcelModel({ platform });
      const rows = Math.ceil(PAYLOAD_LIMIT_BYTES / 1000) + 10;
      const half = Math.ceil(rows / 2);
      for (const [from, to] of [
        [1, half],
        [half + 1, rows],
      ] as const) {
        await model.run(async (context: Ctx) => {
          context.workbook.worksheets.getItem("Sheet1").getRange(`A${from}:A${to}`).values = big(
            to - from + 1
          );
          // Two requests on purpose: each half is under the limit that one request would break.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        });
      }
      const read = model.run(async (context: Ctx) => {
        const range = context.workbook.worksheets
          .getItem("Sheet1")
          .getRange(`A1:A${rows}`)
          .load("values");
        // One read per platform: web refuses it, desktop answers.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        return range.values.length;
      });
      if (platform === "web")
        expect((await rejection(read)).code).toBe("ResponsePayloadSizeLimitExceeded");
      else expect(await read).toBe(rows);
    }
  });
});

describe("3b. measuring a response changes nothing", () => {
  it("does not create a sheet early when a load in the same sync follows its add", async () => {
    const model = new ExcelModel();
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Nope"); // fails first
        context.workbook.worksheets.add("Added").load("name");
        await context.sync();
      })
    );
    expect(error.code).toBe("ItemNotFound");
    expect(model.read.sheetNames()).toEqual(["Sheet1"]);
    const name = await model.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.add("Added").load("name,position");
      await context.sync();
      return [sheet.name, sheet.position];
    });
    expect(name).toEqual(["Added", 1]);
  });
});

describe("4. worksheets", () => {
  it("refuses invalid and duplicate names (ignoring case) and deleting the last visible sheet", async () => {
    const model = new ExcelModel();
    const add = (name: string) =>
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    expect((await rejection(add("sheet1"))).code).toBe("ItemAlreadyExists");
    expect((await rejection(add("a/b"))).code).toBe("InvalidArgument");
    expect((await rejection(add("x".repeat(32)))).code).toBe("InvalidArgument");
    await add("x".repeat(31));
    expect(() => model.user.deleteSheet("Sheet1")).not.toThrow();
    expect(() => model.user.deleteSheet("x".repeat(31))).toThrow(/at least one visible worksheet/);
  });

  it("lists sheets with name, id, position and visibility; renames, moves and hides them", async () => {
    const model = new ExcelModel({ sheets: ["A", "B", "C"] });
    model.user.type("A", "A1", "=SUM(C!A1:A3)");
    await model.run(async (context: Ctx) => {
      const sheets = context.workbook.worksheets;
      const c = sheets.getItem("C");
      c.name = "Renamed sheet";
      c.position = 0;
      sheets.getItem("B").visibility = "Hidden";
      await context.sync();
      sheets.load("items/name,items/position,items/visibility");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position, s.visibility])).toEqual([
        ["Renamed sheet", 0, "Visible"],
        ["A", 1, "Visible"],
        ["B", 2, "Hidden"],
      ]);
    });
    expect(model.read.formula("A", "A1")).toBe("=SUM('Renamed sheet'!A1:A3)");
  });

  it("turns every formula referring to a deleted sheet into #REF!, even if a sheet of that name comes back", () => {
    const model = modelWithTable();
    model.user.type("Other", "A1", "=SUM(Data!B2:B4)");
    model.user.type("Other", "A2", "=SUM(Items[Amount])");
    expect(model.read.values("Other", "A1:A2")).toEqual([[6], [6]]);
    model.user.deleteSheet("Data");
    model.user.addSheet("Data");
    model.user.type("Data", "B2", "100");
    expect(model.read.values("Other", "A1:A2")).toEqual([["#REF!"], ["#REF!"]]);
    expect(model.read.formulas("Other", "A1:A2")).toEqual([["=SUM(#REF!B2:B4)"], ["=SUM(#REF!)"]]);
  });

  it("freezes rows, reads the used range, calculates a sheet, activates one", async () => {
    const model = new ExcelModel({ sheets: ["A", "B"] });
    model.user.paste("B", "B2", [
      [1, 2],
      [3, 4],
    ]);
    await model.run(async (context: Ctx) => {
      const b = context.workbook.worksheets.getItem("B");
      b.freezePanes.freezeRows(1);
      b.calculate(true);
      b.activate();
      const used = b.getUsedRangeOrNullObject().load("address");
      const none = context.workbook.worksheets.getItem("A").getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe("B!B2:C3"); // from the first used cell, as Excel
      expect(none.isNullObject).toBe(true);
    });
    expect(model.read.sheets()[1]).toMatchObject({ name: "B", frozenRows: 1 });
    expect(model.read.activeSheet()).toBe("B");
  });
});

describe("5. tables", () => {
  it("keeps table names unique in the workbook ignoring case, and refuses overlapping tables", async () => {
    const model = modelWithTable();
    model.user.paste("Other", "A1", [["H"], [1]]);
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Other").tables.add("Other!A1:A2", true).name = "ITEMS";
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "InvalidArgument",
      debugInfo: { errorLocation: "Table.name" },
    });
    const overlap = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.tables.add("Data!B2:C3", true);
        await context.sync();
      })
    );
    expect(overlap.message).toMatch(/overlap/);
  });

  it("gives table ranges, columns and row counts; finds tables by name or id", async () => {
    const model = modelWithTable();
    await model.run(async (context: Ctx) => {
      const table = context.workbook.tables.getItem("items").load("id,name");
      const body = table.getDataBodyRange().load("address");
      const header = table.getHeaderRowRange().load("values");
      const columns = table.columns.load("items/name");
      const rows = table.rows.load("count");
      await context.sync();
      const byId = context.workbook.worksheets
        .getItem("Data")
        .tables.getItemOrNullObject(table.id)
        .load("name");
      const missing = context.workbook.tables.getItemOrNullObject("Nope");
      await context.sync();
      expect([body.address, header.values, columns.items.map((c) => c.name), rows.count]).toEqual([
        "Data!A2:B4",
        [["Name", "Amount"]],
        ["Name", "Amount"],
        3,
      ]);
      expect([byId.name, missing.isNullObject]).toEqual(["Items", true]);
    });
  });

  it("re-translates structured references when a table is resized, renamed or its sheet renamed; a deleted table gives #REF!", async () => {
    const model = modelWithTable();
    model.user.type("Other", "A1", "=SUM(Items[Amount])");
    model.user.type("Other", "A2", "=ROWS(Items[#Data])");
    model.user.paste("Data", "A5", [["d", 10]]);
    await model.run(async (context: Ctx) => {
      const table = context.workbook.tables.getItem("Items");
      table.resize("Data!A1:B5");
      await context.sync();
    });
    expect(model.read.values("Other", "A1:A2")).toEqual([[16], [4]]);
    model.user.renameSheet("Data", "My data");
    model.user.renameTable("Items", "Things");
    expect(model.read.formulas("Other", "A1:A2")).toEqual([
      ["=SUM(Things[Amount])"],
      ["=ROWS(Things[#Data])"],
    ]);
    expect(model.read.values("Other", "A1:A2")).toEqual([[16], [4]]);
    await model.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Things").delete();
      await context.sync();
    });
    expect(model.read.values("Other", "A1:A2")).toEqual([["#REF!"], ["#REF!"]]);
  });

  it("resize keeps the header row and must overlap; needs ExcelApi 1.13", async () => {
    const resize = (model: ExcelModel, address: string) =>
      model.run(async (context: Ctx) => {
        context.workbook.tables.getItem("Items").resize(address);
        await context.sync();
      });
    const model = modelWithTable();
    expect((await rejection(resize(model, "Data!A2:B6"))).code).toBe("InvalidArgument");
    expect((await rejection(resize(model, "Data!D1:E6"))).code).toBe("InvalidArgument");
    const old = new ExcelModel({ sheets: ["Data"], maxApiVersion: "1.12" });
    old.user.paste("Data", "A1", [
      ["Name", "Amount"],
      ["a", 1],
    ]);
    old.user.addTable("Data", "A1:B2", "Items");
    expect((await rejection(resize(old, "Data!A1:B3"))).code).toBe("ApiNotFound");
  });

  it("fills a calculated column in rows added by resize and rows.add", async () => {
    const model = modelWithTable();
    model.user.addTableColumn("Items", "Double", "=[@Amount]*2");
    expect(model.read.values("Data", "C1:C4")).toEqual([["Double"], [2], [4], [6]]);
    await model.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Items").rows.add(undefined, [["d", 5, ""]]);
      await context.sync();
    });
    expect(model.read.values("Data", "C5")).toEqual([[10]]);
    model.user.paste("Data", "A6", [["e", 7]]);
    await model.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Items").resize("Data!A1:C6");
      await context.sync();
    });
    expect(model.read.values("Data", "C6")).toEqual([[14]]);
    expect(model.read.table("Items")?.address).toBe("Data!A1:C6");
  });
});

describe("6. ranges", () => {
  it("writes formulas through values, keeps apostrophe text as text, and refuses mismatched arrays", async () => {
    const model = new ExcelModel();
    await model.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:E1").values = [[2, "=A1*3", "'=A1", "'0123", "-A1"]];
      const r = sheet.getRange("A1:E1").load("values, formulas");
      await context.sync();
      expect(r.values).toEqual([[2, 6, "=A1", "0123", -2]]);
      expect(r.formulas).toEqual([[2, "=A1*3", "=A1", "0123", "=-A1"]]);
    });
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").formulas = [["=1", "=2"]];
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "InvalidArgument",
      debugInfo: { errorLocation: "Range.formulas" },
    });
  });

  it("broadcasts a single value or a 1x1 numberFormat array over a range; refuses a 1x1 values array on a bigger range", async () => {
    const model = new ExcelModel();
    await model.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").numberFormat = [["0.00"]];
      (sheet.getRange("C1:C2") as unknown as { values: unknown }).values = 7;
      await context.sync();
    });
    expect(model.read.numberFormats("Sheet1", "A1:B2")).toEqual([
      ["0.00", "0.00"],
      ["0.00", "0.00"],
    ]);
    expect(model.read.values("Sheet1", "C1:C2")).toEqual([[7], [7]]);
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1]];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("gives addresses (quoted when needed), indexes and derived ranges", async () => {
    const model = new ExcelModel({ sheets: ["My sheet"] });
    await model.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("My sheet").getRange("B2:C4");
      const cell = range.getCell(1, 1).load("address");
      const resized = range.getResizedRange(1, -1).load("address");
      const offset = range
        .getOffsetRange(1, 1)
        .load("address,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      expect([cell.address, resized.address, offset.address]).toEqual([
        "'My sheet'!C3",
        "'My sheet'!B2:B5",
        "'My sheet'!C3:D5",
      ]);
      expect([offset.rowIndex, offset.columnIndex, offset.rowCount, offset.columnCount]).toEqual([
        2, 2, 3, 2,
      ]);
    });
  });

  it("copies with copyFrom: all, values, formats, formulas moving relative references, skipBlanks, transpose", async () => {
    const model = new ExcelModel({ sheets: ["S", "T"] });
    model.user.paste("S", "A1", [
      [1, 2],
      ["", 4],
    ]);
    model.user.type("S", "C1", "=A1+B1");
    model.user.setNumberFormat("S", "A1", "0.00");
    model.user.paste("T", "A1", [
      [9, 9, 9],
      [9, 9, 9],
    ]);
    await model.run(async (context: Ctx) => {
      const t = context.workbook.worksheets.getItem("T");
      t.getRange("A1").copyFrom("S!A1:C2", "All", true);
      t.getRange("A5").copyFrom("S!A1:B2", "Values", false, true);
      t.getRange("E1").copyFrom("S!A1", "Formats");
      await context.sync();
    });
    expect(model.read.values("T", "A1:C2")).toEqual([
      [1, 2, 3],
      [9, 4, 9],
    ]);
    expect(model.read.formula("T", "C1")).toBe("=A1+B1");
    expect(model.read.values("T", "A5:B6")).toEqual([
      [1, ""],
      [2, 4],
    ]);
    expect(model.read.numberFormats("T", "A1:E1")).toEqual([
      ["0.00", "General", "General", "General", "0.00"],
    ]);
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("T").getRange("D3").copyFrom("S!C1", "Formulas");
      await context.sync();
    });
    expect(model.read.formula("T", "D3")).toBe("=B3+C3");
  });

  it("clears contents, formats or both", async () => {
    const model = new ExcelModel();
    model.user.paste("Sheet1", "A1", [[1, 2, 3]]);
    model.user.setNumberFormat("Sheet1", "A1:C1", "0.0");
    await model.run(async (context: Ctx) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").clear("Contents");
      s.getRange("B1").clear("Formats");
      s.getRange("C1").clear();
      await context.sync();
    });
    expect(model.read.values("Sheet1", "A1:C1")).toEqual([["", 2, ""]]);
    expect(model.read.numberFormats("Sheet1", "A1:C1")).toEqual([["0.0", "General", "General"]]);
  });

  it("finds a spill's parent and extent (ExcelApi 1.12); typing into the spill makes the anchor #SPILL!", async () => {
    const model = new ExcelModel();
    model.user.type("Sheet1", "A1", "=SEQUENCE(3)");
    model.user.select("Sheet1", "A3");
    await model.run(async (context: Ctx) => {
      const parent = context.workbook.getActiveCell().getSpillParentOrNullObject().load("address");
      const spill = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1")
        .getSpillingToRangeOrNullObject()
        .load("address");
      const has = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("hasSpill");
      await context.sync();
      expect([parent.address, spill.address, has.hasSpill]).toEqual([
        "Sheet1!A1",
        "Sheet1!A1:A3",
        true,
      ]);
    });
    model.user.type("Sheet1", "A2", "x");
    expect(model.read.values("Sheet1", "A1:A2")).toEqual([["#SPILL!"], ["x"]]);
  });
});

describe("7. settings belong to the workbook", () => {
  it("adds, reads and deletes settings; a copy of the sheets into a new workbook has the tables but no settings", async () => {
    const model = modelWithTable();
    await model.run(async (context: Ctx) => {
      context.workbook.settings.add("k", "v");
      await context.sync();
      const s = context.workbook.settings.getItemOrNullObject("k").load("value");
      await context.sync();
      expect(s.value).toBe("v");
    });
    const copy = model.user.copySheetsToNewWorkbook(["Data"]);
    expect(copy.read.tables().map((t) => [t.name, t.address])).toEqual([["Items", "Data!A1:B4"]]);
    expect(copy.read.settings()).toEqual({});
    await model.run(async (context: Ctx) => {
      context.workbook.settings.getItem("k").delete();
      await context.sync();
    });
    expect(model.read.settings()).toEqual({});
  });
});

describe("8. events", () => {
  it("fires tables.onChanged for the user's edits, the add-in's own writes and format changes, after the sync", async () => {
    const model = modelWithTable();
    const seen: Excel.TableChangedEventArgs[] = [];
    await model.run(async (context: Ctx) => {
      context.workbook.tables.onChanged.add((e) => {
        seen.push(e);
        return Promise.resolve();
      });
      await context.sync();
    });
    model.user.type("Data", "B2", "10");
    model.user.type("Other", "A1", "not in a table");
    await model.idle();
    await model.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Items").getDataBodyRange().values = [
        ["x", 1],
        ["y", 2],
        ["z", 3],
      ];
      await context.sync();
      expect(seen).toHaveLength(1); // asynchronous: the add-in's own change arrives later
    });
    model.user.setNumberFormat("Data", "B3", "0.00");
    await model.idle();
    expect(seen.map((e) => [e.address, e.changeType])).toEqual([
      ["B2", "RangeEdited"],
      ["A2:B4", "RangeEdited"],
      ["B3", "RangeEdited"],
    ]);
    expect(seen[0]?.details).toMatchObject({ valueBefore: 1, valueAfter: 10 });
    expect(seen[1]?.details).toBeUndefined();
    expect(seen.every((e) => e.tableId === model.read.table("Items")?.id)).toBe(true);
  });

  it("gives worksheets.onChanged a triggerSource (ExcelApi 1.14): ThisLocalAddin for the add-in, Unknown for the user", async () => {
    const model = new ExcelModel();
    const seen: string[] = [];
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.onChanged.add((e) => {
        seen.push(`${e.address}:${e.triggerSource}`);
        return Promise.resolve();
      });
      await context.sync();
    });
    model.user.type("Sheet1", "A1", "1");
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[2]];
      await context.sync();
    });
    await model.idle();
    expect(seen).toEqual(["A1:Unknown", "B1:ThisLocalAddin"]);
  });

  it("stops delivering after handler.remove() and while runtime.enableEvents is false", async () => {
    const model = new ExcelModel();
    let count = 0;
    const handler = await model.run(async (context: Ctx) => {
      const h = context.workbook.worksheets.onChanged.add(() => {
        count++;
        return Promise.resolve();
      });
      await context.sync();
      return h;
    });
    await model.run(async (context: Ctx) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.runtime.enableEvents = true;
      await context.sync();
    });
    await model.idle();
    expect(count).toBe(0);
    model.user.type("Sheet1", "A2", "2");
    await model.idle();
    expect(count).toBe(1);
    handler.remove();
    await handler.context.sync();
    expect(model.handlerCount("worksheetChanged")).toBe(0);
    model.user.type("Sheet1", "A3", "3");
    await model.idle();
    expect(count).toBe(1);
  });

  it("fires onSelectionChanged when the user selects", async () => {
    const model = new ExcelModel();
    const seen: string[] = [];
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.onSelectionChanged.add((e) => {
        seen.push(e.address);
        return Promise.resolve();
      });
      await context.sync();
    });
    model.user.select("Sheet1", "C4");
    await model.idle();
    expect(seen).toEqual(["C4"]);
  });
});

describe("9. calculation and the AID functions", () => {
  it("re-emits every AID cell when the ledger changes (streaming), errors and spills included, without recalculating other workbooks", async () => {
    const store = new LedgerStore(loadBundledLedger);
    const model = new ExcelModel({ ledger: store });
    const other = new ExcelModel({ ledger: store });
    model.alsoOpen.push(other);
    model.user.type("Sheet1", "A1", '=AIDCOUNT("*")');
    model.user.type("Sheet1", "B1", '=AIDLIST("Viet Nam")');
    const count = model.read.value("Sheet1", "A1") as number;
    const spillRows = model.read.values("Sheet1").filter((r) => r[1] !== "").length;
    model.user.type("Sheet1", "A2", '=AIDTOTAL("Nowhere land")');
    expect(model.read.value("Sheet1", "A2")).toBe("#N/A");
    store.replace(withExtraVietNamRecords(2));
    expect(model.read.value("Sheet1", "A1")).toBe(count + 2);
    expect(model.read.values("Sheet1").filter((r) => r[1] !== "").length).toBe(spillRows + 2);
    store.replace(loadBundledLedger());
    expect(model.read.value("Sheet1", "A1")).toBe(count);
    // Shorter again: no stale rows below the spill, no #SPILL!.
    expect(model.read.values("Sheet1").filter((r) => r[1] !== "").length).toBe(spillRows);
    expect(model.read.value("Sheet1", "B1")).toBe("id");
    expect(model.read.calculations()).toBe(0);
    expect(other.read.calculations()).toBe(0);
    await model.run(async (context: Ctx) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
    expect(other.read.calculations()).toBe(1);
  });
});

describe("10. active cell and selection", () => {
  it("reads the active cell and the selected range", async () => {
    const model = new ExcelModel({ sheets: ["A", "B"] });
    model.user.select("B", "C3:D5");
    await model.run(async (context: Ctx) => {
      const cell = context.workbook.getActiveCell().load("address");
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect([cell.address, selected.address]).toEqual(["B!C3", "B!C3:D5"]);
    });
  });
});

describe("more of the API the adapter may use", () => {
  it("refuses every sync while the user edits a cell, applying nothing", async () => {
    const model = new ExcelModel();
    model.user.beginCellEdit();
    const write = () =>
      model.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await context.sync();
      });
    expect((await rejection(write())).code).toBe("InvalidOperationInCellEditMode");
    expect(model.read.value("Sheet1", "A1")).toBe("");
    model.user.endCellEdit();
    await write();
    expect(model.read.value("Sheet1", "A1")).toBe(1);
  });

  it("derives ranges around a range, intersects them, and reads value types", async () => {
    const model = modelWithTable();
    model.user.type("Data", "D2", "=1/0");
    await model.run(async (context: Ctx) => {
      const body = context.workbook.tables.getItem("Items").getDataBodyRange();
      const below = body.getRowsBelow(2).load("address");
      const after = body.getColumnsAfter().load("address");
      const last = body.getLastRow().load("address");
      const meet = body.getIntersectionOrNullObject("B1:C3").load("address");
      const apart = body.getIntersectionOrNullObject("F1:F2");
      const types = context.workbook.worksheets
        .getItem("Data")
        .getRange("A2:D2")
        .load("valueTypes");
      const added = context.workbook.tables
        .getItem("Items")
        .columns.add(undefined, undefined, "Note");
      added.load("name,index");
      await context.sync();
      expect([
        below.address,
        after.address,
        last.address,
        meet.address,
        apart.isNullObject,
      ]).toEqual(["Data!A5:B6", "Data!C2:C4", "Data!A4:B4", "Data!B2:B3", true]);
      expect(types.valueTypes).toEqual([["String", "Double", "Empty", "Error"]]);
      expect([added.name, added.index]).toEqual(["Note", 2]);
    });
    expect(model.read.table("Items")?.address).toBe("Data!A1:C4");
  });

  it("tiles copyFrom over a destination that is a multiple of the source", async () => {
    const model = new ExcelModel();
    model.user.paste("Sheet1", "A1", [[1, 2]]);
    await model.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A3:D4").copyFrom("A1:B1", "Values");
      await context.sync();
    });
    expect(model.read.values("Sheet1", "A3:D4")).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
  });
});

describe("an in-place refresh as the new adapter will do it (staging, copyFrom, resize)", () => {
  /** Replaces Items' body by `rows` from a hidden staging sheet: copyFrom, then resize, then clear below. */
  async function refreshInPlace(model: ExcelModel, rows: (string | number)[][]): Promise<void> {
    await model.run(async (context: Ctx) => {
      const staging = context.workbook.worksheets.add("Items~staging");
      staging.visibility = "Hidden";
      staging.getRangeByIndexes(0, 0, rows.length, 2).values = rows;
      await context.sync();
      const table = context.workbook.tables.getItem("Items");
      const body = table.getDataBodyRange().load("rowCount");
      const header = table.getHeaderRowRange().load("address");
      await context.sync();
      const first = body.getCell(0, 0);
      first.copyFrom(staging.getRangeByIndexes(0, 0, rows.length, 2), "Values");
      table.resize(header.getResizedRange(rows.length, 0));
      staging.delete();
      await context.sync();
      if (body.rowCount > rows.length)
        context.workbook.worksheets
          .getItem("Data")
          .getRangeByIndexes(1 + rows.length, 0, body.rowCount - rows.length, 2)
          .clear("Contents");
      await context.sync();
    });
  }

  it("keeps the user's formulas by address and by structured reference, and the sheet where it is", async () => {
    const model = modelWithTable();
    model.user.moveSheet("Other", 0);
    model.user.type("Other", "A1", "=SUM(Data!B2:B20)");
    model.user.type("Other", "A2", "=SUM(Items[Amount])");
    await refreshInPlace(model, [
      ["w", 10],
      ["x", 20],
      ["y", 30],
      ["z", 40],
      ["v", 50],
    ]);
    expect(model.read.values("Other", "A1:A2")).toEqual([[150], [150]]);
    expect(model.read.table("Items")?.address).toBe("Data!A1:B6");
    await refreshInPlace(model, [["only", 7]]);
    expect(model.read.values("Other", "A1:A2")).toEqual([[7], [7]]);
    expect(model.read.values("Data", "A2:B4")).toEqual([
      ["only", 7],
      ["", ""],
      ["", ""],
    ]);
    expect(model.read.sheetNames()).toEqual(["Other", "Data"]);
  });
});

describe("the user's entries below a table", () => {
  it("extend the table (AutoExpansion), fill its calculated columns and fire its onChanged", async () => {
    const model = modelWithTable();
    model.user.addTableColumn("Items", "Double", "=[@Amount]*2");
    const seen: string[] = [];
    await model.run(async (context: Ctx) => {
      context.workbook.tables.onChanged.add((e) => {
        seen.push(e.address);
        return Promise.resolve();
      });
      await context.sync();
    });
    model.user.type("Data", "A5", "d");
    expect(model.read.table("Items")?.address).toBe("Data!A1:C5");
    model.user.type("Data", "B5", "4");
    model.user.paste("Data", "A6", [
      ["e", 5],
      ["f", 6],
    ]);
    expect(model.read.table("Items")?.address).toBe("Data!A1:C7");
    expect(model.read.values("Data", "C5:C7")).toEqual([[8], [10], [12]]);
    model.user.type("Data", "E9", "far away");
    expect(model.read.table("Items")?.address).toBe("Data!A1:C7");
    await model.idle();
    // The calculated column's fill is a change of its own, after the entry that added the row.
    expect(seen).toEqual(["A5", "C5", "B5", "A6:B7", "C6:C7"]);
  });
});

describe("deleting table rows", () => {
  it("moves the cells below up and adjusts formulas as Excel does; fires RowDeleted", async () => {
    const model = modelWithTable();
    model.user.type("Other", "A1", "=SUM(Data!B2:B4)");
    model.user.type("Other", "A2", "=Data!B4");
    model.user.type("Other", "A3", "=Data!B3");
    model.user.type("Other", "A4", "=SUM(Items[Amount])");
    model.user.type("Data", "E1", "=B4*10");
    const seen: string[] = [];
    await model.run(async (context: Ctx) => {
      context.workbook.tables.onChanged.add((e) => {
        seen.push(e.changeType);
        return Promise.resolve();
      });
      await context.sync();
    });
    model.user.deleteTableRows("Items", 1);
    expect(model.read.formulas("Other", "A1:A4")).toEqual([
      ["=SUM(Data!B2:B3)"],
      ["=Data!B3"],
      ["=#REF!"],
      ["=SUM(Items[Amount])"],
    ]);
    expect(model.read.values("Other", "A1:A4")).toEqual([[4], [3], ["#REF!"], [4]]);
    expect(model.read.formula("Data", "E1")).toBe("=B3*10");
    expect(model.read.values("Data", "A2:B4")).toEqual([
      ["a", 1],
      ["c", 3],
      ["", ""],
    ]);
    expect(model.read.table("Items")?.address).toBe("Data!A1:B3");
    await model.idle();
    expect(seen).toEqual(["RowDeleted"]);
  });
});

describe("deleting rows through the API", () => {
  it("deletes a table row (TableRow.delete), refuses deleteRowsAt below ExcelApi 1.16, deletes cells up outside tables", async () => {
    const model = modelWithTable();
    model.user.paste("Other", "A1", [[1], [2], [3]]);
    model.user.type("Other", "B1", "=SUM(A1:A3)");
    await model.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Items").rows.getItemAt(0).delete();
      context.workbook.worksheets.getItem("Other").getRange("A2").delete("Up");
      await context.sync();
    });
    expect(model.read.values("Data", "A2:B3")).toEqual([
      ["b", 2],
      ["c", 3],
    ]);
    expect(model.read.table("Items")?.address).toBe("Data!A1:B3");
    expect(model.read.formula("Other", "B1")).toBe("=SUM(A1:A2)");
    expect(model.read.value("Other", "B1")).toBe(4);
    const error = await rejection(
      model.run(async (context: Ctx) => {
        context.workbook.tables.getItem("Items").rows.deleteRowsAt(0, 1);
        await context.sync();
      })
    );
    expect(error.code).toBe("ApiNotFound");
  });
});
