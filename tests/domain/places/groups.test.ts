import {
  bundledReference,
  createLedger,
  describePlace,
  explainFormula,
  loadBundledLedger,
} from "../../../src/domain";
import {
  type GroupList,
  type RecipientList,
  referenceProblems,
} from "../../../src/domain/places/groups";
import { PlaceDirectory } from "../../../src/domain/places/taxonomy";
import { matches } from "../../../src/domain/query/aidIndex";
import { aidCount, aidList, aidPeople, aidTotal, ledgerOf, record } from "../helpers";
import { groupDefinition } from "../../../src/domain/places/groupDefinition";
import { groupSource } from "../../../src/domain/builder/formulaBuilder";

const reference = bundledReference();
const ledger = loadBundledLedger();
const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
// The fund's names come from data/recipients.json (its full name as the White Paper gives it),
// so the source's wording stands in the data only.
const somalia = reference.recipients.recipients.find(
  (r) => r.shortName === "Somalia piracy trust fund"
)!;
const SOMALIA_FUND = somalia.name;
const SOMALIA_SHORTER = somalia.aliases.find(
  (a) => SOMALIA_FUND.startsWith(a) && a !== SOMALIA_FUND
)!;

describe("data/groups.json", () => {
  test("is consistent with the taxonomy and recipients, each group with members and a source", () => {
    expect(referenceProblems(reference.taxonomy, reference.groups, reference.recipients)).toEqual(
      []
    );
    const size = Object.fromEntries(reference.groups.groups.map((g) => [g.id, g.members.length]));
    expect(size).toMatchObject({
      asean: 10,
      "g5-sahel": 5,
      sahel: 10,
      "horn-of-africa": 4,
      "central-asia-five": 5,
      caucasus: 3,
      ldc: 48,
    });
    for (const g of reference.groups.groups) {
      expect(g.source.length).toBeGreaterThan(10);
      expect(g.sourceYear).toBeGreaterThanOrEqual(1900);
    }
  });

  test("inconsistencies between the files are each reported", () => {
    const groups: GroupList = {
      groups: [
        {
          id: "g",
          name: "Test group",
          aliases: ["Shared name"],
          members: ["VN", "VN", "XX"],
          source: "a test",
          sourceYear: 2016,
          funds: ["No such fund"],
        },
      ],
    };
    const recipients: RecipientList = {
      recipients: [{ name: "A fund", type: "fund", shortName: "Shared name", aliases: [] }],
    };
    expect(referenceProblems(reference.taxonomy, groups, recipients)).toEqual([
      'group "Test group": member VN is listed twice',
      'group "Test group": member XX is not a country of the taxonomy',
      'group "Test group": fund "No such fund" is not in recipients.json',
      'the name "Shared name" belongs to both group "Test group" and recipient "A fund"',
    ]);
  });
});

describe("resolving group names", () => {
  const kindOf = (name: string) => {
    const p = ledger.places.resolve(name);
    return p ? `${p.kind}:${p.name}` : "unknown";
  };

  test.each([
    ["ASEAN", "group:ASEAN"],
    ["asean countries", "group:ASEAN"],
    ["Association of Southeast Asian Nations", "group:ASEAN"],
    ["Southeast Asian countries", "subregion:Southeast Asia"],
    ["Central Asia", "subregion:Central Asia"],
    ["Central Asia and the Caucasus", "subregion:Central Asia"],
    ["Central Asian countries", "group:Central Asian countries"],
    ["the Caucasus", "group:Caucasus"],
    ["the Sahel", "group:Sahel"],
    ["G5 Sahel", "group:G5 Sahel"],
    ["Horn of Africa", "group:Horn of Africa"],
    ["Gulf of Guinea", "group:Gulf of Guinea coastal states"],
    ["LDCs", "group:Least developed countries"],
    ["JAIF", "recipient:Japan-ASEAN Integration Fund (JAIF)"],
    ["Japan ASEAN Integration Fund", "recipient:Japan-ASEAN Integration Fund (JAIF)"],
    [SOMALIA_FUND, `recipient:${SOMALIA_FUND}`],
    [SOMALIA_SHORTER, `recipient:${SOMALIA_FUND}`],
  ])("%s is %s", (name, expected) => {
    expect(kindOf(name)).toBe(expected);
  });

  test("a group named like a taxonomy place never takes its name: the taxonomy wins", () => {
    const groups: GroupList = {
      groups: [
        {
          id: "clash",
          name: "Southeast Asia",
          aliases: ["Clash group"],
          members: ["VN"],
          source: "a test",
          sourceYear: 2016,
          funds: [],
        },
      ],
    };
    const places = new PlaceDirectory(reference.taxonomy, [], { groups });
    expect(places.resolve("Southeast Asia")?.kind).toBe("subregion");
    expect(places.resolve("Clash group")?.kind).toBe("group");
    // Built twice, the same answer: the rule depends on nothing but the names.
    expect(
      new PlaceDirectory(reference.taxonomy, [], { groups }).resolve("Southeast Asia")?.kind
    ).toBe("subregion");
  });
});

describe("the AID functions on a group", () => {
  // Every record whose country is an ASEAN member, or whose recipient is ASEAN or JAIF.
  const ASEAN_IDS = [
    "unodc-opium-monitoring-myanmar-fy2016",
    "viet-nam-used-vessels-2015",
    "philippines-patrol-vessels-fy2013",
    "philippines-large-patrol-vessels-2016",
    "meti-asean-control-security-training-2016",
    "meti-asean-training-viet-nam-2016",
    "jaif-2006",
    "viet-nam-haiphong-customs-2009",
    "indonesia-airport-vts-2010",
  ];

  test("AIDCOUNT and AIDLIST: member countries, the group as recipient, and its fund", () => {
    expect(value(aidCount(ledger, "ASEAN"))).toBe(ASEAN_IDS.length);
    const listed = value(aidList(ledger, "ASEAN"))
      .slice(1)
      .map((row) => row[0]);
    expect([...listed].sort()).toEqual([...ASEAN_IDS].sort());
    // The same set by the plain predicate, record by record.
    const place = ledger.places.resolve("ASEAN")!;
    const brute = ledger.records.filter((r) =>
      matches(r, { place, year: null, theme: null, kind: "all" })
    );
    expect(brute.map((r) => r.record.id).sort()).toEqual([...ASEAN_IDS].sort());
    // The subregion is another place: it has Timor-Leste, and UNODC work with no single country.
    expect(value(aidCount(ledger, "Southeast Asia"))).toBe(11);
  });

  test("AIDTOTAL and AIDPEOPLE", () => {
    expect(value(aidTotal(ledger, "ASEAN", 2016))).toBe(100000);
    expect(value(aidTotal(ledger, "ASEAN", null, "USD", null, "cumulative"))).toBe(68000000);
    expect(value(aidTotal(ledger, "JAIF", null, "USD", null, "all"))).toBe(68000000);
    expect(value(aidPeople(ledger, "ASEAN"))).toBe(30);
    expect(value(aidPeople(ledger, "ASEAN", 2016, "cyber"))).toBe(30);
    expect(value(aidCount(ledger, "LDC"))).toBe(
      ledger.records.filter((r) => ["AF", "MM", "DJ", "SO"].includes(r.record.country ?? "")).length
    );
  });

  test("the Somalia fund answers by its full name and by the shorter one", () => {
    const full = value(aidTotal(ledger, SOMALIA_FUND, null, "USD", null, "all"));
    expect(full).toBe(4500000);
    expect(value(aidTotal(ledger, SOMALIA_SHORTER, null, "USD", null, "all"))).toBe(full);
  });

  test("a record under a group twice over (member country and its fund) counts once", () => {
    const both = record({
      id: "both",
      recipient: "JAIF",
      recipientType: "fund",
      region: "Asia",
      subregion: "Southeast Asia",
      country: "VN",
      amount: "1000",
    });
    const group = record({
      id: "group",
      recipient: "ASEAN countries",
      recipientType: "group",
      region: "Asia",
      subregion: "Southeast Asia",
      country: null,
      amount: "20",
    });
    const l = ledgerOf([both, group]);
    expect(value(aidCount(l, "ASEAN"))).toBe(2);
    expect(value(aidTotal(l, "ASEAN", 2016))).toBe(1020);
    expect(value(aidTotal(l, "Japan-ASEAN Integration Fund", 2016))).toBe(1000);
    expect(value(aidCount(l, "Viet Nam"))).toBe(1);
  });

  test("a group recipient must be a group, and a region recipient must not be one", () => {
    const built = createLedger({
      rows: [
        record({
          id: "a",
          recipient: "Southeast Asia",
          recipientType: "group",
          country: null,
          region: "Asia",
          subregion: "Southeast Asia",
        }),
        record({
          id: "b",
          recipient: "ASEAN",
          recipientType: "region",
          country: null,
          region: "Asia",
          subregion: "Southeast Asia",
        }),
      ],
      reference,
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((p) => [p.id, p.field])).toEqual([
      ["a", "recipient"],
      ["b", "recipient"],
    ]);
  });
});

describe("describing a place", () => {
  test("a group: members, fund and source", () => {
    const d = value(describePlace(ledger, "asean"));
    expect(d).toMatchObject({ name: "ASEAN", kind: "group", memberCount: 10, funds: ["JAIF"] });
    expect(d.summary).toBe("ASEAN: 10 member countries, and the fund JAIF");
    expect(d.source).toMatch(/ASEAN Secretariat.*\(2016\)$/);
    expect(value(describePlace(ledger, "G5 Sahel")).summary).toBe("G5 Sahel: 5 member countries");
  });

  test("other places, and an unknown one", () => {
    expect(value(describePlace(ledger, "Southeast Asia")).summary).toBe(
      "Southeast Asia (subregion, 11 countries)"
    );
    expect(value(describePlace(ledger, "VN")).summary).toBe("Viet Nam (country, VN)");
    expect(value(describePlace(ledger, "JAIF")).summary).toBe(
      "Japan-ASEAN Integration Fund (JAIF) (fund, JAIF)"
    );
    expect(value(describePlace(ledger, "*")).summary).toBe("every place");
    const unknown = describePlace(ledger, "Aseab");
    expect(unknown.ok).toBe(false);
  });

  test("Explain reads a group the same way", () => {
    const e = explainFormula(ledger, '=AIDCOUNT("ASEAN")')!;
    expect(e.answer).toBe(9);
    expect(e.place?.summary).toBe("ASEAN: 10 member countries, and the fund JAIF");
    expect(e.place?.memberCount).toBe(10);
    expect(e.adding).toHaveLength(9);
    const why = Object.fromEntries(e.adding.map((r) => [r.id, r.matchedBy]));
    expect(why).toMatchObject({
      "viet-nam-used-vessels-2015": "member country Viet Nam",
      "jaif-2006": "its fund JAIF",
      "meti-asean-training-viet-nam-2016": "recipient ASEAN (the group)",
    });
    // Other places give no reason: the record is simply in the place.
    expect(explainFormula(ledger, '=AIDCOUNT("Viet Nam")')!.adding[0]!.matchedBy).toBeUndefined();
  });
});

test("the place list has each place once, groups and funds included", () => {
  const places = ledger.places.list();
  const keys = places.map((p) => p.key);
  expect(new Set(keys).size).toBe(keys.length);
  const named = (kind: string) => places.filter((p) => p.kind === kind).map((p) => p.name);
  expect(named("group")).toEqual(reference.groups.groups.map((g) => g.name));
  expect(named("recipient")).toEqual(expect.arrayContaining(["UNODC", SOMALIA_FUND]));
  expect(named("region")).toEqual(ledger.places.regionNames);
});

describe("a group's definition is shown where its answer is explained", () => {
  const asean = ledger.places.groups.find((g) => g.name === "ASEAN")!;
  const definition = groupDefinition(ledger, asean);

  test("ASEAN: what it counts (members, the fund) and what it leaves to Southeast Asia, with both counts from the data", () => {
    expect(definition).toContain(`its ${asean.members.size} member countries`);
    expect(definition).toContain("its fund JAIF");
    const inSubregion = ledger.places
      .countriesIn("Southeast Asia")
      .filter((c) => !asean.members.has(c.iso2))
      .map((c) => c.name);
    expect(inSubregion.length).toBeGreaterThan(0);
    for (const name of inSubregion) expect(definition).toContain(name);
    expect(definition).toContain(`: ${Number(value(aidCount(ledger, "ASEAN")))} records.`);
    expect(definition).toMatch(
      new RegExp(
        `Southeast Asia, the subregion, .*: ${Number(value(aidCount(ledger, "Southeast Asia")))} records\\.$`
      )
    );
  });

  test("Explain and the builder's place list say it", () => {
    const explained = explainFormula(ledger, '=AIDCOUNT("ASEAN")');
    expect(explained?.place?.definition).toBe(definition);
    const option = groupSource(ledger, reference.taxonomy).find((o) => o.value === "ASEAN");
    expect(option?.detail).toContain(definition);
  });

  test("a group whose members span several subregions says only what it counts", () => {
    const sahel = ledger.places.groups.find((g) => g.name === "Sahel")!;
    expect(groupDefinition(ledger, sahel)).not.toContain("the subregion");
  });
});
