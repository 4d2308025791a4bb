import { Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ERROR_TEXT, type Explanation } from "../domain";
import { answerText } from "./answerText";
import { ExplainedRecordsTable } from "./ExplainedRecordsTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ExplanationDetailsProps {
  readonly explanation: Explanation;
}

/** How one AID formula is computed: the call, its answer or error, the arguments' reading, the rate and the records. */
export function ExplanationDetails({ explanation: e }: ExplanationDetailsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1 className={styles.formula}>={e.call}</Body1>
      {e.error ? (
        <Body1>
          <Body1Strong>Error {ERROR_TEXT[e.error.code]}</Body1Strong>: {e.error.message}
        </Body1>
      ) : (
        <Body1>
          <Body1Strong>Answer</Body1Strong>: {answerText(e.answer)}
        </Body1>
      )}
      {e.reading.length > 0 && (
        <div>
          <Body1Strong>Read as</Body1Strong>
          <ul className={styles.list} aria-label="Read as">
            {e.reading.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {e.rateDerivation && (
        <Body1>
          <Body1Strong>Rate</Body1Strong>: {e.rateDerivation}
        </Body1>
      )}
      {e.records.length > 0 ? (
        <>
          <Body1Strong>
            {e.records.length} matching {e.records.length === 1 ? "record" : "records"}
          </Body1Strong>
          <ExplainedRecordsTable records={e.records} />
        </>
      ) : (
        !e.rateDerivation && <Caption1>No records match.</Caption1>
      )}
    </div>
  );
}
