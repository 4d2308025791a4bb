import { toJson } from "../../src/domain";
import { EXIT } from "../../src/cli/runCli";
import { bundledCopy, ticadAt600Million } from "../domain/helpers";
import { aid, tempDir } from "./run";

const tmp = tempDir("aid-diff-");

describe("aid diff", () => {
  test("the same data: nothing changed, exit 0", () => {
    const a = tmp.write("a.json", toJson(bundledCopy()));
    const { code, stdout } = aid("diff", a, a);
    expect(code).toBe(EXIT.OK);
    expect(stdout).toMatch(
      /^0 added, 0 removed, 0 changed, \d+ unchanged; 0 document rates changed\n$/
    );
  });

  test("a restated amount: the field change and the document rate that moves with it", () => {
    const a = tmp.write("old.json", toJson(bundledCopy()));
    const b = tmp.write("new.json", toJson(ticadAt600Million()));
    const { code, stdout } = aid("diff", a, b);
    expect(code).toBe(EXIT.OK);
    expect(stdout).toContain("~ ticad6-peace-stability-2016");
    expect(stdout).toContain('amount: "500000000" -> "600000000"');
    expect(stdout).toContain("103.944444 -> 103.888889 JPY per USD");
    expect(stdout).toMatch(/0 added, 0 removed, 1 changed, \d+ unchanged; 1 document rate changed/);
  });

  test("records added and removed", () => {
    const rows = bundledCopy();
    const a = tmp.write("all.json", toJson(rows));
    const b = tmp.write(
      "fewer.json",
      toJson(rows.filter((r) => r.id !== "viet-nam-haiphong-customs-2009"))
    );
    expect(aid("diff", a, b).stdout).toContain("- viet-nam-haiphong-customs-2009");
    expect(aid("diff", b, a).stdout).toMatch(
      /\+ viet-nam-haiphong-customs-2009: \S+ JPY 861000000/
    );
  });

  test("an invalid file exits 1 with its problems; usage errors exit 2", () => {
    const a = tmp.write("ok.json", toJson(bundledCopy()));
    const bad = tmp.write("bad.json", "[{}]");
    const invalid = aid("diff", a, bad);
    expect(invalid.code).toBe(EXIT.INVALID);
    expect(invalid.stderr).toContain("invalid: ");
    expect(invalid.stdout).toBe("");
    expect(aid("diff", a).code).toBe(EXIT.USAGE);
    expect(aid("diff", a, tmp.path("missing.json")).code).toBe(EXIT.USAGE);
  });
});
