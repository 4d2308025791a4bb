import fc from "fast-check";
import {
  bundledReference,
  createLedger,
  functionSpec,
  loadBundledLedger,
} from "../../../src/domain";
import { isFormulaLike, toSafeCell } from "../../../src/domain/workbook/cellSafety";
import { chunkRows, serializedSize } from "../../../src/domain/workbook/chunking";
import { diffDatasets, isEmptyDiff } from "../../../src/domain/workbook/diff";
import { contentHash } from "../../../src/domain/workbook/identity";
import type { SheetCell, TableData, TableSpec } from "../../../src/domain/workbook/port";
import {
  commitmentsTable,
  factsTable,
  ratesTable,
  readCommitments,
  readUserRates,
} from "../../../src/domain/workbook/tables";
import { cellRound } from "../../fuzz/exact";
import { bundledCopy, ledgerOf } from "../helpers";

const ledger = loadBundledLedger();
const asData = (t: TableSpec): TableData => ({
  header: t.columns.map((c) => c.name),
  rows: t.rows,
});

describe("Commitments", () => {
  test("one row per record, every field as a column, and it reads back to the same records", () => {
    const table = commitmentsTable(ledger);
    expect(table.rows).toHaveLength(ledger.records.length);
    const read = readCommitments(asData(table));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const rebuilt = createLedger({ rows: read.value.rows, reference: bundledReference() });
    expect(rebuilt.ok && rebuilt.value.records.map((r) => r.record)).toEqual(
      ledger.records.map((r) => r.record)
    );
  });

  test("columns can be reordered; a bad cell is reported by sheet row and column", () => {
    const table = commitmentsTable(ledger);
    const header = table.columns.map((c) => c.name).reverse();
    const rows = table.rows.map((r) => [...r].reverse());
    const fy = header.indexOf("fiscalYear");
    rows[2] = rows[2]!.map((v, i) => (i === fy ? "twenty" : v));
    const read = readCommitments({ header, rows });
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problems).toEqual([
        expect.objectContaining({
          line: 4,
          field: "fiscalYear",
          message: '"twenty" is not a whole number',
        }),
      ]);
  });
});

describe("Facts", () => {
  const facts = factsTable(ledger);
  const col = (name: string) => facts.columns.findIndex((c) => c.name === name);

  test("for every region and year, ROUND(SUMIFS over the committed facts) is AIDTOTAL, in both currencies", () => {
    const [region, year, kind] = ["Region", "Year", "Kind"].map(col);
    const committed = ["pledge", "contribution", "grant", "loan"];
    // A fact with no counting year (a cumulative figure) is in no year's total.
    const pairs = new Set(
      facts.rows
        .filter((r) => typeof r[year!] === "number")
        .map((r) => JSON.stringify([r[region!], r[year!]]))
    );
    let converted = 0;
    for (const [place, y] of [...pairs].map((p) => JSON.parse(p) as [string, number])) {
      const rows = facts.rows.filter(
        (r) => r[region!] === place && r[year!] === y && committed.includes(r[kind!] as string)
      );
      for (const [currency, digits] of [
        ["USD", 2],
        ["JPY", 0],
      ] as const) {
        const at = col(`Amount${currency}`);
        const answer = functionSpec("AIDTOTAL")!.evaluate(ledger, [place, y, currency]);
        if (!answer.ok) {
          // #N/A names a document with no rate: a fact of that region and year says so.
          const all = facts.rows.filter((r) => r[region!] === place && r[year!] === y);
          expect(all.some((r) => String(r[col("Note")]).includes(`No ${currency}:`))).toBe(true);
          continue;
        }
        // The cells summed in table order, as doubles, as Excel's SUMIFS does; then rounded once.
        const sum = rows.reduce((n, r) => n + ((r[at] as number | null) ?? 0), 0);
        converted += rows.filter((r) => !Number.isInteger((r[at] as number) * 10 ** digits)).length;
        expect({ place, y, currency, total: cellRound(sum, digits) }).toEqual({
          place,
          y,
          currency,
          total: cellRound(answer.value as number, digits),
        });
      }
    }
    // Conversions that are not whole cents or yen occur, so rounding per row would show here.
    expect(converted).toBeGreaterThan(0);
  });

  test("a converted amount is held unrounded, at the 15 significant digits a cell keeps", () => {
    const asean = facts.rows.find((r) => r[0] === "asia-counter-terrorism-japan-asean-2016")!;
    const usd = asean[col("AmountUSD")] as number;
    const jpy = asean[col("AmountJPY")] as number;
    // The stated yen at 1871/18 yen per dollar, exact, then to 15 significant digits.
    expect(usd).toBe(Number(((jpy * 18) / 1871).toPrecision(15)));
    expect(Number.isInteger(usd * 100)).toBe(false);
  });

  test("an amount with no stated rate is empty, with the reason; the rate used is shown otherwise", () => {
    const customs = facts.rows.find((r) => r[0] === "viet-nam-haiphong-customs-2009")!;
    expect(customs[col("AmountUSD")]).toBeNull();
    expect(customs[col("AmountJPY")]).toBe(861000000);
    expect(customs[col("Note")]).toMatch(/No USD: .*states no JPY\/USD rate/);
    const asean = facts.rows.find((r) => r[0] === "asia-counter-terrorism-japan-asean-2016")!;
    expect(asean[col("RateUsed")]).toBeCloseTo(1871 / 18, 5);
    expect(asean[col("RateSource")]).toMatch(/default rate \(median of stated pairs\)/);
    const ticad = facts.rows.find((r) => r[0] === "ticad6-peace-stability-2016")!;
    expect([ticad[col("AmountUSD")], ticad[col("AmountJPY")], ticad[col("RateUsed")]]).toEqual([
      500000000, 52000000000, 104,
    ]);
  });

  test("people that are part of another record's people are left out, with the reason", () => {
    const part = facts.rows.find((r) => r[0] === "ticad6-vocational-training-2016")!;
    expect(part[col("People")]).toBeNull();
    expect(part[col("Note")]).toMatch(/part of ticad6-hrd-2016/);
  });
});

describe("Rates", () => {
  test("lists every stated pair and each document's default or its absence", () => {
    const rates = ratesTable(ledger);
    const entries = rates.rows.map((r) => `${r[0]}:${r[2]}`);
    expect(entries.filter((e) => e === "000_ecb32d6e9fafa848.txt:pair")).toHaveLength(4);
    expect(entries).toContain("000_ecb32d6e9fafa848.txt:default");
    expect(entries).toContain("004_ee4f842758621c53.txt:none");
  });

  test("a user row supplies a rate, and is written back", () => {
    const rates = ratesTable(ledger);
    const data = asData(rates);
    const userRow: SheetCell[] = [
      "004_ee4f842758621c53.txt",
      null,
      "user",
      null,
      null,
      null,
      95.5,
      null,
      "Budget office rate",
    ];
    const read = readUserRates({ header: data.header, rows: [...data.rows, userRow] });
    expect(read).toEqual({
      ok: true,
      value: {
        rates: [
          { document: "004_ee4f842758621c53.txt", jpyPerUsd: "95.5", note: "Budget office rate" },
        ],
        lines: [data.rows.length + 2],
      },
    });
    const withRate = ledgerOf(bundledCopy(), read.ok ? read.value.rates : []);
    expect(ratesTable(withRate).rows.find((r) => r[2] === "user")).toEqual([
      "004_ee4f842758621c53.txt",
      expect.stringContaining("Counter-Terrorism"),
      "user",
      null,
      null,
      null,
      95.5,
      null,
      "Budget office rate",
    ]);
  });

  test("a rate typed as 0.0000001 is read, and repeated in messages, as typed: never as 1e-7", () => {
    const data = asData(ratesTable(ledger));
    const row = (rate: number): SheetCell[] => [
      "004_ee4f842758621c53.txt",
      null,
      "user",
      null,
      null,
      null,
      rate,
      null,
      null,
    ];
    const read = readUserRates({ header: data.header, rows: [...data.rows, row(0.0000001)] });
    expect(read.ok && read.value.rates[0]!.jpyPerUsd).toBe("0.0000001");
    const negative = readUserRates({ header: data.header, rows: [...data.rows, row(-1e-7)] });
    if (!negative.ok) throw new Error("the row is read; the rate is checked by the ledger");
    const built = createLedger({
      rows: bundledCopy(),
      reference: bundledReference(),
      userRates: negative.value.rates,
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((p) => p.message)).toEqual([
      '"-0.0000001" is not a positive decimal number of yen per US dollar',
    ]);
  });

  test("a user row may name its document by title, as a person knows it; a wrong name suggests the titles", () => {
    const data = asData(ratesTable(ledger));
    const title = "japan's international counter-terrorism cooperation (MOFA, August 2010)";
    const userRow: SheetCell[] = [title, null, "user", null, null, null, 95.5, null, null];
    const read = readUserRates({ header: data.header, rows: [...data.rows, userRow] });
    expect(read.ok && read.value.rates[0]!.document).toBe("004_ee4f842758621c53.txt");
    // Without the derived rows to pair titles with files, the ledger resolves the title itself.
    const withRate = ledgerOf(bundledCopy(), [{ document: title, jpyPerUsd: "95.5" }]);
    expect(withRate.rates.get("004_ee4f842758621c53.txt")?.basis).toBe("user");
    expect(ratesTable(withRate).rows.find((r) => r[2] === "user")?.[0]).toBe(
      "004_ee4f842758621c53.txt"
    );
    expect(() =>
      ledgerOf(bundledCopy(), [{ document: "Counter-Terrorism", jpyPerUsd: "95.5" }])
    ).toThrow(
      /give its title: \\"White Paper on Development Cooperation 2016 \(MOFA\)\\" or \\"Japan's International Counter-Terrorism Cooperation \(MOFA, August 2010\)\\"/
    );
  });
});

describe("cell safety", () => {
  test.each(["=1+1", "+5", "-3", "@SUM(A1)", "\tx", "\nx", "\rx", "\u0001x"])(
    "%j is written as text",
    (text) => {
      expect(isFormulaLike(text)).toBe(true);
      expect(toSafeCell(text)).toBe(`'${text}`);
    }
  );

  test.each(["2016-05", "15210", "50%", "TRUE", " false ", "#N/A", "'quoted"])(
    "%j, which a spreadsheet would re-type, is written as text",
    (text) => {
      expect(toSafeCell(text)).toBe(`'${text}`);
    }
  );

  test("plain words, numbers, booleans and empty cells pass unchanged", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z][A-Za-z ,.()]*$/),
          fc.double(),
          fc.boolean(),
          fc.constant(null)
        ),
        (v) => {
          if (typeof v === "string" && /^\s*(true|false)\s*$/i.test(v)) return;
          expect(toSafeCell(v)).toBe(v);
        }
      )
    );
  });

  test("whatever text is written, dropping the one marker gives it back", () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const safe = toSafeCell(v) as string;
        expect(safe === v ? safe : safe.slice(1)).toBe(v);
        if (safe !== v) expect(safe.startsWith("'")).toBe(true);
      })
    );
  });
});

describe("chunking", () => {
  test("chunks keep order, lose nothing and stay under the budget", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null)), {
            minLength: 1,
            maxLength: 6,
          }),
          { maxLength: 300 }
        ),
        fc.integer({ min: 300, max: 5000 }),
        (rows, budget) => {
          const chunks = chunkRows(rows, budget);
          expect(chunks.flat()).toEqual(rows);
          for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThanOrEqual(budget);
        }
      )
    );
  });

  test("sizes count UTF-8 bytes, and a row too big for any request is refused", () => {
    expect(serializedSize(["¥"])).toBe(JSON.stringify(["¥"]).length + 1);
    expect(() => chunkRows([["x".repeat(100)]], 50)).toThrow(/row 1 is/);
  });
});

describe("diff and identity", () => {
  test("added, removed and changed records, field by field", () => {
    const before = bundledCopy();
    const after = bundledCopy();
    after[0]!.amount = "1900000000";
    after.splice(1, 1);
    after.push({ ...before[2]!, id: "a-new-record" });
    const diff = diffDatasets(before, after);
    expect(diff.added.map((r) => r.id)).toEqual(["a-new-record"]);
    expect(diff.removed.map((r) => r.id)).toEqual([before[1]!.id]);
    expect(diff.changed).toEqual([
      { id: before[0]!.id, changes: [{ field: "amount", from: "1800000000", to: "1900000000" }] },
    ]);
    expect(isEmptyDiff(diffDatasets(before, bundledCopy()))).toBe(true);
  });

  test("the content hash changes with any field and not with nothing", () => {
    const rows = bundledCopy();
    const h = contentHash(rows);
    expect(contentHash(bundledCopy())).toBe(h);
    rows[5]!.notes = "edited";
    expect(contentHash(rows)).not.toBe(h);
    expect(h).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });
});
