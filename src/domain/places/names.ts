/**
 * How typed names are compared: case, accents, curly apostrophes, extra spaces and a leading
 * "the" do not matter ("the Philippines" = "PHILIPPINES", "Cote d’Ivoire" = "Côte d'Ivoire").
 */
export function normalizeName(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

/** Levenshtein distance, for "did you mean" suggestions on the error path only. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The known display names closest to what was typed: names that contain it or that it contains
 * first, then by edit distance. At most `limit`, never the same name twice.
 */
export function nearestNames(
  typed: string,
  candidates: ReadonlyMap<string, string>,
  limit = 3
): string[] {
  const key = normalizeName(typed);
  if (key === "") return [];
  const scored: { name: string; score: number }[] = [];
  for (const [normalized, display] of candidates) {
    const contains = normalized.includes(key) || key.includes(normalized);
    const distance = editDistance(key, normalized);
    const score = contains ? Math.abs(normalized.length - key.length) / 100 : distance;
    if (contains || distance <= Math.max(2, Math.floor(key.length / 3)))
      scored.push({ name: display, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, limit);
}
