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

// Classes of the BMP code units, filled on first sight: one array read per character.
const UNSEEN = 0;
const OTHER = 1;
const SPACE_CLASS = 2;
const WORD = 3;
const UPPER = 4; // a word character whose lower case differs
const classes = new Uint8Array(0x10000);

function classOf(c: number): number {
  let k = classes[c];
  if (k === UNSEEN) {
    const ch = String.fromCharCode(c);
    k = SPACE.test(ch) ? SPACE_CLASS : !LETTER.test(ch) ? OTHER : ch.toLowerCase() !== ch ? UPPER : WORD;
    classes[c] = k;
  }
  return k;
}

const isWordCode = (c: number) => classOf(c) >= WORD;
/** Whether a code unit is a letter, mark or digit: part of a word token. */
export const isWordChar = isWordCode;

/** Joins two runs of a word: "-" "/" "&" "." between letters or digits. */
const isJoiner = (c: number) => c === 45 || c === 47 || c === 38 || c === 46;
/** Markup that is not a token: * _ # \ */
const isMarkup = (c: number) => c === 42 || c === 95 || c === 35 || c === 92;

// Lower-case forms of the words seen with a capital: plans repeat the same few names, and
// toLowerCase on a non-ASCII word is a call into the runtime.
const lowered = new Map<string, string>();
const LOWERED_MAX = 8192;

function lowerCase(word: string): string {
  let key = lowered.get(word);
  if (key === undefined) {
    key = word.toLowerCase();
    if (lowered.size >= LOWERED_MAX) lowered.clear();
    lowered.set(word, key);
  }
  return key;
}

/** Tokens of text[start, end). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === SPACE_CLASS || isMarkup(c)) {
      i++;
      continue;
    }
    if (k < WORD) {
      // Surrogate pairs stay whole.
      const n = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
      const t = text.slice(i, i + n);
      out.push({ text: t, start: i, end: i + n, word: false, key: t });
      i += n;
      continue;
    }
    let j = i + 1;
    let upper = k === UPPER;
    while (j < end) {
      const d = classOf(text.charCodeAt(j));
      if (d >= WORD) {
        if (d === UPPER) upper = true;
        j++;
      } else if (isJoiner(text.charCodeAt(j)) && j + 1 < end) {
        const e = classOf(text.charCodeAt(j + 1));
        if (e < WORD) break;
        if (e === UPPER) upper = true;
        j += 2;
      } else break;
    }
    const t = text.slice(i, j);
    // Most words are lower case already: lower-casing them would only copy them.
    out.push({ text: t, start: i, end: j, word: true, key: upper ? lowerCase(t) : t });
    i = j;
  }
  return out;
}

// Whether a code unit is a lower-case letter, filled on first sight: 1 no, 2 yes.
const lowers = new Uint8Array(0x10000);

/** End of the run of letters, marks and digits (code unit by code unit) starting at `at`. */
export function letterRunEnd(text: string, at: number): number {
  while (at < text.length && isWordCode(text.charCodeAt(at))) at++;
  return at;
}

/** True when the word starts with a lower-case letter. */
export function isLower(word: string): boolean {
  if (word.length === 0) return false;
  const code = word.charCodeAt(0);
  let k = lowers[code];
  if (k === UNSEEN) {
    const c = word[0];
    k = c !== c.toUpperCase() && c === c.toLowerCase() ? 2 : 1;
    lowers[code] = k;
  }
  return k === 2;
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
