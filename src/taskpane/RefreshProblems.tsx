import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Problem } from "../domain";
import { problemText } from "./problemText";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
    overflowWrap: "anywhere",
  },
});

export interface RefreshProblemsProps {
  readonly problems: readonly Problem[];
  /** Clears the view, to pick another source. */
  readonly onCancel: () => void;
}

/** Why a refresh source was refused: every problem, with its line, record, id and field. */
export function RefreshProblems({ problems, onCancel }: RefreshProblemsProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {problems.length} {problems.length === 1 ? "problem" : "problems"}; nothing was changed
        </MessageBarTitle>
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={i}>{problemText(p, "file")}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onCancel}>Cancel</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
