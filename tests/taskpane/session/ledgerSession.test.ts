import { expect } from "@jest/globals";
import {
  LedgerStore,
  buildManifest,
  contentHash,
  TABLES,
  bundledRows,
  functionSpec,
  loadBundledLedger,
  toCsv,
  toJson,
  WorkbookWriteError,
  type CommitmentRecord,
} from "../../../src/domain";
import type { LedgerSession } from "../../../src/taskpane/session/ledgerSession";
import { generateRecords } from "../../../src/tooling/synthetic";
import { TICAD_PLEDGE, bundledCopy, ticadAt600Million } from "../../domain/helpers";
import { createTestSession, newSession } from "../testSession";

const setup = createTestSession;

const total = (store: LedgerStore, ...args: (string | number | null)[]) =>
  functionSpec("AIDTOTAL")!.evaluate(store.current(), args);

test("Load data writes the three tables, stores the identity and adds the pivot", async () => {
  const { port, store, session } = setup();
  const before = store.current();
  const result = await session.load();
  expect(result).toEqual({
    ok: true,
    pivot: { created: true },
    chart: { created: true },
    report: { created: expect.any(Array) as unknown, refreshed: [] },
  });
  expect(port.charts.map((c) => [c.name, c.pivot])).toEqual([["AidSummaryChart", "AidSummary"]]);
  expect([...port.tables.keys()]).toEqual([
    TABLES.commitments.table,
    TABLES.facts.table,
    TABLES.rates.table,
  ]);
  expect(port.tables.get(TABLES.commitments.table)!.rows).toHaveLength(bundledRows().length);
  expect(port.identity).toEqual(
    expect.objectContaining({
      source: "bundled",
      version: "1.2.3",
      records: bundledRows().length,
      loadedAt: "2026-11-22T00:00:00.000Z",
    })
  );
  expect(port.identity!.contentHash).toMatch(/^fnv1a64:/);
  expect(port.pivots.map((p) => p.sourceTable)).toEqual([TABLES.facts.table]);
  expect(store.current()).not.toBe(before);
  expect(session.snapshot.identity).toEqual(port.identity);
});

test("where the host has no PivotTables, the load still succeeds and says why", async () => {
  const { port, session } = setup();
  port.pivotSupported = false;
  expect(await session.load()).toEqual(
    expect.objectContaining({
      ok: true,
      pivot: { created: false, reason: "PivotTables need ExcelApi 1.8" },
    })
  );
});

test("a refresh from a file shows the change first, and the functions switch only after the write", async () => {
  const { port, store, session } = setup();
  await session.load();
  const prepared = await session.prepare({
    kind: "file",
    name: "edited.csv",
    text: toCsv(ticadAt600Million()),
  });
  expect(prepared.ok).toBe(true);
  if (!prepared.ok) return;
  expect(prepared.value.diff.changed).toEqual([
    {
      id: TICAD_PLEDGE,
      changes: expect.arrayContaining([
        expect.objectContaining({ field: "amount", from: "500000000", to: "600000000" }),
      ]),
    },
  ]);
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2420000000 }); // not applied yet
  const applied = await session.apply(prepared.value);
  expect(applied.ok).toBe(true);
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2520000000 });
  expect(port.identity!.source).toBe("file:edited.csv");
});

test("a malformed file lists every problem and changes nothing", async () => {
  const { port, store, session } = setup();
  await session.load();
  const tablesBefore = new Map(port.tables);
  const ledgerBefore = store.current();
  const rows = bundledCopy() as (CommitmentRecord | Record<string, unknown>)[];
  rows[3] = { ...rows[3], amount: "12.345" };
  rows[7] = { ...rows[7], region: "Atlantis" };
  const prepared = await session.prepare({
    kind: "file",
    name: "bad.json",
    text: toJson(rows as CommitmentRecord[]),
  });
  expect(prepared.ok).toBe(false);
  if (prepared.ok) return;
  expect(prepared.problems.map((p) => [p.row, p.field])).toEqual([
    [4, "amount"],
    [8, "region"],
  ]);
  expect(port.tables).toEqual(tablesBefore);
  expect(store.current()).toBe(ledgerBefore);
});

test("a write the workbook refuses leaves the previous tables and the functions' data as they were", async () => {
  const { port, store, session } = setup();
  await session.load();
  const ledgerBefore = store.current();
  const identityBefore = port.identity;
  const prepared = await session.prepare({ kind: "bundled" });
  if (!prepared.ok) throw new Error("bundled must be valid");
  port.failNextWrite = new WorkbookWriteError(
    "unchanged",
    "Nothing was changed: writing the new rows failed (RequestPayloadSizeLimitExceeded)."
  );
  const result = await session.apply(prepared.value);
  expect(result).toEqual({
    ok: false,
    state: "unchanged",
    message: expect.stringMatching(
      /Nothing was changed.*RequestPayloadSizeLimitExceeded/
    ) as unknown,
  });
  expect(store.current()).toBe(ledgerBefore);
  expect(port.identity).toBe(identityBefore);
  expect(session.snapshot.busy).toBe(false);
});

test("a refresh from an address that cannot be fetched says why", async () => {
  const { session } = setup({ ok: false, reason: "only https addresses are allowed" });
  const prepared = await session.prepare({ kind: "url", url: "http://example.test/data.json" });
  expect(prepared).toEqual({
    ok: false,
    problems: [{ row: 0, field: "(address)", message: "only https addresses are allowed" }],
  });
});

test("a reopened workbook answers from its own tables, not from the bundled data", async () => {
  const first = setup();
  await first.session.start();
  await first.session.load();
  first.port.editCell(TABLES.commitments.table, 0, "notes", "edited in the workbook");
  await flush();
  // Reopen: a new session and store over the same workbook.
  const port = first.port;
  const store = new LedgerStore(loadBundledLedger);
  const session = newSession(port, { store, version: "9.9.9" });
  await session.start();
  expect(store.current().records[0]!.record.notes).toBe("edited in the workbook");
  expect(session.snapshot.identity?.source).toBe("workbook");
});

test("valid edits are taken in; invalid ones are listed by row and field and ignored", async () => {
  const { port, store, session } = setup();
  await session.start();
  await session.load();
  const col = port.tables.get(TABLES.commitments.table)!.header;
  const row = port.tables
    .get(TABLES.commitments.table)!
    .rows.findIndex((r) => r[col.indexOf("id")] === "ticad6-climate-disasters-2016");
  port.editCell(TABLES.commitments.table, row, "kind", "cumulative");
  await flush();
  expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 620000000 });
  expect(port.identity!.source).toBe("workbook");
  const good = store.current();
  port.editCell(TABLES.commitments.table, row, "amount", "lots");
  await flush();
  expect(store.current()).toBe(good);
  expect(session.snapshot.editProblems).toEqual([
    expect.objectContaining({
      line: row + 2,
      field: "amount",
      message: expect.stringMatching(/must be a plain decimal number/),
    }),
  ]);
});

test("a rate the user adds in the Rates table converts the document that states none", async () => {
  const { port, store, session } = setup();
  await session.start();
  await session.load();
  expect(total(store, "Viet Nam").ok).toBe(false);
  const rates = port.tables.get(TABLES.rates.table)!;
  port.tables.set(TABLES.rates.table, {
    header: rates.header,
    rows: [
      ...rates.rows,
      ["004_ee4f842758621c53.txt", null, "user", null, null, null, 100, null, "budget office"],
    ],
  });
  port.editCell(TABLES.rates.table, rates.rows.length, "Derivation", "budget office, 2026");
  await flush();
  expect(total(store, "Viet Nam")).toEqual({ ok: true, value: 8610000 });
  // The rate is kept when the data is loaded again.
  await session.load();
  expect(total(store, "Viet Nam")).toEqual({ ok: true, value: 8610000 });
});

test("explain reads cell references, and declines nested calculations", async () => {
  const { port, session } = setup();
  port.cells.set("B1", "Africa").set("B2", 2016);
  port.select({ sheet: "Sheet1", address: "C1", formula: "=AIDTOTAL(B1,B2)" });
  const e = (await session.features.explainActiveCell()).explanation;
  expect(e?.answer).toBe(2420000000);
  expect(e?.adding).toHaveLength(3);
  port.select({ sheet: "Sheet1", address: "C2", formula: '=AIDTOTAL("Africa",YEAR(TODAY()))' });
  expect((await session.features.explainActiveCell()).explanation?.blocked).toMatch(
    /YEAR\(TODAY\(\)\)/
  );
  port.select({ sheet: "Sheet1", address: "C3", formula: "=SUM(A1:A2)" });
  expect(await session.features.explainActiveCell()).toEqual({ explanation: null, address: "C3" });
});

// Jest's timers, advancing with the clock as real ones would (loads yield with setTimeout), so
// that flush() can run every pending timer at once instead of waiting a fixed time.
beforeEach(() => jest.useFakeTimers({ advanceTimers: true }));
afterEach(() => jest.useRealTimers());

/**
 * Runs the edits' debounce timers (settleMs 0) and every promise they start, until nothing is left
 * but work held by the fake (holdReads, holdNextWrite): the queue has done all it can.
 */
async function flush(): Promise<void> {
  await jest.runAllTimersAsync();
}

/** A checked refresh from a file that raises the TICAD VI pledge to $600 million. */
async function preparedTicadAt600(session: LedgerSession) {
  const prepared = await session.prepare({
    kind: "file",
    name: "edited.csv",
    text: toCsv(ticadAt600Million()),
  });
  if (!prepared.ok) throw new Error("the file must be valid");
  return prepared;
}

/** The row of a record in the fake's Commitments table. */
function rowOf(port: ReturnType<typeof setup>["port"], id: string): number {
  const t = port.tables.get(TABLES.commitments.table)!;
  return t.rows.findIndex((r) => r[t.header.indexOf("id")] === id);
}

describe("one queue for loads, refreshes and edits (issue 7: the races a gated fake showed)", () => {
  test("two quick edits: the read that runs last reads the newest table, and an older read never replaces it", async () => {
    const { port, store, session } = setup();
    await session.start();
    await session.load();
    const row = rowOf(port, TICAD_PLEDGE);
    const release = port.holdReads();
    port.editCell(TABLES.commitments.table, row, "notes", "first edit");
    await flush(); // the first read has taken its snapshot and waits
    port.editCell(TABLES.commitments.table, row, "notes", "second edit");
    release();
    await flush();
    await session.reread();
    const notes = store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record.notes;
    expect(notes).toBe("second edit");
  });

  test("an edit after Check for changes makes Apply refuse, instead of silently reverting it", async () => {
    const { port, store, session } = setup();
    await session.start();
    await session.load();
    const prepared = await preparedTicadAt600(session);
    port.editCell(
      TABLES.commitments.table,
      rowOf(port, "ticad6-climate-disasters-2016"),
      "notes",
      "mine"
    );
    const result = await session.apply(prepared.value);
    expect(result).toEqual(
      expect.objectContaining({
        ok: false,
        state: "unchanged",
        message: expect.stringMatching(/Check for changes again/),
      })
    );
    await flush();
    const edited = store
      .current()
      .records.find((r) => r.record.id === "ticad6-climate-disasters-2016")!;
    expect(edited.record.notes).toBe("mine");
    expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2420000000 });
  });

  test("an edit read in flight when Apply is pressed is finished first; Apply then refuses the stale diff", async () => {
    const { port, store, session } = setup();
    await session.start();
    await session.load();
    const prepared = await preparedTicadAt600(session);
    const release = port.holdReads();
    port.editCell(TABLES.commitments.table, rowOf(port, TICAD_PLEDGE), "notes", "typed meanwhile");
    await flush();
    const applying = session.apply(prepared.value);
    release();
    const result = await applying;
    expect(result.ok).toBe(false);
    expect(store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record.notes).toBe(
      "typed meanwhile"
    );
  });

  test("two overlapping applies: the second waits for the first, then is refused; no table is lost", async () => {
    const { port, store, session } = setup();
    await session.start();
    await session.load();
    const prepared = await preparedTicadAt600(session);
    const release = port.holdNextWrite();
    const first = session.apply(prepared.value);
    const second = session.apply(prepared.value);
    release();
    expect((await first).ok).toBe(true);
    expect(await second).toEqual(expect.objectContaining({ ok: false, state: "unchanged" }));
    expect(port.tables.has(TABLES.commitments.table)).toBe(true);
    expect(total(store, "Africa", 2016)).toEqual({ ok: true, value: 2520000000 });
  });

  test("an edit made while a write runs stops the write before it commits, and the edit is taken in after it", async () => {
    const { port, store, session } = setup();
    await session.start();
    await session.load();
    const prepared = await preparedTicadAt600(session);
    const release = port.holdNextWrite();
    const applying = session.apply(prepared.value);
    await flush();
    port.editCell(TABLES.commitments.table, rowOf(port, TICAD_PLEDGE), "notes", "during the write");
    release();
    const result = await applying;
    expect(result).toEqual(expect.objectContaining({ ok: false, state: "unchanged" }));
    expect(port.stoppedBeforeCommit).toBe(1);
    await flush();
    const record = store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record;
    expect(record.notes).toBe("during the write");
    expect(record.amount).toBe("500000000");
  });

  test("a failure in the final swap that was put back is reported as such, and the functions keep the old data", async () => {
    const { port, store, session } = setup();
    await session.load();
    const before = store.current();
    const prepared = await preparedTicadAt600(session);
    port.failNextWrite = new WorkbookWriteError(
      "restored",
      "Nothing was changed: the swap failed and every table was put back."
    );
    expect(await session.apply(prepared.value)).toEqual(
      expect.objectContaining({ ok: false, state: "restored" })
    );
    expect(store.current()).toBe(before);
  });

  test("a write left partial makes the session re-read what the tables hold", async () => {
    const { port, store, session } = setup();
    await session.load();
    const prepared = await preparedTicadAt600(session);
    // The fake "half-applies": Commitments holds the new rows, then the write fails.
    const readBack = port.tables.get(TABLES.commitments.table)!;
    port.editCellSilently(
      TABLES.commitments.table,
      rowOf(port, TICAD_PLEDGE),
      "notes",
      "half written"
    );
    port.failNextWrite = new WorkbookWriteError("partial", "Some tables hold the new rows.");
    expect(await session.apply(prepared.value)).toEqual(
      expect.objectContaining({ ok: false, state: "partial" })
    );
    await flush();
    expect(readBack).toBeDefined();
    expect(store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record.notes).toBe(
      "half written"
    );
  });

  test("Re-read workbook takes in an edit whose event never came", async () => {
    const { port, store, session } = setup();
    await session.start();
    await session.load();
    port.editCellSilently(TABLES.commitments.table, rowOf(port, TICAD_PLEDGE), "notes", "pasted");
    await flush();
    expect(
      store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record.notes
    ).not.toBe("pasted");
    await session.reread();
    expect(store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record.notes).toBe(
      "pasted"
    );
  });

  test("many edit events in a burst cost one read", async () => {
    const { port, session } = setup();
    await session.start();
    await session.load();
    const reads = jest.spyOn(port, "readTable");
    for (let i = 0; i < 10; i++)
      port.editCell(TABLES.commitments.table, rowOf(port, TICAD_PLEDGE), "notes", `edit ${i}`);
    await flush();
    // One intake reads Commitments and Rates once each.
    expect(reads).toHaveBeenCalledTimes(2);
  });
});

describe("what the workbook holds, said plainly", () => {
  test("tables without the identity setting (copied sheets): the functions use the tables, and the pane says so", async () => {
    const first = setup();
    await first.session.load();
    first.port.editCellSilently(
      TABLES.commitments.table,
      rowOf(first.port, TICAD_PLEDGE),
      "notes",
      "kept"
    );
    first.port.identity = null; // office-js #360, #2940, #6091: settings lost, tables kept
    const store = new LedgerStore(loadBundledLedger);
    const session = newSession(first.port, { store });
    await session.start();
    expect(store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record.notes).toBe(
      "kept"
    );
    expect(session.snapshot.notice).toEqual({
      intent: "info",
      message: expect.stringMatching(
        /answer from this workbook's own Commitments table .*missing/
      ) as unknown,
    });
    expect(first.port.identity).toEqual(expect.objectContaining({ source: "workbook" }));
  });

  test("Load data over tables that differ from the bundled data shows the diff and asks first", async () => {
    const { port, store, session } = setup();
    await session.start();
    await session.load();
    port.editCell(TABLES.commitments.table, rowOf(port, TICAD_PLEDGE), "notes", "my note");
    await flush();
    const result = await session.load();
    expect(result.ok).toBe(false);
    if (result.ok || !("review" in result)) throw new Error("expected a review");
    expect(result.review.diff.changed.map((c) => c.id)).toEqual([TICAD_PLEDGE]);
    expect(store.current().records.find((r) => r.record.id === TICAD_PLEDGE)!.record.notes).toBe(
      "my note"
    );
    expect((await session.apply(result.review)).ok).toBe(true);
  });

  test("a table the user deleted is not silently recreated: the session asks, then creates it on request", async () => {
    const { port, session } = setup();
    await session.start();
    await session.load();
    port.tables.delete(TABLES.facts.table);
    const prepared = await session.prepare({ kind: "bundled" });
    if (!prepared.ok) throw new Error("bundled must be valid");
    const asked = await session.apply(prepared.value);
    expect(asked).toEqual(expect.objectContaining({ ok: false, missing: [TABLES.facts.table] }));
    expect(port.tables.has(TABLES.facts.table)).toBe(false);
    const done = await session.apply(prepared.value, undefined, { createMissing: true });
    expect(done.ok).toBe(true);
    expect(port.tables.has(TABLES.facts.table)).toBe(true);
  });

  test("Insert asks before overwriting a cell, and inserts in the build's namespace", async () => {
    const { port } = setup();
    const session = newSession(port, { version: "1", namespace: "AID" });
    port.selection = { sheet: "Sheet1", address: "B2", formula: null };
    port.sheetCells.set("B2", "my total");
    expect(await session.features.insertFormula('=AIDTOTAL("Africa",2016)')).toEqual({
      inserted: false,
      address: "B2",
      occupiedBy: "my total",
    });
    expect(
      await session.features.insertFormula('=AIDTOTAL("Africa",2016)', { overwrite: true })
    ).toEqual({
      inserted: true,
      address: "B2",
    });
    expect(port.inserted).toEqual(['=AID.AIDTOTAL("Africa",2016)']);
  });
});

describe("a newer dataset published at the address the data came from", () => {
  function sessionOver(files: Map<string, string>) {
    const { port } = setup();
    const store = new LedgerStore(loadBundledLedger);
    const session = newSession(port, {
      store,
      version: "1",
      fetchText: (url) => {
        const text = files.get(url);
        return Promise.resolve(
          text === undefined
            ? { ok: false, reason: "the server answered 404 Not Found" }
            : { ok: true, text, fileName: url.slice(url.lastIndexOf("/") + 1) }
        );
      },
      now: () => new Date("2026-11-22T00:00:00Z"),
      settleMs: 0,
    });
    return { port, store, session };
  }
  const DATA = "https://data.example.test/aid/commitments.json";
  const MANIFEST = "https://data.example.test/aid/manifest.json";

  test("after loading from an address, the manifest beside it says whether a newer edition is published", async () => {
    const first = bundledCopy();
    const files = new Map([[DATA, toJson(first)]]);
    const { session } = sessionOver(files);
    await session.start();
    const prepared = await session.prepare({ kind: "url", url: DATA });
    if (!prepared.ok) throw new Error("the dataset must be valid");
    expect((await session.apply(prepared.value)).ok).toBe(true);
    expect(await session.checkPublished()).toEqual({
      comparison: "unknown",
      reason: expect.stringMatching(/no manifest beside .*404/) as unknown,
    });

    const same = buildManifest(first, {
      version: "2016.1",
      published: new Date("2026-11-01T00:00:00Z"),
      dataset: "commitments.json",
    });
    files.set(MANIFEST, JSON.stringify(same));
    expect((await session.checkPublished())?.comparison).toBe("same");

    const newer = buildManifest(ticadAt600Million(), {
      version: "2017.1",
      published: new Date("2026-11-25T00:00:00Z"),
      dataset: "commitments-2017.json",
    });
    files.set(MANIFEST, JSON.stringify(newer));
    const status = await session.checkPublished();
    expect(status).toEqual({
      comparison: "newer",
      manifest: newer,
      address: "https://data.example.test/aid/commitments-2017.json",
    });
    expect(session.snapshot.published).toEqual(status);
  });

  test("a downloaded dataset its manifest does not describe is refused, with nothing changed", async () => {
    const published = bundledCopy();
    const files = new Map([
      [DATA, toJson(ticadAt600Million())],
      [
        MANIFEST,
        JSON.stringify(
          buildManifest(published, {
            version: "2016.1",
            published: new Date("2026-11-01T00:00:00Z"),
            dataset: "commitments.json",
          })
        ),
      ],
    ]);
    const { store, session } = sessionOver(files);
    await session.start();
    const before = store.current();
    const refused = await session.prepare({ kind: "url", url: DATA });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems[0]!.message).toMatch(/not the one its manifest describes/);
    expect(refused.problems[0]!.message).toContain(contentHash(published));
    expect(store.current()).toBe(before);
    expect(session.snapshot.identity).toBeNull();

    // The file the manifest describes passes.
    files.set(DATA, toJson(published));
    expect((await session.prepare({ kind: "url", url: DATA })).ok).toBe(true);
  });

  test("data that did not come from an address has nothing to check", async () => {
    const { session } = sessionOver(new Map());
    await session.start();
    await session.load();
    expect(await session.checkPublished()).toBeNull();
  });
});

describe("checking a large file keeps the pane responsive", () => {
  test("progress is reported while a file is validated, and the answer is the same as in one go", async () => {
    const { session } = setup();
    const phases: string[] = [];
    // Large enough for validation to report in steps (one every 2,000 records).
    const text = toCsv(generateRecords(5000, { seed: 3 }));
    const prepared = await session.prepare(
      { kind: "file", name: "synthetic.csv", text },
      { onProgress: (p) => phases.push(p.phase) }
    );
    expect(prepared.ok).toBe(true);
    expect(phases[0]).toBe("parsing");
    expect(phases).toContain("validating");
    expect(phases[phases.length - 1]).toBe("indexing");
  });

  test("Cancel stops the check: nothing is prepared, and it says so", async () => {
    const { store, session } = setup();
    const before = store.current();
    const signal = { aborted: false };
    const prepared = await session.prepare(
      { kind: "file", name: "edited.csv", text: toCsv(ticadAt600Million()) },
      {
        onProgress: (p) => {
          if (p.phase === "parsing") signal.aborted = true;
        },
        signal,
      }
    );
    expect(prepared).toEqual(
      expect.objectContaining({
        ok: false,
        problems: [expect.objectContaining({ message: expect.stringMatching(/^cancelled/) })],
      })
    );
    expect(store.current()).toBe(before);
  });
});
