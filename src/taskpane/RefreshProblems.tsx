import {
  Body1,
  Body1Strong,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { type Problem, diagnoseDatasetText, messages } from "../domain";
import { problemText } from "./problemText";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
    overflowWrap: "anywhere",
  },
  toggle: { alignSelf: "flex-start" },
});

export interface RefreshProblemsProps {
  readonly problems: readonly Problem[];
  /** The file's text when known: lets the pane say what a file that is not a dataset is. */
  readonly text?: string | null;
  /** Clears the view, to pick another source. */
  readonly onCancel: () => void;
}

/**
 * Why a refresh source was refused. When the file is not a dataset at all (an HTML page, a table
 * with other columns), a plain diagnosis, with the problems collapsed behind "Show the N
 * problems". Otherwise every problem, grouped by kind (field or column) and sorted by line.
 */
export function RefreshProblems({ problems, text = null, onCancel }: RefreshProblemsProps) {
  const styles = useStyles();
  const m = messages();
  const { diagnosis, groups, total } = diagnoseDatasetText(text, problems);
  const [expanded, setExpanded] = useState(false);
  const showList = diagnosis === null || expanded;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{diagnosis ? m.notADataset : m.problemsRefused(total)}</MessageBarTitle>
        {diagnosis && <Body1>{diagnosis}</Body1>}
        {diagnosis && (
          <Button
            className={styles.toggle}
            size="small"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? m.hideProblems : m.showProblems(total)}
          </Button>
        )}
        {showList &&
          groups.map((g) => (
            <div key={g.field}>
              <Body1Strong>
                {g.title} ({g.problems.length})
              </Body1Strong>
              <ul className={styles.list} aria-label={g.title}>
                {g.problems.map((p, i) => (
                  <li key={i}>
                    {g.field === "(unknown columns)"
                      ? m.unknownColumnAt(p.line ?? 1, p.field)
                      : problemText(p, "file")}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onCancel}>{m.cancel}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
