/**
 * Generated cases for what leaves the project: the IATI export and publish.
 * - IATI: hostile text in every free-text and name field. Either validation refuses the record
 *   with a located problem, or the XML parses and every text field reads back exactly.
 * - Publish: a folder holding an edition, a new edition, and a failure at a random step (or
 *   none). After it, the folder holds exactly the old edition or exactly the new one, and no
 *   temporary file.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import xml2js from "xml2js";
import { bundledReference, createLedger } from "../../src/domain";
import { toIatiXml } from "../../src/domain/iati/iatiExport";
import { type PublishFs, publishFiles } from "../../src/domain/publish/atomicPublish";
import { record } from "../domain/helpers";
import { type CaseCounter, fuzzSeed } from "./fuzzRuns";
import { hostileString } from "./hostileText";

const reference = bundledReference();
const GENERATED = new Date("2026-12-01T00:00:00Z");

type Node = { _?: string; $?: Record<string, string> } & Record<string, unknown>;
const first = (n: Node, name: string): Node => {
  const v = (n[name] as unknown[] | undefined)?.[0];
  return typeof v === "string" ? { _: v } : (v as Node);
};

async function iatiCase(section: string, recipient: string, title: string): Promise<void> {
  const r = record({
    id: "fuzz",
    sourceSection: section,
    sourceTitle: title,
    recipient,
    recipientType: "organization",
    country: null,
    announced: "2016-05",
  });
  const built = createLedger({ rows: [r], reference });
  if (!built.ok) {
    for (const p of built.problems) assert.ok(p.row === 1 && p.field.length > 0 && p.message);
    return;
  }
  const stored = built.value.records[0]!.record;
  const parsed = (await xml2js.parseStringPromise(
    toIatiXml(built.value, { generated: GENERATED }).xml,
    {
      strict: true,
    }
  )) as Record<string, Node>;
  const activity = first(parsed["iati-activities"]!, "iati-activity");
  const transaction = first(activity, "transaction");
  assert.equal(first(first(transaction, "receiver-org"), "narrative")._ ?? "", stored.recipient);
  assert.equal(
    first(first(first(activity, "document-link"), "title"), "narrative")._ ?? "",
    stored.sourceTitle
  );
  assert.equal(first(activity, "aid:record").$!.section, stored.sourceSection);
}

/** An in-memory folder with the publish port over it, failing at step `failAt` (0: never). */
function memoryFolder(files: Map<string, string>, failAt: number): PublishFs {
  let steps = 0;
  const step = () => {
    if (++steps === failAt) throw new Error("injected");
  };
  return {
    kindOf: (p) => (files.has(p) ? "file" : "absent"),
    createFile: (p, data) => {
      step();
      if (files.has(p)) throw new Error("exists");
      files.set(p, String(data));
    },
    copyFile: (from, to) => {
      step();
      files.set(to, files.get(from)!);
    },
    rename: (from, to) => {
      step();
      const data = files.get(from);
      if (data === undefined) throw new Error("no such file");
      files.delete(from);
      files.set(to, data);
    },
    remove: (p) => void files.delete(p),
  };
}

function publishCase(names: string[], hadEdition: boolean, failAt: number): void {
  const old = new Map(hadEdition ? names.map((n) => [`site/${n}`, `old ${n}`]) : []);
  const folder = new Map(old);
  const outcome = publishFiles(
    "site",
    names.map((n) => ({ name: n, data: `new ${n}` })),
    memoryFolder(folder, failAt),
    "n"
  );
  const next = new Map(names.map((n) => [`site/${n}`, `new ${n}`]));
  assert.deepEqual(folder, outcome.ok ? next : old);
}

export async function exportProperties(runs: number, counter: CaseCounter): Promise<void> {
  const seed = fuzzSeed();
  await fc.assert(
    fc.asyncProperty(
      hostileString,
      hostileString,
      hostileString,
      counter.count("IATI text reads back exactly, or is refused with its place", iatiCase)
    ),
    { numRuns: Math.ceil(runs / 2), ...(seed !== undefined ? { seed } : {}) }
  );
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.constantFrom("a.json", "a.xlsx", "b.json", "manifest.json"), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.boolean(),
      fc.nat({ max: 14 }),
      counter.count("publish leaves the old edition or the new one, never a mix", publishCase)
    ),
    { numRuns: Math.ceil(runs / 2), ...(seed !== undefined ? { seed } : {}) }
  );
}
