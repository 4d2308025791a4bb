import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type Problem, messages } from "../domain";
import { problemText } from "./problemText";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface EditProblemsProps {
  readonly problems: readonly Problem[];
}

/**
 * The user's edits of the Commitments or Rates tables that were not taken in, by sheet row and
 * field, and that the derived tables show the last accepted data until they are fixed.
 */
export function EditProblems({ problems }: EditProblemsProps) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  const m = messages();
  return (
    <MessageBar intent="warning" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{m.editsNotTakenIn}</MessageBarTitle>
        {/* Facts, Rates and the Summary follow only accepted data: say that they lag, while they do. */}
        {m.derivedTablesLag(problems.length)}
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={i}>{problemText(p, "sheet")}</li>
          ))}
        </ul>
        {m.editsKeepLastValid}
      </MessageBarBody>
    </MessageBar>
  );
}
