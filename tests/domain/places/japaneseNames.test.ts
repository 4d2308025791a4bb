import { bundledReference, loadBundledLedger } from "../../../src/domain";
import { cldrJapaneseNames, foldJapanese } from "../../../src/domain/places/japaneseNames";
import { normalizeName } from "../../../src/domain/places/names";
import { aidCount, aidTotal } from "../helpers";

const ledger = loadBundledLedger();
const places = ledger.places;
const regionNames = new Intl.DisplayNames(["ja"], { type: "region" });

describe("countries by CLDR's Japanese names", () => {
  it("every country of the taxonomy resolves by its CLDR name (none typed by hand)", () => {
    for (const c of bundledReference().taxonomy.countries) {
      const ja = regionNames.of(c.iso2)!;
      const place = places.resolve(ja);
      expect([c.iso2, place?.kind === "country" ? place.country.iso2 : place?.name]).toEqual([
        c.iso2,
        c.iso2,
      ]);
      expect(places.japaneseName(place!)).toBe(ja);
    }
  });

  it("a bracketed gloss is optional: ミャンマー and ミャンマー (ビルマ)", () => {
    const myanmar = places.resolve("MM")!;
    expect(cldrJapaneseNames("MM")).toContain(regionNames.of("MM"));
    expect(places.resolve("ミャンマー")).toBe(myanmar);
  });
});

describe("spelling variants find the same place", () => {
  it.each([
    ["ベトナム", "VN"],
    ["ヴェトナム", "VN"],
    ["ﾍﾞﾄﾅﾑ", "VN"],
    ["ｳﾞｪﾄﾅﾑ", "VN"],
    ["ＶＮＭ", "VN"],
    ["フィリピン", "PH"],
    ["ミャンマ－", "MM"],
    ["ボスニアヘルツェゴビナ", "BA"],
    ["ボスニア ヘルツェゴビナ", "BA"],
    ["コートジヴォワール", "CI"],
  ])("%s is %s", (typed, iso2) => {
    const place = places.resolve(typed);
    expect(place?.kind === "country" ? place.country.iso2 : place?.name).toBe(iso2);
  });

  it("folding leaves text without Japanese or full-width forms as it is", () => {
    expect(foldJapanese("Côte d'Ivoire")).toBe("Côte d'Ivoire");
    expect(normalizeName("ヴァヌアツ")).toBe(normalizeName("バヌアツ"));
    expect(normalizeName("ヴ")).toBe(normalizeName("ブ"));
  });
});

describe("regions, subregions, groups, recipients and themes by the data's Japanese names", () => {
  it("each area with a UN M49 code carries CLDR's Japanese name for it", () => {
    const m49: Record<string, string> = {
      Africa: "002",
      Asia: "142",
      Europe: "150",
      "Latin America and the Caribbean": "419",
      Oceania: "009",
      Global: "001",
      "North Africa": "015",
      "West Africa": "011",
      "Central Africa": "017",
      "East Africa": "014",
      "Southern Africa": "018",
      "East Asia": "030",
      "Southeast Asia": "035",
      "South Asia": "034",
      "Central Asia": "143",
      "Eastern Europe": "151",
      "Northern Europe": "154",
      "Southern Europe": "039",
      "Western Europe": "155",
      "Central America": "013",
      Caribbean: "029",
      "South America": "005",
      "Australia and New Zealand": "053",
      Melanesia: "054",
      Micronesia: "057",
      Polynesia: "061",
    };
    const areas = bundledReference().taxonomy.regions.flatMap((r) => [r, ...r.subregions]);
    for (const area of areas) {
      expect(area.ja?.length ?? 0).toBeGreaterThan(0);
      const code = m49[area.name];
      if (code)
        expect([area.name, area.ja]).toEqual([
          area.name,
          expect.arrayContaining([regionNames.of(code)]),
        ]);
      for (const ja of area.ja ?? [])
        expect([ja, places.resolve(ja)?.name]).toEqual([ja, area.name]);
    }
    // Only the Middle East has no M49 code.
    expect(areas.filter((a) => !m49[a.name]).map((a) => a.name)).toEqual(["Middle East"]);
  });

  it("groups, recipients and themes resolve by every Japanese name they list", () => {
    const ref = bundledReference();
    for (const g of ref.groups.groups)
      for (const ja of g.ja ?? []) expect([ja, places.resolve(ja)?.name]).toEqual([ja, g.name]);
    for (const r of ref.recipients.recipients)
      for (const ja of r.ja ?? []) expect([ja, places.resolve(ja)?.name]).toEqual([ja, r.name]);
    for (const t of ref.themes.themes) {
      expect(t.ja?.length ?? 0).toBeGreaterThan(0);
      for (const ja of t.ja ?? []) expect([ja, ledger.themes.resolve(ja)?.id]).toEqual([ja, t.id]);
      expect(ledger.themes.japaneseName(t.id)).toBe(t.ja![0]);
    }
    expect(places.japaneseName(places.resolve("ASEAN")!)).toBe(ref.groups.groups[0]!.ja![0]);
  });
});

describe("formulas with Japanese names answer as with the English ones", () => {
  it('=AIDTOTAL("アフリカ",2016) equals =AIDTOTAL("Africa",2016)', () => {
    const english = aidTotal(ledger, "Africa", 2016);
    expect(english.ok).toBe(true);
    expect(aidTotal(ledger, "アフリカ", 2016)).toEqual(english);
    expect(aidTotal(ledger, "ｱﾌﾘｶ", 2016)).toEqual(english);
  });

  it('=AIDCOUNT("フィリピン",,"maritime") counts the Philippines\' maritime records', () => {
    const behind = ledger.records.filter(
      (r) => r.record.country === "PH" && r.record.theme === "maritime-security"
    );
    // The ten patrol vessels of FY2013 and the two large ones of October 2016.
    expect(behind.map((r) => r.record.id)).toEqual([
      "philippines-patrol-vessels-fy2013",
      "philippines-large-patrol-vessels-2016",
    ]);
    expect(aidCount(ledger, "フィリピン", null, "maritime")).toEqual({
      ok: true,
      value: behind.length,
    });
    expect(aidCount(ledger, "フィリピン", null, "海賊対策")).toEqual({
      ok: true,
      value: behind.length,
    });
  });

  it("a mistyped Japanese name is answered with Japanese suggestions", () => {
    const r = aidTotal(ledger, "ベトナアム", 2016);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("NA");
      expect(r.error.message).toMatch(/Did you mean "ベトナム"/);
    }
    expect(places.suggest("アフリ")).toContain("アフリカ");
    expect(ledger.themes.suggest("テロ対")).toContain("テロ対策");
  });
});

describe("the Japanese name for the pane", () => {
  it("Explain's place description carries it", () => {
    expect(places.describe(places.resolve("Viet Nam")!).japaneseName).toBe(regionNames.of("VN"));
    expect(places.describe(places.resolve("Middle East")!).japaneseName).toBe("中東");
    expect(places.describe(places.resolve("*")!).japaneseName).toBe("すべて");
    const unknownToData = places.resolve("IMO Djibouti Code of Conduct Trust Fund")!;
    expect(places.describe(unknownToData).japaneseName).toBe("IMOジブチ行動指針信託基金");
  });
});
