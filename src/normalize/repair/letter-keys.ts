// Short words found by their letters themselves: each letter a text uses
// gets a 7-bit code (case folded), so a word of up to eight letters is two
// integers that spell it exactly, built while the word is scanned. A lookup
// then compares two numbers and never reads the word again. Longer words, and
// letters met after the first 126, go the general way (hash and compare).
import { unitClass } from "../syllable/words.js";

/** Longest word packed into a key (seven bits a letter, four letters an integer). */
export const MAX_PACKED = 8;
/** Code of a word unit that has no letter code: the word is not packed. */
export const WIDE = 128;

/** Per code unit: 0 not yet seen, 1 not part of a word, 2..127 its letter's code (any case), WIDE otherwise. */
export const letterCodes = new Uint8Array(0x10000);
/** Code by lowercase unit, handed out as letters are first met. */
const lowerCodes = new Uint8Array(0x10000);
let nextCode = 2;

/** Fills in code unit c; returns its value in letterCodes. */
export function learnLetter(c: number): number {
  const u = unitClass(c);
  if (u === 1) return (letterCodes[c] = 1);
  let code = lowerCodes[u];
  if (code === 0) code = lowerCodes[u] = nextCode <= 127 ? nextCode++ : WIDE;
  return (letterCodes[c] = code);
}

/**
 * The key of a word as two integers: `lo` holds the codes of its last four
 * letters, `hi` those of the four before, seven bits each. Codes are never 0,
 * so words of different lengths have different keys. Call per letter, in order.
 */
export const packHi = (hi: number, lo: number) => (hi << 7) | (lo >>> 21);
export const packLo = (lo: number, code: number) => ((lo << 7) | code) & 0x0fffffff;

/** Word keys → an entry and a second number: open addressing, four integers a slot (lo, hi, entry + 1, extra). */
export class LetterKeys {
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(private readonly bits: number) {
    this.slots = new Int32Array(4 << bits);
    this.mask = (1 << bits) - 1;
  }

  private static slot(lo: number, hi: number): number {
    const h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi ^ 0x7f4a7c15, 0x85ebca6b);
    return h ^ (h >>> 15);
  }

  /** Where the key sits (read it with entryAt and extraAt); -1 when absent. */
  find(lo: number, hi: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let s = LetterKeys.slot(lo, hi) & mask; ; s = (s + 1) & mask) {
      const o = s << 2;
      if (slots[o + 2] === 0) return -1;
      if (slots[o] === lo && slots[o + 1] === hi) return o;
    }
  }

  entryAt(o: number): number {
    return this.slots[o + 2] - 1;
  }

  extraAt(o: number): number {
    return this.slots[o + 3];
  }

  /** Enters a key that is absent. */
  add(lo: number, hi: number, entry: number, extra: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    this.put(lo, hi, entry + 1, extra);
    this.size++;
  }

  clear(): void {
    this.slots = new Int32Array(4 << this.bits);
    this.mask = (1 << this.bits) - 1;
    this.size = 0;
  }

  private put(lo: number, hi: number, value: number, extra: number): void {
    const slots = this.slots;
    let s = LetterKeys.slot(lo, hi) & this.mask;
    while (slots[(s << 2) + 2] !== 0) s = (s + 1) & this.mask;
    const o = s << 2;
    slots[o] = lo;
    slots[o + 1] = hi;
    slots[o + 2] = value;
    slots[o + 3] = extra;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(4 * size);
    this.mask = size - 1;
    for (let o = 0; o < old.length; o += 4) if (old[o + 2]) this.put(old[o], old[o + 1], old[o + 2], old[o + 3]);
  }
}
