import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { type FunctionSpec, messageOf, messages } from "../domain";
import { usePaneActions } from "./paneActions";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  name: { margin: 0 },
  parameters: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  example: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  insert: { alignSelf: "flex-start", maxWidth: "100%", overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface FunctionCatalogProps {
  readonly functions: readonly FunctionSpec[];
}

type Inserted =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly message: string }
  /** The selected cell holds something: ask before replacing it. */
  | {
      readonly ok: false;
      readonly formula: string;
      readonly address: string;
      readonly occupiedBy: string;
    };

/** Inserts an example, asking before replacing what the selected cell holds. */
function useInsertExample() {
  const actions = usePaneActions();
  const [inserted, setInserted] = useState<Inserted | null>(null);
  const insert = async (formula: string, overwrite = false) => {
    setInserted(null);
    try {
      const result = await actions.insertFormula(formula, { overwrite });
      setInserted(
        result.inserted
          ? {
              ok: true,
              get message() {
                return messages().insertedFormula(formula, result.address);
              },
            }
          : { ok: false, formula, address: result.address, occupiedBy: result.occupiedBy }
      );
    } catch (e) {
      setInserted({
        ok: false,
        get message() {
          return messages().couldNotInsert(formula, messageOf(e));
        },
      });
    }
  };
  return { inserted, setInserted, insert };
}

/** The AID functions: what each answers, its arguments, and an example to insert into the selected cell. */
export function FunctionCatalog({ functions }: FunctionCatalogProps) {
  const styles = useStyles();
  const headingId = useId();
  const m = messages();
  const { inserted, setInserted, insert } = useInsertExample();
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        {m.functionsHeading}
      </Subtitle2>
      {inserted && "occupiedBy" in inserted ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {m.holdsReplace(inserted.address, inserted.occupiedBy, inserted.formula)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void insert(inserted.formula, true)}>{m.replace}</Button>
            <Button onClick={() => setInserted(null)}>{m.keep}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Body1 role="status" className={inserted?.ok === false ? styles.error : undefined}>
          {inserted === null ? m.functionsHint : inserted.message}
        </Body1>
      )}
      <ul className={styles.list}>
        {functions.map((f) => (
          <FunctionEntry key={f.name} spec={f} onInsert={(example) => void insert(example)} />
        ))}
      </ul>
    </section>
  );
}

/** One function: its description, its arguments (optional ones marked), and its example. */
function FunctionEntry({
  spec: f,
  onInsert,
}: {
  readonly spec: FunctionSpec;
  readonly onInsert: (example: string) => void;
}) {
  const styles = useStyles();
  const m = messages();
  return (
    <li className={styles.item}>
      <Subtitle2 as="h3" className={styles.name}>
        {f.name}
      </Subtitle2>
      <Body1>{m.functionDescription(f.name, f.description)}</Body1>
      {f.parameters.length === 0 ? (
        <Body1>{m.noArguments}</Body1>
      ) : (
        <ul className={styles.parameters} aria-label={m.argumentsOf(f.name)}>
          {f.parameters.map((p) => (
            <li key={p.name}>
              <Body1>
                <code lang="en">{p.name}</code>
                {p.optional ? m.optional : ""}:{" "}
                {m.parameterDescription(f.name, p.name, p.description)}
              </Body1>
            </li>
          ))}
        </ul>
      )}
      <Caption1 className={styles.example}>{m.exampleLine(f.example)}</Caption1>
      <Button className={styles.insert} onClick={() => onInsert(f.example)}>
        {m.insertExample(f.example)}
      </Button>
    </li>
  );
}
