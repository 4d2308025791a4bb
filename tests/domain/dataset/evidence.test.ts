import { figuresIn, sharedRuns, untracedEvidence } from "../../../src/domain/dataset/evidence";
import { record } from "../helpers";

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

describe("sections, phrase length and copied runs", () => {
  // Written for this test, in the documents' shape: a repeated heading, marks of every kind.
  const doc = [
    "(2) Our Test Section",
    "<Our Work>",
    "| Ports and Roads",
    "Some words on ports and roads in general.",
    "| Ports and Roads",
    "We lent ¥3 billion for a harbour crane.",
    "| Bridges",
    "We gave $7 million for two bridges.",
  ].join("\n");
  const sources = new Map([["made-up.txt", doc]]);
  const at = (sourceSection: string, evidence: string) =>
    untracedEvidence(record({ sourceFile: "made-up.txt", sourceSection, evidence }), sources);

  test("a heading the document repeats is named as often as it nests, and bounds its section", () => {
    const path = "Our Test Section > Our Work > Ports and Roads > Ports and Roads";
    expect(at(path, "lent ¥3 billion for a harbour crane")).toEqual([]);
    // Named once, the path ends at the first heading: the phrase lies past the next heading line.
    expect(
      at("Our Test Section > Our Work > Ports and Roads", "lent ¥3 billion")[0]!.message
    ).toMatch(/not within section/);
    // A phrase of a later section is not inside an earlier one, even though it comes after it.
    expect(at(path, "gave $7 million for two bridges")[0]!.field).toBe("evidence");
    expect(at("Our Test Section > Our Work > Bridges", "gave $7 million for two bridges")).toEqual(
      []
    );
  });

  test("a heading must be a heading line, not words of the text", () => {
    expect(at("Our Test Section > ports and roads in general", "gave $7 million")[0]!.field).toBe(
      "sourceSection"
    );
  });

  test("phrases have fewer than 12 words", () => {
    const long = "We gave $7 million for two bridges.";
    expect(at("Our Test Section > Our Work > Bridges", long)).toEqual([]);
    const doc2 = `| H\n${"one two three four five six seven eight nine ten eleven twelve $5 million"}`;
    const problems = untracedEvidence(
      record({
        sourceFile: "two.txt",
        sourceSection: "H",
        evidence: "one two three four five six seven eight nine ten eleven twelve",
      }),
      new Map([["two.txt", doc2]])
    );
    expect(problems.map((p) => p.message)).toEqual([
      "has 12 words; evidence phrases stay under 12 words (the figure and a few words around it)",
    ]);
  });

  test("sharedRuns finds 12 words in a row, ignoring case and punctuation, and lets names through", () => {
    const source = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu.";
    expect(
      sharedRuns("x ALPHA beta, gamma delta epsilon zeta eta theta iota kappa lambda mu y", source)
    ).toEqual(["alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"]);
    expect(
      sharedRuns("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda", source)
    ).toEqual([]);
    // A long proper name (a fact the project carries) is cut out before comparing.
    expect(
      sharedRuns(
        "the Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu Fund",
        source,
        12,
        ["Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"]
      )
    ).toEqual([]);
  });
});
