// Multi-word phrase lists matched over tokens, longest phrase first.
import type { Token } from "./tokens.js";

export interface Lexicon {
  /** Number of tokens the longest phrase starting at tokens[i] covers, or 0. */
  matchAt(tokens: readonly Token[], i: number): number;
  /** Whether the phrase ending at tokens[end - 1] is in the list; returns its length or 0. */
  matchEndingAt(tokens: readonly Token[], end: number): number;
  /** Tokens in the longest phrase. */
  longest: number;
}

const key = (s: string) => s.normalize("NFC").toLowerCase();

/** Case-insensitive lexicon over tokens: words, and the commas and semicolons a phrase holds. */
export function lexicon(phrases: readonly string[]): Lexicon {
  const byFirst = new Map<string, string[][]>();
  const byLast = new Map<string, string[][]>();
  let longest = 0;
  for (const p of phrases) {
    // A comma or semicolon in a phrase is a token of its own ("tham mưu, giúp việc").
    const words = key(p).replace(/[,;]/g, " $& ").split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    longest = Math.max(longest, words.length);
    const add = (m: Map<string, string[][]>, k: string) => {
      const list = m.get(k) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length);
      m.set(k, list);
    };
    add(byFirst, words[0]);
    add(byLast, words[words.length - 1]);
  }
  const same = (tokens: readonly Token[], from: number, words: string[]) => {
    if (from < 0 || from + words.length > tokens.length) return false;
    for (let k = 0; k < words.length; k++) {
      const t = tokens[from + k];
      if (t.key !== words[k]) return false;
    }
    return true;
  };
  // Most tokens open no phrase: their first letter tells, before a lookup that hashes the whole key.
  const firstLetters = letterSet(byFirst.keys());
  const lastLetters = letterSet(byLast.keys());
  return {
    longest,
    matchAt(tokens, i) {
      const t = tokens[i];
      if (!t?.word || !hasLetter(firstLetters, t.key.charCodeAt(0))) return 0;
      const list = byFirst.get(t.key);
      if (list) for (const words of list) if (same(tokens, i, words)) return words.length;
      return 0;
    },
    matchEndingAt(tokens, end) {
      const t = tokens[end - 1];
      if (!t?.word || !hasLetter(lastLetters, t.key.charCodeAt(0))) return 0;
      const list = byLast.get(t.key);
      if (list) for (const words of list) if (same(tokens, end - words.length, words)) return words.length;
      return 0;
    },
  };
}

/** The first code units of the keys, as a table indexed by code unit (up to the largest). */
function letterSet(keys: Iterable<string>): Uint8Array {
  const codes = [...keys].map((k) => k.charCodeAt(0));
  const table = new Uint8Array(codes.length ? Math.max(...codes) + 1 : 0);
  for (const c of codes) table[c] = 1;
  return table;
}

function hasLetter(table: Uint8Array, c: number): boolean {
  return c < table.length && table[c] === 1;
}
