/**
 * `aid extract` on text its rules were not written from: the second fictional report (recall of
 * its figures and recipients), the same report hard-wrapped, on one line, without its closing full
 * stop, and the title rule.
 */
import { bundledReference } from "../../../src/domain";
import { type Candidate, extractCandidates } from "../../../src/domain/extract/extract";
import { readStructure } from "../../../src/domain/extract/structure";
import { REPORT, REPORT_FILE } from "./extractReport";
import {
  type ExpectedFigure,
  SECOND_REPORT,
  SECOND_REPORT_FIGURES,
  SECOND_REPORT_FILE,
} from "./secondReport";

const extract = (text: string) =>
  extractCandidates(text, bundledReference(), { sourceFile: SECOND_REPORT_FILE });

/** The candidate of the figure's sentence that states the figure, or undefined. */
function candidateFor(
  text: string,
  candidates: readonly Candidate[],
  f: ExpectedFigure
): Candidate | undefined {
  const at = text.replace(/\s/g, " ").indexOf(f.near);
  if (at < 0) throw new Error(`"${f.near}" is not in the text`);
  return candidates.find(
    (c) =>
      at >= c.sentence.start &&
      at < c.sentence.end &&
      (f.amount !== undefined
        ? c.row.amount === f.amount && c.row.currency === f.currency
        : f.people !== undefined
          ? c.row.people === f.people
          : c.row.quantity === f.quantity)
  );
}

/** Recall of the second report's figures, and of the recipients their sentences name. */
function recallOf(text: string) {
  const { candidates } = extract(text);
  const rows = SECOND_REPORT_FIGURES.map((f) => ({ f, c: candidateFor(text, candidates, f) }));
  const named = rows.filter((r) => r.f.recipient !== undefined);
  return {
    found: rows.filter((r) => r.c).map((r) => r.f.near),
    missed: rows.filter((r) => !r.c).map((r) => r.f.near),
    wrongRecipient: named
      .filter((r) => r.c?.row.recipient !== r.f.recipient)
      .map((r) => `${r.f.near}: ${String(r.c?.row.recipient)}`),
    candidates,
  };
}

/** Hard-wraps every line at `width` characters, at spaces, as a word processor's plain-text export does. */
function hardWrap(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      const out: string[] = [];
      let current = "";
      for (const word of line.split(" ")) {
        if (current !== "" && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current === "" ? word : `${current} ${word}`;
      }
      out.push(current);
      return out.join("\n");
    })
    .join("\n");
}

const figuresOf = (candidates: readonly Candidate[]) =>
  candidates.map((c) => [
    c.row.amount,
    c.row.currency,
    c.row.people,
    c.row.quantity,
    c.row.recipient,
  ]);

describe("the second fictional report", () => {
  test("every figure is proposed from its sentence, each delivery to the recipient its own clause names", () => {
    const recall = recallOf(SECOND_REPORT);
    expect(recall.missed).toEqual([]);
    expect(recall.found).toHaveLength(SECOND_REPORT_FIGURES.length);
    expect(recall.wrongRecipient).toEqual([]);
  });

  test("no candidate for its statistics (incidents at sea)", () => {
    const { candidates } = extract(SECOND_REPORT);
    const stated = candidates.flatMap((c) => [c.row.people, c.row.quantity]);
    for (const statistic of [27, 41]) expect(stated).not.toContain(statistic);
    expect(candidates).toHaveLength(SECOND_REPORT_FIGURES.length);
  });

  test.each([
    ["four 30-metre boats", 4, "30-metre boats"],
    ["five X-band radars", 5, "X-band radars"],
    ["eight speed-boats", 8, "speed-boats"],
    ["two 12-metre patrol boats", 2, "12-metre patrol boats"],
  ])("a count written as a word before a modifier or a hyphenated noun: %s", (near, n, unit) => {
    const c = candidateFor(SECOND_REPORT, extract(SECOND_REPORT).candidates, {
      near,
      quantity: n,
    });
    expect(c?.row).toMatchObject({ quantity: n, unit });
  });

  test("the number inside a measure (30-metre) is not a count of its own", () => {
    const quantities = extract(SECOND_REPORT).candidates.map((c) => c.row.quantity);
    expect(quantities).not.toContain(30);
    expect(quantities).not.toContain(12);
  });

  test.each([24, 40, 60, 72, 100])(
    "hard-wrapped at %i columns: the same candidates as one line per paragraph",
    (width) => {
      const wrapped = hardWrap(SECOND_REPORT, width);
      expect(wrapped.split("\n").length).toBeGreaterThan(SECOND_REPORT.split("\n").length);
      const recall = recallOf(wrapped);
      expect([recall.missed, recall.wrongRecipient]).toEqual([[], []]);
      expect(figuresOf(recall.candidates)).toEqual(figuresOf(extract(SECOND_REPORT).candidates));
    }
  );

  test("a hard-wrapped sentence is one sentence; a candidate's line is its figure's line", () => {
    const wrapped = hardWrap(SECOND_REPORT, 40);
    const { candidates } = extract(wrapped);
    const lines = wrapped.split("\n");
    for (const c of candidates)
      expect(wrapped.slice(c.sentence.start, c.sentence.end)).toMatch(/[.]$/);
    for (const f of SECOND_REPORT_FIGURES.filter((x) => x.amount === undefined)) {
      const c = candidateFor(wrapped, candidates, f)!;
      expect(lines[c.line - 1]).toContain(f.near.split(" ")[0]);
    }
  });

  test("the whole report on one line, without its closing full stop, keeps every figure", () => {
    const oneLine = SECOND_REPORT.split("\n").slice(4).join(" ").replace(/\.$/, "");
    const recall = recallOf(oneLine);
    expect(recall.missed).toEqual([]);
  });
});

describe("the recipient's clause", () => {
  test("a comma inside a number does not end the clause", () => {
    const x = extract(
      "(1) Aid\nJapan provided $150,000 for drugs in Southeast Asian countries and $100,000 for work in Myanmar."
    );
    expect(x.candidates.map((c) => c.row.recipient)).toEqual(["Southeast Asia", "Myanmar"]);
  });

  test('a place after "to" elsewhere in the sentence wins over a place its clause only mentions', () => {
    const x = extract(
      '(1) Aid\nJapan decided to extend grant aid to Indonesia, a total of 2.5 billion yen for "The Malacca and Singapore Straits Project".'
    );
    expect(x.candidates.map((c) => c.row.recipient)).toEqual(["Indonesia"]);
  });
});

describe("lines, paragraphs and the title", () => {
  test("a line break inside a sentence does not end it; a blank line or a heading ends the paragraph", () => {
    const s = readStructure(
      "(1) Aid\nJapan handed over six used\nvessels to Kenya\n\nA second paragraph.\n(2) More\nText"
    );
    expect(s.paragraphs.map((p) => p.sentences.map((x) => x.text))).toEqual([
      ["Japan handed over six used\nvessels to Kenya"],
      ["A second paragraph."],
      ["Text"],
    ]);
  });

  test("a list item starts a paragraph of its own, even after a line without a full stop", () => {
    const s = readStructure("(1) Notes\n- * Trafficking in persons\n- It refers to the act.");
    expect(s.paragraphs.map((p) => p.text)).toEqual([
      "- * Trafficking in persons",
      "- It refers to the act.",
    ]);
  });

  test("in a text with no sentence punctuation at all, every line is a sentence", () => {
    const x = extract("Japan gave $5 million to Kenya\nJapan gave $3 million to Ghana");
    expect(x.candidates.map((c) => [c.row.amount, c.row.recipient, c.line])).toEqual([
      ["5000000", "Kenya", 1],
      ["3000000", "Ghana", 2],
    ]);
  });

  test("a first line holding figures is text, not the title", () => {
    const x = extract("Japan pledged $5 million and US$2 million to Kenya\n(1) Aid\nMore text.");
    expect(x.sourceTitle).toBeNull();
    expect(x.candidates.map((c) => c.row.amount)).toEqual(["5000000", "2000000"]);
    expect(x.candidates[0]!.blanks).toEqual(
      expect.arrayContaining(["sourceTitle", "sourceSection"])
    );
  });

  test("title lines without figures stay the title, as before", () => {
    const x = extractCandidates(REPORT, bundledReference(), { sourceFile: REPORT_FILE });
    expect(x.sourceTitle).toBe("Japan's Support for Safer Seas and Borders");
    expect(readStructure(REPORT).preamble).toEqual([
      "Japan's Support for Safer Seas and Borders",
      "March 2018",
      "Ministry of Foreign Affairs, Japan",
    ]);
  });

  test("a first line continued by the next (which starts in lower case) is text, not a title", () => {
    const x = extract("In 2018 Japan provided\nfour boats to Kenya.");
    expect(x.sourceTitle).toBeNull();
    expect(x.candidates.map((c) => [c.row.quantity, c.row.kind])).toEqual([[4, "in-kind"]]);
  });
});
