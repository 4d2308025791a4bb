import {
  bundledReference,
  type CommitmentRecord,
  createLedger,
  parseDatasetText,
  toCsv,
} from "../../../src/domain";
import { figuresIn, untracedEvidence, untracedFigures } from "../../../src/domain/dataset/evidence";
import type { FieldRow } from "../../../src/domain/dataset/io";
import {
  type Candidate,
  extractCandidates,
  MAX_EVIDENCE_WORDS,
} from "../../../src/domain/extract/extract";
import { countMentions, moneyMentions } from "../../../src/domain/extract/mentions";
import { readStructure, splitSentences } from "../../../src/domain/extract/structure";
import { REPORT, REPORT_FILE } from "./extractReport";

const extraction = extractCandidates(REPORT, bundledReference(), { sourceFile: REPORT_FILE });
const rows = extraction.candidates.map((c) => c.row);
const byEvidence = (text: string): FieldRow => {
  const found = rows.filter((r) => String(r.evidence).includes(text));
  if (found.length !== 1) throw new Error(`${found.length} candidates have "${text}"`);
  return found[0]!;
};

describe("aid extract: every figure form", () => {
  test.each([
    // [phrase in the evidence, amount, currency, equivalent, approximate]
    ["$1.8 billion", "1800000000", "USD", "198000000000", true],
    ["US$4.2 million", "4200000", "USD", null, false],
    ["950 million yen", "950000000", "JPY", null, true],
    ["¥52 billion", "52000000000", "JPY", null, false],
    ["USD 68million", "68000000", "USD", null, false],
    ["JPY 410 million", "410000000", "JPY", null, false],
  ])("%s: amount %s %s, equivalent %s, approximate %s", (phrase, amount, currency, eq, approx) => {
    const r = byEvidence(phrase);
    expect([r.amount, r.currency, r.equivalentAmount, r.approximate]).toEqual([
      amount,
      currency,
      eq,
      approx,
    ]);
    expect(r.equivalentCurrency).toBe(eq === null ? null : "JPY");
  });

  test("the equivalent in brackets is the figure's equivalent, not a candidate of its own", () => {
    expect(rows.filter((r) => r.amount === "198000000000")).toEqual([]);
  });

  test('"up to" and "a total of" are said in notes; a total paid with no year is proposed cumulative', () => {
    expect(byEvidence("¥52 billion").notes).toContain('"up to"');
    const fund = byEvidence("USD 68million");
    expect(fund.notes).toContain("states a total");
    expect(fund.kind).toBe("cumulative");
    expect([fund.recipient, fund.recipientType]).toEqual(["Regional Maritime Trust Fund", "fund"]);
  });

  test.each([
    ["12,000 people", { people: 12000 }],
    ["twenty officials", { people: 20 }],
    ["twelve boats", { quantity: 12, unit: "boats" }],
    ["3 high-speed patrol boats", { quantity: 3, unit: "high-speed patrol boats", kind: "grant" }],
    ["six used vessels", { quantity: 6, unit: "used vessels" }],
    ["ASEAN countries to a training course", { quantity: 8, unit: "ASEAN countries" }],
  ])("counts: %s", (phrase, expected) => {
    expect(byEvidence(phrase)).toMatchObject({ amount: null, ...expected });
  });

  test("people stated as included in a money figure are part of it", () => {
    expect(byEvidence("12,000 people").partOf).toBe(byEvidence("$1.8 billion").id);
    expect(byEvidence("twenty officials").partOf).toBeNull();
  });

  test("nothing for statistics that are not aid: attacks, percentages, years, member states, hostages", () => {
    const figures = rows.flatMap((r) => [r.amount, r.people, r.quantity].filter((v) => v !== null));
    for (const statistic of [312, 40, 16, 18, 45, 300])
      expect(figures.map(Number)).not.toContain(statistic);
    expect(rows).toHaveLength(12);
  });
});

describe("aid extract: where, when, what", () => {
  test("each evidence phrase is verbatim, under 12 words, inside its section, and states the figures", () => {
    const sources = new Map([[REPORT_FILE, REPORT]]);
    for (const r of rows) {
      const evidence = String(r.evidence);
      expect(REPORT).toContain(evidence);
      expect(evidence.split(/\s+/).length).toBeLessThanOrEqual(MAX_EVIDENCE_WORDS);
      const record = { ...r } as unknown as CommitmentRecord;
      expect(untracedEvidence(record, sources)).toEqual([]);
      expect(untracedFigures(record)).toEqual([]);
    }
  });

  test("heading paths: numbering dropped, the <label> a level of its own, bar headings inside their group", () => {
    const top = "Support for Security and the Rule of Law > Japan's Efforts";
    expect(byEvidence("US$4.2 million").sourceSection).toBe(`${top} > Counter-Terrorism`);
    expect(byEvidence("twelve boats").sourceSection).toBe(
      `${top} > Capacity Building for Maritime and Cyberspace Issues > The Seas`
    );
    expect(byEvidence("JPY 410 million").sourceSection).toBe(
      `${top} > Capacity Building for Maritime and Cyberspace Issues > Cyberspace`
    );
  });

  test("fiscal year, month, period: as the sentence states them", () => {
    expect(byEvidence("US$4.2 million")).toMatchObject({ fiscalYear: 2017, announced: null });
    expect(byEvidence("$1.8 billion")).toMatchObject({
      announced: "2017-05",
      periodFrom: 2017,
      periodTo: 2019,
    });
    expect(byEvidence("twelve boats").announced).toBe("2017-06");
    expect(byEvidence("six used vessels").announced).toBe("2017-12");
    expect(byEvidence("USD 68million")).toMatchObject({ announced: null, fiscalYear: null });
  });

  test("kind, recipient and theme are proposals, named as such in notes", () => {
    expect(byEvidence("¥52 billion")).toMatchObject({
      kind: "loan",
      recipient: "Philippines",
      country: "PH",
      theme: "maritime-security",
    });
    expect(byEvidence("JPY 410 million")).toMatchObject({ kind: "grant", recipient: "Indonesia" });
    expect(byEvidence("US$4.2 million")).toMatchObject({
      kind: "contribution",
      recipient: "UNODC",
      recipientType: "organization",
      region: "Africa",
    });
    for (const r of rows)
      expect(r.notes).toMatch(/^Proposed by aid extract \(line \d+\), check each/);
  });

  test("what the text does not say is blank, and listed: never invented", () => {
    const yen = extraction.candidates.find((c) => c.row.amount === "950000000")!;
    expect(yen.row.kind).toBeNull();
    expect(yen.blanks).toEqual(["kind"]);
    expect(yen.row.notes).toContain("To fill: kind.");
    const fund = extraction.candidates.find((c) => c.row.amount === "68000000")!;
    expect(fund.row.region).toBeNull();
    expect(fund.blanks).toContain("region");
  });

  test("the title is the report's first line; --document-title overrides; a report without one leaves it blank", () => {
    expect(extraction.sourceTitle).toBe("Japan's Support for Safer Seas and Borders");
    expect(rows.every((r) => r.sourceTitle === extraction.sourceTitle)).toBe(true);
    const titled = extractCandidates(REPORT, bundledReference(), {
      sourceFile: REPORT_FILE,
      documentTitle: "Another title",
    });
    expect(titled.candidates[0]!.row.sourceTitle).toBe("Another title");
    const untitled = extractCandidates(REPORT.split("\n").slice(3).join("\n"), bundledReference(), {
      sourceFile: REPORT_FILE,
    });
    expect(untitled.sourceTitle).toBeNull();
    expect(untitled.candidates[0]!.blanks).toContain("sourceTitle");
  });
});

describe("aid extract output and aid validate", () => {
  const csv = toCsv(rows);
  const parsed = parseDatasetText(csv, "csv");
  if (!parsed.ok) throw new Error("the CSV does not parse");

  test("as written, the only problems are the blanks it lists", () => {
    const built = createLedger({ rows: parsed.value.rows, reference: bundledReference() });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    const blanks = new Set(
      extraction.candidates.flatMap((c: Candidate) =>
        c.blanks.map((b) => `${String(c.row.id)}:${b}`)
      )
    );
    for (const p of built.problems) expect(blanks).toContain(`${p.id}:${p.field}`);
  });

  test("once a person fills the blanks, it validates", () => {
    const filled = parsed.value.rows.map((row) => ({
      ...row,
      kind: row.kind ?? "grant",
      region: row.region ?? "Asia",
      sourceTitle: row.sourceTitle ?? "A title",
    }));
    const built = createLedger({ rows: filled, reference: bundledReference() });
    expect(built.ok ? [] : built.problems).toEqual([]);
  });
});

describe("reading the text", () => {
  test("money in another currency is reported, not proposed: the dataset holds USD and JPY", () => {
    const text = "(1) Aid\nJapan provided €5 million and 20 million euros in training to Kenya.";
    const x = extractCandidates(text, bundledReference(), { sourceFile: "x.txt" });
    expect(x.candidates.filter((c) => c.row.amount !== null)).toEqual([]);
    expect(x.otherCurrencies).toEqual([
      { line: 2, text: "€5 million" },
      { line: 2, text: "20 million euros" },
    ]);
  });

  test("sentences: initials and abbreviations do not end one", () => {
    const text = "Japan and the U.S. agreed. It gave $5 million etc. to the fund. Then it ended.";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "Japan and the U.S. agreed.",
      "It gave $5 million etc. to the fund.",
      "Then it ended.",
    ]);
  });

  test("a bar heading repeated after its introduction opens a group; the next group closes it", () => {
    const s = readStructure(
      [
        "(2) Crime",
        "| Organized Crime",
        "An introduction.",
        "| Organized Crime",
        "Text one.",
        "| Trafficking",
        "Text two.",
        "| Maritime Issues",
        "| The Seas",
        "Text three.",
      ].join("\n")
    );
    expect(s.paragraphs.map((p) => p.path.join(" > "))).toEqual([
      "Crime > Organized Crime",
      "Crime > Organized Crime > Organized Crime",
      "Crime > Organized Crime > Trafficking",
      "Crime > Maritime Issues > The Seas",
    ]);
  });

  test("a numbered line that is a sentence is text, not a heading", () => {
    const s = readStructure("1. Overview\n(a) Japan gave $5 million to the fund.\n(b) Next steps");
    expect(s.paragraphs).toHaveLength(1);
    expect(s.paragraphs[0]!.path).toEqual(["Overview"]);
  });

  test("money mentions read their number through the evidence reader", () => {
    const sentence = "a grant of about ¥3.5 billion (about US$30 million) and USD 2million";
    const money = moneyMentions(sentence);
    expect(money.map((m) => [m.amount, m.currency, m.equivalent?.amount ?? null])).toEqual([
      ["3500000000", "JPY", "30000000"],
      ["2000000", "USD", null],
    ]);
    for (const m of money) expect(figuresIn(sentence.slice(m.start, m.end))).toContain(m.amount);
  });

  test("counts glued to letters (G7, P-3C, FY2016) or after 'these' are not counts", () => {
    const sentence =
      "The G7 countries and these two countries provided training with a P-3C aircraft.";
    expect(countMentions(sentence, [])).toEqual([]);
  });
});
