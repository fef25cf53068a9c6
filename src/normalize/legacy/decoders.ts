// One decoder per legacy encoding. Each turns a run of text into pieces
// (output string, source start, source end) so the offset map stays exact.
import { isVowelChar, stripToneChar, toneOfChar, type Tone } from "../syllable/index.js";
import { compose, CP1258_LETTER, CP1258_TONE, TCVN3, VIQR_MOD, VIQR_TONE, VNI_BASES, VNI_MARK, VNI_SINGLE } from "./tables.js";

export type Piece = [out: string, start: number, end: number];
export type Encoding = "TCVN3" | "VNI" | "VIQR" | "Windows-1258";

export interface DecodeOptions {
  /** Draw every TCVN3 letter as a capital (the .VnTimeH fonts). */
  capitals?: boolean;
}

/** A chart (every key one Latin-1 character) as an array by character code: no string hashed per character. */
function byCode<T>(chart: ReadonlyMap<string, T>): (T | undefined)[] {
  const at: (T | undefined)[] = new Array(0x100).fill(undefined);
  for (const [k, v] of chart) at[k.charCodeAt(0)] = v;
  return at;
}
const TCVN3_AT = byCode(TCVN3);
const VNI_SINGLE_AT = byCode(VNI_SINGLE);
const VNI_MARK_AT = byCode(VNI_MARK);
const CP1258_TONE_AT = byCode(CP1258_TONE);
const CP1258_LETTER_AT = byCode(CP1258_LETTER);

/**
 * Decoded pieces of one run in reusable parallel arrays: piece k is out[k],
 * standing for source [start[k], end[k]). Scoring every candidate decoding
 * of every line then allocates no object per character.
 */
export class Pieces {
  out: string[] = [];
  start: Int32Array;
  end: Int32Array;
  n = 0;

  constructor(room = 256) {
    this.start = new Int32Array(room);
    this.end = new Int32Array(room);
  }

  reset(): this {
    this.out.length = 0;
    this.n = 0;
    return this;
  }

  push(s: string, a: number, b: number): void {
    if (this.n === this.start.length) {
      const room = Math.max(16, this.n * 2);
      const start = new Int32Array(room), end = new Int32Array(room);
      start.set(this.start);
      end.set(this.end);
      this.start = start;
      this.end = end;
    }
    this.out.push(s);
    this.start[this.n] = a;
    this.end[this.n++] = b;
  }

  /** A copy holding just the pieces, for keeping. */
  copy(): Pieces {
    const c = new Pieces(0);
    c.out = this.out.slice(0, this.n);
    c.start = this.start.slice(0, this.n);
    c.end = this.end.slice(0, this.n);
    c.n = this.n;
    return c;
  }

  text(): string {
    return this.out.join("");
  }

  tuples(): Piece[] {
    return this.out.map((s, k) => [s, this.start[k], this.end[k]]);
  }
}

// (ASCII answered from the code: no string made for the common case.)
const isUpper = (c: string) => {
  const k = c.charCodeAt(0);
  return k < 0x80 ? k >= 65 && k <= 90 : c !== c.toLowerCase();
};
const isLower = (c: string) => {
  const k = c.charCodeAt(0);
  return k < 0x80 ? k >= 97 && k <= 122 : c !== c.toUpperCase();
};

/** TCVN3: one byte, one letter; capitals come from the font or the words around. */
export function decodeTcvn3(s: string, opts: DecodeOptions = {}): Piece[] {
  return tcvn3Into(s, opts, new Pieces()).tuples();
}

type CaseOfWord = "yes" | "no" | "maybe" | "abbr";

/** What a neighbouring word says of case: an abbreviation or the line's edge says nothing. */
function neighbourCase(x: { caps: CaseOfWord } | undefined): Exclude<CaseOfWord, "abbr"> | "edge" {
  return !x || x.caps === "abbr" ? "edge" : x.caps;
}

function tcvn3Into(s: string, opts: DecodeOptions, p: Pieces): Pieces {
  // Words: decoded letters and the case their unambiguous letters show.
  // "abbr": capitals only, but no Vietnamese letter (QH14, UBND) or a code with digits: says nothing about its neighbours.
  const words: { from: number; to: number; caps: CaseOfWord; sentenceStart: boolean }[] = [];
  let i = 0;
  while (i < s.length) {
    // A slash parts words too: "CÔNG BÁO/Số", "KH/BCĐ" hold words of different case.
    if (s[i] === " " || s[i] === "\t" || s[i] === "/") {
      p.push(s[i], i, i + 1);
      i++;
      continue;
    }
    const from = p.n;
    const prevWord = words[words.length - 1];
    const sentenceStart = !prevWord || endsSentence(s, p.start[prevWord.to - 1], i);
    let up = 0, low = 0, firstUp = false, mapped = 0, lettersBefore = false, digits = false;
    for (; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code === 32 || code === 9 || code === 47) break;
      if (code >= 48 && code <= 57) digits = true;
      const u = code < 0x100 ? TCVN3_AT[code] : undefined;
      p.push(u ?? s[i], i, i + 1);
      if (u) mapped++;
      // Only ASCII letters and the A1–A7 capitals (Ă Â Ê Ô Ơ Ư Đ) say which case was meant.
      const upper = (code >= 65 && code <= 90) || (code >= 0xa1 && code <= 0xa7);
      if (upper) {
        if (up + low === 0 && !lettersBefore) firstUp = true;
        up++;
      } else if (code >= 97 && code <= 122) low++;
      if (!lettersBefore && (u || upper || (code >= 97 && code <= 122) || (code >= 0x80 && (isUpper(s[i]) || isLower(s[i]))))) lettersBefore = true;
    }
    // A code with digits (45/KH-BCĐ) is capitals whatever the words around it are.
    const caps = low ? "no" : up >= 2 || (up === 1 && !firstUp) ? (mapped && !digits ? "yes" : "abbr") : "maybe";
    words.push({ from, to: p.n, caps, sentenceStart });
  }
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    let upper = opts.capitals === true || word.caps === "yes";
    if (!upper && word.caps === "maybe") {
      // A word with no telling letter is a capital word between capital words.
      const prev = neighbourCase(words[w - 1]), next = neighbourCase(words[w + 1]);
      upper = (prev === "yes" && next !== "no" && next !== "maybe") || (next === "yes" && prev === "edge");
    }
    if (!upper) {
      // VN3 has no toned capitals, so a sentence that opens on one starts in lowercase: restore it.
      const f = word.from;
      // (ă â ê ô ơ ư đ have capitals of their own, A1–A7: lowercase there was meant.)
      const code = s.charCodeAt(p.start[f]);
      if (word.sentenceStart && TCVN3_AT[s.charCodeAt(p.start[f])] !== undefined && (code < 0xa8 || code > 0xae) && /^\p{Ll}/u.test(p.out[f])) p.out[f] = p.out[f].toUpperCase();
      continue;
    }
    // A .VnTimeH font draws every letter as a capital; otherwise the word's own capitals stand.
    for (let k = word.from; k < word.to; k++) if (opts.capitals || TCVN3_AT[s.charCodeAt(p.start[k])] !== undefined) p.out[k] = p.out[k].toUpperCase();
  }
  return p;
}

/** Whether s[from, to), trimmed, ends a sentence (its last non-space character is . ! or ?). */
function endsSentence(s: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && (s[k] === " " || SPACE.test(s[k]))) k--;
  return k >= from && (s[k] === "." || s[k] === "!" || s[k] === "?");
}
const SPACE = /\s/;

/** VNI-Windows: a base letter and a mark byte make one letter. */
export function decodeVni(s: string): Piece[] {
  return vniInto(s, new Pieces()).tuples();
}

function vniInto(s: string, p: Pieces): Pieces {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const single = VNI_SINGLE_AT[s.charCodeAt(i)];
    const letter = single ?? c;
    const next = s[i + 1];
    const mark = next !== undefined ? VNI_MARK_AT[next.charCodeAt(0)] : undefined;
    const mods = mark && VNI_BASES.get(letter.toLowerCase());
    if (mark && mods !== undefined && (mark.mod === "" || mods.includes(mark.mod))) {
      const out = compose(letter, mark.mod, mark.tone);
      if (out) {
        p.push(out, i, i + 2);
        i++;
        continue;
      }
    }
    p.push(letter, i, i + 1);
  }
  return p;
}

/** Windows-1258 seen through Windows-1252: own letters, and tone bytes after the vowel. */
export function decodeCp1258(s: string): Piece[] {
  return cp1258Into(s, new Pieces()).tuples();
}

function cp1258Into(s: string, p: Pieces): Pieces {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const tone = CP1258_TONE_AT[s.charCodeAt(i)];
    const last = p.n - 1;
    if (tone !== undefined && last >= 0 && p.end[last] === i && isVowelChar(p.out[last]) && toneOfChar(p.out[last]) === 0) {
      p.out[last] = compose(stripToneChar(p.out[last]), "", tone as Tone) ?? p.out[last];
      p.end[last] = i + 1;
      continue;
    }
    p.push(CP1258_LETTER_AT[s.charCodeAt(i)] ?? c, i, i + 1);
  }
  return p;
}

const VIQR_VOWELS = "aeiouyAEIOUY";
const isAsciiLetter = (c: string | undefined) => {
  const k = c === undefined ? 0 : c.charCodeAt(0) | 0x20;
  return c !== undefined && c.length === 1 && k >= 97 && k <= 122;
};

function atLineEnd(s: string, k: number): boolean {
  while (s[k] === " " || s[k] === "\t" || s[k] === "\r") k++;
  return k >= s.length || s[k] === "\n";
}

/** VIQR: ASCII letters with ^ ( + for the vowel modifiers and ' ` ? ~ . for tones. */
export function decodeViqr(s: string): Piece[] {
  return viqrInto(s, new Pieces()).tuples();
}

function viqrInto(s: string, p: Pieces): Pieces {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    // dd/DD is đ/Đ, in capital abbreviations too (NDD-CP); lowercase only where a syllable starts.
    if ((c === "D" && s[i + 1] === "D") || ((c === "d" || c === "D") && s[i + 1] === "d" && !isAsciiLetter(s[i - 1]))) {
      p.push(c === "D" ? "Đ" : "đ", i, i + 2);
      i++;
      continue;
    }
    if (c === "\\" && (VIQR_TONE.has(s[i + 1]) || VIQR_MOD.has(s[i + 1]))) {
      p.push(s[i + 1], i, i + 2);
      i++;
      continue;
    }
    if (!VIQR_VOWELS.includes(c)) {
      p.push(c, i, i + 1);
      continue;
    }
    let j = i + 1;
    let mod = "";
    if (VIQR_MOD.has(s[j]) && compose(c, s[j], 0)) mod = s[j++];
    let tone: Tone = 0;
    const t = VIQR_TONE.get(s[j]);
    // VIQR (RFC 1456) escapes a literal "." or "?" after a vowel with "\"; unescaped
    // ones are tones, except a "." where a line ends, the one place writers leave it bare.
    if (t !== undefined && (isAsciiLetter(s[j + 1]) || s[j] !== "." || (/[ \t]/.test(s[j + 1] ?? "") && !atLineEnd(s, j + 1)))) {
      tone = t;
      j++;
    }
    const out = compose(c, mod, tone);
    if (!out || j === i + 1) {
      p.push(c, i, i + 1);
      continue;
    }
    p.push(out, i, j);
    i = j - 1;
  }
  return p;
}

export function decodeWith(enc: Encoding, s: string, opts: DecodeOptions = {}): Piece[] {
  return decodeInto(enc, s, opts, new Pieces()).tuples();
}

/** Decodes s into p (reset first), reusing its arrays. */
export function decodeInto(enc: Encoding, s: string, opts: DecodeOptions, p: Pieces): Pieces {
  p.reset();
  switch (enc) {
    case "TCVN3": return tcvn3Into(s, opts, p);
    case "VNI": return vniInto(s, p);
    case "Windows-1258": return cp1258Into(s, p);
    case "VIQR": return viqrInto(s, p);
  }
}
