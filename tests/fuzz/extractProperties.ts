/**
 * Generated report text for `aid extract`: random text of report words, figures, headings, line
 * breaks and hostile characters; the same sentences hard-wrapped at any width; and pathological
 * text (one piece repeated to a large size). The contract: no exception; every candidate's
 * evidence is a verbatim piece of its sentence, under 12 words, stating the candidate's figures;
 * ids unique; lines and sentences inside the text; a hard wrap changes no figure. In `npm run fuzz`
 * each pathological case must also finish within a time bound (measured here, in the runner).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { bundledReference } from "../../src/domain";
import { untracedFigures } from "../../src/domain/dataset/evidence";
import type { CommitmentRecord } from "../../src/domain/dataset/schema";
import {
  type Extraction,
  extractCandidates,
  MAX_EVIDENCE_WORDS,
} from "../../src/domain/extract/extract";
import { type CaseCounter, fuzzSeed } from "./fuzzRuns";
import { hostileString } from "./hostileText";

const REPORT_PIECES = [
  "Japan",
  "provided",
  "trained",
  "handed over",
  "received",
  "decided to provide",
  "to",
  "the",
  "Kenya",
  "Viet Nam",
  "West Africa",
  "Malaysia's coast guard",
  "the police of Cambodia",
  "Asia",
  "boats",
  "people",
  "officers",
  "used vessels",
  "patrol boats",
  "radars",
  "countries",
  "30-metre",
  "X-band",
  "speed-boats",
  "four",
  "twelve",
  "twenty",
  "1,200",
  "2018",
  "35",
  "$",
  "US$",
  "¥",
  "USD",
  "1.8",
  "4.2",
  "million",
  "billion",
  "yen",
  "dollars",
  "(",
  ")",
  "(approximately",
  ",",
  ".",
  ";",
  ":",
  "!",
  "?",
  "\n",
  "\n\n",
  "\r\n",
  "| ",
  "(3) ",
  "<Japan's Efforts>",
  "- ",
  "1. ",
  "approximately",
  "up to",
  "a total of",
  "FY2016",
  "in May 2016",
  "from 2016 to 2018",
  "since 2009",
  "Trust Fund",
  "UNODC",
  "IMO",
  "U.S.",
  "etc.",
  "including",
  "grant aid",
  "ODA loans",
  "€5 million",
  "these",
];
const reportPiece = fc.constantFrom(...REPORT_PIECES);
const separator = fc.constantFrom(" ", " ", " ", "", "\n", "  ");

/** Random text: report pieces and hostile strings, joined by spaces, nothing or line breaks. */
const randomText = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 6, arbitrary: reportPiece }, { weight: 1, arbitrary: hostileString }),
      separator
    ),
    {
      maxLength: 120,
    }
  )
  .map((parts) => parts.map(([p, s]) => p + s).join(""));

/** Sentences of aid figures, one paragraph per line, after a heading (so no line is a title). */
const sentence = fc
  .tuple(
    fc.constantFrom(
      "Japan provided",
      "In 2018 Japan handed over",
      "Japan trained",
      "Japan decided to provide"
    ),
    fc.constantFrom(
      "four",
      "twelve",
      "35",
      "1,200",
      "US$4.2 million",
      "¥52 billion",
      "approximately $30 million"
    ),
    fc.constantFrom("", "30-metre", "X-band", "used", "customs"),
    fc.constantFrom("boats", "people", "officers", "radars", "speed-boats", "for border security"),
    fc.constantFrom(
      "to Kenya",
      "for Malaysia's coast guard",
      "to the police of Cambodia",
      "in West Africa",
      ""
    )
  )
  .map((words) => `${words.filter((w) => w !== "").join(" ")}.`);
const paragraphs = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 5,
});

/** Hard-wraps each line at `width` characters, at spaces. */
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

const PATHOLOGICAL_PIECES = [
  "1.1.1.1.",
  "1,",
  "training 1 people, ",
  "Kenya $1 to Kenya ",
  "Trust Fund $1 ",
  "| a\n",
  "U.S. ",
  "$1 (¥2) ",
  "1",
  " ",
  "(",
  "five boats provided ",
  "FY2016 in May 2016 $1 ",
  "a",
  "Fund ",
  "\n",
  "to UNODC $1 ",
  "West Africa ",
  "approximately ",
  "four 30-metre ",
];

const reference = bundledReference();

/** The contract every extraction keeps, whatever the text. */
function checkExtraction(text: string, x: Extraction): void {
  const lines = text.split("\n").length;
  const ids = new Set<string>();
  for (const c of x.candidates) {
    const evidence = String(c.row.evidence);
    const sentenceText = text.slice(c.sentence.start, c.sentence.end);
    assert.ok(c.sentence.start >= 0 && c.sentence.end <= text.length, "sentence inside the text");
    assert.ok(sentenceText.includes(evidence), `evidence "${evidence}" is in its sentence`);
    assert.ok(evidence.trim().split(/\s+/).length <= MAX_EVIDENCE_WORDS, `"${evidence}" is short`);
    assert.deepEqual(
      untracedFigures({ ...c.row } as unknown as CommitmentRecord),
      [],
      `"${evidence}" states the figures`
    );
    assert.ok(c.line >= 1 && c.line <= lines, "line inside the text");
    assert.ok(!ids.has(String(c.row.id)), `id ${String(c.row.id)} is unique`);
    ids.add(String(c.row.id));
    const blank = [
      "sourceTitle",
      "sourceSection",
      "kind",
      "recipient",
      "recipientType",
      "region",
      "theme",
    ].filter((f) => c.row[f as keyof typeof c.row] === null);
    for (const f of blank) assert.ok(c.blanks.includes(f), `${f} blank and listed`);
  }
}

const figuresOf = (x: Extraction) =>
  x.candidates.map((c) => [
    c.row.amount,
    c.row.currency,
    c.row.people,
    c.row.quantity,
    c.row.recipient,
  ]);

export interface ExtractFuzzOptions {
  /** Characters of each pathological case. */
  readonly pathologicalSize: number;
  /**
   * When set (npm run fuzz), the most milliseconds a pathological case may take; each is also
   * timed at a quarter of its size, and must take at most eight times as long (linear: four).
   */
  readonly timeBoundMs?: number;
  /** A fixed seed (npm test); else AID_FUZZ_SEED, else random. */
  readonly seed?: number;
}

export function extractProperties(
  runs: number,
  counter: CaseCounter,
  options: ExtractFuzzOptions
): void {
  const seed = options.seed ?? fuzzSeed();
  const params = (n: number) => ({
    numRuns: Math.max(1, n),
    ...(seed !== undefined ? { seed } : {}),
  });
  const extract = (text: string) => extractCandidates(text, reference, { sourceFile: "fuzz.txt" });

  fc.assert(
    fc.property(
      randomText,
      counter.count("extract: random report text", (text) => checkExtraction(text, extract(text)))
    ),
    params(Math.ceil(runs * 0.8))
  );

  fc.assert(
    fc.property(
      paragraphs,
      fc.integer({ min: 12, max: 120 }),
      counter.count("extract: hard-wrapped at any width, the same figures", (paras, width) => {
        const text = `(1) Aid\n${paras.map((p) => p.join(" ")).join("\n")}`;
        const wrapped = hardWrap(text, width);
        const x = extract(wrapped);
        checkExtraction(wrapped, x);
        assert.deepEqual(figuresOf(x), figuresOf(extract(text)));
      })
    ),
    params(Math.ceil(runs * 0.18))
  );

  fc.assert(
    fc.property(
      fc.constantFrom(...PATHOLOGICAL_PIECES),
      fc.constantFrom(...PATHOLOGICAL_PIECES),
      counter.count("extract: one piece repeated (pathological)", (piece, tail) => {
        const sized = (size: number) => piece.repeat(Math.ceil(size / piece.length)) + tail;
        const timed = (text: string) => {
          const started = performance.now();
          const x = extract(text);
          return { x, ms: performance.now() - started };
        };
        const text = sized(options.pathologicalSize);
        const big = timed(text);
        checkExtraction(text, big.x);
        if (options.timeBoundMs === undefined) return;
        // Linear time: four times the text takes about four times as long (a quadratic step, sixteen).
        const quarter = timed(sized(options.pathologicalSize / 4));
        const what = `${(text.length / 1024).toFixed(0)} KB of ${JSON.stringify(piece)}`;
        assert.ok(
          big.ms <= Math.max(8 * quarter.ms, 250),
          `${what} took ${big.ms.toFixed(0)} ms, a quarter of it ${quarter.ms.toFixed(0)} ms: more than linear`
        );
        assert.ok(
          big.ms <= options.timeBoundMs,
          `${what} took ${big.ms.toFixed(0)} ms, over the bound of ${options.timeBoundMs} ms`
        );
      })
    ),
    params(Math.max(4, Math.ceil(runs * 0.02)))
  );
}
