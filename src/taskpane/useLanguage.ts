import { useSyncExternalStore } from "react";
import { type Language, type Messages, japanese, messages, onLanguageChange } from "../domain";

const subscribe = (onChange: () => void) => onLanguageChange(onChange);

/**
 * The messages of the pane's language; the component re-renders when the language changes. The
 * pane's root calls it, so every part below renders again in the new language.
 */
export function useMessages(): Messages {
  return useSyncExternalStore(subscribe, messages);
}

/** The language the messages are in (the catalog holds one object per language). */
export function languageOfMessages(chosen: Messages): Language {
  return chosen === japanese ? "ja" : "en";
}
