import fc from "fast-check";

/**
 * Text an adversary would put in a field or an argument: control characters, invisible and bidi
 * characters, look-alike letters, formula triggers in every width, terminal escapes, long runs,
 * lone surrogates, and ordinary names, mixed.
 */
const NASTY_PIECES = [
  "\u0000",
  "\u0007",
  "\u001b[2J",
  "\u001b]52;c;aGk=\u0007",
  "\u009b31m",
  "\u200b",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u00ad",
  "\u202e",
  "\u2066",
  "\u3164",
  "\ufe0f",
  "\u2028",
  "\r",
  "\n",
  "\t",
  "=",
  "+",
  "-",
  "@",
  "＝",
  "＋",
  "－",
  "＠",
  " =",
  "\u3000=",
  '=HYPERLINK("http://x","y")',
  "=cmd|' /C calc'!A0",
  "\u039F", // Greek capital omicron
  "\u041E", // Cyrillic capital O
  "\u0430", // Cyrillic small a
  "\u0410\u0412\u0421", // Cyrillic ABC
  "UNODC",
  "Africa",
  "VN",
  "Viet Nam",
  "国連",
  "ｶﾀｶﾅ",
  "Côte d’Ivoire",
  "\ud800",
  "\udfff",
  "💣",
  "'",
  '"',
  ",",
  "%E0%A4%A",
  "0x10",
  "1e400",
  "Infinity",
  "NaN",
  "__proto__",
  "constructor",
];

export const nastyPiece = fc.constantFrom(...NASTY_PIECES);

/** A string made of nasty pieces and ordinary text; sometimes very long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof(nastyPiece, fc.string({ maxLength: 6 })), { maxLength: 6 })
      .map((a) => a.join("")),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(nastyPiece, fc.integer({ min: 200, max: 40_000 }))
      .map(([p, n]) => p.repeat(Math.ceil(n / Math.max(1, p.length)))),
  }
);

/** Text that looks like a number to some parser or other. */
export const numberLikeString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "0x10",
    "0b101",
    "0o17",
    "1e3",
    "1E-3",
    "Infinity",
    "-Infinity",
    "NaN",
    "1_000",
    "+5",
    "１２３",
    "١٢٣",
    "1,000",
    "1.000.000",
    " 12 ",
    ".5",
    "5.",
    "-0",
    "00012",
    "9".repeat(400),
    `0.${"0".repeat(300)}1`
  ),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 17n }),
      fc.nat({ max: 10 ** 6 }),
      fc.integer({ min: 0, max: 6 })
    )
    .map(([i, f, d]) => (d === 0 ? String(i) : `${i}.${String(f).padStart(d, "0").slice(0, d)}`))
);
