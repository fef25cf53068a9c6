// Odd code points: NFD sequences, Ð/ð for Đ/đ, zero-width characters, NBSP,
// soft hyphens. Only the places that need it are touched: clean NFC text is
// returned as it is, with no map, and other text with a sparse map that has
// one run per change.
import type { Repair } from "../contract/schema.js";
import { ShiftMapBuilder, type ShiftMap } from "./offsets.js";
import { codeUnits } from "./repair/code-units.js";

export interface CleanResult {
  text: string;
  /** Output offset → input offset; null when the text came through unchanged. */
  map: ShiftMap | null;
  /** Repairs with spans into the output. */
  repairs: Repair[];
}

const isMark = (c: number) => c >= 0x300 && c <= 0x36f;
const isLetter = (c: string) => c !== "" && c.toLowerCase() !== c.toUpperCase();

/** Per UTF-16 unit, 1 when it is odd: a combining mark, the look-alike eth, an invisible or non-breaking space. */
const ODD_UNITS = new Uint8Array(0x10000);
for (let c = 0x300; c <= 0x36f; c++) ODD_UNITS[c] = 1;
for (const c of [0xa0, 0xad, 0xd0, 0xf0, 0x200b, 0x200c, 0x200d, 0x2060, 0x202f, 0xfeff]) ODD_UNITS[c] = 1;

/** Offset of the first odd unit in units[from, n), or -1: one table read per unit of a typed-array copy. */
function firstOdd(units: Uint16Array, n: number, from: number): number {
  for (let i = from; i < n; i++) if (ODD_UNITS[units[i]] === 1) return i;
  return -1;
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
  const units = codeUnits(text);
  const n = text.length;
  let i = firstOdd(units, n, 0);
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
  for (; i >= 0; i = firstOdd(units, n, done)) {
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
