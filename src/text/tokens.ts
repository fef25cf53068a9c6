// Word and punctuation tokens with their offsets. Markdown markup (*, _, #, \)
// is not a token, so "**Giao Văn phòng UBND xã:**" reads as plain words.
// A hand-written scanner: one pass, no regular expression per token.

export interface Token {
  text: string;
  start: number;
  end: number;
  /** A word (letters or digits, with inner - / & . as in TĐ-KT, đ/c, TN&MT, 2.1); false for punctuation. */
  word: boolean;
  /** The text in lower case, the form lexicons compare (the normalized text is NFC already). */
  key: string;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;
const wordCache = new Map<number, boolean>();
const spaceCache = new Map<number, boolean>();

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let w = wordCache.get(c);
  if (w === undefined) wordCache.set(c, (w = LETTER.test(String.fromCharCode(c))));
  return w;
}

function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  let s = spaceCache.get(c);
  if (s === undefined) spaceCache.set(c, (s = SPACE.test(String.fromCharCode(c))));
  return s;
}

/** Joins two runs of a word: "-" "/" "&" "." between letters or digits. */
const isJoiner = (c: number) => c === 45 || c === 47 || c === 38 || c === 46;
/** Markup that is not a token: * _ # \ */
const isMarkup = (c: number) => c === 42 || c === 95 || c === 35 || c === 92;

/** Tokens of text[start, end). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c) || isMarkup(c)) {
      i++;
      continue;
    }
    if (!isWordCode(c)) {
      // Surrogate pairs stay whole.
      const n = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
      const t = text.slice(i, i + n);
      out.push({ text: t, start: i, end: i + n, word: false, key: t });
      i += n;
      continue;
    }
    let j = i + 1;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isWordCode(d)) j++;
      else if (isJoiner(d) && j + 1 < end && isWordCode(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    const t = text.slice(i, j);
    out.push({ text: t, start: i, end: j, word: true, key: t.toLowerCase() });
    i = j;
  }
  return out;
}

/** True when the word starts with a lower-case letter. */
export function isLower(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Index of the first token that ends after `offset` (tokens.length when none): binary search. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
