/**
 * Generated custom-function arguments, through the domain (each catalog entry's evaluate) and
 * through the host's mapping to Excel (answer). The contract: no exception but a
 * CustomFunctions.Error; an answer that is a finite number a cell holds exactly, or text, or an
 * error with a short message that shows no raw control character; and AIDCONVERT equal to the
 * exact product computed here with BigInt, rounded once.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type CellInput,
  type CellValue,
  FUNCTIONS,
  functionSpec,
  isAidError,
  limits,
  loadBundledLedger,
} from "../../src/domain";
import { answer } from "../../src/host/answer";
import { ledgerStore } from "../../src/host/store";
import { type Ratio, minorText, numberExact, parseExact, roundHalfAway, times } from "./exact";
import { type CaseCounter, fuzzSeed } from "./fuzzRuns";
import { hostileString, numberLikeString } from "./hostileText";

const ledger = loadBundledLedger();

/** Anything a cell can pass, the odd more often than the plain. */
const cellInput: fc.Arbitrary<CellInput> = fc.oneof(
  hostileString,
  numberLikeString,
  fc.constantFrom(
    "Africa",
    "VN",
    "*",
    "UNODC",
    "2016",
    "USD",
    "JPY",
    "all",
    "committed",
    "maritime",
    "ticad6-peace-stability-2016"
  ),
  fc.double(),
  fc.integer({ min: 1890, max: 2230 }),
  fc.boolean(),
  fc.constantFrom(null, undefined, "", -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2)
);

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function checkValue(v: CellValue, where: string): void {
  if (isAidError(v)) {
    assert.ok(["VALUE", "NA", "NUM"].includes(v.code), `${where}: code ${v.code}`);
    assert.ok(
      v.message.length > 0 && v.message.length <= 1500,
      `${where}: message of ${v.message.length}`
    );
    assert.ok(
      !RAW_CONTROL.test(v.message),
      `${where}: raw control character in "${v.message.slice(0, 80)}"`
    );
    return;
  }
  if (typeof v === "number") {
    assert.ok(Number.isFinite(v), `${where}: ${v}`);
    assert.ok(
      Math.abs(v) <= limits.MAX_EXACT_ANSWER + 1,
      `${where}: ${v} beyond what a cell holds`
    );
  }
}

const RATE_2016: Ratio = { num: 1871n, den: 18n }; // the White Paper's default rate (README, the rate rule)

export function argumentProperties(runs: number, counter: CaseCounter): void {
  const seed = fuzzSeed();
  const params = (n: number) => ({
    numRuns: Math.max(1, n),
    ...(seed !== undefined ? { seed } : {}),
  });

  // Every function, every argument position, any input: a value or a clean error, in the domain and at Excel's edge.
  fc.assert(
    fc.property(
      fc.constantFrom(...FUNCTIONS.map((f) => f.name)),
      fc.array(cellInput, { maxLength: 6 }),
      counter.count("arguments: any function, any arguments", (name, args) => {
        // AIDVERSION answers the status line the edge's store holds.
        const result = functionSpec(name)!.evaluate(ledger, args, { status: ledgerStore.status() });
        if (!result.ok) checkValue(result.error, name);
        else if (Array.isArray(result.value))
          for (const row of result.value) for (const cell of row) checkValue(cell, name);
        else checkValue(result.value, name);

        // The edge never throws: an error is a CustomFunctions.Error value (streaming setResult).
        const cell: unknown = answer(name as "AIDTOTAL", args);
        if (cell instanceof CustomFunctions.Error) {
          assert.ok(!result.ok, `${name}: Excel got an error where the domain answered`);
          assert.equal(cell.message, result.error.message);
          return;
        }
        assert.ok(result.ok, `${name}: Excel got an answer where the domain failed`);
        if (!Array.isArray(cell)) assert.deepEqual(cell, result.value);
      })
    ),
    params(Math.ceil(runs * 0.6))
  );

  // AIDCONVERT against BigInt arithmetic: amounts as numbers and as decimal text.
  fc.assert(
    fc.property(
      fc.oneof(
        fc.double({ min: -1e16, max: 1e16, noNaN: true }),
        fc.integer({ min: -(10 ** 15), max: 10 ** 15 }),
        fc
          .tuple(
            fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
            fc.nat({ max: 999_999 }),
            fc.integer({ min: 0, max: 6 })
          )
          .map(([i, f, d]) =>
            d === 0 ? String(i) : `${i}.${String(f).padStart(6, "0").slice(0, d)}`
          )
      ),
      fc.constantFrom("USD", "JPY"),
      fc.constantFrom("USD", "JPY"),
      counter.count("arguments: AIDCONVERT against BigInt", (amount: number | string, from, to) => {
        const result = functionSpec("AIDCONVERT")!.evaluate(ledger, [amount, from, to, 2016]);
        const exact = typeof amount === "number" ? numberExact(amount) : parseExact(amount)!;
        const size = exact.num < 0n ? -exact.num : exact.num;
        if (size > BigInt(limits.MAX_EXACT_ANSWER) * exact.den) {
          assert.ok(!result.ok && result.error.code === "VALUE", `accepted amount ${amount}`);
          return;
        }
        const rate =
          from === to
            ? { num: 1n, den: 1n }
            : from === "USD"
              ? RATE_2016
              : { num: RATE_2016.den, den: RATE_2016.num };
        const digits = to === "USD" ? 2 : 0;
        const minor = roundHalfAway(
          times(times(exact, rate), { num: 10n ** BigInt(digits), den: 1n })
        );
        const minorSize = minor < 0n ? -minor : minor;
        if (minorSize > limits.MAX_AMOUNT_MINOR) {
          assert.ok(
            !result.ok && result.error.code === "VALUE",
            `answered beyond a cell: ${amount}`
          );
          return;
        }
        assert.ok(
          result.ok,
          `AIDCONVERT(${amount}) failed: ${result.ok ? "" : result.error.message}`
        );
        assert.equal(
          result.value,
          Number(minorText(minor, digits)),
          `AIDCONVERT(${amount},${from},${to})`
        );
      })
    ),
    params(Math.ceil(runs * 0.4))
  );
}
