import { Caption1, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { type WriteProgress, messages } from "../domain";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface WritingProgressProps {
  /** The last report from the write; null until the first (the bar is then indeterminate). */
  readonly progress: WriteProgress | null;
}

/** The bar shown while the tables are written: requests done out of the total, once known. */
export function WritingProgress({ progress }: WritingProgressProps) {
  const styles = useStyles();
  const m = messages();
  return (
    <div className={styles.root}>
      <ProgressBar
        aria-label={m.writingTables}
        value={progress ? progress.done : undefined}
        max={progress ? Math.max(progress.total, 1) : undefined}
        thickness="large"
      />
      <Caption1>
        {progress ? m.writingProgress(progress.done, progress.total) : m.preparingTables}
      </Caption1>
    </div>
  );
}
