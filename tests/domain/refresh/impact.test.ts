import {
  answersThatChange,
  answerSummary,
  functionSpec,
  loadBundledLedger,
} from "../../../src/domain";
import { ticadAt600Million, ledgerOf } from "../helpers";

test("the answers on a sheet that a refresh would change, each against the old and the new data", () => {
  const before = loadBundledLedger();
  const after = ledgerOf(ticadAt600Million());
  const changes = answersThatChange(
    [
      { address: "B2", formula: '=AIDTOTAL("Africa",2016)' },
      { address: "B3", formula: '=AIDTOTAL("Asia",2016)' },
      { address: "B4", formula: "=AIDTOTAL(A4,2016)", values: new Map([["A4", "Africa"]]) },
      { address: "B5", formula: '=AIDTOTAL("Africa",YEAR(TODAY()))' },
    ],
    before,
    after
  );
  // Asia's yen pledge converts at the White Paper's rate, which moves when the TICAD pair goes.
  const asia = (l: typeof before) => {
    const r = functionSpec("AIDTOTAL")!.evaluate(l, ["Asia", 2016]);
    return r.ok ? answerSummary(r.value) : "error";
  };
  expect(asia(before)).not.toBe(asia(after));
  expect(changes.map((c) => c.text)).toEqual([
    'B2 =AIDTOTAL("Africa",2016): 2,420,000,000 → 2,520,000,000',
    `B3 =AIDTOTAL("Asia",2016): ${asia(before)} → ${asia(after)}`,
    "B4 =AIDTOTAL(A4,2016): 2,420,000,000 → 2,520,000,000",
  ]);
});
