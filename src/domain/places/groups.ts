import * as z from "../zod";
import { say } from "../dataset/schema";
import { messages } from "../messages/catalog";
import type { NameOwner } from "../messages/sections/validation";
import { japaneseNamesField } from "./japaneseNames";
import { normalizeName } from "./names";
import type { Taxonomy } from "./taxonomy";

const iso2 = z.string().check(z.regex(/^[A-Z]{2}$/, say("isoCodeRule")));

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
  const m = messages();
  const problems: string[] = [];
  const countries = new Set(taxonomy.countries.map((c) => c.iso2));
  const funds = new Set(recipients.recipients.map((r) => r.name));
  const ids = new Set<string>();
  for (const g of groups.groups) {
    if (ids.has(g.id)) problems.push(m.groupIdTwice(g.id));
    ids.add(g.id);
    const seen = new Set<string>();
    for (const member of g.members) {
      if (!countries.has(member)) problems.push(m.memberNotCountry(g.name, member));
      if (seen.has(member)) problems.push(m.memberTwice(g.name, member));
      seen.add(member);
    }
    for (const f of g.funds) if (!funds.has(f)) problems.push(m.fundNotListed(g.name, f));
  }
  // A name may mean one group or one recipient, never two (taxonomy names win over both: see PlaceDirectory).
  const owner = new Map<string, NameOwner>();
  const claim = (name: string, who: NameOwner) => {
    const key = normalizeName(name);
    const first = owner.get(key);
    if (first !== undefined && (first.kind !== who.kind || first.name !== who.name))
      problems.push(m.nameOwnedTwice(name, first, who));
    else owner.set(key, who);
  };
  for (const g of groups.groups) {
    const group: NameOwner = { kind: "group", name: g.name };
    for (const n of [g.name, ...g.aliases, ...(g.ja ?? [])]) claim(n, group);
  }
  for (const r of recipients.recipients) {
    const recipient: NameOwner = { kind: "recipient", name: r.name };
    for (const n of [r.name, r.shortName, ...r.aliases, ...(r.ja ?? [])]) claim(n, recipient);
  }
  return problems;
}
