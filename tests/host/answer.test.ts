import type { Answers, ExcelCell } from "../../src/host/answer";

/** True only when A and B are the same type (not merely assignable one way). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

test("each function's answer type is read from its catalog entry: scalars as run returns them, a spill as Excel cells", () => {
  // A compile-time check (ts-jest type-checks this file): a catalog entry whose run returned
  // another type, or a function missing from Answers, makes `same` false and this file fail.
  const same: Same<
    Answers,
    {
      AIDTOTAL: number;
      AIDCOUNT: number;
      AIDPEOPLE: number;
      AIDLIST: ExcelCell[][];
      AIDSOURCE: string;
      AIDRATE: number;
      AIDCONVERT: number;
      AIDVERSION: string;
    }
  > = true;
  expect(same).toBe(true);
});
