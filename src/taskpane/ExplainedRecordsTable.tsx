import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ExplainedRecord } from "../domain";

const useStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Fluent's Table lays columns out at equal widths; a record needs room for its id and its evidence.
  table: { tableLayout: "auto", minWidth: "760px" },
  cell: { verticalAlign: "top", overflowWrap: "break-word" },
  wide: { verticalAlign: "top", minWidth: "200px" },
  number: { verticalAlign: "top", textAlign: "end", whiteSpace: "nowrap" },
  notCounted: { color: tokens.colorNeutralForeground3 },
});

export interface ExplainedRecordsTableProps {
  readonly records: readonly ExplainedRecord[];
}

/**
 * The records behind an answer: id, recipient, stated amount, the value in the currency asked for,
 * the rate used and why, and the phrase of the report that states the figure. Scrolls sideways in a
 * narrow pane (and can be focused to scroll with the keyboard).
 */
export function ExplainedRecordsTable({ records }: ExplainedRecordsTableProps) {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label="Matching records" tabIndex={0}>
      <Table size="small" className={styles.table} aria-label="Records behind the answer">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Id</TableHeaderCell>
            <TableHeaderCell>Recipient</TableHeaderCell>
            <TableHeaderCell>Amount</TableHeaderCell>
            <TableHeaderCell>Converted</TableHeaderCell>
            <TableHeaderCell>Rate used</TableHeaderCell>
            <TableHeaderCell>Evidence</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {records.map((r) => (
            <TableRow key={r.id} className={r.counted ? undefined : styles.notCounted}>
              <TableCell className={styles.cell}>{r.id}</TableCell>
              <TableCell className={styles.cell}>{r.recipient}</TableCell>
              <TableCell className={styles.number}>{r.amount ?? "none stated"}</TableCell>
              <TableCell className={styles.number}>
                {r.converted === null ? "—" : r.converted.toLocaleString("en-US")}
              </TableCell>
              <TableCell className={styles.wide}>{r.rate}</TableCell>
              <TableCell className={styles.wide}>
                “{r.evidence}” <span>({r.source})</span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
