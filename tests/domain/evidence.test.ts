import { figuresIn, untracedEvidence } from "../../src/domain/dataset/evidence";
import { record } from "./helpers";

test.each([
  ["a pledge of $1.8 billion (about ¥187.5 billion)", ["1.8e9", "187.5e9"]],
  ["USD 68million for the fund", ["68e6"]],
  ["training for 30,000 people and 2,500 instructors", ["30000", "2500"]],
  ["six used vessels and ten new ones", ["6", "10"]],
  ["approximately 861 million yen", ["861e6"]],
])("figuresIn(%j)", (phrase, expected) => {
  const figures = figuresIn(phrase);
  for (const e of expected) expect(figures).toContain(String(Number(e)));
});

describe("untracedEvidence (the source documents themselves)", () => {
  // A document the project writes itself, in the shape of the real ones.
  const doc = [
    "(9) A Made-up Report",
    "| Heading One",
    "Japan gave $5 million to the test fund in 2016.",
    "| Heading Two",
    "Japan lent ¥3 billion for ports.",
  ].join("\n");
  const sources = new Map([["made-up.txt", doc]]);
  const base = {
    sourceFile: "made-up.txt",
    sourceSection: "A Made-up Report > Heading Two",
    evidence: "lent ¥3 billion for ports",
  };

  test("a phrase inside its section traces", () => {
    expect(untracedEvidence(record(base), sources)).toEqual([]);
  });

  test("a phrase from another section, a missing phrase, heading or document are each reported", () => {
    expect(
      untracedEvidence(record({ ...base, evidence: "$5 million to the test fund" }), sources)
    ).toEqual([
      {
        field: "evidence",
        message: 'occurs in made-up.txt but not within section "A Made-up Report > Heading Two"',
      },
    ]);
    expect(
      untracedEvidence(record({ ...base, evidence: "lent ¥4 billion" }), sources)[0]!.message
    ).toMatch(/does not occur verbatim/);
    expect(
      untracedEvidence(
        record({ ...base, sourceSection: "A Made-up Report > Heading Three" }),
        sources
      )[0]!.field
    ).toBe("sourceSection");
    expect(untracedEvidence(record({ ...base, sourceFile: "other.txt" }), sources)[0]!.field).toBe(
      "sourceFile"
    );
  });
});
