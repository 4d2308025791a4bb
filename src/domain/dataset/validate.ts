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

/**
 * Validates a whole dataset: every row against the schema, then the rules that span records
 * (unique ids, partOf targets and cycles, one title per document, regions and countries that
 * agree with the taxonomy, known themes) and traceability (each figure is stated in the record's
 * evidence phrase). Reports every problem, not just the first.
 */
export function validateRecords(
  rows: readonly unknown[],
  context: ValidationContext
): Checked<CommitmentRecord[]> {
  const problems: Problem[] = [];
  const records: CommitmentRecord[] = [];
  const rowOf = new Map<CommitmentRecord, number>();
  const idOf = (row: unknown) =>
    typeof row === "object" && row !== null && typeof (row as { id?: unknown }).id === "string"
      ? (row as { id: string }).id
      : undefined;
  // Ids of every row, valid or not: a record whose parent has a problem is not reported again.
  const anyIds = new Set(rows.map(idOf));

  rows.forEach((row, index) => {
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
        problems.push({ ...where, ...(rawId ? { id: rawId } : {}), field, message: issue.message });
      }
      return;
    }
    records.push(parsed.data);
    rowOf.set(parsed.data, index + 1);
  });

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
        `"${r.sourceFile}" is titled "${first.sourceTitle}" in record ${rowOf.get(first)}; one document, one title`
      );
    }
  }

  for (const r of records) {
    checkPlace(r, context.places, (field, message) => at(r, field, message));
    if (!context.themes.has(r.theme)) {
      const near = context.themes.suggest(r.theme);
      at(
        r,
        "theme",
        `unknown theme "${r.theme}"${near.length ? `; did you mean ${near.join(", ")}?` : ""}`
      );
    }
    if (r.partOf !== null && r.partOf !== r.id && !anyIds.has(r.partOf))
      at(r, "partOf", `no record has id "${r.partOf}"`);
    for (const p of untracedFigures(r)) at(r, p.field, p.message);
  }

  for (const r of records) {
    const seen = new Set<string>([r.id]);
    for (let next = r.partOf; next !== null; next = byId.get(next)?.partOf ?? null) {
      if (seen.has(next)) {
        if (next === r.id && r.partOf !== r.id)
          at(r, "partOf", `partOf forms a cycle through "${r.partOf}"`);
        break;
      }
      seen.add(next);
    }
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: records };
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
