import { type KeyboardEvent, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { type Spreadsheet, addressOf } from "./spreadsheet";
import { messageOf } from "../domain";

/** A request to edit the selected cell: `id` changes per request; `text`, when given, replaces the content. */
export interface EditRequest {
  readonly id: number;
  readonly text?: string;
}

export interface FormulaBarProps {
  readonly spreadsheet: Spreadsheet;
  readonly editRequest: EditRequest;
  /** Called after Enter or Escape, to give the focus back to the grid. */
  readonly onDone: () => void;
}

/**
 * The selected cell's address and content (its formula, or its value as typed). Enter writes what
 * was typed into the cell, as the user, and moves down as Excel does; Escape drops it. A refused
 * edit says why.
 */
export function FormulaBar({ spreadsheet, editRequest, onDone }: FormulaBarProps) {
  useSyncExternalStore(spreadsheet.subscribe, () => spreadsheet.version);
  const at = spreadsheet.selection;
  const key = `${at.sheet}!${at.row}:${at.col}`;
  const [draft, setDraft] = useState<{ key: string; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const text = draft?.key === key ? draft.text : spreadsheet.input(at);
  // An error's message, which Excel shows on the cell's error indicator, shown here for the selected cell.
  const shown = spreadsheet.display(at);
  const errorNote =
    shown.kind === "error" && shown.message ? `${shown.text}: ${shown.message}` : null;

  useEffect(() => {
    if (editRequest.id === 0) return;
    input.current?.focus();
    if (editRequest.text !== undefined) setDraft({ key, text: editRequest.text });
    // Only a new request starts an edit (the key is the selection at that moment), hence one dependency.
  }, [editRequest.id]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      try {
        spreadsheet.typeInto(at, text);
        setProblem(null);
        setDraft(null);
        spreadsheet.select(at.sheet, at.row + (event.shiftKey ? -1 : 1), at.col);
        onDone();
      } catch (e) {
        setProblem(messageOf(e));
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDraft(null);
      setProblem(null);
      onDone();
    }
  };

  return (
    <div className="formula-bar">
      <output className="name-box" aria-label="Selected cell">
        {addressOf(at.row, at.col)}
      </output>
      <span className="fx" aria-hidden="true">
        fx
      </span>
      <input
        ref={input}
        aria-label="Formula bar"
        spellCheck={false}
        value={text}
        onChange={(event) => setDraft({ key, text: event.target.value })}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <span className="formula-problem" role="note">
          {problem}
        </span>
      )}
      {!problem && errorNote && (
        <span
          className="formula-problem"
          role="status"
          aria-label="Error of the selected cell"
          title={errorNote}
        >
          {errorNote}
        </span>
      )}
    </div>
  );
}
