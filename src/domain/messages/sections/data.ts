/** Messages of the Data tab, the status line, the pane's shell (tabs, language switch, errors). English and Japanese side by side: the compiler names a key either misses. */
export interface DataMessages {
  /** The section's own name (used by the catalog test that every section is filled). */
  readonly dataSectionName: string;
}

export const englishData: DataMessages = {
  dataSectionName: "data",
};

export const japaneseData: DataMessages = {
  dataSectionName: "data",
};
