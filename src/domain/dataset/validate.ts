import { messages } from "../messages/catalog";
import { MAX_RECORDS } from "../limits";
import { echo } from "../limits";
import { normalizeName, skeleton } from "../places/names";
import type { PlaceDirectory } from "../places/taxonomy";
import type { ThemeDirectory } from "../places/themes";
import type { Checked, Problem } from "./problems";
import { untracedFigures } from "./evidence";
import { type CommitmentRecord, commitmentRecordSchema } from "./schema";

export interface ValidationContext {
  readonly places: PlaceDirectory;
  readonly themes: ThemeDirectory;
  /** Text line of each row, when the input was a text file (CSV). */
  readonly lines?: readonly number[];
}

/** How far validation has got: `done` of `total` steps (records checked, in two passes). */
export interface ValidationProgress {
  readonly done: number;
  readonly total: number;
}

/** Records checked between two progress reports (and, in the async loader, two yields). */
export const VALIDATION_STEP = 2_000;

/**
 * Validates a whole dataset: every row against the schema, then the rules that span records
 * (unique ids, partOf targets and cycles, one title per document, regions and countries that
 * agree with the taxonomy, known themes, recipients that are not places and do not look like one
 * another) and traceability (each figure is stated in the record's evidence phrase). Reports
 * every problem, not just the first. Linear in the number of records.
 */
export function validateRecords(
  rows: readonly unknown[],
  context: ValidationContext
): Checked<CommitmentRecord[]> {
  const steps = validationSteps(rows, context);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * validateRecords as steps: yields its progress every VALIDATION_STEP records, so a caller can
 * hand control back to the page between steps (loadDatasetTextAsync) or stop.
 */
export function* validationSteps(
  rows: readonly unknown[],
  context: ValidationContext
): Generator<ValidationProgress, Checked<CommitmentRecord[]>> {
  if (rows.length > MAX_RECORDS)
    return {
      ok: false,
      problems: [
        {
          row: 0,
          field: "(file)",
          message: `${rows.length} records; a dataset holds at most ${MAX_RECORDS}`,
        },
      ],
    };
  const total = rows.length * 2;
  let done = 0;
  const problems: Problem[] = [];
  const records: CommitmentRecord[] = [];
  const rowOf = new Map<CommitmentRecord, number>();
  const idOf = (row: unknown) =>
    typeof row === "object" && row !== null && typeof (row as { id?: unknown }).id === "string"
      ? (row as { id: string }).id
      : undefined;
  // Ids of every row, valid or not: a record whose parent has a problem is not reported again.
  const anyIds = new Set(rows.map(idOf));

  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (++done % VALIDATION_STEP === 0) yield { done, total };
    const where = {
      row: index + 1,
      ...(context.lines?.[index] !== undefined ? { line: context.lines[index] } : {}),
    };
    const rawId = idOf(row);
    const parsed = commitmentRecordSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field =
          issue.path.length > 0
            ? issue.path.join(".")
            : issue.code === "unrecognized_keys"
              ? issue.keys.join(", ")
              : "(record)";
        problems.push({
          ...where,
          ...(rawId ? { id: echo(rawId) } : {}),
          field,
          message: issue.message,
        });
      }
      continue;
    }
    records.push(parsed.data);
    rowOf.set(parsed.data, index + 1);
  }
  done = rows.length;

  const at = (r: CommitmentRecord, field: string, message: string) => {
    const row = rowOf.get(r)!;
    const line = context.lines?.[row - 1];
    problems.push({ row, ...(line !== undefined ? { line } : {}), id: r.id, field, message });
  };

  const byId = new Map<string, CommitmentRecord>();
  for (const r of records) {
    const first = byId.get(r.id);
    if (first) at(r, "id", `duplicate id; record ${rowOf.get(first)} has it too`);
    else byId.set(r.id, r);
  }

  const titles = new Map<string, CommitmentRecord>();
  for (const r of records) {
    const first = titles.get(r.sourceFile);
    if (!first) titles.set(r.sourceFile, r);
    else if (first.sourceTitle !== r.sourceTitle) {
      at(
        r,
        "sourceTitle",
        `"${r.sourceFile}" is titled "${echo(first.sourceTitle)}" in record ${rowOf.get(first)}; one document, one title`
      );
    }
  }

  const recipients = new Map<string, CommitmentRecord>();
  // Place and name checks depend only on a record's place fields: each distinct combination is
  // checked once (100,000 records name a few hundred places), and its problems replayed per record.
  const placeProblems = new Map<string, readonly (readonly [string, string])[]>();
  const skeletons = new Map<string, string>();
  for (const r of records) {
    if (++done % VALIDATION_STEP === 0) yield { done, total };
    const key = `${r.region}\u0000${r.subregion}\u0000${r.country}\u0000${r.recipientType}\u0000${r.recipient}`;
    let found = placeProblems.get(key);
    if (found === undefined) {
      const list: [string, string][] = [];
      checkPlace(r, context.places, (field, message) => list.push([field, message]));
      const named = recipientPlaceProblem(r, context.places);
      if (named) list.push(["recipient", named]);
      placeProblems.set(key, list);
      found = list;
    }
    for (const [field, message] of found) at(r, field, message);
    let looks = skeletons.get(r.recipient);
    if (looks === undefined) skeletons.set(r.recipient, (looks = skeleton(r.recipient)));
    checkRecipientSpelling(r, looks, recipients, rowOf, (message) => at(r, "recipient", message));
    if (!context.themes.has(r.theme)) {
      const near = context.themes.suggest(r.theme);
      at(r, "theme", messages().unknownTheme(r.theme) + messages().didYouMeanInProblem(near));
    }
    if (r.partOf !== null && r.partOf !== r.id && !anyIds.has(r.partOf))
      at(r, "partOf", `no record has id "${r.partOf}"`);
    for (const p of untracedFigures(r)) at(r, p.field, p.message);
  }

  for (const r of cycleMembers(records, byId))
    at(r, "partOf", `partOf forms a cycle through "${r.partOf}"`);

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: records };
}

/**
 * The records on a partOf cycle (a record part of itself is the schema's problem, not a cycle
 * here). Each record is visited once: a walk stops at a record already settled, so chains of any
 * length cost linear time, where walking every record's chain to its end was quadratic.
 */
function cycleMembers(
  records: readonly CommitmentRecord[],
  byId: ReadonlyMap<string, CommitmentRecord>
): CommitmentRecord[] {
  const state = new Map<CommitmentRecord, "walking" | "done">();
  const onCycle = new Set<CommitmentRecord>();
  for (const start of records) {
    if (state.has(start)) continue;
    const path: CommitmentRecord[] = [];
    let r: CommitmentRecord | undefined = start;
    while (r !== undefined && !state.has(r) && r.partOf !== r.id) {
      state.set(r, "walking");
      path.push(r);
      r = r.partOf === null ? undefined : byId.get(r.partOf);
    }
    // Reaching a record of this same walk closes a cycle: it and those after it are on it.
    if (r !== undefined && state.get(r) === "walking")
      for (let i = path.indexOf(r); i < path.length; i++) onCycle.add(path[i]!);
    for (const p of path) state.set(p, "done");
  }
  return records.filter((r) => onCycle.has(r));
}

/**
 * An organization or fund must not be named like a place (a query for "Africa" or "VN" means the
 * place, so the recipient could never be asked for).
 */
function recipientPlaceProblem(r: CommitmentRecord, places: PlaceDirectory): string | null {
  if (r.recipientType !== "organization" && r.recipientType !== "fund") return null;
  // A recipient of the directory (data/recipients.json) is this organization itself, by a name of its own.
  const place = places.resolve(r.recipient);
  return place && place.kind !== "recipient"
    ? `"${r.recipient}" is the name or code of the ${place.kind === "all" ? "place" : place.kind} ${place.name}; ${r.recipientType === "organization" ? "an organization" : "a fund"} must have a name no place has`
    : null;
}

/**
 * Two recipients that look the same ("UNODC" in Latin letters, and with a Cyrillic "О") must be
 * spelt the same. `looks` is the recipient's skeleton.
 */
function checkRecipientSpelling(
  r: CommitmentRecord,
  looks: string,
  seen: Map<string, CommitmentRecord>,
  rowOf: ReadonlyMap<CommitmentRecord, number>,
  report: (message: string) => void
): void {
  const first = seen.get(looks);
  if (!first) seen.set(looks, r);
  else if (
    first.recipient !== r.recipient &&
    normalizeName(first.recipient) !== normalizeName(r.recipient)
  )
    report(
      `"${r.recipient}" looks like "${first.recipient}" of record ${rowOf.get(first)} but is spelt with other characters; one recipient, one spelling`
    );
}

function checkPlace(
  r: CommitmentRecord,
  places: PlaceDirectory,
  report: (field: string, message: string) => void
): void {
  if (!places.isRegion(r.region)) {
    report("region", `unknown region "${r.region}"; regions are ${places.regionNames.join(", ")}`);
    return;
  }
  if (r.subregion !== null) {
    const region = places.regionOfSubregion(r.subregion);
    if (region === undefined) report("subregion", `unknown subregion "${r.subregion}"`);
    else if (region !== r.region)
      report("subregion", `"${r.subregion}" is in ${region}, not ${r.region}`);
  }
  if (r.country !== null) {
    const country = places.country(r.country);
    if (!country) {
      report("country", `unknown ISO code "${r.country}"`);
    } else {
      if (country.region !== r.region)
        report(
          "region",
          `${country.name} (${country.iso2}) is in ${country.region}, not ${r.region}`
        );
      if (country.subregion !== r.subregion) {
        report(
          "subregion",
          `${country.name} (${country.iso2}) is in ${country.subregion ?? "no subregion"}, not ${r.subregion ?? "no subregion"}`
        );
      }
    }
  }
  if (r.recipientType === "country" && r.country !== null) {
    const named = places.resolve(r.recipient);
    if (named?.kind !== "country" || named.country.iso2 !== r.country) {
      report("recipient", `"${r.recipient}" is not the name of country ${r.country}`);
    }
  }
  if (r.recipientType === "region") {
    const named = places.resolve(r.recipient);
    if (named?.kind !== "region" && named?.kind !== "subregion")
      report("recipient", `"${r.recipient}" is not a region or subregion of the taxonomy`);
    else if (named.kind === "region" && named.name !== r.region)
      report("region", `recipient "${r.recipient}" is the region ${named.name}`);
  }
  if (r.recipientType === "group" && places.resolve(r.recipient)?.kind !== "group")
    report("recipient", `"${r.recipient}" is not a country group (data/groups.json)`);
}
