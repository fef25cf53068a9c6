// Word and punctuation tokens with their offsets. Markdown markup (*, _, #, \)
// is not a token, so "**Giao Văn phòng UBND xã:**" reads as plain words.

export interface Token {
  text: string;
  start: number;
  end: number;
  /** A word (letters or digits, with inner - / & as in TĐ-KT, đ/c, TN&MT); false for punctuation. */
  word: boolean;
}

// Linear: the inner separator class shares no character with the word class.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-/&.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}*_#\\]/gu;
const WORD = /^[\p{L}\p{M}\p{N}]/u;

/** Tokens of text[start, end). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(text); m && m.index < end; m = TOKEN.exec(text)) {
    const e = m.index + m[0].length;
    if (e > end) break;
    out.push({ text: m[0], start: m.index, end: e, word: WORD.test(m[0]) });
  }
  return out;
}

/** True when the word starts with a lower-case letter. */
export function isLower(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}
