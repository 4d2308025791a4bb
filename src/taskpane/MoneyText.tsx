import { type Currency, messages } from "../domain";

/**
 * An amount as the pane shows it (yen in 億円/万円 in Japanese), with every digit one hover away
 * (the title, also read by screen readers as the description) when the two differ.
 */
export function MoneyText({
  value,
  currency,
}: {
  readonly value: number;
  readonly currency: Currency;
}) {
  const m = messages();
  const shown = m.money(value, currency);
  const exact = m.moneyExact(value, currency);
  return <span title={exact === shown ? undefined : exact}>{shown}</span>;
}
