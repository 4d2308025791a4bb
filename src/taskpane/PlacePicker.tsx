import {
  Body1,
  Caption1,
  Input,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { type PlaceOption, filterPlaceOptions } from "../domain";

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

const placeText = (o: PlaceOption) =>
  `${o.label} (${o.records} ${o.records === 1 ? "record" : "records"})`;

export interface PlacePickerProps {
  /** The field's visible label; also the input's accessible name. */
  readonly label: string;
  readonly options: readonly PlaceOption[];
  readonly value: PlaceOption | null;
  readonly onChange: (place: PlaceOption | null) => void;
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
  const [query, setQuery] = useState(value?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const all = useMemo(() => filterPlaceOptions(options, query), [options, query]);
  const shown = all.slice(0, SHOWN_PLACES);
  const optionId = (i: number) => `${id}-option-${i}`;

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
  const hint =
    all.length > SHOWN_PLACES
      ? `${all.length} places match; the first ${SHOWN_PLACES} are listed. Type to narrow.`
      : "Type a region, country, ISO code, group (ASEAN, LDC) or organization.";
  return (
    <div className={styles.root}>
      <label htmlFor={`${id}-input`}>
        <Body1>{label}</Body1>
      </label>
      <Input
        id={`${id}-input`}
        className={styles.input}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-hint`}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        placeholder="Africa, Viet Nam, VN, UNODC…"
        value={query}
        onChange={(_, d) => {
          setQuery(d.value);
          setOpen(true);
          setActive(0);
          if (d.value.trim() === "") onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <Caption1 id={`${id}-hint`}>{hint}</Caption1>
      {open && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={`${label} matches`}
          className={styles.list}
        >
          {shown.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled className={styles.option}>
              No place matches
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
                  pick(o);
                }}
              >
                <Body1>{placeText(o)}</Body1>
                <Caption1>{o.detail}</Caption1>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
