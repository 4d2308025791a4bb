import {
  Body1,
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
  type Choice,
  type Currency,
  type FormulaPreview,
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
  messageOf,
  messages,
  previewFormula,
} from "../domain";
import { MoneyText } from "./MoneyText";
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

/** The builder's lists, from the data, in the current language (messages() changes with it). */
function useChoices(ledger: AidLedger, places: readonly PlaceOption[] | undefined) {
  const m = messages();
  return useMemo(
    () => ({
      places: places ?? listPlaceOptions(ledger, bundledReference().taxonomy),
      years: listYearChoices(ledger),
      themes: listThemes(ledger),
      kinds: listKinds(),
      currencies: listCurrencies(),
      language: m,
    }),
    [ledger, places, m]
  );
}

/** Inserts the formula, asking before replacing what the cell holds; the outcome to show. */
function useInsert(formula: string | null) {
  const actions = usePaneActions();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const insert = async (overwrite: boolean) => {
    if (!formula) return;
    try {
      const result = await actions.insertFormula(formula, { overwrite });
      setOutcome(
        result.inserted
          ? { kind: "inserted", formula, address: result.address }
          : { kind: "occupied", formula, address: result.address, occupiedBy: result.occupiedBy }
      );
    } catch (e) {
      setOutcome({
        kind: "failed",
        get message() {
          return messages().couldNotInsert(formula, messageOf(e));
        },
      });
    }
  };
  return { outcome, setOutcome, insert };
}

/** What is picked, and the picks as the formula writes them. */
function usePicks() {
  const [place, setPlace] = useState<PlaceOption | null>(null);
  const [year, setYear] = useState(ANY);
  const [theme, setTheme] = useState(ANY);
  const [kind, setKind] = useState(ANY);
  const [currency, setCurrency] = useState("USD");
  const picks: BuilderPicks = {
    place: place?.value ?? null,
    // A plain year is written as a number (2016), a fiscal year as text ("FY2016").
    year: year === ANY ? null : /^\d+$/.test(year) ? Number(year) : year,
    theme: theme === ANY ? null : theme,
    kind: kind === ANY ? null : kind,
    currency: currency === "USD" ? null : currency,
  };
  return {
    place,
    setPlace,
    year,
    setYear,
    theme,
    setTheme,
    kind,
    setKind,
    currency,
    setCurrency,
    picks,
  };
}

/** The functions offered, each with what it answers. */
function FunctionChoice({
  offered,
  value,
  onChange,
}: {
  readonly offered: readonly FunctionSpec[];
  readonly value: string;
  readonly onChange: (name: string) => void;
}) {
  const m = messages();
  return (
    <Field label={m.functionLabel}>
      <RadioGroup value={value} onChange={(_, d) => onChange(d.value)}>
        {offered.map((f) => (
          <Radio
            key={f.name}
            value={f.name}
            label={`${f.name}: ${m.functionDescription(f.name, f.description)}`}
          />
        ))}
      </RadioGroup>
    </Field>
  );
}

/**
 * The formula builder: pick a function, a place from a searchable list, a year, theme, kind and
 * currency from the data's own lists; the formula, its answer and the number of records behind it
 * follow every pick; Insert puts it into the selected cell, asking before replacing what is there.
 * Keyboard only: Tab between pickers, type to search places, arrows and Enter to choose.
 */
export function FormulaBuilder({ ledger, functions, places }: FormulaBuilderProps) {
  const styles = useStyles();
  const headingId = useId();
  const m = messages();
  const offered = useMemo(() => functions ?? builderFunctions(FUNCTIONS), [functions]);
  const [name, setName] = useState(offered[0]?.name ?? "AIDTOTAL");
  const spec = offered.find((f) => f.name === name) ?? offered[0]!;
  const choices = useChoices(ledger, places);
  const picked = usePicks();
  const { picks } = picked;
  const preview = picked.place ? previewFormula(ledger, spec.name, picks) : null;
  const { outcome, setOutcome, insert } = useInsert(preview?.formula ?? null);
  // Any new pick makes the last insert's outcome stale.
  useEffect(
    () => setOutcome(null),
    [name, picked.place, picked.year, picked.theme, picked.kind, picked.currency, setOutcome]
  );
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        {m.buildHeading}
      </Subtitle2>
      <FunctionChoice offered={offered} value={spec.name} onChange={setName} />
      <PlacePicker
        label={m.placeLabel}
        options={choices.places}
        value={picked.place}
        onChange={picked.setPlace}
      />
      <FilterPickers idPrefix={headingId} spec={spec} choices={choices} picked={picked} />
      <PreviewPanel
        preview={preview}
        currency={spec.measure === "money" ? ((picks.currency as Currency | null) ?? "USD") : null}
      />
      <Button
        appearance="primary"
        className={styles.insert}
        disabledFocusable={!preview}
        onClick={() => void insert(false)}
      >
        {m.insertIntoSelected}
      </Button>
      <InsertOutcome
        outcome={outcome}
        onReplace={() => void insert(true)}
        onKeep={() => setOutcome(null)}
      />
    </section>
  );
}

/** The year, currency, theme and kind pickers the function has parameters for. */
function FilterPickers({
  idPrefix,
  spec,
  choices,
  picked: p,
}: {
  readonly idPrefix: string;
  readonly spec: FunctionSpec;
  readonly choices: ReturnType<typeof useChoices>;
  readonly picked: ReturnType<typeof usePicks>;
}) {
  const m = messages();
  const roles = new Set<ParameterRole>(spec.parameters.map((x) => x.role));
  const defaultKind = String(spec.parameters.find((x) => x.role === "kind")?.default ?? "all");
  const dropdown = (label: string, value: string, set: (v: string) => void, list: Choice[]) => (
    <Dropdown
      id={`${idPrefix}-${label}`}
      label={label}
      value={value}
      onChange={set}
      choices={list}
    />
  );
  return (
    <>
      {roles.has("year") &&
        dropdown(m.yearLabel, p.year, p.setYear, [
          { value: ANY, label: m.anyYear },
          ...choices.years,
        ])}
      {roles.has("currency") &&
        dropdown(m.currencyLabel, p.currency, p.setCurrency, choices.currencies)}
      {roles.has("theme") &&
        dropdown(m.themeLabel, p.theme, p.setTheme, [
          { value: ANY, label: m.anyTheme },
          ...choices.themes,
        ])}
      {roles.has("kind") &&
        dropdown(m.kindLabel, p.kind, p.setKind, [
          { value: ANY, label: m.defaultKind(m.kindName(defaultKind)) },
          ...choices.kinds,
        ])}
    </>
  );
}

/** A labelled native select: the keyboard works as everywhere else (arrows, type-ahead), in any host. */
function Dropdown({
  id,
  label,
  value,
  onChange,
  choices,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly choices: readonly Choice[];
}) {
  const styles = useStyles();
  return (
    <div className={styles.field}>
      <Label htmlFor={id}>{label}</Label>
      <select
        id={id}
        className={styles.select}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {choices.map((c) => (
          <option key={c.value || "any"} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The formula and its live answer (a money answer with its exact figure on hover). */
function PreviewPanel({
  preview,
  currency,
}: {
  readonly preview: FormulaPreview | null;
  /** The answer's currency for a money answer; null for a count. */
  readonly currency: Currency | null;
}) {
  const styles = useStyles();
  const m = messages();
  const money = currency !== null && typeof preview?.answer === "number" ? currency : null;
  const answer = typeof preview?.answer === "number" ? preview.answer : null;
  // Where the answer reads in units (2,530億円), its exact figure is a hover away on this line.
  const rounded =
    money !== null && answer !== null && m.money(answer, money) !== m.moneyExact(answer, money);
  return (
    <div className={styles.preview} role="region" aria-label={m.formulaAndAnswer}>
      {preview ? (
        <>
          <Body1 className={styles.formula}>{preview.formula}</Body1>
          <Body1
            role="status"
            aria-live="polite"
            className={preview.error ? styles.error : undefined}
          >
            {preview.error
              ? m.answersError(ERROR_TEXT[preview.error.code], preview.error.message)
              : m.previewAnswers(
                  answerSummary(preview.answer, money),
                  preview.records,
                  preview.apart
                )}
          </Body1>
          {rounded && (
            <Caption1>
              {m.answerLabel}: <MoneyText value={answer} currency={money} />
            </Caption1>
          )}
        </>
      ) : (
        <Body1 role="status" aria-live="polite">
          {m.pickPlaceFirst}
        </Body1>
      )}
    </div>
  );
}

/** What the last insert did: inserted, a question before replacing, or why it failed. */
function InsertOutcome({
  outcome,
  onReplace,
  onKeep,
}: {
  readonly outcome: Outcome | null;
  readonly onReplace: () => void;
  readonly onKeep: () => void;
}) {
  const m = messages();
  const replaceRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (outcome?.kind === "occupied") replaceRef.current?.focus();
  }, [outcome]);
  if (outcome?.kind === "inserted")
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{m.insertedFormula(outcome.formula, outcome.address)}</MessageBarBody>
      </MessageBar>
    );
  if (outcome?.kind === "occupied")
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          {m.alreadyHolds(outcome.address, outcome.occupiedBy, outcome.formula)}
        </MessageBarBody>
        <MessageBarActions>
          <Button ref={replaceRef} onClick={onReplace}>
            {m.replace}
          </Button>
          <Button onClick={onKeep}>{m.keepIt}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (outcome?.kind === "failed")
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>{outcome.message}</MessageBarBody>
      </MessageBar>
    );
  return null;
}
