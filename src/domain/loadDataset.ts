import {
  type DatasetFormat,
  detectFormat,
  parseDatasetText,
  parseDatasetTextAsync,
} from "./dataset/io";
import type { Checked, Problem } from "./dataset/problems";
import { validationSteps } from "./dataset/validate";
import { type AidLedger, type ReferenceData, buildLedger, createLedger } from "./ledger";
import { messages } from "./messages/catalog";
import { PlaceDirectory } from "./places/taxonomy";
import { ThemeDirectory } from "./places/themes";
import type { UserRate } from "./rates/rateBook";

export interface LoadOptions {
  readonly format?: DatasetFormat;
  readonly fileName?: string;
  readonly userRates?: readonly UserRate[];
}

/**
 * Reads a dataset file's text (JSON or CSV, as `aid dataset` prints it), validates all of it and
 * builds a ledger. Nothing is built unless everything is valid; problems say row, field, reason.
 */
export function loadDatasetText(
  text: string,
  reference: ReferenceData,
  options: LoadOptions = {}
): Checked<AidLedger> {
  const format = options.format ?? detectFormat(text, options.fileName);
  const raw = parseDatasetText(text, format);
  if (!raw.ok) return raw;
  return createLedger({
    rows: raw.value.rows,
    reference,
    ...(raw.value.lines ? { lines: raw.value.lines } : {}),
    ...(options.userRates ? { userRates: options.userRates } : {}),
  });
}

/** Where an asynchronous load has got. `done` of `total` within the phase. */
export interface LoadProgress {
  readonly phase: "parsing" | "validating" | "indexing";
  readonly done: number;
  readonly total: number;
}

/** The part of an AbortSignal the loader reads (the domain has no DOM types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface AsyncLoadOptions extends LoadOptions {
  /** Called at the start of each phase and every VALIDATION_STEP records while validating. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Checked at every step; once aborted, the load stops and answers `cancelled`. */
  readonly signal?: CancelSignal;
  /** Hands control back to the page between steps; by default a zero-delay timer. */
  readonly yieldToHost?: () => Promise<void>;
}

/** A load stopped by its signal: no ledger, one problem saying so, and `cancelled` to tell it apart. */
export interface CancelledLoad {
  readonly ok: false;
  readonly cancelled: true;
  readonly problems: readonly Problem[];
}

/** Said in the language of the moment it was cancelled. */
const cancelled = (): CancelledLoad => ({
  ok: false,
  cancelled: true,
  problems: [{ row: 0, field: "(file)", message: messages().loadCancelled }],
});

/**
 * loadDatasetText for a page that must stay responsive: the same checks and the same answer, but
 * validation runs in steps with a yield to the page between them, progress is reported, and an
 * aborted `signal` stops it with a CancelledLoad. Parsing and the index build are one step each.
 */
export async function loadDatasetTextAsync(
  text: string,
  reference: ReferenceData,
  options: AsyncLoadOptions = {}
): Promise<Checked<AidLedger> | CancelledLoad> {
  const pause = options.yieldToHost ?? defaultYield;
  const step = async (progress: LoadProgress): Promise<boolean> => {
    options.onProgress?.(progress);
    await pause();
    return options.signal?.aborted === true;
  };
  if (await step({ phase: "parsing", done: 0, total: 1 })) return cancelled();
  const format = options.format ?? detectFormat(text, options.fileName);
  const raw = await parseDatasetTextAsync(text, format);
  if (!raw.ok) return raw;
  const steps = validationSteps(raw.value.rows, {
    // The same directory createLedger validates with: groups and the recipient names included.
    places: new PlaceDirectory(reference.taxonomy, [], {
      groups: reference.groups,
      recipients: reference.recipients,
    }),
    themes: new ThemeDirectory(reference.themes),
    ...(raw.value.lines ? { lines: raw.value.lines } : {}),
  });
  for (;;) {
    const next = steps.next();
    if (next.done) {
      if (!next.value.ok) return next.value;
      const records = next.value.value;
      if (await step({ phase: "indexing", done: 0, total: 1 })) return cancelled();
      return buildLedger(records, reference, options.userRates ?? []);
    }
    if (await step({ phase: "validating", ...next.value })) return cancelled();
  }
}

function defaultYield(): Promise<void> {
  // setTimeout is in every host the domain runs in (browsers, Node), though not in its ES types;
  // where it is missing, a resolved promise still lets other work in the queue run first.
  const timers = globalThis as unknown as { setTimeout?: (run: () => void, ms: number) => unknown };
  const { setTimeout } = timers;
  return setTimeout ? new Promise((resolve) => setTimeout(resolve, 0)) : Promise.resolve();
}
