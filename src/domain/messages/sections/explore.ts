/** Messages of the Build, Search, Explain and Functions tabs, and Explain's sentences. English and Japanese side by side: the compiler names a key either misses. */
export interface ExploreMessages {
  /** The section's own name (used by the catalog test that every section is filled). */
  readonly exploreSectionName: string;
}

export const englishExplore: ExploreMessages = {
  exploreSectionName: "explore",
};

export const japaneseExplore: ExploreMessages = {
  exploreSectionName: "explore",
};
