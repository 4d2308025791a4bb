/** Messages of writes, refreshes, reviews and refusals (what the writer and preflight say). English and Japanese side by side: the compiler names a key either misses. */
export interface WorkbookMessages {
  /** The section's own name (used by the catalog test that every section is filled). */
  readonly workbookSectionName: string;
}

export const englishWorkbook: WorkbookMessages = {
  workbookSectionName: "workbook",
};

export const japaneseWorkbook: WorkbookMessages = {
  workbookSectionName: "workbook",
};
