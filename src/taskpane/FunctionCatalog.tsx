import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { FunctionSpec } from "../domain";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  item: { display: "flex", flexDirection: "column" },
  example: { fontFamily: tokens.fontFamilyMonospace },
});

export interface FunctionCatalogProps {
  readonly functions: readonly FunctionSpec[];
}

/** The AID functions: name, what each answers, and an example to type in a cell. */
export function FunctionCatalog({ functions }: FunctionCatalogProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby="functions-heading">
      <Subtitle2 as="h2" id="functions-heading">
        Functions
      </Subtitle2>
      <ul className={styles.list}>
        {functions.map((f) => (
          <li key={f.name} className={styles.item}>
            <Body1>
              <strong>{f.name}</strong>: {f.description}
            </Body1>
            <Caption1 className={styles.example}>{f.example}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
