// How well a line reads as Vietnamese: +1 for each word with a non-ASCII
// letter that is a valid syllable, −1 for each that is not, 0 for a capital
// abbreviation. A line's candidate decodings are scored from their pieces
// as they stand (no joined string), and each word's verdict is found again by
// hashing its code units: no string per word once a spelling has been judged.
import { isValidSyllable } from "../syllable/index.js";
import { unitClass } from "../syllable/words.js";
import type { Pieces } from "./decoders.js";
import { FNV_SEED, hashStep, UnitTable } from "../unit-table.js";

const ABBREVIATION = /^[A-ZĐ]{2,}$/;
/** Spellings judged before the table starts over. */
const MAX_JUDGED = 100_000;

/** Case inside a word is lower, Title or UPPER; "MôC" is a decoding waiting to happen. */
function verdict(w: string): number {
  const rest = w.slice(1);
  const cased = rest === rest.toLowerCase() || w === w.toUpperCase();
  return cased && isValidSyllable(w) ? 1 : ABBREVIATION.test(w) ? 0 : -1;
}

/** Verdicts by spelling (verdict + 2 stored, since 0 means absent). */
class Verdicts extends UnitTable {
  constructor() {
    super(12, 1 << 15);
  }

  /** The verdict of the spelling held in word[0, len) (hash h). */
  get(h: number, word: Uint16Array, len: number): number {
    const known = this.findUnits(h, word, len);
    if (known) return known - 2;
    let w = "";
    for (let k = 0; k < len; k += 4096) w += String.fromCharCode.apply(null, word.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
    const v = verdict(w);
    if (this.size >= MAX_JUDGED) this.clear();
    this.addUnits(h, word, len, v + 2);
    return v;
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
  private readonly single: string[] = [""];
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

  /** The score of one string. */
  text(s: string): number {
    this.single[0] = s;
    const sum = this.strings(this.single, 1);
    this.single[0] = "";
    return sum;
  }

  /** The score of a line's pieces, read in order as one text. */
  pieces(p: Pieces): number {
    return this.strings(p.out, p.n);
  }

  private strings(out: readonly string[], n: number): number {
    this.judged = 0;
    let sum = 0, len = 0, h = FNV_SEED, high = false;
    let word = this.word;
    for (let k = 0; k < n; k++) {
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
        h = hashStep(h, c);
        if (c >= 0x80) high = true;
      }
    }
    if (len && high) sum += this.judge(h, len);
    return sum;
  }
}

export const scorer = new Scorer();
