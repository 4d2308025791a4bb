/**
 * Every user-facing sentence of the domain, host and pane, keyed by message id, in English and
 * Japanese. The sentences live in `sections/` (one file per area, both languages side by side);
 * this module joins them and chooses the language at runtime with `setLanguage`. Parameterised
 * messages are functions so that each language orders its own words.
 */
import { type CommonMessages, englishCommon, japaneseCommon } from "./sections/common";
import { type DataMessages, englishData, japaneseData } from "./sections/data";
import { type ExploreMessages, englishExplore, japaneseExplore } from "./sections/explore";
import { englishFunction, type FunctionMessages, japaneseFunction } from "./sections/functions";
import { englishSession, japaneseSession, type SessionMessages } from "./sections/session";
import {
  englishValidation,
  japaneseValidation,
  type ValidationMessages,
} from "./sections/validation";
import { englishWorkbook, japaneseWorkbook, type WorkbookMessages } from "./sections/workbook";

export type Messages = CommonMessages &
  DataMessages &
  WorkbookMessages &
  ExploreMessages &
  FunctionMessages &
  SessionMessages &
  ValidationMessages;

export const english: Messages = {
  ...englishCommon,
  ...englishData,
  ...englishWorkbook,
  ...englishExplore,
  ...englishFunction,
  ...englishSession,
  ...englishValidation,
};

export const japanese: Messages = {
  ...japaneseCommon,
  ...japaneseData,
  ...japaneseWorkbook,
  ...japaneseExplore,
  ...japaneseFunction,
  ...japaneseSession,
  ...japaneseValidation,
};

const languages = { en: english, ja: japanese } satisfies Record<string, Messages>;
export type Language = keyof typeof languages;

let current: Messages = english;

/** The messages of the language chosen with `setLanguage` (English until then). */
export function messages(): Messages {
  return current;
}

/** Chooses the language of every later message (the pane calls it from the UI language). */
export function setLanguage(language: Language): void {
  if (current === languages[language]) return;
  current = languages[language];
  for (const listener of listeners) listener(language);
}

const listeners = new Set<(language: Language) => void>();

/** Calls `listener` after every change of language (the pane re-renders); returns the unsubscribe. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language Office reports (`Office.context.displayLanguage`, e.g. "ja-JP"): ja-* is Japanese. */
export function languageOf(displayLanguage: string | undefined): Language {
  return /^ja(-|$)/i.test(displayLanguage ?? "") ? "ja" : "en";
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
