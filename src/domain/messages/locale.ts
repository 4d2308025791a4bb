import type { Language } from "./catalog";

/** The BCP 47 locale whose conventions (digit grouping, dates) each language's text follows. */
export function localeOf(language: Language): string {
  return language === "ja" ? "ja-JP" : "en-US";
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count or plain number with the locale's grouping ("1,234"); at most `fractionDigits` decimals. */
export function formatNumber(
  value: number | bigint,
  language: Language,
  fractionDigits = 2
): string {
  const key = `${language}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: fractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
