// How well a line reads as Vietnamese: +1 for each word with a non-ASCII
// letter that is a valid syllable, −1 for each that is not, 0 for a capital
// abbreviation. A line's candidate decodings are scored from their pieces
// as they stand (no joined string), and each word's verdict is found again by
// hashing its code units: no string per word once a spelling has been judged.
import { isValidSyllable } from "../syllable/index.js";
import { unitClass } from "../syllable/words.js";
import type { Pieces } from "./decoders.js";

const ABBREVIATION = /^[A-ZĐ]{2,}$/;
const FNV_SEED = 0x811c9dc5 | 0;
/** Spellings judged before the table starts over. */
const MAX_JUDGED = 100_000;

/** Case inside a word is lower, Title or UPPER; "MôC" is a decoding waiting to happen. */
function verdict(w: string): number {
  const rest = w.slice(1);
  const cased = rest === rest.toLowerCase() || w === w.toUpperCase();
  return cased && isValidSyllable(w) ? 1 : ABBREVIATION.test(w) ? 0 : -1;
}

/** Verdicts by spelling: an open-addressing table over the spellings' code units kept in one pool. */
class Verdicts {
  /** Per slot: hash, verdict + 2 (0: empty), start in the pool, length. */
  private slots = new Int32Array(4 << 12);
  private mask = (1 << 12) - 1;
  private pool = new Uint16Array(1 << 15);
  private used = 0;
  private size = 0;

  /** The verdict of the spelling held in word[0, len) (hash h). */
  get(h: number, word: Uint16Array, len: number): number {
    const slots = this.slots, pool = this.pool;
    let s = h & this.mask;
    for (; ; s = (s + 1) & this.mask) {
      const o = s << 2;
      const v = slots[o + 1];
      if (v === 0) break;
      if (slots[o] !== h || slots[o + 3] !== len) continue;
      const at = slots[o + 2];
      let k = 0;
      while (k < len && word[k] === pool[at + k]) k++;
      if (k === len) return v - 2;
    }
    let w = "";
    for (let k = 0; k < len; k += 4096) w += String.fromCharCode.apply(null, word.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
    const v = verdict(w);
    this.add(h, word, len, v);
    return v;
  }

  private add(h: number, word: Uint16Array, len: number, v: number): void {
    if (this.size >= MAX_JUDGED) this.clear();
    if (2 * (this.size + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    if (this.used + len > this.pool.length) {
      const pool = new Uint16Array(Math.max(2 * this.pool.length, this.used + len));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(word.subarray(0, len), this.used);
    this.put(h, v + 2, this.used, len);
    this.used += len;
    this.size++;
  }

  private clear(): void {
    this.slots = new Int32Array(4 << 12);
    this.mask = (1 << 12) - 1;
    this.used = 0;
    this.size = 0;
  }

  private put(h: number, v: number, at: number, len: number): void {
    let s = h & this.mask;
    while (this.slots[(s << 2) + 1] !== 0) s = (s + 1) & this.mask;
    const o = s << 2;
    this.slots[o] = h;
    this.slots[o + 1] = v;
    this.slots[o + 2] = at;
    this.slots[o + 3] = len;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(4 * size);
    this.mask = size - 1;
    for (let o = 0; o < old.length; o += 4) if (old[o + 1]) this.put(old[o], old[o + 1], old[o + 2], old[o + 3]);
  }
}

/**
 * Scores a stream of code units word by word. A word is a run of word units
 * (letters, marks, U+FFFD); one made of ASCII letters only says nothing. The
 * loops keep their state in locals: one word's units are copied into a
 * buffer, and looked up when the word ends.
 */
class Scorer {
  private readonly verdicts = new Verdicts();
  private word: Uint16Array = new Uint16Array(256);
  /** Words that counted (+1 or −1) in the last score. */
  judged = 0;

  /** A buffer with room for one more unit after `len`. */
  private room(len: number): Uint16Array {
    if (len < this.word.length) return this.word;
    const word = new Uint16Array(2 * this.word.length);
    word.set(this.word);
    return (this.word = word);
  }

  /** The verdict of the word in the buffer, counted in `judged` when it is not 0. */
  private judge(h: number, len: number): number {
    const v = this.verdicts.get(h, this.word, len);
    if (v) this.judged++;
    return v;
  }

  text(s: string): number {
    this.judged = 0;
    let sum = 0, len = 0, h = FNV_SEED, high = false;
    let word = this.word;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (unitClass(c) === 1) {
        if (len) {
          if (high) sum += this.judge(h, len);
          len = 0;
          h = FNV_SEED;
          high = false;
        }
        continue;
      }
      if (len === word.length) word = this.room(len);
      word[len++] = c;
      h = Math.imul(h ^ c, 0x01000193);
      if (c >= 0x80) high = true;
    }
    if (len && high) sum += this.judge(h, len);
    return sum;
  }

  pieces(p: Pieces): number {
    this.judged = 0;
    let sum = 0, len = 0, h = FNV_SEED, high = false;
    let word = this.word;
    const out = p.out;
    for (let k = 0; k < p.n; k++) {
      const s = out[k];
      for (let j = 0; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (unitClass(c) === 1) {
          if (len) {
            if (high) sum += this.judge(h, len);
            len = 0;
            h = FNV_SEED;
            high = false;
          }
          continue;
        }
        if (len === word.length) word = this.room(len);
        word[len++] = c;
        h = Math.imul(h ^ c, 0x01000193);
        if (c >= 0x80) high = true;
      }
    }
    if (len && high) sum += this.judge(h, len);
    return sum;
  }
}

export const scorer = new Scorer();
