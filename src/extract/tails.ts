// Scanning for words by their tails. A regular expression that opens with a word tries every
// position holding its first letter; Vietnamese words share few initials (n, t, q, s ...) with
// much of the text, but their accented letters are rarer. Anchored on the tail from the first
// accented letter ("ày" of "ngày"), with the whole word checked behind it, the same matches are
// found at a fraction of the cost.
import { escapeRegExp } from "../grammar/load.js";

const ACCENTED = /[^\x00-\x7f]/u;

/**
 * Regex source matching the tail of one of `words` where the whole word stands, after
 * `before` (a pattern checked behind the word too). With `capture`, group 1 is the tail and
 * group 2 the word, so the word starts at `index + group1.length - group2.length`. Null when a word
 * has no accented letter to anchor on (the caller keeps its plain pattern).
 */
export function tailFirst(words: readonly string[], options: { before?: string; capture?: boolean } = {}): string | null {
  const all = [...new Set(words)].sort((a, b) => b.length - a.length);
  if (!all.length || !all.every((w) => ACCENTED.test(w))) return null;
  // A one-letter tail ("ý" of "quý") is everywhere ("quản lý"): take the letter before it too.
  const tails = [...new Set(all.map((w) => w.slice(Math.max(0, Math.min(w.search(ACCENTED), w.length - 2)))))].sort((a, b) => b.length - a.length);
  const open = options.capture ? "(" : "(?:";
  return `${open}${tails.map(escapeRegExp).join("|")})(?<=${options.before ?? ""}${open}${all.map(escapeRegExp).join("|")}))`;
}
