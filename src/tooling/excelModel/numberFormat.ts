/**
 * Numbers as Excel shows them with the number formats Aid Ledger uses (what `Range.text` returns
 * and the workbench's grid shows).
 */

/** Significant digits Excel keeps; longer binary fractions are shown rounded to them, as Excel's General does. */
const SIGNIFICANT_DIGITS = 15;

const grouped = (fractionDigits: number) =>
  new Intl.NumberFormat("en-US", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    useGrouping: true,
  });
const plain = (fractionDigits: number) =>
  new Intl.NumberFormat("en-US", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    useGrouping: false,
  });

/**
 * A number as Excel shows it with a number format: "#,##0.00", "#,##0", "0", "0.00" (any count of
 * decimals, with or without grouping); anything else as General.
 */
export function formatNumber(value: number, numberFormat: string): string {
  const m = /^(#,##)?0(?:\.(0+))?$/.exec(numberFormat);
  if (m) return (m[1] ? grouped : plain)(m[2]?.length ?? 0).format(value);
  return Number.isInteger(value)
    ? String(value)
    : String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
}
