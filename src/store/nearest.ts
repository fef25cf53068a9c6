// "Did you mean": when a query names nothing in the archive, the stored names
// closest to it. Jaro-Winkler (from natural) suits short names that differ by a
// typo or a dropped word, and weighs a shared beginning ("Sở Nội vụ" / "Sở Nội vu tỉnh").
import JaroWinklerDistance from "natural/lib/natural/distance/jaro-winkler_distance.js";
import { fold } from "../extract/fold.js";

/** Up to `limit` candidates at least `threshold` similar to `query` (diacritics, đ and case ignored), best first. */
export function nearest(query: string, candidates: Iterable<string>, limit = 5, threshold = 0.85): string[] {
  const q = fold(query);
  if (!q) return [];
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    const f = fold(name);
    if (seen.has(f)) continue;
    seen.add(f);
    const score = JaroWinklerDistance(q, f);
    if (score >= threshold) scored.push({ name, score });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
