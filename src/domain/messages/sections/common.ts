/** Messages every layer shares: unknown names, load failures, unexpected errors. */
export interface CommonMessages {
  /** Appended to an "unknown name" sentence: ` Did you mean "a", "b"?`; "" when nothing is near. */
  readonly didYouMean: (near: readonly string[]) => string;
  /** Appended to a dataset problem clause: `; did you mean a, b?`; "" when nothing is near. */
  readonly didYouMeanInProblem: (near: readonly string[]) => string;
  readonly noRecordWithId: (id: string) => string;
  readonly unknownTheme: (theme: string) => string;
  readonly ledgerNotLoaded: (reason: string) => string;
  readonly functionFailed: (name: string, reason: string) => string;
  readonly notValidJson: (reason: string) => string;
  /** Text from elsewhere (an Excel error's message) ended as a sentence of this language, once. */
  readonly asSentence: (text: string) => string;
}

const quoted = (near: readonly string[]) => near.map((n) => `"${n}"`).join(", ");
const quotedJa = (near: readonly string[]) => near.map((n) => `「${n}」`).join("、");

export const englishCommon: CommonMessages = {
  didYouMean: (near) => (near.length ? ` Did you mean ${quoted(near)}?` : ""),
  didYouMeanInProblem: (near) => (near.length ? `; did you mean ${near.join(", ")}?` : ""),
  noRecordWithId: (id) => `No record has id "${id}".`,
  unknownTheme: (theme) => `unknown theme "${theme}"`,
  ledgerNotLoaded: (reason) => `The ledger could not be loaded: ${reason}`,
  functionFailed: (name, reason) => `${name} failed unexpectedly: ${reason}`,
  notValidJson: (reason) => `not valid JSON: ${reason}`,
  asSentence: (text) => (/[.!?。]\s*$/.test(text) ? text : `${text}.`),
};

export const japaneseCommon: CommonMessages = {
  didYouMean: (near) => (near.length ? ` ${quotedJa(near)}のことですか？` : ""),
  didYouMeanInProblem: (near) => (near.length ? `（${near.join("、")} のことですか？）` : ""),
  noRecordWithId: (id) => `id が「${id}」の記録はありません。`,
  unknownTheme: (theme) => `「${theme}」というテーマはありません`,
  ledgerNotLoaded: (reason) => `台帳を読み込めませんでした: ${reason}`,
  functionFailed: (name, reason) => `${name} で予期しないエラーが起きました: ${reason}`,
  notValidJson: (reason) => `JSON として正しくありません: ${reason}`,
  asSentence: (text) => (/[.!?。．]\s*$/.test(text) ? text : `${text}。`),
};
