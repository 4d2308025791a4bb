import * as z from "../zod";
import { isJapanese, japaneseNamesField } from "./japaneseNames";
import { nearestNames, normalizeName } from "./names";

export const themesSchema = z.object({
  $comment: z.optional(z.string()),
  themes: z.array(
    z.object({
      id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
      label: z.string().check(z.minLength(1)),
      aliases: z.array(z.string().check(z.minLength(1))),
      ja: japaneseNamesField,
    })
  ),
});
export type ThemeList = z.infer<typeof themesSchema>;
export type Theme = ThemeList["themes"][number];

/** Resolves a typed theme (id, label or alias, any case) to its id. */
export class ThemeDirectory {
  private readonly byName = new Map<string, Theme>();
  private readonly displayNames = new Map<string, string>();
  readonly themes: readonly Theme[];

  constructor(list: ThemeList) {
    this.themes = list.themes;
    for (const theme of list.themes) {
      for (const name of [theme.id, theme.label, ...theme.aliases, ...(theme.ja ?? [])]) {
        const normalized = normalizeName(name);
        if (!this.byName.has(normalized)) this.byName.set(normalized, theme);
        // A mistyped Japanese name is answered with the Japanese name, an English one with the id.
        this.displayNames.set(normalized, isJapanese(name) ? theme.ja![0]! : theme.id);
      }
    }
  }

  resolve(typed: string): Theme | undefined {
    return this.byName.get(normalizeName(typed));
  }

  /** The Japanese name a theme is shown by (テロ対策), or null when the data gives none. */
  japaneseName(id: string): string | null {
    return this.themes.find((t) => t.id === id)?.ja?.[0] ?? null;
  }

  has(id: string): boolean {
    return this.themes.some((t) => t.id === id);
  }

  suggest(typed: string): string[] {
    return nearestNames(typed, this.displayNames);
  }
}
