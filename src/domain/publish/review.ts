/**
 * What a new edition of the dataset would change, for review before publishing: the records and
 * fields (diffDatasets, as the pane shows them) and each document's default rate. A rate moves
 * without any record of that document changing its amount when a stated pair is added, removed
 * or changed (the median of the pairs moves), and every single-currency figure of the document
 * converts differently: a reviewer must see it.
 */
import type { CommitmentRecord } from "../dataset/schema";
import { compare, type Fraction } from "../money/fraction";
import { formatRate, type RateBook } from "../rates/rateBook";
import { type DatasetDiff, diffDatasets, isEmptyDiff } from "../workbook/diff";

export interface RateChange {
  readonly document: string;
  readonly title: string;
  /** JPY per USD before and after; null when the document had or has no rate (or no record). */
  readonly from: Fraction | null;
  readonly to: Fraction | null;
  /** How the new rate is derived (the pairs and the median), or why there is none. */
  readonly derivation: string;
}

export interface DatasetReview {
  readonly records: DatasetDiff;
  readonly rates: readonly RateChange[];
}

/** The default rates that differ between two rate books, document by document. */
export function diffRates(before: RateBook, after: RateBook): RateChange[] {
  const documents = new Set([
    ...before.documents.map((d) => d.document),
    ...after.documents.map((d) => d.document),
  ]);
  const changes: RateChange[] = [];
  for (const document of [...documents].sort()) {
    const old = before.get(document);
    const next = after.get(document);
    const from = old?.jpyPerUsd ?? null;
    const to = next?.jpyPerUsd ?? null;
    const same = from === null || to === null ? from === to : compare(from, to) === 0;
    if (same) continue;
    changes.push({
      document,
      title: next?.title ?? old?.title ?? document,
      from,
      to,
      derivation: next?.derivation ?? "No record of the new dataset comes from this document.",
    });
  }
  return changes;
}

/** Records, fields and rates that replacing `before` by `after` would change. */
export function reviewDatasets(
  before: { records: readonly CommitmentRecord[]; rates: RateBook },
  after: { records: readonly CommitmentRecord[]; rates: RateBook }
): DatasetReview {
  return {
    records: diffDatasets(before.records, after.records),
    rates: diffRates(before.rates, after.rates),
  };
}

/** True when nothing would change: no record, field or rate. */
export function isEmptyReview(review: DatasetReview): boolean {
  return isEmptyDiff(review.records) && review.rates.length === 0;
}

const show = (v: unknown) => (v === null || v === undefined ? "(empty)" : JSON.stringify(v));
const rate = (r: Fraction | null) => (r === null ? "no rate" : formatRate(r));

/** The review as plain text, one change a line, for the command line and for a reviewer's notes. */
export function formatReview(review: DatasetReview): string {
  const { added, removed, changed, unchanged } = review.records;
  const lines: string[] = [];
  for (const r of added)
    lines.push(
      `+ ${r.id}: ${r.kind} ${r.amount !== null ? `${r.currency} ${r.amount}` : r.people !== null ? `${r.people} people` : `${r.quantity} ${r.unit}`}, ${r.recipient} ("${r.evidence}")`
    );
  for (const r of removed) lines.push(`- ${r.id}`);
  for (const c of changed) {
    lines.push(`~ ${c.id}`);
    for (const f of c.changes) lines.push(`    ${f.field}: ${show(f.from)} -> ${show(f.to)}`);
  }
  for (const r of review.rates) {
    lines.push(`rate ${r.document} (${r.title}): ${rate(r.from)} -> ${rate(r.to)} JPY per USD`);
    lines.push(`    ${r.derivation}`);
  }
  const rates = review.rates.length;
  lines.push(
    `${added.length} added, ${removed.length} removed, ${changed.length} changed, ${unchanged} unchanged; ` +
      `${rates} document rate${rates === 1 ? "" : "s"} changed`
  );
  return lines.join("\n") + "\n";
}
