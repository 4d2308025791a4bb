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
import type { FunctionSpec } from "../domain";
import { messageOf } from "../domain";
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

/** The AID functions: what each answers, its arguments, and an example to insert into the selected cell. */
export function FunctionCatalog({ functions }: FunctionCatalogProps) {
  const styles = useStyles();
  const headingId = useId();
  const actions = usePaneActions();
  const [inserted, setInserted] = useState<Inserted | null>(null);
  const insert = async (formula: string, overwrite = false) => {
    setInserted(null);
    try {
      const result = await actions.insertFormula(formula, { overwrite });
      setInserted(
        result.inserted
          ? { ok: true, message: `Inserted ${formula} into ${result.address}.` }
          : { ok: false, formula, address: result.address, occupiedBy: result.occupiedBy }
      );
    } catch (e) {
      setInserted({ ok: false, message: `Could not insert ${formula}: ${messageOf(e)}` });
    }
  };
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        Functions
      </Subtitle2>
      {inserted && "occupiedBy" in inserted ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {inserted.address} holds {inserted.occupiedBy}. Replace it with {inserted.formula}?
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void insert(inserted.formula, true)}>Replace</Button>
            <Button onClick={() => setInserted(null)}>Keep</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Body1 role="status" className={inserted?.ok === false ? styles.error : undefined}>
          {inserted === null
            ? "Insert an example into the selected cell, then change its arguments."
            : inserted.message}
        </Body1>
      )}
      <ul className={styles.list}>
        {functions.map((f) => (
          <li key={f.name} className={styles.item}>
            <Subtitle2 as="h3" className={styles.name}>
              {f.name}
            </Subtitle2>
            <Body1>{f.description}</Body1>
            {f.parameters.length === 0 ? (
              <Body1>No arguments.</Body1>
            ) : (
              <ul className={styles.parameters} aria-label={`${f.name} arguments`}>
                {f.parameters.map((p) => (
                  <li key={p.name}>
                    <Body1>
                      <code>{p.name}</code>
                      {p.optional ? " (optional)" : ""}: {p.description}
                    </Body1>
                  </li>
                ))}
              </ul>
            )}
            <Caption1 className={styles.example}>Example: {f.example}</Caption1>
            <Button className={styles.insert} onClick={() => void insert(f.example)}>
              Insert {f.example}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
