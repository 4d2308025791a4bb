import * as z from "../zod";
import { nearestNames, normalizeName } from "./names";

export const themesSchema = z.object({
  $comment: z.optional(z.string()),
  themes: z.array(
    z.object({
      id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
      label: z.string().check(z.minLength(1)),
      aliases: z.array(z.string().check(z.minLength(1))),
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
      for (const name of [theme.id, theme.label, ...theme.aliases]) {
        const normalized = normalizeName(name);
        if (!this.byName.has(normalized)) this.byName.set(normalized, theme);
        this.displayNames.set(normalized, theme.id);
      }
    }
  }

  resolve(typed: string): Theme | undefined {
    return this.byName.get(normalizeName(typed));
  }

  has(id: string): boolean {
    return this.themes.some((t) => t.id === id);
  }

  suggest(typed: string): string[] {
    return nearestNames(typed, this.displayNames);
  }
}
