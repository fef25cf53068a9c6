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
 * (letters, marks, U+FFFD); one made of ASCII letters only says nothing.
 */
class Scorer {
  private readonly verdicts = new Verdicts();
  private word = new Uint16Array(256);
  private len = 0;
  private h = FNV_SEED;
  private high = false;
  /** Words that counted (+1 or −1) in the last score. */
  judged = 0;
  private sum = 0;

  private begin(): void {
    this.len = 0;
    this.h = FNV_SEED;
    this.high = false;
    this.judged = 0;
    this.sum = 0;
  }

  private unit(c: number): void {
    if (unitClass(c) === 1) {
      if (this.len) this.endWord();
      return;
    }
    if (this.len === this.word.length) {
      const word = new Uint16Array(2 * this.len);
      word.set(this.word);
      this.word = word;
    }
    this.word[this.len++] = c;
    this.h = Math.imul(this.h ^ c, 0x01000193);
    if (c >= 0x80) this.high = true;
  }

  private endWord(): void {
    if (this.high) {
      const v = this.verdicts.get(this.h, this.word, this.len);
      if (v) this.judged++;
      this.sum += v;
    }
    this.len = 0;
    this.h = FNV_SEED;
    this.high = false;
  }

  text(s: string): number {
    this.begin();
    for (let k = 0; k < s.length; k++) this.unit(s.charCodeAt(k));
    if (this.len) this.endWord();
    return this.sum;
  }

  pieces(p: Pieces): number {
    this.begin();
    const out = p.out;
    for (let k = 0; k < p.n; k++) {
      const s = out[k];
      if (s.length === 1) this.unit(s.charCodeAt(0));
      else for (let j = 0; j < s.length; j++) this.unit(s.charCodeAt(j));
    }
    if (this.len) this.endWord();
    return this.sum;
  }
}

export const scorer = new Scorer();
