import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Label,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  type AidLedger,
  type BuilderPicks,
  type FunctionSpec,
  type ParameterRole,
  type PlaceOption,
  ERROR_TEXT,
  FUNCTIONS,
  answerSummary,
  builderFunctions,
  bundledReference,
  listCurrencies,
  listKinds,
  listPlaceOptions,
  listThemes,
  listYearChoices,
  previewFormula,
} from "../domain";
import { messageOf } from "../domain";
import { PlacePicker } from "./PlacePicker";
import { usePaneActions } from "./paneActions";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // Pickers fill the pane's width and never push it wider.
  picker: { width: "100%", minWidth: 0, maxWidth: "100%" },
  // A native select, styled to sit with Fluent's controls (Fluent's Select adds about 2 KB gzip).
  select: {
    width: "100%",
    minWidth: 0,
    maxWidth: "100%",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
  },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  option: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  insert: { alignSelf: "flex-start", maxWidth: "100%" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const ANY = "";

export interface FormulaBuilderProps {
  /** The ledger the functions answer from: the lists and the answer follow it. */
  readonly ledger: AidLedger;
  /** The functions offered (default: those of the catalog whose arguments are all filters). */
  readonly functions?: readonly FunctionSpec[];
  /** Where the place list comes from (default: the bundled taxonomy, with the ledger's recipients). */
  readonly places?: readonly PlaceOption[];
}

type Outcome =
  | { readonly kind: "inserted"; readonly formula: string; readonly address: string }
  | {
      readonly kind: "occupied";
      readonly formula: string;
      readonly address: string;
      readonly occupiedBy: string;
    }
  | { readonly kind: "failed"; readonly message: string };

/**
 * The formula builder: pick a function, a place from a searchable list, a year, theme, kind and
 * currency from the data's own lists; the formula, its answer and the number of records behind it
 * follow every pick; Insert puts it into the selected cell, asking before replacing what is there.
 * Keyboard only: Tab between pickers, type to search places, arrows and Enter to choose.
 */
export function FormulaBuilder({ ledger, functions, places }: FormulaBuilderProps) {
  const styles = useStyles();
  const headingId = useId();
  const actions = usePaneActions();
  const offered = useMemo(() => functions ?? builderFunctions(FUNCTIONS), [functions]);
  const [name, setName] = useState(offered[0]?.name ?? "AIDTOTAL");
  const spec = offered.find((f) => f.name === name) ?? offered[0]!;
  const roles = new Set<ParameterRole>(spec.parameters.flatMap((p) => (p.role ? [p.role] : [])));

  const placeOptions = useMemo(
    () => places ?? listPlaceOptions(ledger, bundledReference().taxonomy),
    [ledger, places]
  );
  const years = useMemo(() => listYearChoices(ledger), [ledger]);
  const themes = useMemo(() => listThemes(ledger), [ledger]);
  const kinds = useMemo(() => listKinds(), []);
  const currencies = useMemo(() => listCurrencies(), []);

  const [place, setPlace] = useState<PlaceOption | null>(null);
  const [year, setYear] = useState(ANY);
  const [theme, setTheme] = useState(ANY);
  const [kind, setKind] = useState(ANY);
  const [currency, setCurrency] = useState("USD");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);

  const picks: BuilderPicks = {
    place: place?.value ?? null,
    // A plain year is written as a number (2016), a fiscal year as text ("FY2016").
    year: year === ANY ? null : /^\d+$/.test(year) ? Number(year) : year,
    theme: theme === ANY ? null : theme,
    kind: kind === ANY ? null : kind,
    currency: currency === "USD" ? null : currency,
  };
  const preview = place ? previewFormula(ledger, spec.name, picks) : null;
  const defaultKind = spec.parameters.find((p) => p.role === "kind")?.default;

  // Any new pick makes the last insert's outcome stale.
  useEffect(() => setOutcome(null), [name, place, year, theme, kind, currency]);
  useEffect(() => {
    if (outcome?.kind === "occupied") replaceRef.current?.focus();
  }, [outcome]);

  const insert = async (overwrite: boolean) => {
    if (!preview) return;
    const formula = preview.formula;
    try {
      const result = await actions.insertFormula(formula, { overwrite });
      setOutcome(
        result.inserted
          ? { kind: "inserted", formula, address: result.address }
          : { kind: "occupied", formula, address: result.address, occupiedBy: result.occupiedBy }
      );
    } catch (e) {
      setOutcome({ kind: "failed", message: `Could not insert ${formula}: ${messageOf(e)}` });
    }
  };

  const dropdown = (
    label: string,
    value: string,
    set: (v: string) => void,
    choices: readonly { value: string; label: string }[],
    hint?: string
  ) => {
    const id = `${headingId}-${label}`;
    return (
      <div className={styles.field}>
        <Label htmlFor={id}>{label}</Label>
        {/* A native select: the keyboard works as everywhere else (arrows, type-ahead), in any host. */}
        <select
          id={id}
          className={styles.select}
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => set(e.target.value)}
        >
          {choices.map((c) => (
            <option key={c.value || "any"} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {hint && <Caption1 id={`${id}-hint`}>{hint}</Caption1>}
      </div>
    );
  };

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        Build a formula
      </Subtitle2>
      <Field label="Function">
        <RadioGroup value={spec.name} onChange={(_, d) => setName(d.value)}>
          {offered.map((f) => (
            <Radio key={f.name} value={f.name} label={`${f.name}: ${f.description}`} />
          ))}
        </RadioGroup>
      </Field>
      <PlacePicker label="Place" options={placeOptions} value={place} onChange={setPlace} />
      {roles.has("year") &&
        dropdown("Year", year, setYear, [{ value: ANY, label: "Any year" }, ...years])}
      {roles.has("currency") &&
        dropdown(
          "Currency",
          currency,
          setCurrency,
          currencies.map((c) => c)
        )}
      {roles.has("theme") &&
        dropdown("Theme", theme, setTheme, [{ value: ANY, label: "Any theme" }, ...themes])}
      {roles.has("kind") &&
        dropdown("Kind", kind, setKind, [
          { value: ANY, label: `Default (${defaultKind ?? "all"})` },
          ...kinds,
        ])}
      <div className={styles.preview} role="region" aria-label="Formula and answer">
        {preview ? (
          <>
            <Body1 className={styles.formula}>{preview.formula}</Body1>
            <Body1
              role="status"
              aria-live="polite"
              className={preview.error ? styles.error : undefined}
            >
              {preview.error
                ? `Answers ${ERROR_TEXT[preview.error.code]}: ${preview.error.message}`
                : `Answers ${answerSummary(preview.answer)}, from ${preview.records} ${preview.records === 1 ? "record" : "records"}${preview.apart ? ` (${preview.apart} more match but add nothing)` : ""}.`}
            </Body1>
          </>
        ) : (
          <Body1 role="status" aria-live="polite">
            Pick a place to see the formula and its answer.
          </Body1>
        )}
      </div>
      <Button
        appearance="primary"
        className={styles.insert}
        disabledFocusable={!preview}
        onClick={() => void insert(false)}
      >
        Insert into the selected cell
      </Button>
      {outcome?.kind === "inserted" && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <Body1Strong>Inserted</Body1Strong> {outcome.formula} into {outcome.address}.
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "occupied" && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            {outcome.address} already holds {outcome.occupiedBy}. Replace it with {outcome.formula}?
          </MessageBarBody>
          <MessageBarActions>
            <Button ref={replaceRef} onClick={() => void insert(true)}>
              Replace
            </Button>
            <Button onClick={() => setOutcome(null)}>Keep it</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {outcome?.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
