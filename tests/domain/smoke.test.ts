import { functionSpec, loadBundledLedger } from "../../src/domain";

test("the bundled dataset answers the README's first example", () => {
  const result = functionSpec("AIDTOTAL")!.evaluate(loadBundledLedger(), ["Africa", 2016]);
  expect(result).toEqual({ ok: true, value: 2420000000 });
});
