import { readFileSync } from "node:fs";
import { toJson } from "../../src/domain";
import { EXIT } from "../../src/cli/runCli";
import { bundledCopy } from "../domain/helpers";
import { aid, tempDir } from "./run";

const tmp = tempDir("aid-export-");

describe("aid export --iati", () => {
  test("writes the bundled dataset as IATI XML and says what was left out and why", () => {
    const out = tmp.path("iati/aid.xml");
    const { code, stdout } = aid("export", "--iati", out);
    expect(code).toBe(EXIT.OK);
    const xml = readFileSync(out, "utf8");
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03" generated-datetime="2026-11-29T12:00:00Z"/
    );
    const count = (xml.match(/<iati-activity /g) ?? []).length;
    expect(stdout).toContain(`exported: ${count} activities`);
    expect(stdout).toMatch(/\n {2}[a-z0-9-]+: the report states no date/);
  });

  test("--data, --identifier-prefix, --reporting-org-ref and --document-url", () => {
    const data = tmp.write("data.json", toJson(bundledCopy()));
    const out = tmp.path("b.xml");
    const { code } = aid(
      "export",
      "--iati",
      out,
      "--data",
      data,
      "--identifier-prefix",
      "XI-EXAMPLE-1",
      "--reporting-org-ref=XI-EXAMPLE",
      "--document-url",
      "004_ee4f842758621c53.txt=https://www.mofa.go.jp/example.html"
    );
    expect(code).toBe(EXIT.OK);
    const xml = readFileSync(out, "utf8");
    expect(xml).toContain(
      "<iati-identifier>XI-EXAMPLE-1-viet-nam-haiphong-customs-2009</iati-identifier>"
    );
    expect(xml).toContain('<reporting-org ref="XI-EXAMPLE" type="10" secondary-reporter="1">');
    expect(xml).toContain('url="https://www.mofa.go.jp/example.html"');
  });

  test("--document-date dates the totals the report leaves undated; a malformed date is a usage error", () => {
    const out = tmp.path("dated.xml");
    const { code, stdout } = aid(
      "export",
      "--iati",
      out,
      "--document-date",
      "000_ecb32d6e9fafa848.txt=2017-03",
      "--document-date=004_ee4f842758621c53.txt=2010-08"
    );
    expect(code).toBe(EXIT.OK);
    expect(stdout).not.toContain("states no date");
    expect(aid("export", "--iati", out, "--document-date", "x.txt=March 2017").code).toBe(
      EXIT.USAGE
    );
  });

  test("usage errors exit 2; an invalid --data file exits 1", () => {
    expect(aid("export").code).toBe(EXIT.USAGE);
    expect(aid("export", "--iati").code).toBe(EXIT.USAGE);
    expect(aid("export", "--iati", tmp.path("c.xml"), "--document-url", "nourl").code).toBe(
      EXIT.USAGE
    );
    const bad = tmp.write("bad.json", "[{}]");
    expect(aid("export", "--iati", tmp.path("d.xml"), "--data", bad).code).toBe(EXIT.INVALID);
  });
});
