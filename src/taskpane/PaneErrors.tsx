import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import { clearPaneErrors, paneErrors, subscribePaneErrors } from "./paneErrors";
import { useMessages } from "./useLanguage";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** Failures reported from outside the pane's controls (see paneErrors), such as the workbook not being reachable. */
export function PaneErrors() {
  const styles = useStyles();
  const m = useMessages();
  const errors = useSyncExternalStore(subscribePaneErrors, paneErrors);
  if (errors.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{m.paneErrorsTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={clearPaneErrors}>{m.dismiss}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
