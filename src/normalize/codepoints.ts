// Odd code points: NFD sequences, Ð/ð for Đ/đ, zero-width characters, NBSP,
// soft hyphens. Only the places that need it are touched: clean NFC text is
// returned as it is, with no map, and other text with a sparse map that has
// one run per change.
import type { Repair } from "../contract/schema.js";
import { ShiftMapBuilder, type ShiftMap } from "./offsets.js";

export interface CleanResult {
  text: string;
  /** Output offset → input offset; null when the text came through unchanged. */
  map: ShiftMap | null;
  /** Repairs with spans into the output. */
  repairs: Repair[];
}

const isMark = (c: number) => c >= 0x300 && c <= 0x36f;
const isLetter = (c: string) => c !== "" && c.toLowerCase() !== c.toUpperCase();

// Combining marks, the look-alike eth, invisible and non-breaking spaces. One
// character class: linear, and faster than a loop over char codes.
const ODD = /[\u0300-\u036f\u00a0\u00ad\u00d0\u00f0\u200b-\u200d\u2060\u202f\ufeff]/g;

/** Offset of the first odd character at or after `from`, or -1. */
function firstOdd(text: string, from: number): number {
  ODD.lastIndex = from;
  return ODD.test(text) ? ODD.lastIndex - 1 : -1;
}

// NFD text repeats a few dozen clusters (a vowel and its tone): each is composed once.
const NFC = new Map<string, string>();
const NFC_MAX = 4096;

function composed(cluster: string): string {
  let nfc = NFC.get(cluster);
  if (nfc === undefined) {
    nfc = cluster.normalize("NFC");
    if (NFC.size < NFC_MAX) NFC.set(cluster, nfc);
  }
  return nfc;
}

export function cleanCodepoints(text: string): CleanResult {
  let i = firstOdd(text, 0);
  if (i < 0) return { text, map: null, repairs: [] };
  const parts: string[] = [];
  const map = new ShiftMapBuilder();
  const repairs: Repair[] = [];
  /** Output length so far. */
  let size = 0;
  /** Input up to here is written. */
  let done = 0;
  const copy = (end: number) => {
    if (end <= done) return;
    map.set(size, done);
    parts.push(text.slice(done, end));
    size += end - done;
  };
  for (; i >= 0; i = firstOdd(text, done)) {
    const c = text.charCodeAt(i);
    if (isMark(c)) {
      // A base letter and its marks compose to one NFC cluster.
      const start = i > done ? i - 1 : i;
      let end = i + 1;
      while (end < text.length && isMark(text.charCodeAt(end))) end++;
      copy(start);
      const nfc = composed(text.slice(start, end));
      // A cluster that composes to another length maps its characters proportionally into the source range.
      const srcLen = end - start;
      for (let k = 0; k < nfc.length; k++) map.set(size + k, nfc.length === srcLen ? start + k : start + Math.min(srcLen - 1, Math.floor((k * srcLen) / nfc.length)));
      parts.push(nfc);
      size += nfc.length;
      done = end;
      continue;
    }
    copy(i);
    done = i + 1;
    if (c === 0xd0 || c === 0xf0) {
      const to = c === 0xd0 ? "Đ" : "đ";
      repairs.push({ from: text[i], to, span: { start: size, end: size + 1 }, rule: "codepoint", confidence: 1 });
      map.set(size, i);
      parts.push(to);
      size++;
    } else if (c === 0xa0 || c === 0x202f) {
      map.set(size, i);
      parts.push(" ");
      size++;
    } else if (isLetter(text[i - 1] ?? "") && isLetter(text[i + 1] ?? "")) {
      // An invisible character inside a word: dropping it joins the word.
      repairs.push({ from: text[i], to: "", span: { start: size, end: size }, rule: "codepoint", confidence: 1 });
    }
  }
  copy(text.length);
  return { text: parts.join(""), map: map.finish(size, text.length), repairs };
}
