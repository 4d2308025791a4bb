/**
 * The workbook as a whole (issue 13, item 12): random sequences of what a user does (type notes in
 * a column of their own, as text or a formula of the row, sort, filter, protect a sheet, add and
 * delete rows, edit amounts and evidence, add a rate of their own, save and reopen) interleaved
 * with loads and refreshes of randomly changed datasets, most steps with a failure injected at a
 * random request (and some with a second soon after it), on the shipped adapter and session over
 * the Excel model. After every step, once the session is idle, the invariants hold:
 * - every note the user typed is beside the record it was typed beside (a formula still a formula),
 *   or the user was told it went with its removed record;
 * - Facts and Rates are wholly the tables of the ledger the functions answer from, or (after a
 *   failure the pane tells) wholly those of an earlier ledger: never a mix;
 * - with no edit problem, the ledger is what Commitments holds; for every region and year, in USD
 *   and JPY, ROUND(SUMIFS over AidFacts, minor digits) equals AIDTOTAL exactly (checkFactsAgree);
 * - every AID cell shows the ledger's answer (#N/A while the workbook is unread);
 * - every hidden backup that a message on screen says holds the old contents is there.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type AidLedger,
  type CommitmentRecord,
  LedgerStore,
  type SheetCell,
  TABLES,
  bundledReference,
  bundledRows,
  createLedger,
  functionSpec,
  loadBundledLedger,
  contentHash,
  ledgerTables,
  lostUserValueText,
  messages,
  toCsv,
} from "../../src/domain";
import { COMMITTED_KINDS } from "../../src/domain/dataset/schema";
import { columnLetters } from "../../src/domain/workbook/a1";
import { factsTable, ratesTable } from "../../src/domain/workbook/tables";
import { ExcelWorkbook } from "../../src/host/excel/excelWorkbook";
import { STAGING_PREFIX } from "../../src/host/excel/staging";
import {
  type ApplyResult,
  LedgerSession,
  type PreparedRefresh,
} from "../../src/taskpane/session/ledgerSession";
import { ExcelModel } from "../../src/tooling/excelModel";
import { cellRound } from "./exact";
import { type CaseCounter, fuzzSeed } from "./fuzzRuns";

const COMMITMENTS = TABLES.commitments.table;
const NOTE = "MyNote";
const BUNDLED = bundledRows() as CommitmentRecord[];
/** A ledger is immutable: every run's workbook starts from the same bundled one. */
const BUNDLED_LEDGER = loadBundledLedger();
const copy = (): CommitmentRecord[] => JSON.parse(JSON.stringify(BUNDLED)) as CommitmentRecord[];

/** The amount edit a user makes: $N million, evidence that states it, no yen equivalent. */
function restated(r: CommitmentRecord, millions: number): CommitmentRecord {
  return {
    ...r,
    amount: String(millions * 1_000_000),
    evidence: `approximately $${millions} million`,
    equivalentAmount: null,
    equivalentCurrency: null,
  };
}

/** Records whose amount a user can restate that way and still have a valid dataset. */
const RESTATABLE = new Set(
  BUNDLED.filter(
    (r) =>
      createLedger({
        rows: BUNDLED.map((o) => (o.id === r.id ? restated(o, 7) : o)),
        reference: bundledReference(),
      }).ok
  ).map((r) => r.id)
);

/**
 * Every document: a user may give a rate to one that states none; for one that states its own the
 * rate is refused, told, and kept in Rates as typed.
 */
const DOCUMENTS = (() => {
  const rates = ratesTable(BUNDLED_LEDGER);
  const document = rates.columns.findIndex((k) => k.name === "Document");
  return [...new Set(rates.rows.map((r) => String(r[document])))];
})();

// ---- the real system ------------------------------------------------------------------------------

interface Real {
  readonly model: ExcelModel;
  readonly store: LedgerStore;
  session: LedgerSession;
  /** id -> the note the user typed beside that record (text or a formula), and what it shows. */
  readonly notes: Map<string, { readonly typed: string; readonly shows: string }>;
  /** id -> an amount the user typed beside that record that is not one (an edit not taken in). */
  readonly badAmounts: Map<string, string>;
  /** Whether a write since the last one that succeeded said the tables may be mixed. */
  mixedSinceWrite: boolean;
  /** The edits not taken in that this step's confirmed review said it replaces ("id|column|typed"). */
  readonly namedEdits: Set<string>;
  /** Documents the user gave a rate of their own, and the rate. */
  readonly userRates: Map<string, number>;
  /** The last outcome the pane shows (one at a time), for the hidden sheets it names. */
  outcome: string | null;
  /** The Facts and Rates contents of every ledger the functions answered from so far. */
  readonly derivedSeen: Set<string>;
  serial: number;
  /** This step's injected failures: the second, armed when the first fires, and what each hit. */
  readonly faults: Faults;
}

/**
 * Failures injected into one step: the first at a request counted from the step's start; the
 * second (if any) at a request counted from the first failure, so it can land in the rollback, the
 * retry or the next write; the third (if any) counted from the second, so a rollback and its retry
 * can both fail. Each one that fires is tallied by where it landed (FAULT_COVERAGE).
 */
class Faults {
  private next: number[] = [];
  private action: Action | null = null;
  private firedInStep = 0;

  constructor(private readonly model: ExcelModel) {
    const execute = model.execute.bind(model);
    model.execute = async (requests) => {
      try {
        await execute(requests);
      } catch (e) {
        if (e instanceof Error && e.message.startsWith("Injected failure")) this.fired();
        throw e;
      }
    };
  }

  arm(action: Action, fault: Fault | null): void {
    this.action = action;
    // The log is only read within a step: keeping a whole session's costs memory for nothing.
    this.model.resetLog();
    this.next = [fault?.then, fault?.then ? fault.again : null].filter(
      (n): n is number => typeof n === "number"
    );
    this.firedInStep = 0;
    if (fault) this.model.failAt(fault.at);
    else this.model.clearFault();
  }

  disarm(): void {
    this.next = [];
    this.model.clearFault();
  }

  private fired(): void {
    this.firedInStep++;
    const where =
      this.firedInStep === 1
        ? this.where()
        : this.firedInStep === 2
          ? "a second failure, after the first"
          : "a third failure, after the second";
    FAULT_COVERAGE.set(where, (FAULT_COVERAGE.get(where) ?? 0) + 1);
    const next = this.next.shift();
    if (next !== undefined) this.model.failAt(next);
  }

  private where(): string {
    const action = this.action!;
    if (action.byPane) return action.label.replace(/:.*/, "");
    const touched = this.model.log.some((s) =>
      s.requests.some((r) => /AidFacts|Facts!/.test(r.statement))
    );
    return touched ? "an edit: rebuilding Facts, Rates and Summary" : "an edit: reading it";
  }
}

/** Where the injected failures landed, over every run: the tests check each place is reached. */
export const FAULT_COVERAGE = new Map<string, number>();

function newSession(model: ExcelModel, store: LedgerStore): LedgerSession {
  return new LedgerSession({
    port: new ExcelWorkbook({ run: model.run, supports: model.supports }),
    store,
    reference: bundledReference(),
    bundledRows,
    version: "1.2.3",
    settleMs: 0,
    retryMs: 0,
    fetchText: () => Promise.resolve({ ok: false, reason: "offline" }),
  });
}

/** Waits until the model's events are delivered and the session has taken them in (no sleep). */
async function settle(real: Real): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await real.model.idle();
    await real.session.idle();
  }
}

/** A table read once: its sheet, first row, header, rows (values and formulas), column letters. */
function tablePlace(model: ExcelModel, table: string, withFormulas = false) {
  const t = model.read.table(table)!;
  const [quoted, address] = t.address.split("!") as [string, string];
  const sheet = quoted.replace(/^'|'$/g, "");
  const [, left, top] = /^\$?([A-Z]+)\$?(\d+)/.exec(address)!;
  assert.equal(left, "A");
  const values = model.read.values(sheet, address);
  const header = values[0]!.map(String);
  return {
    sheet,
    top: Number(top),
    header,
    rows: values.slice(1),
    /** The body as the user would type it again: formulas as formulas. */
    formulas: withFormulas ? model.read.formulas(sheet, address).slice(1) : [],
    values,
    letter: (column: string) => columnLetters(header.indexOf(column)),
  };
}

/** The cells' contents as a user would type them again. */
const typed = (v: SheetCell): string =>
  v === null || v === "" ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);

/** Facts, and Rates' derived rows (the user's rows are the user's, checked on their own). */
const derivedKeys = new WeakMap<AidLedger, string>();
function derivedKey(ledger: AidLedger): string {
  let key = derivedKeys.get(ledger);
  if (key === undefined) {
    key = JSON.stringify(
      [factsTable(ledger), ratesTable(ledger)].map((t) =>
        sortedRows(
          withoutUserRates([
            t.columns.map((c) => c.name),
            ...t.rows.map((r) => r.map((v) => v ?? "")),
          ])
        )
      )
    );
    derivedKeys.set(ledger, key);
  }
  return key;
}

function withoutUserRates(values: readonly (readonly SheetCell[])[]): (readonly SheetCell[])[] {
  const entry = values[0]?.indexOf("Entry") ?? -1;
  return entry < 0 ? [...values] : values.filter((r) => r[entry] !== "user");
}

/** Header first, then the rows in a fixed order: a table's contents whatever the user's sort. */
function sortedRows(values: readonly (readonly SheetCell[])[]): string[] {
  const [header, ...rows] = values.map((r) => JSON.stringify(r));
  return [header ?? "", ...rows.sort()];
}

function derivedInWorkbook(...tables: readonly (readonly SheetCell[])[][]): string {
  return JSON.stringify(tables.map((values) => sortedRows(withoutUserRates(values))));
}

/**
 * The backups a message says hold the old contents ("The old contents are kept on the hidden sheets
 * …"). A name quoted from a failed request ("WorksheetCollection.add AidLedger~…~old0", the backup
 * that could not be made) claims nothing; staging sheets of new rows hold nothing of the user's.
 */
function namedBackups(text: string | null | undefined): string[] {
  const claim = /kept on the hidden sheets? ([^.]*)/.exec(text ?? "");
  if (!claim) return [];
  return [
    ...claim[1]!.matchAll(new RegExp(`${STAGING_PREFIX}[^\\s"',;:)]*~old[^\\s"',;:)]*`, "g")),
  ].map((m) => m[0]);
}

// ---- invariants ---------------------------------------------------------------------------------

const answer = (ledger: AidLedger, name: string, args: unknown[]): SheetCell => {
  const result = functionSpec(name)!.evaluate(ledger, args as never) as
    { ok: true; value: SheetCell } | { ok: false };
  return result.ok ? result.value : "#N/A";
};

const AID_CELLS: [string, string, unknown[]][] = [
  ["A1", "AIDTOTAL", ["Africa", 2016]],
  ["A2", "AIDTOTAL", ["Asia", 2015]],
  ["A3", "AIDRATE", ["USD", "JPY", 2016]],
];

/** What the SUMIFS over AidFacts is compared with: ROUND(sum, minor digits) = AIDTOTAL. */
const CURRENCY_DIGITS = [
  ["USD", 2],
  ["JPY", 0],
] as const;

/** What a write whose rollback failed too says. */
const MIXED = /may hold the new rows and others the old/;

function checkInvariants(real: Real, step: string): void {
  const { model, store, session } = real;
  const at = (what: string) => `${what}, after ${step}`;
  const state = session.snapshot;
  const ledger = store.current();
  const ready = store.readiness().state === "ready";
  // Each table read once.
  const commitments = tablePlace(model, COMMITMENTS, true);
  const facts = tablePlace(model, TABLES.facts.table);
  const rates = tablePlace(model, TABLES.rates.table);

  // Every value or formula the user typed is beside its record (a formula still a formula, showing
  // its own row's answer), or the user was told it went with its record.
  const id = commitments.header.indexOf("id");
  const note = commitments.header.indexOf(NOTE);
  const beside = new Map(
    commitments.rows.map((r, i) => [
      String(r[id]),
      { typed: typed(commitments.formulas[i]![note]!), shows: typed(r[note]!) },
    ])
  );
  for (const [record, expected] of real.notes)
    assert.deepEqual(beside.get(record), expected, at(`the note typed beside ${record}`));

  // An amount typed that is not one (not taken in) stays beside its record until a review the
  // user confirmed named it as replaced: nothing typed disappears unnamed.
  const amountAt = commitments.header.indexOf("amount");
  const amounts = new Map(commitments.rows.map((r) => [String(r[id]), r[amountAt]]));
  for (const [record, value] of real.badAmounts) {
    if (amounts.get(record) === value) continue;
    assert.ok(
      real.namedEdits.has(`${record}|amount|${value}`),
      at(`the amount "${value}" typed beside ${record} is gone, and no review named it`)
    );
    real.badAmounts.delete(record);
  }

  // Every rate the user typed is still in Rates.
  const [document, entry, rate] = ["Document", "Entry", "JpyPerUsd"].map((c) =>
    rates.header.indexOf(c)
  );
  const typedRates = new Map(
    rates.rows.filter((r) => r[entry!] === "user").map((r) => [String(r[document!]), r[rate!]])
  );
  for (const [file, value] of real.userRates)
    assert.equal(typedRates.get(file), value, at(`the rate typed for ${file}`));

  // Facts and Rates wholly one ledger's; the current one's unless the pane says they are not.
  const derived = derivedInWorkbook(facts.values, rates.values);
  const fresh = derived === derivedKey(ledger);
  // Either warning says the views lag behind the tables, and that Re-read workbook catches up.
  // So does the outcome of a write whose rollback failed too, which stays on screen until the next
  // action: it says the tables may be mixed, names the backups and says to Re-read the workbook.
  const mixedTold = MIXED.test(`${real.outcome ?? ""} ${state.notice?.message ?? ""}`);
  const told =
    state.notice?.kind === "derived-failed" || state.notice?.kind === "edit-unread" || mixedTold;
  if (!fresh) {
    // Known limit: edits with problems (listed in the pane) hold a rewrite back.
    const held = state.editProblems.length > 0;
    assert.ok(
      told || held || !ready,
      at("Facts and Rates differ from the ledger and nothing says so")
    );
    // Only a write whose rollback failed as well may leave a mix, and its outcome says exactly that
    // (with the backups, which the check below finds): no other step may.
    assert.ok(
      mixedTold || real.derivedSeen.has(derived),
      at("Facts and Rates hold a mix of old and new")
    );
  }

  // With no edit problem, the ledger is Commitments.
  const unread = state.notice?.kind === "edit-unread";
  if (ready && state.editProblems.length === 0 && !unread) {
    const amount = commitments.header.indexOf("amount");
    const evidence = commitments.header.indexOf("evidence");
    // A blank row is no record (readCommitments skips it), but only a write left mixed (its commit
    // grew the table, and the rollback and its retry failed) may leave one, until the next write
    // deletes it: anywhere else it is a bug.
    const inTable = commitments.rows
      .filter((r) => !(real.mixedSinceWrite && r.every((v) => v === null || v === "")))
      .map((r) => `${typed(r[id]!)}|${typed(r[amount]!)}|${typed(r[evidence]!)}`)
      .sort();
    const inLedger = ledger.records
      .map((r) => `${r.record.id}|${r.record.amount ?? ""}|${r.record.evidence}`)
      .sort();
    assert.deepEqual(inTable, inLedger, at("the ledger the functions answer from is Commitments"));
  }

  if (fresh && ready) checkFactsAgree(real, facts, at);

  // Every AID cell shows the ledger's answer.
  for (const [address, name, args] of AID_CELLS)
    assert.deepEqual(
      model.read.value("Sheet1", address),
      ready ? answer(ledger, name, args) : "#N/A",
      at(`${address} =${name}(${JSON.stringify(args)})`)
    );

  // Every hidden sheet a message on screen names is there.
  const sheets = new Set(model.read.sheetNames().map((n) => n.toLowerCase()));
  for (const name of [...namedBackups(state.notice?.message), ...namedBackups(real.outcome)])
    assert.ok(
      sheets.has(name.toLowerCase()),
      at(`the hidden sheet ${name} named by "${state.notice?.message ?? real.outcome}"`)
    );
}

/**
 * For every region and every year the ledger or Facts has, in both currencies: the committed facts'
 * amounts as the cells hold them, added in table order as Excel's SUMIFS adds doubles, then rounded
 * once as ROUND(…, 2) or ROUND(…, 0) does (cellRound), equal AIDTOTAL's answer exactly. Facts hold
 * conversions unrounded, so the one rounding is the sum's, as AIDTOTAL's is. Where AIDTOTAL is #N/A
 * (a document with no rate), a fact of that region and year says so in its Note. A region and year
 * with no facts sums to 0, and AIDTOTAL must say 0 too. One SUMIFS also goes through the model's
 * formula engine (Sheet1!A4, rounded to the cent), beside the AIDTOTAL cell A1.
 */
function checkFactsAgree(
  real: Real,
  facts: ReturnType<typeof tablePlace>,
  at: (what: string) => string
): void {
  const ledger = real.store.current();
  const [region, year, kind, noteAt] = ["Region", "Year", "Kind", "Note"].map((c) =>
    facts.header.indexOf(c)
  );
  const years = new Set<number>();
  for (const r of ledger.records) if (r.countingYear !== null) years.add(r.countingYear);
  for (const r of facts.rows) if (typeof r[year!] === "number") years.add(r[year!] as number);
  const byPlace = new Map<string, SheetCell[][]>();
  for (const r of facts.rows) {
    if (!COMMITTED_KINDS.includes(r[kind!] as never)) continue;
    const key = JSON.stringify([r[region!], r[year!]]);
    byPlace.set(key, [...(byPlace.get(key) ?? []), r]);
  }
  for (const place of ledger.places.regionNames)
    for (const y of years) {
      const rows = byPlace.get(JSON.stringify([place, y])) ?? [];
      for (const [currency, digits] of CURRENCY_DIGITS) {
        const total = answer(ledger, "AIDTOTAL", [place, y, currency]);
        const what = `ROUND(SUMIFS(AidFacts[Amount${currency}], "${place}", ${y}), ${digits}) = AIDTOTAL`;
        if (total === "#N/A") {
          assert.ok(
            rows.some((r) => String(r[noteAt!] ?? "").startsWith(`No ${currency}:`)),
            at(`${what}: #N/A, and no fact says why`)
          );
          continue;
        }
        const amount = facts.header.indexOf(`Amount${currency}`);
        const sum = rows.reduce((n, r) => n + (typeof r[amount] === "number" ? r[amount] : 0), 0);
        assert.equal(cellRound(sum, digits), cellRound(total as number, digits), at(what));
      }
    }
  assert.equal(
    real.model.read.value("Sheet1", "A4"),
    real.model.read.value("Sheet1", "A1"),
    at('=ROUND(SUMIFS(AidFacts[AmountUSD],…,"Africa",…,2016),2) = AIDTOTAL("Africa",2016)')
  );
}

/** The edits not taken in that a review the user confirms names as replaced. */
function confirming(real: Real, review: PreparedRefresh): PreparedRefresh {
  for (const edit of review.replacedEdits) {
    assert.ok(messages().replacedEdit(edit).includes(`row ${edit.line}`));
    real.namedEdits.add(`${edit.key}|${edit.column}|${typed(edit.typed)}`);
  }
  return review;
}

/** Takes in what a load or refresh did: its outcome, the notes it told the user go. */
function took(real: Real, result: ApplyResult): void {
  if ("review" in result && result.review) return;
  real.outcome = "message" in result ? (result.message ?? null) : null;
  if (result.ok) real.mixedSinceWrite = false;
  if (result.ok)
    for (const lost of result.report.lostUserValues ?? []) {
      assert.ok(lostUserValueText(lost).includes(lost.key));
      if (lost.column === NOTE) real.notes.delete(lost.key);
    }
}

// ---- commands ------------------------------------------------------------------------------------

/** Counterexamples print each step by its label. */
const labelled = (a: Action): Action =>
  Object.assign(a, { [fc.toStringMethod]: () => JSON.stringify(a.label) });

/** Saving and reopening: the add-in's handlers are gone, a new session starts and reads the tables. */
async function reopen(real: Real): Promise<void> {
  await settle(real);
  real.model.user.reopen();
  real.store.awaitWorkbook();
  real.session = newSession(real.model, real.store);
  real.outcome = null;
  await real.session.start();
}

/**
 * The start of a session with a workbook an older version wrote, before Facts had its FiscalYear
 * column: opening it upgrades Facts in place (TableColumnCollection.add), with a failure injected
 * like any step's.
 */
const OPEN_OLDER: Action = labelled({
  label: "open an older workbook: Facts without FiscalYear",
  byPane: true,
  run: reopen,
});

type Step = (real: Real) => Promise<void> | void;

interface Action {
  readonly label: string;
  readonly run: Step;
  /** A load, refresh or reopen: what the pane does, not the user at the keyboard. */
  readonly byPane?: true;
}

const pick = (n: number, of: number) => n % of;

const actions: fc.Arbitrary<Action>[] = [
  fc.tuple(fc.nat(), fc.boolean()).map(([n, formula]) => ({
    label: `type a note${formula ? " formula" : ""} on row ${n}`,
    run: (real) => {
      const t = tablePlace(real.model, COMMITMENTS);
      const row = pick(n, t.rows.length);
      const record = String(t.rows[row]![t.header.indexOf("id")]);
      const text = `note ${++real.serial}`;
      // A formula of its own row: it shows its record's id only while it stays beside the record.
      const entered = formula ? `="${text} "&[@id]` : text;
      real.model.user.type(t.sheet, `${t.letter(NOTE)}${t.top + 1 + row}`, entered);
      real.notes.set(record, { typed: entered, shows: formula ? `${text} ${record}` : text });
    },
  })),
  fc
    .tuple(
      fc.constantFrom("region", "amount", "id", NOTE),
      fc.constantFrom("ascending", "descending")
    )
    .map(([column, order]) => ({
      label: `sort by ${column} ${order}`,
      run: (real) => real.model.user.sortTable(COMMITMENTS, column, order),
    })),
  fc.subarray(["Asia", "Africa", "Middle East"]).map((regions) => ({
    label: regions.length ? `filter region to ${regions.join(", ")}` : "clear the filter",
    run: (real) => real.model.user.filterTable(COMMITMENTS, "region", regions),
  })),
  fc.tuple(fc.constantFrom("Commitments", "Facts", "Rates"), fc.boolean()).map(([sheet, on]) => ({
    label: `${on ? "protect" : "unprotect"} ${sheet}`,
    run: (real) => real.model.user.protectSheet(sheet, on),
  })),
  fc.nat().map((n) => ({
    label: `delete row ${n}`,
    run: (real) => {
      const t = tablePlace(real.model, COMMITMENTS);
      if (t.rows.length <= 3) return;
      const row = pick(n, t.rows.length);
      real.model.user.deleteTableRows(COMMITMENTS, row);
      real.notes.delete(String(t.rows[row]![t.header.indexOf("id")]));
      real.badAmounts.delete(String(t.rows[row]![t.header.indexOf("id")]));
    },
  })),
  fc.nat().map((n) => ({
    label: `add a row copying row ${n}`,
    run: (real) => {
      const t = tablePlace(real.model, COMMITMENTS);
      const source = t.rows[pick(n, t.rows.length)]!;
      const row = source.map((v, c) =>
        c === t.header.indexOf("id")
          ? `user-added-${++real.serial}`
          : c === t.header.indexOf(NOTE)
            ? ""
            : typed(v)
      );
      real.model.user.paste(t.sheet, `A${t.top + 1 + t.rows.length}`, [row]);
    },
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 900 })).map(([n, millions]) => ({
    label: `restate an amount on row ${n} as $${millions} million`,
    run: (real) => {
      const t = tablePlace(real.model, COMMITMENTS);
      const rows = t.rows.filter((r) => RESTATABLE.has(String(r[t.header.indexOf("id")])));
      if (rows.length === 0) return;
      const row = t.rows.indexOf(rows[pick(n, rows.length)]!);
      const cell = (column: string) => `${t.letter(column)}${t.top + 1 + row}`;
      real.model.user.clear(t.sheet, cell("equivalentAmount"));
      real.model.user.clear(t.sheet, cell("equivalentCurrency"));
      real.model.user.type(t.sheet, cell("evidence"), `approximately $${millions} million`);
      real.model.user.type(t.sheet, cell("amount"), String(millions * 1_000_000));
      real.badAmounts.delete(String(t.rows[row]![t.header.indexOf("id")]));
    },
  })),
  fc.nat().map((n) => ({
    label: `type an amount that is not one on row ${n}`,
    run: (real) => {
      const t = tablePlace(real.model, COMMITMENTS);
      const row = pick(n, t.rows.length);
      const value = `${++real.serial}O million`;
      real.model.user.type(t.sheet, `${t.letter("amount")}${t.top + 1 + row}`, value);
      real.badAmounts.set(String(t.rows[row]![t.header.indexOf("id")]), value);
    },
  })),
  fc.nat().map((n) => ({
    label: `edit the evidence on row ${n}`,
    run: (real) => {
      const t = tablePlace(real.model, COMMITMENTS);
      const row = pick(n, t.rows.length);
      const evidence = String(t.rows[row]![t.header.indexOf("evidence")]);
      real.model.user.type(
        t.sheet,
        `${t.letter("evidence")}${t.top + 1 + row}`,
        `${evidence} (checked)`
      );
    },
  })),
  fc
    .tuple(fc.constantFrom(...DOCUMENTS), fc.integer({ min: 90, max: 140 }))
    .map(([document, rate]) => ({
      label: `add a rate of ${rate} for ${document}`,
      run: (real) => {
        if (real.userRates.has(document)) return;
        const t = tablePlace(real.model, TABLES.rates.table);
        const row = t.header.map((h) =>
          h === "Document"
            ? document
            : h === "Entry"
              ? "user"
              : h === "JpyPerUsd"
                ? String(rate)
                : ""
        );
        real.model.user.paste(t.sheet, `A${t.top + 1 + t.rows.length}`, [row]);
        real.userRates.set(document, rate);
      },
    })),
  fc.constant({ label: "save and reopen", byPane: true, run: reopen }),
  fc.constant({
    label: "Re-read workbook",
    byPane: true,
    run: async (real) => {
      real.outcome = await real.session.reread();
    },
  }),
  fc.constant({
    label: "Load data (confirmed)",
    byPane: true,
    run: async (real) => {
      const loaded = await real.session.load();
      if ("review" in loaded && loaded.review)
        took(real, await real.session.apply(confirming(real, loaded.review)));
      else took(real, loaded);
    },
  }),
  fc
    .record({
      removed: fc.uniqueArray(fc.nat({ max: BUNDLED.length - 1 }), { maxLength: 3 }),
      added: fc.nat({ max: 2 }),
      renoted: fc.uniqueArray(fc.nat({ max: BUNDLED.length - 1 }), { maxLength: 3 }),
    })
    .map(({ removed, added, renoted }) => ({
      label: `refresh: ${removed.length} removed, ${added} added, ${renoted.length} changed`,
      byPane: true,
      run: async (real) => {
        const records = copy();
        for (const i of renoted) records[i]!.notes = `restated ${real.serial}`;
        const next = records.filter((_, i) => !removed.includes(i));
        for (let k = 0; k < added; k++)
          next.push({ ...records[k]!, id: `published-${++real.serial}`, partOf: null });
        const prepared = await real.session.prepare({
          kind: "file",
          name: `refresh-${real.serial}.csv`,
          text: toCsv(next),
        });
        if (!prepared.ok) {
          // Refused only for a rate the user typed that the data cannot take, by its row.
          assert.ok(
            prepared.problems.every((p) => /^Rates row \d+, /.test(p.message)),
            JSON.stringify(prepared.problems)
          );
          real.outcome = prepared.problems.map((p) => p.message).join("; ");
          return;
        }
        took(real, await real.session.apply(confirming(real, prepared.value)));
      },
    })),
];

interface Fault {
  /** The request (from the step's start) that fails. */
  readonly at: number;
  /** The request (from that failure) that fails next, if any. */
  readonly then: number | null;
  /** The request (from the second failure) that fails third, if any. */
  readonly again: number | null;
}

interface Scripted {
  readonly action: Action;
  readonly fault: Fault | null;
}

/**
 * A step makes up to a few hundred requests (a refresh about 360): a failure early in it, or
 * anywhere in it; and sometimes a second one soon after the first, and a third soon after that
 * (a rollback and its retry both failing).
 */
const FAULT: fc.Arbitrary<Fault | null> = fc.option(
  fc.record({
    at: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 400 })),
    then: fc.option(fc.integer({ min: 1, max: 40 }), { freq: 3 }),
    again: fc.option(fc.integer({ min: 1, max: 10 }), { freq: 3 }),
  }),
  { freq: 4 }
);

const scripted: fc.Arbitrary<Scripted> = fc.record({
  action: fc.oneof(...actions).map(labelled),
  fault: FAULT,
});

/** The bundled data's tables as a version before Facts had its FiscalYear column wrote them. */
function olderTables() {
  return ledgerTables(BUNDLED_LEDGER).map((spec) => {
    if (spec.table !== TABLES.facts.table) return spec;
    const keep = spec.columns.map((c) => c.name !== "FiscalYear");
    return {
      ...spec,
      columns: spec.columns.filter((_, i) => keep[i]),
      rows: spec.rows.map((r) => r.filter((_, i) => keep[i])),
    };
  });
}

/**
 * A workbook loaded with the bundled data, a note column of the user's and AID cells; or, `older`,
 * the same written by an older version (Facts without FiscalYear) and not yet opened by this one.
 */
async function loadedWorkbook(older: boolean): Promise<Real> {
  const store = new LedgerStore(() => BUNDLED_LEDGER);
  const model = new ExcelModel({ ledger: store, sheets: ["Sheet1"] });
  const session = newSession(model, store);
  if (older) {
    const records = BUNDLED_LEDGER.records.map((r) => r.record);
    await new ExcelWorkbook({ run: model.run, supports: model.supports }).writeTables(
      olderTables(),
      {
        source: "bundled",
        version: "1.0.0",
        contentHash: contentHash(records),
        loadedAt: "2026-01-01T00:00:00.000Z",
        records: records.length,
      }
    );
  } else {
    await session.start();
    const loaded = await session.load();
    assert.ok(loaded.ok);
  }
  model.user.addTableColumn(COMMITMENTS, NOTE);
  for (const [address, name, args] of AID_CELLS)
    model.user.type("Sheet1", address, `=${name}(${args.map((a) => JSON.stringify(a)).join(",")})`);
  model.user.type(
    "Sheet1",
    "A4",
    '=ROUND(SUMIFS(AidFacts[AmountUSD],AidFacts[Region],"Africa",AidFacts[Year],2016),2)'
  );
  const real: Real = {
    model,
    store,
    session,
    notes: new Map(),
    badAmounts: new Map(),
    namedEdits: new Set(),
    mixedSinceWrite: false,
    userRates: new Map(),
    outcome: null,
    derivedSeen: new Set(),
    serial: 0,
    faults: new Faults(model),
  };
  await settle(real);
  real.derivedSeen.add(derivedKey(store.current()));
  // Until it is upgraded, the older Facts is that version's table of the same ledger.
  if (older)
    real.derivedSeen.add(
      derivedInWorkbook(
        tablePlace(model, TABLES.facts.table).values,
        tablePlace(model, TABLES.rates.table).values
      )
    );
  return real;
}

/** Runs one step: its fault armed, the action, the session idle, then the invariants. */
async function runStep(real: Real, { action, fault }: Scripted, step: string): Promise<void> {
  real.faults.arm(action, fault);
  real.namedEdits.clear();
  // A rejected write (the workbook could not be reached) is an outcome on screen, as in the pane.
  // A user's action Excel refuses (a protected sheet) did nothing, and tracked nothing.
  await (async () => action.run(real))().catch((e: unknown) => {
    if (action.byPane) real.outcome = e instanceof Error ? e.message : String(e);
    else assert.match(String(e), /protected sheet|already protected|is filtered/);
  });
  await settle(real);
  real.faults.disarm();
  if (MIXED.test(`${real.outcome ?? ""} ${real.session.snapshot.notice?.message ?? ""}`))
    real.mixedSinceWrite = true;
  real.derivedSeen.add(derivedKey(real.store.current()));
  checkInvariants(real, step);
}

const failingText = (fault: Fault | null) =>
  fault
    ? `, failing request ${fault.at}${fault.then ? ` and ${fault.then} after it` : ""}${fault.then && fault.again ? ` and ${fault.again} after that` : ""}`
    : "";

/** A session: how the workbook starts (loaded now, or written by an older version), then the steps. */
export interface Script {
  /** Null: loaded by this version; otherwise opened as an older version left it, with this fault. */
  readonly older: { readonly fault: Fault | null } | null;
  readonly steps: readonly Scripted[];
}

/** Runs one script; throws (with the step) when an invariant fails. */
export async function runScript({ older, steps }: Script): Promise<void> {
  const real = await loadedWorkbook(older !== null);
  if (older)
    await runStep(
      real,
      { action: OPEN_OLDER, fault: older.fault },
      `opening (${OPEN_OLDER.label}${failingText(older.fault)})`
    );
  else checkInvariants(real, "the first load");
  for (const [i, scriptedStep] of steps.entries())
    await runStep(
      real,
      scriptedStep,
      `step ${i + 1} (${scriptedStep.action.label}${failingText(scriptedStep.fault)})`
    );
}

export const workbookScripts: fc.Arbitrary<Script> = fc.record({
  older: fc.option(fc.record({ fault: FAULT }), { freq: 4 }),
  steps: fc.array(scripted, { minLength: 1, maxLength: 8 }),
});

export async function workbookProperties(runs: number, counter: CaseCounter): Promise<void> {
  const seed = fuzzSeed() ?? 13;
  await fc.assert(
    fc.asyncProperty(
      workbookScripts,
      counter.count("a user's session with the workbook, failures injected", runScript)
    ),
    { numRuns: runs, seed }
  );
}
