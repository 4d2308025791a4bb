import fc from "fast-check";
import {
  add,
  compare,
  fraction,
  median,
  roundHalfAwayFromZero,
} from "../../../src/domain/money/fraction";
import {
  formatMinor,
  minorToNumber,
  numberToFraction,
  parseAmount,
  roundToMinor,
} from "../../../src/domain/money/money";

describe("rounding: once, half away from zero (Excel's ROUND)", () => {
  test.each([
    [fraction(5n, 2n), 3n],
    [fraction(-5n, 2n), -3n],
    [fraction(7n, 3n), 2n],
    [fraction(-7n, 3n), -2n],
    [fraction(249n, 100n), 2n],
    [fraction(0n), 0n],
  ])("%o rounds to %s", (value, expected) => {
    expect(roundHalfAwayFromZero(value)).toBe(expected);
  });

  test("USD rounds to cents and JPY to yen", () => {
    expect(roundToMinor(fraction(12345n, 1000n), "USD")).toBe(1235n); // 12.345 -> 12.35
    expect(roundToMinor(fraction(12345n, 1000n), "JPY")).toBe(12n);
    expect(roundToMinor(fraction(-12345n, 1000n), "USD")).toBe(-1235n);
  });
});

describe("amount parsing", () => {
  test("decimal strings become exact minor units", () => {
    expect(parseAmount("14.6", "USD")).toEqual({ minor: 1460n, currency: "USD" });
    expect(parseAmount("180500000000", "JPY")).toEqual({ minor: 180500000000n, currency: "JPY" });
  });

  test.each([
    ["1.234", "USD", /at most 2 decimal places/],
    ["1.5", "JPY", /at most 0 decimal places/],
    ["1e9", "USD", /plain decimal/],
    ["-5", "USD", /plain decimal/],
    ["99999999999999999", "JPY", /too large/],
  ] as const)("%s %s is refused", (text, currency, reason) => {
    const parsed = parseAmount(text, currency);
    expect("error" in parsed && parsed.error).toMatch(reason);
  });

  test("formatting is exact and the number is the closest double", () => {
    expect(formatMinor(123456789012345n, "USD")).toBe("1234567890123.45");
    expect(minorToNumber(1n, "USD")).toBe(0.01);
    expect(numberToFraction(0.1)).toEqual({ num: 1n, den: 10n });
  });
});

describe("fractions", () => {
  const arb = fc
    .tuple(
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      fc.bigInt({ min: 1n, max: 10n ** 6n })
    )
    .map(([n, d]) => fraction(n, d));

  test("addition is exact: sums do not depend on order", () => {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), (values) => {
        const forward = values.reduce(add, fraction(0n));
        const backward = [...values].reverse().reduce(add, fraction(0n));
        expect(compare(forward, backward)).toBe(0);
      })
    );
  });

  test("the median of an even list is the mean of its two middle values", () => {
    expect(median([fraction(1n), fraction(4n), fraction(2n), fraction(3n)])).toEqual(
      fraction(5n, 2n)
    );
    expect(median([fraction(3n), fraction(1n), fraction(2n)])).toEqual(fraction(2n));
  });

  test("binary floats would drift where fractions do not", () => {
    const cents = Array.from({ length: 1000 }, () => 0.1);
    expect(cents.reduce((a, b) => a + b, 0)).not.toBe(100);
    expect(cents.map(numberToFraction).reduce(add, fraction(0n))).toEqual(fraction(100n));
  });
});

test("the fast path to a number gives the same double as the exact decimal string", () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }),
      fc.constantFrom("USD" as const, "JPY" as const),
      (minor, currency) => {
        expect(minorToNumber(minor, currency)).toBe(Number(formatMinor(minor, currency)));
      }
    ),
    { numRuns: 2000 }
  );
  expect(minorToNumber(2n ** 60n + 1n, "USD")).toBe(Number(formatMinor(2n ** 60n + 1n, "USD")));
});

test("the whole-number fast path of parseAmount agrees with the decimal path", () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }),
      fc.constantFrom("USD" as const, "JPY" as const),
      (n, currency) => {
        const viaDecimal = parseAmount(`${n}.0`, currency);
        expect(parseAmount(n.toString(), currency)).toEqual(viaDecimal);
      }
    )
  );
});
