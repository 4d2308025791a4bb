/**
 * The IATI export against the IATI activity schema 2.03, offline: xmllint (WebAssembly) with the
 * XSDs in ../shared/iati (not part of the repository; CI has them beside it). The codes it relies
 * on are named here: TransactionType 2 (Outgoing Commitment), 3 (Disbursement), 12 (Outgoing
 * Pledge); RegionVocabulary 2 (UN M49) with 002 Africa, 142 Asia; SectorVocabulary 1 (CRS purpose);
 * OrganisationType 10 (Government); ActivityStatus 1 and 2; ResultType 1 (Output).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";
import { loadBundledLedger } from "../../../src/domain";
import {
  AID_LEDGER_NAMESPACE,
  statedDate,
  toIatiXml,
  TRANSACTION_TYPE,
} from "../../../src/domain/iati/iatiExport";
import { el, escapeAttribute, escapeText, serialize } from "../../../src/domain/iati/xml";
import { children, descendants, parseXml, type XmlElement } from "../../build/helpers";
import { bundledCopy, ledgerOf, record } from "../helpers";

const IATI = resolve(__dirname, "../../../../shared/iati");

function schemaFile(name: string): { fileName: string; contents: string } {
  const path = join(IATI, name);
  if (!existsSync(path))
    throw new Error(
      `${path} is missing: the IATI test needs ../shared/iati beside the repository (CI has it).`
    );
  return { fileName: name, contents: readFileSync(path, "utf8") };
}

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "export.xml", contents: xml }],
    schema: [schemaFile("iati-activities-schema.xsd")],
    preload: [schemaFile("iati-common.xsd"), schemaFile("xml.xsd")],
  });
  return result.errors.map((e) => e.rawMessage);
}

const GENERATED = new Date("2026-11-29T10:00:00.000Z");
const ledger = loadBundledLedger();
const exported = toIatiXml(ledger, { generated: GENERATED });

function activities(root: Record<string, XmlElement>): XmlElement[] {
  return children(root["iati-activities"]!, "iati-activity");
}
const idOf = (a: XmlElement) => children(a, "iati-identifier")[0]!._!;
const activityOf = (all: XmlElement[], recordId: string) =>
  all.find((a) => idOf(a) === `AIDLEDGER-${recordId}`);

describe("aid export --iati (the bundled dataset)", () => {
  test("validates against the IATI activity schema 2.03", async () => {
    expect(await schemaErrors(exported.xml)).toEqual([]);
  });

  test("a file that breaks the schema is caught (the validation is real)", async () => {
    const broken = exported.xml.replace(/<activity-status code="\d"\/>/g, "");
    expect((await schemaErrors(broken)).length).toBeGreaterThan(0);
  });

  test("one activity per record with an amount and a stated date; partOf records are results, never money", async () => {
    const records = ledger.records.map((r) => r.record);
    const byId = new Map(records.map((r) => [r.id, r]));
    const hasMoneyAncestor = (id: string | null): boolean =>
      id !== null && (byId.get(id)!.amount !== null || hasMoneyAncestor(byId.get(id)!.partOf));
    const expected = records
      .filter((r) => r.amount !== null && !hasMoneyAncestor(r.partOf) && statedDate(r) !== null)
      .map((r) => r.id);
    expect(exported.activities).toEqual(expected);

    const all = activities(await parseXml(exported.xml));
    expect(all.map(idOf)).toEqual(expected.map((id) => `AIDLEDGER-${id}`));
    for (const a of all) expect(children(a, "transaction")).toHaveLength(1);

    const parts = records.filter((r) => hasMoneyAncestor(r.partOf));
    expect(parts.length).toBeGreaterThan(0);
    expect([...exported.results].sort()).toEqual(parts.map((r) => r.id).sort());
    for (const part of parts) {
      expect(activityOf(all, part.id)).toBeUndefined();
      const parent = activityOf(all, part.partOf!)!;
      expect(children(parent, "result").length).toBeGreaterThan(0);
    }
    // Every record is accounted for: an activity, a result, or skipped with a reason.
    expect(exported.activities.length + exported.results.length + exported.skipped.length).toBe(
      records.length
    );
    for (const s of exported.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });

  test("a total the report does not date is dated as of its report when the publisher gives the report's date", async () => {
    const undated = exported.skipped.filter((x) => x.reason.includes("states no date"));
    expect(undated.length).toBeGreaterThan(0);
    const dates = new Map(ledger.rates.documents.map((d) => [d.document, "2017-03"]));
    const asOf = toIatiXml(ledger, { generated: GENERATED, documentDates: dates });
    expect(await schemaErrors(asOf.xml)).toEqual([]);
    const all = activities(await parseXml(asOf.xml));
    for (const { id } of undated) {
      const a = activityOf(all, id)!;
      const t = children(a, "transaction")[0]!;
      expect(children(t, "transaction-date")[0]!.$).toEqual({ "iso-date": "2017-03-01" });
      expect(children(a, "aid:record")[0]!.$!["stated-date"]).toMatch(
        /^as of 2017-03, the date of the report/
      );
    }
    expect(asOf.skipped.filter((x) => x.reason.includes("states no date"))).toEqual([]);
  });

  test("transaction type by kind, value with currency and value-date, reporting-org as a secondary reporter", async () => {
    const all = activities(await parseXml(exported.xml));
    for (const id of exported.activities) {
      const r = ledger.record(id)!.record;
      const a = activityOf(all, id)!;
      const t = children(a, "transaction")[0]!;
      expect(children(t, "transaction-type")[0]!.$!.code).toBe(TRANSACTION_TYPE[r.kind]);
      const value = children(t, "value")[0]!;
      expect(value._).toBe(r.amount);
      expect(value.$).toEqual({ currency: r.currency, "value-date": statedDate(r)!.isoDate });
      expect(children(a, "reporting-org")[0]!.$).toEqual({
        ref: "XM-DAC-701",
        type: "10",
        "secondary-reporter": "1",
      });
      const sector = children(a, "sector")[0];
      expect(sector?.$ ?? null).toEqual(
        r.crsPurpose === null ? null : { vocabulary: "1", code: r.crsPurpose }
      );
    }
    expect(TRANSACTION_TYPE).toMatchObject({
      pledge: "12",
      grant: "2",
      loan: "2",
      contribution: "3",
    });
  });

  test("recipient country by ISO code, region by UN M49 only where the membership matches", async () => {
    const all = activities(await parseXml(exported.xml));
    const vietNam = activityOf(all, "viet-nam-haiphong-customs-2009")!;
    expect(children(vietNam, "recipient-country")[0]!.$).toEqual({ code: "VN" });
    expect(children(vietNam, "recipient-region")).toEqual([]);
    const africa = activityOf(all, "africa-counter-terrorism-unsc-2016")!;
    expect(children(africa, "recipient-region")[0]!.$).toEqual({ code: "002", vocabulary: "2" });
    const middleEast = activityOf(all, "middle-east-g7-ise-shima-2016")!;
    expect(children(middleEast, "recipient-region")).toEqual([]);
    expect(children(middleEast, "recipient-country")).toEqual([]);
  });

  test("the stated equivalent and the rate used, in the project's namespace; a document-link to the source", async () => {
    const root = await parseXml(exported.xml);
    expect(root["iati-activities"]!.$!["xmlns:aid"]).toBe(AID_LEDGER_NAMESPACE);
    const all = activities(root);
    const ticad = activityOf(all, "ticad6-peace-stability-2016")!;
    const ext = children(ticad, "aid:record")[0]!;
    expect(children(ext, "aid:stated-equivalent")[0]!.$).toEqual({
      currency: "JPY",
      value: "52000000000",
    });
    expect(children(ext, "aid:rate")[0]!.$).toMatchObject({ exact: "104/1", basis: "stated-pair" });
    const asia = activityOf(all, "asia-counter-terrorism-japan-asean-2016")!;
    expect(children(children(asia, "aid:record")[0]!, "aid:rate")[0]!.$).toMatchObject({
      exact: "1871/18",
      basis: "stated-median",
    });
    const link = children(ticad, "document-link")[0]!;
    expect(link.$).toEqual({ url: "000_ecb32d6e9fafa848.txt", format: "text/plain" });
  });

  test("no source sentence: descriptions hold the record's fields and its short evidence phrase", async () => {
    const all = activities(await parseXml(exported.xml));
    for (const id of exported.activities) {
      const r = ledger.record(id)!.record;
      const text = descendants(activityOf(all, id)!, "narrative")
        .map((n) => n._ ?? "")
        .join(" ");
      expect(text).toContain(`"${r.evidence}"`);
      expect(r.evidence.split(/\s+/).length).toBeLessThan(12);
    }
  });
});

describe("escaping", () => {
  test("text and attributes with markup characters and quotes stay text", async () => {
    const rows = bundledCopy().filter((r) => r.sourceFile === "004_ee4f842758621c53.txt");
    rows.push(
      record({
        id: "escaping-test",
        sourceFile: "004_ee4f842758621c53.txt",
        sourceTitle: rows[0]!.sourceTitle,
        recipient: 'Kenya & "friends" <script>',
        recipientType: "organization",
        country: null,
        evidence: "gave $1,000 to <b>Kenya</b> & co",
        announced: "2016-05",
      })
    );
    const tricky = toIatiXml(ledgerOf(rows), {
      generated: GENERATED,
      documentUrls: new Map([["004_ee4f842758621c53.txt", "https://example.org/a?b=1&c=2"]]),
    });
    expect(tricky.xml).not.toContain("<script>");
    expect(await schemaErrors(tricky.xml)).toEqual([]);
    const a = activityOf(activities(await parseXml(tricky.xml)), "escaping-test")!;
    const receiver = children(children(a, "transaction")[0]!, "receiver-org")[0]!;
    expect(children(receiver, "narrative")[0]!._).toBe('Kenya & "friends" <script>');
    expect(children(a, "aid:record")[0]!.$!.evidence).toBe("gave $1,000 to <b>Kenya</b> & co");
    expect(children(a, "document-link")[0]!.$!.url).toBe("https://example.org/a?b=1&c=2");
  });

  test("the writer drops characters XML 1.0 forbids (control characters, lone surrogates)", () => {
    expect(escapeText("a\u0007b\u0000c\uD800d\te\n")).toBe("abcd\te\n");
    expect(escapeAttribute("x\u001By")).toBe("xy");
  });

  test("the writer escapes &, <, >, quotes and line breaks in attributes", () => {
    expect(escapeText("a & b < c > d")).toBe("a &amp; b &lt; c &gt; d");
    expect(escapeAttribute('say "hi"\nnow\t')).toBe("say &quot;hi&quot;&#10;now&#9;");
    expect(serialize(el("x", { a: "1&2", b: null }, "<y/>"))).toBe('<x a="1&amp;2">&lt;y/&gt;</x>');
  });
});
