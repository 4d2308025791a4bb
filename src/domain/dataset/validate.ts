import { messages } from "../messages/catalog";
import { MAX_RECORDS } from "../limits";
import { echo } from "../limits";
import { normalizeName, skeleton } from "../places/names";
import type { PlaceDirectory } from "../places/taxonomy";
import type { ThemeDirectory } from "../places/themes";
import type { Checked, Problem } from "./problems";
import { untracedFigures } from "./evidence";
import {
  type CommitmentRecord,
  commitmentRecordSchema,
  IN_CHOSEN_LANGUAGE,
  validRecordOf,
} from "./schema";
import type * as z from "../zod";

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
          message: messages().tooManyRecords(rows.length, MAX_RECORDS),
        },
      ],
    };
  const problems: Problem[] = [];
  const progress = { done: 0, total: rows.length * 2 };
  const read = yield* readRecords(rows, context, problems, progress);
  yield* checkAcrossRecords(read, rows, context, problems, progress);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: read.records };
}

/** Valid records in row order, and the 1-based row each came from (two arrays: no object per row). */
interface ReadRecords {
  readonly records: CommitmentRecord[];
  readonly rowNumbers: number[];
}

interface Progress {
  done: number;
  readonly total: number;
}

const idOf = (row: unknown) =>
  typeof row === "object" && row !== null && typeof (row as { id?: unknown }).id === "string"
    ? (row as { id: string }).id
    : undefined;

/**
 * Every row against the schema: a valid row through the hand-written reader (validRecordOf), any
 * other through zod, whose issues become the row's problems.
 */
function* readRecords(
  rows: readonly unknown[],
  context: ValidationContext,
  problems: Problem[],
  progress: Progress
): Generator<ValidationProgress, ReadRecords> {
  const records: CommitmentRecord[] = [];
  const rowNumbers: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (++progress.done % VALIDATION_STEP === 0) yield { ...progress };
    const fast = validRecordOf(row);
    const parsed =
      fast === null ? commitmentRecordSchema.safeParse(row, IN_CHOSEN_LANGUAGE) : undefined;
    if (parsed?.success === false) {
      schemaProblems(parsed.error.issues, index, row, context, problems);
      continue;
    }
    records.push(fast ?? parsed!.data);
    rowNumbers.push(index + 1);
  }
  return { records, rowNumbers };
}

function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  index: number,
  row: unknown,
  context: ValidationContext,
  problems: Problem[]
): void {
  const rawId = idOf(row);
  const where = {
    row: index + 1,
    ...(context.lines?.[index] !== undefined ? { line: context.lines[index] } : {}),
  };
  for (const issue of issues) {
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
}

/**
 * The rules that span records, in the order their problems are reported: unique ids, one title
 * per document, then record by record its place, recipient spelling, theme, partOf target and
 * figures, and last partOf cycles.
 */
function* checkAcrossRecords(
  read: ReadRecords,
  rows: readonly unknown[],
  context: ValidationContext,
  problems: Problem[],
  progress: Progress
): Generator<ValidationProgress, void> {
  const { records, rowNumbers } = read;
  const at = (i: number, field: string, message: string) => {
    const row = rowNumbers[i]!;
    const line = context.lines?.[row - 1];
    problems.push({
      row,
      ...(line !== undefined ? { line } : {}),
      id: records[i]!.id,
      field,
      message,
    });
  };
  const byId = uniqueIds(read, at);
  oneTitlePerDocument(read, at);
  // Ids of every row, valid or not: a record whose parent has a problem is not reported again.
  // When every row is a record, those are the ids byId holds already.
  const anyIds: ReadonlySet<string | undefined> | ReadonlyMap<string, number> =
    records.length === rows.length ? byId : new Set(rows.map(idOf));
  const checkRecord = recordChecks(read, context, at);
  // Each record's parent by index, looked up once here and walked by the cycle check (a lookup
  // by id string is most of what these checks cost at 100,000 records).
  const parents = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    if (++progress.done % VALIDATION_STEP === 0) yield { ...progress };
    checkRecord(i);
    const r = records[i]!;
    const parent = r.partOf === null ? undefined : byId.get(r.partOf);
    parents[i] = parent ?? NO_PARENT;
    if (parent === undefined && r.partOf !== null && !anyIds.has(r.partOf))
      at(i, "partOf", messages().noParentWithId(r.partOf));
    for (const p of untracedFigures(r)) at(i, p.field, p.message);
  }
  for (const i of cycleMembers(parents))
    at(i, "partOf", messages().partOfCycle(records[i]!.partOf!));
}

type Report = (i: number, field: string, message: string) => void;

/** Each id's first record (by index); a later record with the same id is reported. */
function uniqueIds({ records, rowNumbers }: ReadRecords, at: Report): Map<string, number> {
  const byId = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const first = byId.get(records[i]!.id);
    if (first !== undefined) at(i, "id", messages().duplicateId(rowNumbers[first]!));
    else byId.set(records[i]!.id, i);
  }
  return byId;
}

function oneTitlePerDocument({ records, rowNumbers }: ReadRecords, at: Report): void {
  const titles = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const first = titles.get(r.sourceFile);
    if (first === undefined) titles.set(r.sourceFile, i);
    else if (records[first]!.sourceTitle !== r.sourceTitle) {
      const title = echo(records[first]!.sourceTitle);
      at(i, "sourceTitle", messages().oneTitlePerDocument(r.sourceFile, title, rowNumbers[first]!));
    }
  }
}

/** What is known of one recipient name: its skeleton, and the problems of each place it was given with. */
interface RecipientFacts {
  readonly looks: string;
  readonly places: {
    readonly r: CommitmentRecord;
    readonly problems: readonly (readonly [string, string])[];
  }[];
}

const samePlace = (a: CommitmentRecord, b: CommitmentRecord) =>
  a.region === b.region &&
  a.subregion === b.subregion &&
  a.country === b.country &&
  a.recipientType === b.recipientType;

/**
 * A record's place, recipient and theme checks. Each depends only on a few fields, so each
 * distinct value (a recipient with its place fields, a theme) is checked once (100,000 records
 * name a few hundred) and its problems replayed per record; nothing is built per record.
 */
function recordChecks(
  { records, rowNumbers }: ReadRecords,
  context: ValidationContext,
  at: Report
): (i: number) => void {
  const recipients = new Map<string, RecipientFacts>();
  const themeProblems = new Map<string, string | null>();
  const firstLookingLike = new Map<string, number>();
  return (i) => {
    const r = records[i]!;
    let facts = recipients.get(r.recipient);
    if (facts === undefined)
      recipients.set(r.recipient, (facts = { looks: skeleton(r.recipient), places: [] }));
    let place = facts.places.find((p) => samePlace(p.r, r));
    if (place === undefined)
      facts.places.push((place = { r, problems: placeProblemsOf(r, context.places) }));
    for (const [field, message] of place.problems) at(i, field, message);
    const first = firstLookingLike.get(facts.looks);
    if (first === undefined) firstLookingLike.set(facts.looks, i);
    else {
      const spelling = spellingProblem(r, records[first]!, rowNumbers[first]!);
      if (spelling) at(i, "recipient", spelling);
    }
    let theme = themeProblems.get(r.theme);
    if (theme === undefined) themeProblems.set(r.theme, (theme = themeProblem(r.theme, context)));
    if (theme !== null) at(i, "theme", theme);
  };
}

function placeProblemsOf(r: CommitmentRecord, places: PlaceDirectory): [string, string][] {
  const list: [string, string][] = [];
  checkPlace(r, places, (field, message) => list.push([field, message]));
  const named = recipientPlaceProblem(r, places);
  if (named) list.push(["recipient", named]);
  return list;
}

function themeProblem(theme: string, context: ValidationContext): string | null {
  if (context.themes.has(theme)) return null;
  const near = context.themes.suggest(theme);
  return messages().unknownTheme(theme) + messages().didYouMeanInProblem(near);
}

const NO_PARENT = -1;

/**
 * The records (by index) on a partOf cycle, given each record's parent (NO_PARENT for none; no
 * record is part of itself: the schema refuses that row). Each record is visited once:
 * a walk stops at a record already settled, so chains of any length cost linear time, where
 * walking every record's chain to its end was quadratic.
 */
function cycleMembers(parents: Int32Array): number[] {
  const WALKING = 1;
  const DONE = 2;
  const state = new Uint8Array(parents.length);
  const onCycle = new Uint8Array(parents.length);
  const path: number[] = [];
  for (let start = 0; start < parents.length; start++) {
    if (state[start] !== 0) continue;
    path.length = 0;
    let i = start;
    while (i !== NO_PARENT && state[i] === 0) {
      state[i] = WALKING;
      path.push(i);
      i = parents[i]!;
    }
    // Reaching a record of this same walk closes a cycle: it and those after it are on it.
    if (i !== NO_PARENT && state[i] === WALKING)
      for (let k = path.indexOf(i); k < path.length; k++) onCycle[path[k]!] = 1;
    for (const p of path) state[p] = DONE;
  }
  const members: number[] = [];
  for (let i = 0; i < parents.length; i++) if (onCycle[i] === 1) members.push(i);
  return members;
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
    ? messages().recipientNamedLikePlace(r.recipient, place, r.recipientType)
    : null;
}

/**
 * Two recipients that look the same ("UNODC" in Latin letters, and with a Cyrillic "О") must be
 * spelt the same: the problem with `r`, given the first record whose recipient looks like it.
 */
function spellingProblem(
  r: CommitmentRecord,
  first: CommitmentRecord,
  firstRow: number
): string | null {
  return first.recipient !== r.recipient &&
    normalizeName(first.recipient) !== normalizeName(r.recipient)
    ? messages().recipientSpeltOtherwise(r.recipient, first.recipient, firstRow)
    : null;
}

function checkPlace(
  r: CommitmentRecord,
  places: PlaceDirectory,
  report: (field: string, message: string) => void
): void {
  const m = messages();
  if (!places.isRegion(r.region)) {
    report("region", m.unknownRegion(r.region, places.regionNames));
    return;
  }
  if (r.subregion !== null) {
    const region = places.regionOfSubregion(r.subregion);
    if (region === undefined) report("subregion", m.unknownSubregion(r.subregion));
    else if (region !== r.region)
      report("subregion", m.subregionInOtherRegion(r.subregion, region, r.region));
  }
  if (r.country !== null) {
    const country = places.country(r.country);
    if (!country) {
      report("country", m.unknownIsoCode(r.country));
    } else {
      if (country.region !== r.region)
        report(
          "region",
          m.countryInOtherRegion(country.name, country.iso2, country.region, r.region)
        );
      if (country.subregion !== r.subregion) {
        report(
          "subregion",
          m.countryInOtherSubregion(country.name, country.iso2, country.subregion, r.subregion)
        );
      }
    }
  }
  if (r.recipientType === "country" && r.country !== null) {
    const named = places.resolve(r.recipient);
    if (named?.kind !== "country" || named.country.iso2 !== r.country) {
      report("recipient", m.notCountryName(r.recipient, r.country));
    }
  }
  if (r.recipientType === "region") {
    const named = places.resolve(r.recipient);
    if (named?.kind !== "region" && named?.kind !== "subregion")
      report("recipient", m.notRegionOrSubregion(r.recipient));
    else if (named.kind === "region" && named.name !== r.region)
      report("region", m.recipientIsRegion(r.recipient, named.name));
  }
  if (r.recipientType === "group" && places.resolve(r.recipient)?.kind !== "group")
    report("recipient", m.notCountryGroup(r.recipient));
}
