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

const isUpper = (c: string) => c !== c.toLowerCase();
const isLower = (c: string) => c !== c.toUpperCase();

/** TCVN3: one byte, one letter; capitals come from the font or the words around. */
export function decodeTcvn3(s: string, opts: DecodeOptions = {}): Piece[] {
  const pieces: Piece[] = [];
  // Words: decoded letters and the case their unambiguous letters show.
  // "abbr": capitals only, but no Vietnamese letter (QH14, UBND) or a code with digits: says nothing about its neighbours.
  const words: { from: number; to: number; caps: "yes" | "no" | "maybe" | "abbr"; sentenceStart: boolean }[] = [];
  let i = 0;
  while (i < s.length) {
    // A slash parts words too: "CÔNG BÁO/Số", "KH/BCĐ" hold words of different case.
    if (s[i] === " " || s[i] === "\t" || s[i] === "/") {
      pieces.push([s[i], i, i + 1]);
      i++;
      continue;
    }
    const from = pieces.length;
    const prevWord = words[words.length - 1];
    const sentenceStart = !prevWord || /[.!?]$/.test(s.slice(prevWord ? pieces[prevWord.to - 1][1] : 0, i).trim());
    let up = 0, low = 0, firstUp = false, mapped = 0, lettersBefore = false, digits = false;
    for (; i < s.length && s[i] !== " " && s[i] !== "\t" && s[i] !== "/"; i++) {
      const c = s[i];
      if (c >= "0" && c <= "9") digits = true;
      const u = TCVN3.get(c);
      pieces.push([u ?? c, i, i + 1]);
      if (u) mapped++;
      // Only ASCII letters and the A1–A7 capitals say which case was meant.
      const code = c.charCodeAt(0);
      if (code < 0x80 || (code >= 0xa1 && code <= 0xa7)) {
        if (isUpper(c) || (u && isUpper(u))) {
          if (up + low === 0 && !lettersBefore) firstUp = true;
          up++;
        } else if (isLower(c)) low++;
      }
      if (u || isUpper(c) || isLower(c)) lettersBefore = true;
    }
    // A code with digits (45/KH-BCĐ) is capitals whatever the words around it are.
    const caps = low ? "no" : up >= 2 || (up === 1 && !firstUp) ? (mapped && !digits ? "yes" : "abbr") : "maybe";
    words.push({ from, to: pieces.length, caps, sentenceStart });
  }
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    let upper = opts.capitals === true || word.caps === "yes";
    if (!upper && word.caps === "maybe") {
      // A word with no telling letter is a capital word between capital words.
      const caps = (x: (typeof words)[number] | undefined) => (!x || x.caps === "abbr" ? "edge" : x.caps);
      const prev = caps(words[w - 1]), next = caps(words[w + 1]);
      upper = (prev === "yes" && next !== "no" && next !== "maybe") || (next === "yes" && prev === "edge");
    }
    if (!upper) {
      // VN3 has no toned capitals, so a sentence that opens on one starts in lowercase: restore it.
      const first = pieces[word.from];
      // (ă â ê ô ơ ư đ have capitals of their own, A1–A7: lowercase there was meant.)
      const code = first ? s.charCodeAt(first[1]) : 0;
      if (word.sentenceStart && first && TCVN3.has(s[first[1]]) && (code < 0xa8 || code > 0xae) && /^\p{Ll}/u.test(first[0])) first[0] = first[0].toUpperCase();
      continue;
    }
    // A .VnTimeH font draws every letter as a capital; otherwise the word's own capitals stand.
    for (let p = word.from; p < word.to; p++) if (opts.capitals || TCVN3.has(s[pieces[p][1]])) pieces[p][0] = pieces[p][0].toUpperCase();
  }
  return pieces;
}

/** VNI-Windows: a base letter and a mark byte make one letter. */
export function decodeVni(s: string): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const single = VNI_SINGLE.get(c);
    const letter = single ?? c;
    const next = s[i + 1];
    const mark = next !== undefined ? VNI_MARK.get(next) : undefined;
    const mods = VNI_BASES.get(letter.toLowerCase());
    if (mark && mods !== undefined && (mark.mod === "" || mods.includes(mark.mod))) {
      const out = compose(letter, mark.mod, mark.tone);
      if (out) {
        pieces.push([out, i, i + 2]);
        i++;
        continue;
      }
    }
    pieces.push([letter, i, i + 1]);
  }
  return pieces;
}

/** Windows-1258 seen through Windows-1252: own letters, and tone bytes after the vowel. */
export function decodeCp1258(s: string): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const tone = CP1258_TONE.get(c);
    const prev = pieces[pieces.length - 1];
    if (tone !== undefined && prev && prev[2] === i && isVowelChar(prev[0]) && toneOfChar(prev[0]) === 0) {
      prev[0] = compose(stripToneChar(prev[0]), "", tone as Tone) ?? prev[0];
      prev[2] = i + 1;
      continue;
    }
    pieces.push([CP1258_LETTER.get(c) ?? c, i, i + 1]);
  }
  return pieces;
}

const VIQR_VOWEL = /[aeiouyAEIOUY]/;
const isAsciiLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

function atLineEnd(s: string, k: number): boolean {
  while (s[k] === " " || s[k] === "\t" || s[k] === "\r") k++;
  return k >= s.length || s[k] === "\n";
}

/** VIQR: ASCII letters with ^ ( + for the vowel modifiers and ' ` ? ~ . for tones. */
export function decodeViqr(s: string): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    // dd/DD is đ/Đ, in capital abbreviations too (NDD-CP); lowercase only where a syllable starts.
    if ((c === "D" && s[i + 1] === "D") || ((c === "d" || c === "D") && s[i + 1] === "d" && !isAsciiLetter(s[i - 1]))) {
      pieces.push([c === "D" ? "Đ" : "đ", i, i + 2]);
      i++;
      continue;
    }
    if (c === "\\" && (VIQR_TONE.has(s[i + 1]) || VIQR_MOD.has(s[i + 1]))) {
      pieces.push([s[i + 1], i, i + 2]);
      i++;
      continue;
    }
    if (!VIQR_VOWEL.test(c) || !isAsciiLetter(c)) {
      pieces.push([c, i, i + 1]);
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
      pieces.push([c, i, i + 1]);
      continue;
    }
    pieces.push([out, i, j]);
    i = j - 1;
  }
  return pieces;
}

export function decodeWith(enc: Encoding, s: string, opts: DecodeOptions = {}): Piece[] {
  switch (enc) {
    case "TCVN3": return decodeTcvn3(s, opts);
    case "VNI": return decodeVni(s);
    case "Windows-1258": return decodeCp1258(s);
    case "VIQR": return decodeViqr(s);
  }
}
