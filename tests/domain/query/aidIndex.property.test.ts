import fc from "fast-check";
import type { AidLedger, CommitmentRecord } from "../../../src/domain";
import {
  type Fraction,
  add,
  fraction,
  roundHalfAwayFromZero,
} from "../../../src/domain/money/fraction";
import type { Currency } from "../../../src/domain/money/money";
import { ALL_PLACES, type Place } from "../../../src/domain/places/taxonomy";
import { KIND_FILTERS, type Query, matches } from "../../../src/domain/query/aidIndex";
import { convertMinor } from "../../../src/domain/rates/rateBook";
import { ledgerOf, record } from "../helpers";

/**
 * Places a generated record can have: country-level, subregion-level, region-level, organization,
 * fund, and the group cases: a group as recipient (by an alias), a group's fund named by its short
 * name with a member country (two paths into one group), a country in two groups.
 */
const PLACES = [
  {
    recipient: "Kenya",
    recipientType: "country",
    region: "Africa",
    subregion: "East Africa",
    country: "KE",
  },
  {
    recipient: "Somalia",
    recipientType: "country",
    region: "Africa",
    subregion: "East Africa",
    country: "SO",
  },
  {
    recipient: "Viet Nam",
    recipientType: "country",
    region: "Asia",
    subregion: "Southeast Asia",
    country: "VN",
  },
  {
    recipient: "Iran",
    recipientType: "country",
    region: "Middle East",
    subregion: null,
    country: "IR",
  },
  {
    recipient: "Africa",
    recipientType: "region",
    region: "Africa",
    subregion: null,
    country: null,
  },
  {
    recipient: "UNODC",
    recipientType: "organization",
    region: "Asia",
    subregion: "Southeast Asia",
    country: "MM",
  },
  {
    recipient: "A Trust Fund",
    recipientType: "fund",
    region: "Global",
    subregion: null,
    country: null,
  },
  {
    recipient: "ASEAN countries",
    recipientType: "group",
    region: "Asia",
    subregion: "Southeast Asia",
    country: null,
  },
  {
    recipient: "JAIF",
    recipientType: "fund",
    region: "Asia",
    subregion: "Southeast Asia",
    country: "VN",
  },
  {
    recipient: "Djibouti",
    recipientType: "country",
    region: "Africa",
    subregion: "East Africa",
    country: "DJ",
  },
] as const;
const THEMES = ["counter-terrorism", "drugs", "maritime-security"];
const KINDS = [
  "pledge",
  "contribution",
  "grant",
  "loan",
  "cumulative",
  "in-kind",
  "training",
] as const;
/** Document "stated" states pairs; "silent" states none and gets a user rate so totals are defined. */
const DOCS = ["stated.txt", "silent.txt"];

const arbRecord = fc.record({
  place: fc.constantFrom(...PLACES),
  theme: fc.constantFrom(...THEMES),
  kind: fc.constantFrom(...KINDS),
  when: fc.oneof(
    fc.constant({ announced: null, fiscalYear: null }),
    fc.constantFrom(2015, 2016).map((y) => ({ announced: `${y}-03`, fiscalYear: null })),
    fc.constant({ announced: null, fiscalYear: 2016 })
  ),
  money: fc.option(
    fc.record({
      minor: fc.bigInt({ min: 0n, max: 10n ** 13n }),
      currency: fc.constantFrom<Currency>("USD", "JPY"),
    }),
    { nil: null }
  ),
  pairRate: fc.option(fc.integer({ min: 80, max: 150 }), { nil: null }),
  people: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }),
  doc: fc.constantFrom(...DOCS),
  partOfPrevious: fc.boolean(),
});
type Generated = typeof arbRecord extends fc.Arbitrary<infer T> ? T : never;

function toRecords(generated: Generated[]): CommitmentRecord[] {
  return generated.map((g, i) => {
    const money = g.money;
    const amount = money
      ? money.currency === "USD"
        ? (Number(money.minor) / 100).toFixed(2)
        : money.minor.toString()
      : null;
    // A pair only in the "stated" document, so "silent" stays without stated rates.
    const pair = money && g.pairRate !== null && g.doc === "stated.txt" && money.minor > 0n;
    const equivalent = pair
      ? money.currency === "USD"
        ? ((Number(money.minor) / 100) * g.pairRate!).toFixed(0)
        : (Number(money.minor) / g.pairRate!).toFixed(2)
      : null;
    return record({
      id: `r${i}`,
      sourceFile: g.doc,
      sourceTitle: `Title of ${g.doc}`,
      ...g.place,
      theme: g.theme,
      kind: g.kind,
      ...g.when,
      amount,
      currency: money ? money.currency : null,
      equivalentAmount: equivalent !== null && Number(equivalent) > 0 ? equivalent : null,
      equivalentCurrency:
        equivalent !== null && Number(equivalent) > 0
          ? money!.currency === "USD"
            ? "JPY"
            : "USD"
          : null,
      people: g.people ?? (money ? null : 1),
      partOf: g.partOfPrevious && i > 0 ? `r${i - 1}` : null,
    });
  });
}

/** Documents that state no pair get a user rate, so every total is defined. */
function build(records: CommitmentRecord[]): AidLedger {
  const silent = DOCS.filter(
    (d) =>
      records.some((r) => r.sourceFile === d) &&
      !records.some((r) => r.sourceFile === d && r.equivalentAmount !== null)
  );
  return ledgerOf(
    records,
    silent.map((document) => ({ document, jpyPerUsd: "110.5" }))
  );
}

/** The slow, obvious answer: filter every record, convert each exactly, round once. */
function bruteTotal(ledger: AidLedger, q: Query, currency: Currency): bigint {
  let sum: Fraction = fraction(0n);
  for (const r of ledger.records) {
    if (!matches(r, q) || !r.countsMoney || !r.amount) continue;
    if (r.amount.currency === currency) sum = add(sum, fraction(r.amount.minor));
    else if (r.equivalent?.currency === currency) sum = add(sum, fraction(r.equivalent.minor));
    else
      sum = add(
        sum,
        convertMinor(
          r.amount.minor,
          r.amount.currency,
          ledger.rates.get(r.record.sourceFile)!.jpyPerUsd!
        )
      );
  }
  return roundHalfAwayFromZero(sum);
}

function placesOf(ledger: AidLedger): Place[] {
  const names = [
    "Africa",
    "Asia",
    "Middle East",
    "Global",
    "Europe",
    "East Africa",
    "Southeast Asia",
    "KE",
    "SO",
    "VN",
    "IR",
    "MM",
    "UNODC",
    "A Trust Fund",
    "ASEAN",
    "Least developed countries",
    "Horn of Africa",
    "JAIF",
    "Japan-ASEAN Integration Fund (JAIF)",
    "Sahel",
  ];
  // Recipient names not listed in data/recipients.json resolve only when the generated data has such a recipient.
  return [ALL_PLACES, ...names.flatMap((n) => ledger.places.resolve(n) ?? [])];
}

function totalOf(ledger: AidLedger, q: Query, c: Currency): bigint {
  const t = ledger.total(q, c);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

test("the index agrees with a brute-force filter for every place, year, theme and kind", () => {
  fc.assert(
    fc.property(fc.array(arbRecord, { minLength: 1, maxLength: 25 }), (generated) => {
      const ledger = build(toRecords(generated));
      for (const place of placesOf(ledger)) {
        for (const year of [null, 2016, 2017]) {
          for (const theme of [null, ...THEMES]) {
            for (const kind of KIND_FILTERS) {
              const q: Query = { place, year, theme, kind };
              const matching = ledger.records.filter((r) => matches(r, q));
              expect(ledger.index.count(q)).toBe(matching.length);
              expect(ledger.index.peopleCount(q)).toBe(
                matching.reduce((n, r) => n + (r.countsPeople ? (r.record.people ?? 0) : 0), 0)
              );
              for (const c of ["USD", "JPY"] as const)
                expect(totalOf(ledger, q, c)).toBe(bruteTotal(ledger, q, c));
            }
          }
        }
      }
    }),
    { numRuns: 20 }
  );
});

test("totals over the regions add up to the grand total (within the rounding of each region)", () => {
  fc.assert(
    fc.property(fc.array(arbRecord, { minLength: 1, maxLength: 40 }), (generated) => {
      const ledger = build(toRecords(generated));
      const regions = ledger.places.regionNames.map((n) => ledger.places.resolve(n)!);
      for (const c of ["USD", "JPY"] as const) {
        const grand = totalOf(
          ledger,
          { place: ALL_PLACES, year: null, theme: null, kind: "all" },
          c
        );
        const parts = regions.map((place) =>
          totalOf(ledger, { place, year: null, theme: null, kind: "all" }, c)
        );
        const sum = parts.reduce((a, b) => a + b, 0n);
        const diff = sum > grand ? sum - grand : grand - sum;
        // Each region is rounded once; the difference is at most half a minor unit per region.
        expect(Number(diff)).toBeLessThanOrEqual(regions.length / 2);
        // People and counts are integers: they add up exactly.
        const people = regions.reduce(
          (n, place) =>
            n + ledger.index.peopleCount({ place, year: null, theme: null, kind: "all" }),
          0
        );
        expect(people).toBe(
          ledger.index.peopleCount({ place: ALL_PLACES, year: null, theme: null, kind: "all" })
        );
      }
    }),
    { numRuns: 60 }
  );
});

test("record order changes nothing", () => {
  fc.assert(
    fc.property(
      fc.array(arbRecord, { minLength: 1, maxLength: 25 }).chain((g) =>
        fc.tuple(
          fc.constant(g),
          fc.shuffledSubarray(
            g.map((_, i) => i),
            { minLength: g.length, maxLength: g.length }
          )
        )
      ),
      ([generated, order]) => {
        const records = toRecords(generated).map((r) => ({ ...r, partOf: null }));
        const a = build(records);
        const b = build(order.map((i) => records[i]!));
        for (const place of placesOf(a)) {
          for (const c of ["USD", "JPY"] as const) {
            const q: Query = { place, year: null, theme: null, kind: "all" };
            expect(totalOf(b, q, c)).toBe(totalOf(a, q, c));
          }
        }
      }
    ),
    { numRuns: 50 }
  );
});

test("converting a record with its own stated pair returns the stated figure", () => {
  fc.assert(
    fc.property(fc.array(arbRecord, { minLength: 1, maxLength: 25 }), (generated) => {
      const ledger = build(toRecords(generated));
      for (const r of ledger.records) {
        if (!r.equivalent) continue;
        const converted = ledger.convertRecord(r, r.equivalent.currency);
        expect(converted).toEqual({ ok: true, value: r.equivalent.minor });
      }
    }),
    { numRuns: 50 }
  );
});

test("sums past 2^53 minor units stay exact (the index carries them into bigint)", () => {
  const records = Array.from({ length: 1500 }, (_, i) =>
    record({
      id: `big-${i}`,
      amount: "9000000000000",
      currency: "JPY",
      region: i % 2 ? "Africa" : "Asia",
      recipient: i % 2 ? "Kenya" : "Viet Nam",
      subregion: i % 2 ? "East Africa" : "Southeast Asia",
      country: i % 2 ? "KE" : "VN",
    })
  );
  const ledger = ledgerOf(records);
  const grand = ledger.total({ place: ALL_PLACES, year: null, theme: null, kind: "all" }, "JPY");
  expect(grand).toEqual({ ok: true, value: 1500n * 9000000000000n });
  expect(1500n * 9000000000000n > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  const africa = ledger.total(
    { place: ledger.places.resolve("Africa")!, year: 2016, theme: null, kind: "committed" },
    "JPY"
  );
  expect(africa).toEqual({ ok: true, value: 750n * 9000000000000n });
  // The same sums pending a rate (yen to be shown in dollars) are carried exactly too: at 100 yen
  // per dollar, each ¥9 trillion is $90 billion, 9e12 cents.
  const rated = ledgerOf(records, [{ document: "test-report.txt", jpyPerUsd: "100" }]);
  expect(rated.total({ place: ALL_PLACES, year: null, theme: null, kind: "all" }, "USD")).toEqual({
    ok: true,
    value: 1500n * 9000000000000n,
  });
});

test("a group's answer is the union of its paths, each record once", () => {
  fc.assert(
    fc.property(fc.array(arbRecord, { minLength: 1, maxLength: 30 }), (generated) => {
      const ledger = build(toRecords(generated));
      const asean = ledger.places.resolve("ASEAN")!;
      const fund = ledger.places.resolve("JAIF")!;
      // The generated records' ASEAN member countries are Viet Nam and Myanmar.
      const members = ["VN", "MM"].map((c) => ledger.places.resolve(c)!);
      expect(asean.kind).toBe("group");
      const ids = (place: Place) =>
        new Set(
          ledger.index.list({ place, year: null, theme: null, kind: "all" }).map((r) => r.record.id)
        );
      const union = new Set([
        ...members.flatMap((m) => [...ids(m)]),
        ...ids(fund),
        ...ledger.records.filter((r) => r.record.recipientType === "group").map((r) => r.record.id),
      ]);
      const listed = ledger.index.list({ place: asean, year: null, theme: null, kind: "all" });
      expect(new Set(listed.map((r) => r.record.id))).toEqual(union);
      expect(listed.length).toBe(union.size);
      expect(ledger.index.count({ place: asean, year: null, theme: null, kind: "all" })).toBe(
        union.size
      );
    }),
    { numRuns: 40 }
  );
});

test("an empty dataset holds no slots and answers zero everywhere", () => {
  const ledger = ledgerOf([]);
  expect(ledger.index.slots).toBe(0);
  for (const place of [
    ALL_PLACES,
    ledger.places.resolve("ASEAN")!,
    ledger.places.resolve("Kenya")!,
  ]) {
    const q: Query = { place, year: null, theme: null, kind: "all" };
    expect(ledger.index.count(q)).toBe(0);
    expect(totalOf(ledger, q, "USD")).toBe(0n);
    expect(ledger.index.list(q)).toEqual([]);
  }
});
