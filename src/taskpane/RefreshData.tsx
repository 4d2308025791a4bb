import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
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
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { AidLedger, LoadProgress, Problem } from "../domain";
import { ChangesReview } from "./ChangesReview";
import { messageOf, messages } from "../domain";
import { RefreshProblems } from "./RefreshProblems";
import { useDataActions } from "./paneActions";
import type { PreparedRefresh, RefreshSource } from "./session/ledgerSession";

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  check: { alignSelf: "flex-start" },
  checking: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

type SourceKind = RefreshSource["kind"];

/** Where the refresh stands: nothing checked yet, checking, refused with problems, or ready to apply. */
type Review =
  | { readonly kind: "idle" }
  | { readonly kind: "checking"; readonly progress: LoadProgress | null }
  | {
      readonly kind: "problems";
      readonly problems: readonly Problem[];
      /** The file's text, when the source was a file: to say what it is when it is not a dataset. */
      readonly text: string | null;
    }
  | { readonly kind: "changes"; readonly prepared: PreparedRefresh }
  | { readonly kind: "error"; readonly message: string };

export interface RefreshDataProps {
  /** The ledger the functions answer from now: the diff compares its rates and answers with the new data's. */
  readonly current: AidLedger;
  /** Called when a check starts: the pane's other outcome gives way (one outcome at a time). */
  readonly onStart?: () => void;
  /** False when another action spoke since: the check's result is cleared. */
  readonly shown?: boolean;
  /** True while the tables are being written: nothing else may start. */
  readonly busy: boolean;
  /** Writes the checked data; resolves true when the tables were written. */
  readonly onApply: (prepared: PreparedRefresh) => Promise<boolean>;
}

/**
 * Refresh: pick a source (bundled, a file, a web address), check it completely, see what would
 * change, then apply or cancel. Nothing is written until "Apply changes".
 */
export function RefreshData({ current, onStart, shown = true, busy, onApply }: RefreshDataProps) {
  const styles = useStyles();
  const data = useDataActions();
  const m = messages();
  const headingId = useId();
  const fileId = useId();
  const [kind, setKind] = useState<SourceKind>("bundled");
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState("");
  const [review, setReview] = useState<Review>({ kind: "idle" });
  const checking = review.kind === "checking";
  // Another action spoke (Load data, a briefing copy): this check's outcome is no longer shown.
  useEffect(() => {
    if (!shown) setReview({ kind: "idle" });
  }, [shown]);

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || busy) return;
    onStart?.();
    setReview({ kind: "checking", progress: null });
    const signal = { aborted: false };
    stopCheck.current = () => {
      signal.aborted = true;
    };
    try {
      const source = await readSource(kind, file, url);
      if (typeof source === "string") {
        setReview({ kind: "error", message: source });
        return;
      }
      const prepared = await data.prepare(source, {
        signal,
        onProgress: (progress) => setReview({ kind: "checking", progress }),
      });
      if (signal.aborted) {
        setReview({ kind: "idle" });
        return;
      }
      setReview(
        prepared.ok
          ? { kind: "changes", prepared: prepared.value }
          : {
              kind: "problems",
              problems: prepared.problems,
              text: source.kind === "file" ? source.text : null,
            }
      );
    } catch (e) {
      setReview({
        kind: "error",
        get message() {
          return messages().checkFailed(messageOf(e));
        },
      });
    }
  };

  const cancel = () => setReview({ kind: "idle" });
  /** Stops the check under way: validation stops at its next step, and nothing is prepared. */
  const stopCheck = useRef<() => void>(() => undefined);

  const apply = async (prepared: PreparedRefresh) => {
    if (await onApply(prepared)) setReview({ kind: "idle" });
  };

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 block className={styles.heading} as="h2" id={headingId}>
        {m.refreshHeading}
      </Subtitle2>
      <form className={styles.form} onSubmit={(e) => void check(e)}>
        <Field label={m.refreshFrom}>
          <RadioGroup
            value={kind}
            onChange={(_, data) => {
              setKind(data.value as SourceKind);
              setReview({ kind: "idle" });
            }}
          >
            <Radio value="bundled" label={m.sourceBundled} />
            <Radio value="file" label={m.sourceFile} />
            <Radio value="url" label={m.sourceUrl} />
          </RadioGroup>
        </Field>
        {kind === "file" && (
          <div className={styles.file}>
            <Label htmlFor={fileId}>{m.datasetFile}</Label>
            {/* A native input, so that every browser and automated test can set its files. */}
            <input
              id={fileId}
              type="file"
              accept=".json,.csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReview({ kind: "idle" });
              }}
            />
            <Caption1>{m.datasetFileHint}</Caption1>
          </div>
        )}
        {kind === "url" && (
          <Field label={m.webAddressField}>
            <Input
              type="url"
              value={url}
              placeholder="https://example.org/commitments.json"
              onChange={(_, data) => setUrl(data.value)}
            />
          </Field>
        )}
        <Button type="submit" className={styles.check} disabledFocusable={checking || busy}>
          {m.checkForChanges}
        </Button>
      </form>
      {review.kind === "checking" && (
        <div className={styles.checking}>
          <Body1 role="status">{checkingText(review.progress)}</Body1>
          <Button onClick={() => stopCheck.current()}>{m.cancelCheck}</Button>
        </div>
      )}
      {review.kind === "error" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{review.message}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={cancel}>{m.cancel}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {review.kind === "problems" && (
        <RefreshProblems problems={review.problems} text={review.text} onCancel={cancel} />
      )}
      {review.kind === "changes" && (
        <ChangesReview
          diff={review.prepared.diff}
          before={current}
          after={review.prepared.ledger}
          fixedAddresses={review.prepared.fixedAddresses}
          lostUserValues={review.prepared.lostUserValues}
          replacedEdits={review.prepared.replacedEdits}
          busy={busy}
          onApply={() => void apply(review.prepared)}
          onCancel={cancel}
        />
      )}
    </section>
  );
}

/** The source to check, read from the form; or what is missing, as a sentence. */
async function readSource(
  kind: SourceKind,
  file: File | null,
  url: string
): Promise<RefreshSource | string> {
  if (kind === "bundled") return { kind: "bundled" };
  if (kind === "file") {
    if (!file) return messages().chooseFileFirst;
    return { kind: "file", name: file.name, text: await file.text() };
  }
  const address = url.trim();
  if (!address) return messages().enterAddressFirst;
  return { kind: "url", url: address };
}

/** Where a check has got, in words: "Checking the records: 40%…" (validation's steps, all passes). */
function checkingText(progress: LoadProgress | null): string {
  const m = messages();
  if (!progress) return m.checkingData;
  if (progress.phase === "parsing") return m.readingFile;
  if (progress.phase === "indexing") return m.indexingRecords;
  return m.checkingRecords(Math.floor((100 * progress.done) / Math.max(1, progress.total)));
}
