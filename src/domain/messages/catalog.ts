/**
 * Every user-facing sentence of the domain, host and pane, keyed by message id. A second language
 * is a second object of type `Messages` (the compiler names any key it misses), chosen at runtime
 * with `setLanguage`. Parameterised messages are functions so that each language orders its words.
 */
export interface Messages {
  /** Appended to an "unknown name" sentence: ` Did you mean "a", "b"?`; "" when nothing is near. */
  readonly didYouMean: (near: readonly string[]) => string;
  /** Appended to a dataset problem clause: `; did you mean a, b?`; "" when nothing is near. */
  readonly didYouMeanInProblem: (near: readonly string[]) => string;
  readonly noRecordWithId: (id: string) => string;
  readonly unknownTheme: (theme: string) => string;
  readonly ledgerNotLoaded: (reason: string) => string;
  readonly functionFailed: (name: string, reason: string) => string;
  readonly notValidJson: (reason: string) => string;
}

const quoted = (near: readonly string[]) => near.map((n) => `"${n}"`).join(", ");

export const english: Messages = {
  didYouMean: (near) => (near.length ? ` Did you mean ${quoted(near)}?` : ""),
  didYouMeanInProblem: (near) => (near.length ? `; did you mean ${near.join(", ")}?` : ""),
  noRecordWithId: (id) => `No record has id "${id}".`,
  unknownTheme: (theme) => `unknown theme "${theme}"`,
  ledgerNotLoaded: (reason) => `The ledger could not be loaded: ${reason}`,
  functionFailed: (name, reason) => `${name} failed unexpectedly: ${reason}`,
  notValidJson: (reason) => `not valid JSON: ${reason}`,
};

const languages = { en: english } satisfies Record<string, Messages>;
export type Language = keyof typeof languages;

let current: Messages = english;

/** The messages of the language chosen with `setLanguage` (English until then). */
export function messages(): Messages {
  return current;
}

/** Chooses the language of every later message (the pane calls it from the UI language). */
export function setLanguage(language: Language): void {
  current = languages[language];
}

/** " Did you mean ...?" in the current language, or "" when nothing is near. */
export function didYouMean(near: readonly string[]): string {
  return current.didYouMean(near);
}

/**
 * The text of anything thrown or rejected, for showing to the user: an Error's message (its name
 * when the message is empty), followed by its causes' messages in parentheses when they add
 * something (Node's fetch puts the network error in `cause`).
 */
export function messageOf(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return typeof error === "string" ? error : String(error);
  const own = error.message || error.name;
  if (error.cause === undefined || depth >= 3) return own;
  const cause = messageOf(error.cause, depth + 1);
  return cause && !own.includes(cause) ? `${own} (${cause})` : own;
}
