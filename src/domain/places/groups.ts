import * as z from "../zod";
import { japaneseNamesField } from "./japaneseNames";
import { normalizeName } from "./names";
import type { Taxonomy } from "./taxonomy";

const iso2 = z
  .string()
  .check(z.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as VN"));

/** The shape of data/groups.json: country groups with their members, source and funds. */
export const groupsSchema = z.object({
  $comment: z.optional(z.string()),
  groups: z.array(
    z.strictObject({
      id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
      name: z.string().check(z.minLength(1)),
      aliases: z.array(z.string().check(z.minLength(1))),
      members: z.array(iso2).check(z.minLength(1)),
      /** Where the membership comes from, in words. */
      source: z.string().check(z.minLength(1)),
      /** The year the membership holds for. */
      sourceYear: z.number().check(z.int(), z.gte(1900), z.lte(2200)),
      /** Canonical names of the funds that serve the group (data/recipients.json). */
      funds: z.array(z.string().check(z.minLength(1))),
      ja: japaneseNamesField,
      note: z.optional(z.string()),
    })
  ),
});
export type GroupList = z.infer<typeof groupsSchema>;
export type Group = GroupList["groups"][number];

/** The shape of data/recipients.json: organizations and funds with every name they go by. */
export const recipientsSchema = z.object({
  $comment: z.optional(z.string()),
  recipients: z.array(
    z.strictObject({
      name: z.string().check(z.minLength(1)),
      type: z.enum(["organization", "fund"]),
      shortName: z.string().check(z.minLength(1)),
      aliases: z.array(z.string().check(z.minLength(1))),
      ja: japaneseNamesField,
    })
  ),
});
export type RecipientList = z.infer<typeof recipientsSchema>;
export type KnownRecipient = RecipientList["recipients"][number];

/**
 * Problems between the reference files that no single schema sees: members that are not
 * countries of the taxonomy, duplicate members, funds that are not listed recipients, and names
 * used twice. Every bundled file must have none (bundledReference throws otherwise).
 */
export function referenceProblems(
  taxonomy: Taxonomy,
  groups: GroupList,
  recipients: RecipientList
): string[] {
  const problems: string[] = [];
  const countries = new Set(taxonomy.countries.map((c) => c.iso2));
  const funds = new Set(recipients.recipients.map((r) => r.name));
  const ids = new Set<string>();
  for (const g of groups.groups) {
    if (ids.has(g.id)) problems.push(`group id "${g.id}" is used twice`);
    ids.add(g.id);
    const seen = new Set<string>();
    for (const m of g.members) {
      if (!countries.has(m))
        problems.push(`group "${g.name}": member ${m} is not a country of the taxonomy`);
      if (seen.has(m)) problems.push(`group "${g.name}": member ${m} is listed twice`);
      seen.add(m);
    }
    for (const f of g.funds)
      if (!funds.has(f)) problems.push(`group "${g.name}": fund "${f}" is not in recipients.json`);
  }
  // A name may mean one group or one recipient, never two (taxonomy names win over both: see PlaceDirectory).
  const owner = new Map<string, string>();
  const claim = (name: string, who: string) => {
    const key = normalizeName(name);
    const first = owner.get(key);
    if (first !== undefined && first !== who)
      problems.push(`the name "${name}" belongs to both ${first} and ${who}`);
    else owner.set(key, who);
  };
  for (const g of groups.groups)
    for (const n of [g.name, ...g.aliases, ...(g.ja ?? [])]) claim(n, `group "${g.name}"`);
  for (const r of recipients.recipients)
    for (const n of [r.name, r.shortName, ...r.aliases, ...(r.ja ?? [])])
      claim(n, `recipient "${r.name}"`);
  return problems;
}
