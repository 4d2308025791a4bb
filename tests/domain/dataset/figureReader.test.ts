import { expect } from "@jest/globals";
import fc from "fast-check";
import { exactDecimal, readFigures } from "../../../src/domain/dataset/evidence";
import { Money } from "../../../src/domain/money/money";

/**
 * The figure reader as it was before it was made one pass without decimal.js: two patterns, one
 * for digits and one for words, each value through decimal.js, sorted by position. The oracle.
 */
function readFiguresBefore(text: string) {
  const scales: Record<string, string> = {
    thousand: "1e3",
    million: "1e6",
    billion: "1e9",
    trillion: "1e12",
  };
  const words =
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(
      " "
    );
  const found: { value: string; index: number; length: number; written: string }[] = [];
  const numeric =
    /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*(?:thousand|million|billion|trillion))?/gi;
  for (const m of text.matchAll(numeric)) {
    const scale = m[2] ? scales[m[2].trim().toLowerCase()]! : "1";
    found.push({
      value: new Money(m[1]!.replace(/,/g, "")).times(scale).toFixed(),
      index: m.index,
      length: m[0].length,
      written: "digits",
    });
  }
  for (const m of text.matchAll(/\b([A-Za-z]+)\b/g)) {
    const n = words.indexOf(m[1]!.toLowerCase()) + 1;
    if (n > 0)
      found.push({ value: String(n), index: m.index, length: m[0].length, written: "word" });
  }
  return found.sort((a, b) => a.index - b.index);
}

const pieces = fc.constantFrom(
  "1",
  "0",
  "007",
  "12",
  "1,234",
  "12,345,678",
  "1,23",
  "1234,567",
  "12,3456",
  ".",
  ",",
  "5.",
  "0.50",
  "1.8",
  " ",
  "\u00a0",
  "\t",
  "-",
  "_",
  "$",
  "¥",
  "million",
  " billion",
  "thousand",
  "Trillion",
  "MILLION",
  "millions",
  "one",
  "Two",
  "SEVEN",
  "seventeen",
  "sixteen",
  "twenty",
  "twentyone",
  "one_",
  "é",
  "ſix",
  "people",
  "a",
  "x1",
  "9".repeat(45),
  "0.".padEnd(44, "1")
);
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")),
  fc.string()
);

test("one pass reads the same figures, at the same places, as the two passes did", () => {
  fc.assert(
    fc.property(texts, (text) => {
      expect(readFigures(text)).toEqual(readFiguresBefore(text));
    }),
    { numRuns: 5000 }
  );
});

test("moving the decimal point gives what decimal.js multiplication gave", () => {
  const digits = fc
    .tuple(fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{1,20}$/)))
    .map(([w, f]) => (f === null ? w : `${w}.${f}`));
  fc.assert(
    fc.property(digits, fc.constantFrom(0, 3, 6, 9, 12), (d, e) => {
      expect(exactDecimal(d, e)).toBe(new Money(d).times(`1e${e}`).toFixed());
    }),
    { numRuns: 5000 }
  );
  expect(exactDecimal("0012.50")).toBe("12.5");
  expect(exactDecimal("1.8", 9)).toBe("1800000000");
  expect(exactDecimal("0.000", 3)).toBe("0");
});
