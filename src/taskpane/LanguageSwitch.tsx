import { makeStyles, Radio, RadioGroup } from "@fluentui/react-components";
import { type Language, setLanguage } from "../domain";
import { languageOfMessages, useMessages } from "./useLanguage";

const useStyles = makeStyles({ root: { flexWrap: "wrap" } });

/**
 * English / 日本語: each option named in its own language, so either reader finds theirs. The
 * choice lasts for this pane's session; at the next start Office's display language decides again.
 */
export function LanguageSwitch() {
  const styles = useStyles();
  const m = useMessages();
  return (
    <RadioGroup
      layout="horizontal"
      className={styles.root}
      aria-label={m.languageSwitchLabel}
      value={languageOfMessages(m)}
      onChange={(_, data) => setLanguage(data.value as Language)}
    >
      <Radio value="en" label="English" lang="en" />
      <Radio value="ja" label="日本語" lang="ja" />
    </RadioGroup>
  );
}
