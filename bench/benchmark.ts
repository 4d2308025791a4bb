/*
 * The shape of one benchmark, as bench/run.ts runs it. A benchmark prints its tables through `say`
 * and returns its part of the `--json` report (figures only: nothing here fails a build).
 */

export interface BenchOptions {
  /** Record counts to measure at (`--sizes 10000,1000000`; default 10k, 100k, 1M). */
  readonly sizes: readonly number[];
  /** Prints a line for people: stdout, or stderr with --json (stdout then carries the JSON alone). */
  readonly say: (line?: string) => void;
  /** Whether the run prints its report as JSON (a benchmark may print progress lines then). */
  readonly json: boolean;
}

export interface Benchmark {
  /** What `--only` and `--skip` name it by. */
  readonly name: string;
  /** One line for `npm run bench -- --list`. */
  readonly about: string;
  /** Runs the benchmark; the fields it returns go into the `--json` report as they are. */
  run(options: BenchOptions): Promise<Record<string, unknown>> | Record<string, unknown>;
}
