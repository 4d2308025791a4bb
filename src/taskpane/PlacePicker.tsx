import {
  Body1,
  Caption1,
  Input,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { type PlaceOption, filterPlaceOptions, messages } from "../domain";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  input: { width: "100%", minWidth: 0, maxWidth: "100%" },
  // Inline below the field, not a popup: it fits the pane and needs no positioning library.
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "280px",
    overflowY: "auto",
  },
  option: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    overflowWrap: "anywhere",
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

/** How many matches the list shows; typing narrows them (the hint says how many match). */
export const SHOWN_PLACES = 12;

const placeText = (o: PlaceOption) => `${o.label} (${messages().recordCount(o.records)})`;

export interface PlacePickerProps {
  /** The field's visible label; also the input's accessible name. */
  readonly label: string;
  readonly options: readonly PlaceOption[];
  readonly value: PlaceOption | null;
  readonly onChange: (place: PlaceOption | null) => void;
}

/** The combobox's state: what is typed, whether the list is open, the highlighted match, the keys. */
function usePlaceCombobox(
  options: readonly PlaceOption[],
  value: PlaceOption | null,
  onChange: (place: PlaceOption | null) => void
) {
  const [query, setQuery] = useState(value?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const all = useMemo(() => filterPlaceOptions(options, query), [options, query]);
  const shown = all.slice(0, SHOWN_PLACES);
  const pick = (o: PlaceOption | undefined) => {
    if (!o) return;
    onChange(o);
    setQuery(o.label);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => Math.min(Math.max(a + step, 0), Math.max(shown.length - 1, 0)));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      pick(shown[active] ?? shown[0]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const type = (typed: string) => {
    setQuery(typed);
    setOpen(true);
    setActive(0);
    if (typed.trim() === "") onChange(null);
  };
  return { query, open, setOpen, active, all, shown, pick, onKeyDown, type };
}

/**
 * A searchable place list, as an ARIA combobox with an inline listbox (WAI-ARIA APG "combobox with
 * listbox popup"): type to filter by name, alias or ISO code; Down and Up move through the matches,
 * Enter picks the highlighted one (or the best match), Escape closes the list. Small on purpose:
 * the pane has a 250 KB budget, and a popup would need a positioning library.
 */
export function PlacePicker({ label, options, value, onChange }: PlacePickerProps) {
  const styles = useStyles();
  const id = useId();
  const m = messages();
  const box = usePlaceCombobox(options, value, onChange);
  const optionId = (i: number) => `${id}-option-${i}`;
  const hint =
    box.all.length > SHOWN_PLACES ? m.placesListed(box.all.length, SHOWN_PLACES) : m.placeHint;
  return (
    <div className={styles.root}>
      <label htmlFor={`${id}-input`}>
        <Body1>{label}</Body1>
      </label>
      <Input
        id={`${id}-input`}
        className={styles.input}
        role="combobox"
        aria-expanded={box.open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-hint`}
        aria-activedescendant={box.open && box.shown[box.active] ? optionId(box.active) : undefined}
        placeholder={m.placePlaceholder}
        value={box.query}
        onChange={(_, d) => box.type(d.value)}
        onKeyDown={box.onKeyDown}
        onBlur={() => box.setOpen(false)}
      />
      <Caption1 id={`${id}-hint`}>{hint}</Caption1>
      {box.open && (
        <PlaceList
          id={`${id}-list`}
          label={m.placeMatches(label)}
          shown={box.shown}
          active={box.active}
          value={value}
          optionId={optionId}
          onPick={box.pick}
        />
      )}
    </div>
  );
}

/** The matches under the field: each place with its record count and a line saying what it is. */
function PlaceList({
  id,
  label,
  shown,
  active,
  value,
  optionId,
  onPick,
}: {
  readonly id: string;
  readonly label: string;
  readonly shown: readonly PlaceOption[];
  readonly active: number;
  readonly value: PlaceOption | null;
  readonly optionId: (i: number) => string;
  readonly onPick: (place: PlaceOption) => void;
}) {
  const styles = useStyles();
  return (
    <ul id={id} role="listbox" aria-label={label} className={styles.list}>
      {shown.length === 0 ? (
        <li role="option" aria-selected={false} aria-disabled className={styles.option}>
          {messages().noPlaceMatches}
        </li>
      ) : (
        shown.map((o, i) => (
          <li
            key={`${o.kind}:${o.value}`}
            id={optionId(i)}
            role="option"
            aria-selected={value?.value === o.value && value.kind === o.kind}
            className={mergeClasses(styles.option, i === active ? styles.active : undefined)}
            // mousedown, not click: the input keeps the focus and the list stays until picked.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(o);
            }}
          >
            <Body1>{placeText(o)}</Body1>
            <Caption1>{o.detail}</Caption1>
          </li>
        ))
      )}
    </ul>
  );
}
