/** Messages of the AID functions' error messages (bad arguments, unknown places, missing rates). English and Japanese side by side: the compiler names a key either misses. */
export interface FunctionMessages {
  /** The section's own name (used by the catalog test that every section is filled). */
  readonly functionsSectionName: string;
}

export const englishFunction: FunctionMessages = {
  functionsSectionName: "functions",
};

export const japaneseFunction: FunctionMessages = {
  functionsSectionName: "functions",
};
