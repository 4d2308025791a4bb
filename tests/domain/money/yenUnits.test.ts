import fc from "fast-check";
import Decimal from "decimal.js";
import { formatUsdUnits, formatYenExact, formatYenUnits } from "../../../src/domain/money/yenUnits";

describe("yen in 億円 and 万円 (Japanese)", () => {
  test.each([
    ["253000000000", "2,530億円"],
    ["15590000", "1,559万円"],
    ["1328000000", "13.28億円"],
    ["253456789000", "2,534.57億円"],
    ["253455000000", "2,534.55億円"],
    ["1234567890000", "12,345.68億円"],
    ["100000000", "1億円"],
    ["99995000", "1億円"],
    ["99994999", "9,999万円"],
    ["15595000", "1,560万円"],
    ["15594999.99", "1,559万円"],
    ["10000", "1万円"],
    ["9999.5", "1万円"],
    ["9999.4", "9,999円"],
    ["1234.5", "1,235円"],
    ["0.4", "0円"],
    ["0", "0円"],
    ["-253000000000", "-2,530億円"],
    ["-1234.5", "-1,235円"],
    ["-0.4", "0円"],
  ])("%s yen reads %s", (amount, expected) => {
    expect(formatYenUnits(amount, "ja")).toBe(expected);
  });

  it("takes a Decimal, a string or a number alike", () => {
    expect(formatYenUnits(new Decimal("253000000000"), "ja")).toBe("2,530億円");
    expect(formatYenUnits(253_000_000_000, "ja")).toBe("2,530億円");
    expect(formatYenUnits(15_590_000, "ja")).toBe("1,559万円");
  });

  it("refuses what is not a finite amount", () => {
    expect(() => formatYenUnits(Number.NaN, "ja")).toThrow(RangeError);
    expect(() => formatYenUnits(Number.POSITIVE_INFINITY, "ja")).toThrow(RangeError);
  });

  it("is never further from the exact amount than half its last shown digit", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.nat(99), (whole, cents) => {
        const exact = new Decimal(`${whole}.${String(cents).padStart(2, "0")}`);
        const text = formatYenUnits(exact, "ja");
        const match = /^([\d,]+(?:\.\d+)?)(億|万|)円$/.exec(text);
        expect(match).not.toBeNull();
        const [, digits = "", unit = ""] = match ?? [];
        const scale = unit === "億" ? 1e8 : unit === "万" ? 1e4 : 1;
        const shown = new Decimal(digits.replace(/,/g, "")).times(scale);
        const step = unit === "億" ? 1e6 : scale;
        expect(
          shown
            .minus(exact)
            .abs()
            .lte(step / 2)
        ).toBe(true);
        // The unit is the largest the shown figure reaches: no "10,000万円", no "12,000円".
        if (unit !== "億") expect(shown.lt(unit === "万" ? 1e8 : 1e4)).toBe(true);
      })
    );
  });
});

describe("the exact figure", () => {
  it("keeps every digit and any fraction of a yen", () => {
    expect(formatYenExact("253000000000", "ja")).toBe("253,000,000,000円");
    expect(formatYenExact("1234.5", "ja")).toBe("1,234.5円");
    expect(formatYenExact("-15590000", "en")).toBe("-¥15,590,000");
  });

  it("is what English shows, in full: English has no 億 or 万", () => {
    expect(formatYenUnits("253000000000", "en")).toBe("¥253,000,000,000");
    expect(formatYenUnits(15_590_000, "en")).toBe("¥15,590,000");
  });
});

describe("dollars in Japanese units", () => {
  it("follow the same rule, and English keeps every digit", () => {
    expect(formatUsdUnits("1800000000", "ja")).toBe("18億ドル");
    expect(formatUsdUnits("15590000.25", "ja")).toBe("1,559万ドル");
    expect(formatUsdUnits("0.25", "ja")).toBe("0ドル");
    expect(formatUsdUnits("1800000000.5", "en")).toBe("$1,800,000,000.5");
  });
});
