import { expect } from "@jest/globals";
/**
 * Regression tests for issue 10: odd and hostile arguments to the AID functions, through the
 * domain (evaluate) and through the host's mapping to Excel errors (answer).
 */
import { functionSpec, limits, loadBundledLedger, type CellInput } from "../../../src/domain";
import { exactAmount, exactAnswer } from "../../../src/domain/functions/args";
import { nearestNames, normalizeName } from "../../../src/domain/places/names";
import { answer } from "../../../src/host/answer";

const ledger = loadBundledLedger();
const call = (name: string, ...args: CellInput[]) => functionSpec(name)!.evaluate(ledger, args);

function errorOf(name: string, ...args: CellInput[]) {
  const r = call(name, ...args);
  if (r.ok) throw new Error(`${name} answered ${JSON.stringify(r.value)}`);
  return r.error;
}

/** What Excel would get: the CustomFunctions.Error, or the value. */
function excel(name: string, ...args: unknown[]): unknown {
  return answer(name as "AIDTOTAL", args);
}

describe("gap 3: long text arguments are refused at once, and not echoed whole", () => {
  test.each([
    ["AIDTOTAL", "place"],
    ["AIDCOUNT", "place"],
    ["AIDSOURCE", "id"],
  ])("%s with a 32,767-character %s is #VALUE! with a short message", (name, what) => {
    const long = "a".repeat(32_767);
    const e = errorOf(name, long);
    expect(e.code).toBe("VALUE");
    expect(e.message).toBe(
      `${what} is 32767 characters long; names are at most ${limits.MAX_NAME_LENGTH} characters`
    );
  });

  test("a long theme is refused the same way", () => {
    const e = errorOf("AIDTOTAL", "Africa", 2016, "USD", "t".repeat(1 << 20));
    expect(e).toEqual({
      code: "VALUE",
      message: `theme is ${1 << 20} characters long; names are at most ${limits.MAX_NAME_LENGTH} characters`,
    });
  });

  test("a name at the limit is looked up, and its message echoes at most a few dozen characters", () => {
    const e = errorOf("AIDTOTAL", "Afrika".padEnd(limits.MAX_NAME_LENGTH, "x"));
    expect(e.code).toBe("NA");
    expect(e.message).toMatch(/^Unknown place "Afrikax+… \(255 characters\)"\./);
    expect(e.message.length).toBeLessThan(300);
  });

  test("other arguments echo the cut text too", () => {
    const e = errorOf("AIDTOTAL", "Africa", "y".repeat(10_000));
    expect(e.message.length).toBeLessThan(200);
    expect(e.message).toContain("(10000 characters)");
  });

  test("the did-you-mean search gives nothing for text longer than a name, and skips far lengths", () => {
    const names = new Map([[normalizeName("Africa"), "Africa"]]);
    expect(nearestNames("Afrika", names)).toEqual(["Africa"]);
    expect(nearestNames("A".repeat(limits.MAX_NAME_LENGTH + 1), names)).toEqual([]);
  });
});

describe("gap 5: number arguments are plain decimals, and answers are never Infinity", () => {
  test.each(["0x10", "0b101", "0o17", "Infinity", "-Infinity", "1e3", "1_000", "", " ", "+5"])(
    "AIDCONVERT(%j, ...) is #VALUE!",
    (amount) => {
      const e = errorOf("AIDCONVERT", amount, "USD", "USD");
      expect(e.code).toBe("VALUE");
      expect(e.message).toMatch(/^amount must be a number/);
    }
  );

  test.each(["16", " 16 ", "-16", "16.25", ".5"])(
    "AIDCONVERT(%j, USD, USD) is the number",
    (amount) => {
      expect(call("AIDCONVERT", amount, "USD", "USD")).toEqual({ ok: true, value: Number(amount) });
    }
  );

  test.each([1.8e306, 1e300, Number.MAX_VALUE, 1e16, -1e16])(
    "AIDCONVERT(%d) is #VALUE! with a message, never Infinity",
    (amount) => {
      const e = errorOf("AIDCONVERT", amount, "USD", "JPY", 2016);
      expect(e.code).toBe("VALUE");
      expect(e.message).toMatch(/at most 999999999999999/);
      const cell = excel("AIDCONVERT", amount, "USD", "JPY", 2016);
      expect(cell).toBeInstanceOf(CustomFunctions.Error);
      expect((cell as CustomFunctions.Error).code).toBe(CustomFunctions.ErrorCode.invalidValue);
    }
  );

  test("an amount within the argument limit whose converted value a cell cannot hold is #VALUE!", () => {
    // 10^14 dollars is 1.04 * 10^16 yen: more than 15 digits.
    const e = errorOf("AIDCONVERT", 1e14, "USD", "JPY", 2016);
    expect(e).toEqual({
      code: "VALUE",
      message: expect.stringMatching(
        /^the answer is more than a cell holds exactly: JPY answers are at most 999999999999999/
      ),
    });
  });
});

describe("gap 6: answers a cell cannot hold exactly are errors", () => {
  test("exactAmount accepts 15 digits of minor units and refuses 16, in both signs", () => {
    expect(exactAmount(limits.MAX_AMOUNT_MINOR, "USD")).toEqual({
      ok: true,
      value: limits.MAX_AMOUNT_MINOR,
    });
    expect(exactAmount(-limits.MAX_AMOUNT_MINOR, "JPY").ok).toBe(true);
    expect(exactAmount(limits.MAX_AMOUNT_MINOR + 1n, "USD").ok).toBe(false);
    expect(exactAmount(-limits.MAX_AMOUNT_MINOR - 1n, "JPY").ok).toBe(false);
  });

  test("exactAnswer refuses a count or people sum past 15 digits", () => {
    expect(exactAnswer(limits.MAX_EXACT_ANSWER, "number of people")).toEqual({
      ok: true,
      value: limits.MAX_EXACT_ANSWER,
    });
    expect(exactAnswer(2 ** 53 + 2, "number of people")).toEqual({
      ok: false,
      error: {
        code: "VALUE",
        message: expect.stringMatching(
          /^the number of people is 9\.007e\+15, more than a cell holds exactly/
        ),
      },
    });
  });

  test("the largest accepted amounts survive a write to a cell (a double) and a read back", () => {
    expect(Number("9999999999999.99").toString()).toBe("9999999999999.99");
    expect(Number("999999999999999").toString()).toBe("999999999999999");
    expect(Number(limits.MAX_AMOUNT_MINOR)).toBe(limits.MAX_EXACT_ANSWER);
  });
});

describe("gap 9: hostile text in arguments", () => {
  test.each([
    ["UNODC\u0000", /^place "UNODC\\u\{0\}": control character U\+0000 at position 6$/],
    ["UN\u200BODC", /^place "UN\\u\{200B\}ODC": invisible character U\+200B at position 3$/],
    ["UN\u039FDC", /^place "UNΟDC": names may not mix scripts: Latin and Greek/],
  ])(
    "place %j is #VALUE! saying what is wrong, never 'did you mean' the same-looking name",
    (place, reason) => {
      const e = errorOf("AIDTOTAL", place);
      expect(e.code).toBe("VALUE");
      expect(e.message).toMatch(reason);
      expect(e.message).not.toMatch(/Did you mean "UNODC"/);
    }
  );

  test("the did-you-mean never suggests a name that looks the same as the one typed", () => {
    const names = new Map([
      [normalizeName("ABC"), "ABC"],
      [normalizeName("ABD"), "ABD"],
    ]);
    // All-Cyrillic "АВС" is one script, so it is looked up; it looks like "ABC" exactly.
    expect(nearestNames("\u0410\u0412\u0421", names)).not.toContain("ABC");
  });
});
