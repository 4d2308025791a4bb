import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import {
  type RateExplanation,
  currentLanguage,
  formatNumber,
  formatUsdUnits,
  formatYenExact,
  formatYenUnits,
  messages,
} from "../domain";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Three short numeric columns fit 320 px; the record id is the row's caption below.
  // A plain table: Fluent's Table would add about 10 KB gzip to the pane for three columns.
  table: {
    tableLayout: "fixed",
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
  },
  number: {
    textAlign: "end",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "clip",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  middle: { fontWeight: tokens.fontWeightSemibold },
});

export interface RateDerivationProps {
  readonly rate: RateExplanation;
}

/**
 * How a document's rate was derived: a sentence, then its stated pairs as a small table (dollars,
 * yen, the rate they imply), the pairs the median is read from in bold. Fits a 320 px pane.
 */
export function RateDerivation({ rate }: RateDerivationProps) {
  const styles = useStyles();
  const m = messages();
  return (
    <div className={styles.root}>
      <Body1>{rate.sentence}</Body1>
      {rate.pairs.length > 0 && (
        <table className={styles.table} aria-label={m.statedPairsOf(rate.title)}>
          <thead>
            <tr>
              <th scope="col" className={styles.number}>
                {m.usDollars}
              </th>
              <th scope="col" className={styles.number}>
                {m.yen}
              </th>
              <th scope="col" className={styles.number}>
                {m.yenPerDollar}
              </th>
            </tr>
          </thead>
          <tbody>
            {rate.pairs.map((p) => (
              <tr
                key={p.recordId}
                className={p.middle ? styles.middle : undefined}
                title={p.recordId}
              >
                <td className={styles.number}>
                  <MoneyFigure text={p.usd} />
                </td>
                <td className={styles.number}>
                  <MoneyFigure text={p.jpy} />
                </td>
                <td className={styles.number}>{Number(p.jpyPerUsd).toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * "$1.8 bn" / "¥180.5 bn" in English; "18億ドル" / "1,805億円" in Japanese (budget units), with
 * the exact figure as the hover text (title), as the Rates sheet holds it.
 */
function MoneyFigure({ text }: { readonly text: string }) {
  const exact = text.slice(1).replace(/,/g, "");
  const language = currentLanguage();
  if (language !== "ja" || !/^\d+(\.\d+)?$/.test(exact)) return <>{shortMoney(text)}</>;
  const yen = text.startsWith("¥");
  const exactText = yen
    ? formatYenExact(exact, language)
    : `${formatNumber(Number(exact), language)}ドル`;
  return (
    <span title={exactText}>
      {yen ? formatYenUnits(exact, language) : formatUsdUnits(exact, language)}
    </span>
  );
}

/** "$1.8 billion", "¥180.5 billion": the exact figures are in the Rates sheet. */
function shortMoney(text: string): string {
  const symbol = text.charAt(0);
  const n = Number(text.slice(1).replace(/,/g, ""));
  if (!Number.isFinite(n)) return text;
  const scaled = (d: number, w: string) => `${symbol}${Number((n / d).toPrecision(4))} ${w}`;
  if (n >= 1e9) return scaled(1e9, "bn");
  if (n >= 1e6) return scaled(1e6, "m");
  return `${symbol}${n.toLocaleString("en-US")}`;
}
