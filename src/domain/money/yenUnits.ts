import type Decimal from "decimal.js";
import type { Language } from "../messages/catalog";
import { formatNumber } from "../messages/locale";
import { Money, type MoneyDecimal } from "./money";

/**
 * Yen as a Japanese budget examiner reads them: in 億円 (10^8) and 万円 (10^4), the way budget
 * tables and MOFA's exchange-of-notes releases state them ("2,530億円", "13.28億円", "1,559万円").
 * The exact figure is always available beside it (formatYenExact) and cells keep exact yen.
 *
 * The rounding rule, applied once to the exact amount (decimal.js, no float steps):
 * - at least 1億円: in 億円, rounded half away from zero to 2 decimals, trailing zeros dropped
 *   (253,000,000,000 → 2,530億円; 1,328,000,000 → 13.28億円; 253,456,789,000 → 2,534.57億円);
 *   amounts of 1兆円 and more stay in 億円 (12,345億円), as budget tables keep one unit per column;
 * - from 1万円 to under 1億円: in whole 万円, rounded half away from zero (15,590,000 → 1,559万円;
 *   15,595,000 → 1,560万円);
 * - under 1万円: whole 円, rounded half away from zero (9,999円; 1,234.5 → 1,235円); yen have no
 *   minor unit (ISO 4217), so fractions of a yen (from a conversion) show only in the exact figure;
 * - an amount whose rounding reaches the next unit is stated in that unit, computed again from the
 *   exact amount (99,995,000 → 1億円, not 10,000万円; 9,999.5 → 1万円);
 * - negative amounts keep their sign and round symmetrically; anything that rounds to zero is 0円.
 *
 * English has no 億/万: in English the figure is given in full ("¥253,000,000,000").
 */
export function formatYenUnits(amount: Decimal | string | number, language: Language): string {
  const exact = toMoney(amount);
  if (language !== "ja") return formatYenExact(exact, language);
  return inJapaneseUnits(exact, "円");
}

/**
 * Dollars the same way in Japanese ("18億ドル", "1,559万ドル", same rule as formatYenUnits, so
 * cents show only in the exact figure); in English the figure in full ("$1,800,000,000.5").
 */
export function formatUsdUnits(amount: Decimal | string | number, language: Language): string {
  const exact = toMoney(amount);
  if (language === "ja") return inJapaneseUnits(exact, "ドル");
  const sign = exact.isNegative() && !exact.isZero() ? "-" : "";
  return `${sign}$${grouped(exact.abs(), language)}`;
}

function inJapaneseUnits(exact: MoneyDecimal, currency: "円" | "ドル"): string {
  const sign = exact.isNegative() ? "-" : "";
  const shown = inUnits(exact.abs());
  return shown.value.isZero()
    ? `0${currency}`
    : `${sign}${grouped(shown.value, "ja")}${shown.unit}${currency}`;
}

/** The exact figure, every digit and any fraction of a yen: "253,000,000,000円" / "¥253,000,000,000". */
export function formatYenExact(amount: Decimal | string | number, language: Language): string {
  const exact = toMoney(amount);
  const sign = exact.isNegative() && !exact.isZero() ? "-" : "";
  const digits = grouped(exact.abs(), language);
  return language === "ja" ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

// Made on first use, not when the module loads: money.ts takes its messages from the catalog, whose
// sections import this module, so Money may not exist yet while these modules load.
let units: { readonly OKU: MoneyDecimal; readonly MAN: MoneyDecimal } | null = null;
const japaneseUnits = () => (units ??= { OKU: new Money(100_000_000), MAN: new Money(10_000) });

interface Scaled {
  readonly value: MoneyDecimal;
  readonly unit: "億" | "万" | "";
}

function inUnits(size: MoneyDecimal): Scaled {
  const { OKU, MAN } = japaneseUnits();
  const inOku = (): Scaled => ({
    value: size.dividedBy(OKU).toDecimalPlaces(2, Money.ROUND_HALF_UP),
    unit: "億",
  });
  const inMan = (): Scaled => {
    const man = size.dividedBy(MAN).toDecimalPlaces(0, Money.ROUND_HALF_UP);
    return man.greaterThanOrEqualTo(MAN) ? inOku() : { value: man, unit: "万" };
  };
  if (size.greaterThanOrEqualTo(OKU)) return inOku();
  if (size.greaterThanOrEqualTo(MAN)) return inMan();
  const yen = size.toDecimalPlaces(0, Money.ROUND_HALF_UP);
  return yen.greaterThanOrEqualTo(MAN) ? inMan() : { value: yen, unit: "" };
}

function toMoney(amount: Decimal | string | number): MoneyDecimal {
  const value = new Money(typeof amount === "object" ? amount.toString() : amount);
  if (!value.isFinite()) throw new RangeError(`not a finite amount of yen: ${String(amount)}`);
  return value;
}

/** The locale's grouping for the whole part (exact, through BigInt), then the fraction as it is. */
function grouped(value: MoneyDecimal, language: Language): string {
  const [whole = "0", fraction] = value.toFixed().split(".");
  const wholeText = formatNumber(BigInt(whole), language);
  return fraction ? `${wholeText}.${fraction}` : wholeText;
}
