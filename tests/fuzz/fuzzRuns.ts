/**
 * How many generated cases each fuzz area runs. `npm test` runs a small number (the whole fuzz
 * part in a few seconds, the workbook's 300 sessions in about a minute of CPU); `npm run fuzz` sets
 * AID_FUZZ_RUNS to the total it wants (at least 100,000) and each area takes its share.
 * AID_FUZZ_SEED replays a run; AID_FUZZ_AREAS (e.g. "workbook") runs only the areas named.
 */
export type FuzzArea = "datasets" | "arguments" | "fetch" | "extract" | "export" | "workbook";

/** Each area's share of AID_FUZZ_RUNS, and its size in `npm test`. Datasets cost most per case. */
const SHARE: Readonly<Record<FuzzArea, number>> = {
  datasets: 0.2,
  arguments: 0.46,
  fetch: 0.2,
  extract: 0.02,
  export: 0.1,
  // A workbook case is a whole session of writes over the Excel model (about 0.2 s of CPU): far
  // dearer than the others.
  workbook: 0.02,
};
const SMALL: Readonly<Record<FuzzArea, number>> = {
  datasets: 120,
  arguments: 1_500,
  fetch: 300,
  extract: 150,
  export: 200,
  workbook: 300,
};

export function runsFor(area: FuzzArea): number {
  const total = Number(process.env.AID_FUZZ_RUNS ?? "0");
  return total > 0 ? Math.ceil(total * SHARE[area]) : SMALL[area];
}

/** The areas AID_FUZZ_AREAS names (comma-separated), or all. */
export function fuzzAreas<A extends { readonly 0: FuzzArea }>(areas: readonly A[]): A[] {
  const named = process.env.AID_FUZZ_AREAS?.split(",").map((a) => a.trim());
  return named ? areas.filter((a) => named.includes(a[0])) : [...areas];
}

export function fuzzSeed(): number | undefined {
  const seed = process.env.AID_FUZZ_SEED;
  return seed === undefined ? undefined : Number(seed);
}

/** Counts generated cases per property, so a run can say how many of each it ran. */
export class CaseCounter {
  readonly counts = new Map<string, number>();

  /** Wraps a property body so each call counts one case of `name`. */
  count<A extends unknown[], R>(name: string, body: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
      return body(...args);
    };
  }

  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}
