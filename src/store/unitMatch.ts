// Loose matching of unit names, so that "UBND tỉnh" finds "Ủy ban nhân dân tỉnh"
// and the reverse: an abbreviation stands for the words it is the initials of.
import { fold } from "../extract/fold.js";

/** A word, or one letter of an abbreviation ("UBND" → u, b, n, d). */
type Token = { text: string; initial: boolean };

export function unitTokens(name: string): Token[] {
  const words = name.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  // In an all-capitals name ("CÔNG AN TỈNH") capitals are not abbreviations, unless it is one short word.
  const shouting = !/\p{Ll}/u.test(name) && words.length > 1;
  return words.flatMap((w): Token[] => {
    const abbreviation = !shouting && w.length >= 2 && w.length <= 8 && !/\p{Ll}/u.test(w) && !/\p{N}/u.test(w);
    const f = fold(w);
    return abbreviation ? [...f].map((c) => ({ text: c, initial: true })) : [{ text: f, initial: false }];
  });
}

function same(a: Token, b: Token): boolean {
  if (a.initial === b.initial) return a.text === b.text;
  return a.initial ? b.text.startsWith(a.text) : a.text.startsWith(b.text);
}

/** True when the query's words appear as a run of the name's words (abbreviations expanded). */
export function unitMatches(query: string, name: string): boolean {
  const q = unitTokens(query);
  const n = unitTokens(name);
  if (!q.length) return false;
  for (let i = 0; i + q.length <= n.length; i++) {
    let j = 0;
    while (j < q.length && same(q[j], n[i + j])) j++;
    if (j === q.length) return true;
  }
  return false;
}
