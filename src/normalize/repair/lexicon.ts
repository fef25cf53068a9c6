// What repair needs to know about each spelling, computed once per process
// and found again by hashing the word's lowercased code units in place: a
// word of a text costs one table probe and no string. Spellings are entered
// as they are first met.
import { analyse, isValidBare, isValidSyllable, placeTone, styleOf, toneAllowed, type Tone } from "../syllable/index.js";
import { unitClass } from "../syllable/words.js";
import { SyllableModel } from "./lm.js";
import { FNV_SEED, hashStep, UnitTable } from "../unit-table.js";
import { LetterKeys } from "./letter-keys.js";

/** A valid Vietnamese syllable (any case, either tone style). */
export const VALID = 1;
/** Not a syllable but carries a mark or a hole: a candidate for rebuilding. */
export const MARKED = 2;
/** Holds U+FFFD. */
export const HOLE = 4;
/** Toneless, and a toned reading is far more common in the statistics. */
export const DOMINATED = 8;
/** Toneless, and some toned reading is a syllable the statistics know. */
export const HAS_VARIANTS = 16;
/** The tone sits where the modern (hoà) or the traditional (hòa) style puts it, and only there. */
export const MODERN = 32;
export const TRADITIONAL = 64;
/** Carries a tone mark. */
export const TONED = 128;
/** Context id of an entry that is not a syllable. */
export const NONE = -2;

/** How much more common a marked reading must be for a word to count as dominated. */
const DOMINATED_FACTOR = 20;
const MARK_OR_HOLE = /[\u0300-\u036f\ufffd]/;
const ASCII_WORD = /^[A-Za-z]+$/;
/** Entries before the table starts over. */
const MAX_MET = 200_000;

export { FNV_SEED, hashStep } from "../unit-table.js";

/**
 * Spellings exactly as written (case kept) → lexicon entry. A word of a text
 * is hashed on its raw code units and checked by plain comparison with the
 * spelling's code units: no case folding per character, no string per word,
 * and most texts repeat a few thousand spellings.
 */
export class Spellings extends UnitTable {
  constructor() {
    super(13, 1 << 16);
  }

  /** The entry of the spelling text[start, end) with raw hash h; -1 when not yet met. */
  find(h: number, text: string, start: number, end: number): number {
    return this.findText(h, text, start, end) - 1;
  }

  /** Enters text[start, end) (raw hash h) as a spelling of `entry`. */
  add(h: number, text: string, start: number, end: number, entry: number): void {
    this.addText(h, text, start, end, entry + 1);
  }
}

export class Lexicon {
  readonly lm: SyllableModel;
  readonly spellings = new Spellings();
  /** Words of up to eight letters by their letter codes → entry, with the entry's meta. */
  readonly keys = new LetterKeys(13);
  private slots = new Int32Array(1 << 14);
  private mask = (1 << 14) - 1;
  private hashes: number[] = [];
  /** The lowercase spelling of each entry. */
  readonly words: string[] = [];
  readonly flags: number[] = [];
  readonly tones: Tone[] = [];
  /** Statistics id (-1: unseen or not a syllable). */
  readonly ids: number[] = [];
  /** Statistics id as context: ids[e] for a syllable (-1: unseen), NONE otherwise. */
  readonly ctx: number[] = [];
  /** Statistics id of the syllable without its tone. */
  readonly bareIds: number[] = [];
  /** Five per entry: the statistics id of the toneless syllable with tone 1..5 (-1: not allowed or unseen). */
  readonly variants: number[] = [];

  constructor(lm: SyllableModel) {
    this.lm = lm;
  }

  /** The entry of text[start, end) whose lowercased code units hash to h; -1 when new. */
  find(h: number, text: string, start: number, end: number): number {
    const len = end - start;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] !== h) continue;
      const w = this.words[e];
      if (w.length !== len) continue;
      let k = 0;
      while (k < len && unitClass(text.charCodeAt(start + k)) === w.charCodeAt(k)) k++;
      if (k === len) return e;
    }
  }

  /** The entry of text[start, end) (hash h), made when missing. */
  entry(h: number, text: string, start: number, end: number): number {
    const e = this.find(h, text, start, end);
    if (e >= 0) return e;
    let w = "";
    for (let k = start; k < end; k++) w += String.fromCharCode(unitClass(text.charCodeAt(k)));
    return this.add(w, h);
  }

  private long = -1;
  /** The entry of every run of letters too long to be a syllable: not valid, nothing to rebuild. */
  tooLong(): number {
    if (this.long < 0) this.long = this.add("\u0000");
    return this.long;
  }

  /** An entry's flags (low eight bits) and context id + 2 (above), in one number for the scan. */
  meta(e: number): number {
    return this.flags[e] | ((this.ctx[e] + 2) << 8);
  }

  /** The entry of a whole string. */
  of(word: string): number {
    let h = FNV_SEED;
    for (let k = 0; k < word.length; k++) h = hashStep(h, unitClass(word.charCodeAt(k)));
    return this.entry(h, word, 0, word.length);
  }

  private add(w: string, h?: number): number {
    if (h === undefined) {
      h = FNV_SEED;
      for (let k = 0; k < w.length; k++) h = hashStep(h, unitClass(w.charCodeAt(k)));
    }
    const e = this.words.length;
    const lm = this.lm;
    const valid = isValidSyllable(w);
    const a = analyse(w);
    let flags = valid ? VALID : !ASCII_WORD.test(w) && MARK_OR_HOLE.test(w.normalize("NFD")) ? MARKED : 0;
    if (w.includes("\ufffd")) flags |= HOLE;
    const id = valid ? lm.id(w) : -1;
    if (valid && a.tone) {
      const style = styleOf(w);
      if (style) flags |= style === "modern" ? MODERN : TRADITIONAL;
    }
    let alt = 0;
    for (let t = 1 as Tone; t <= 5; t = (t + 1) as Tone) {
      let v = -1;
      if (valid && !a.tone && isValidBare(a.bare) && toneAllowed(a.bare, t)) v = lm.id(placeTone(a.bare, t));
      this.variants.push(v);
      if (v >= 0) alt = Math.max(alt, lm.count(v));
    }
    if (alt > 0) flags |= HAS_VARIANTS;
    if (a.tone) flags |= TONED;
    if (alt > DOMINATED_FACTOR * (lm.count(id) + 1)) flags |= DOMINATED;
    this.words.push(w);
    this.hashes.push(h);
    this.flags.push(flags);
    this.tones.push(a.tone);
    this.ids.push(id);
    this.ctx.push(valid ? id : NONE);
    this.bareIds.push(valid ? lm.id(a.bare) : -1);
    if (2 * this.words.length > this.slots.length) this.rehash(this.slots.length * 2);
    else this.insert(e);
    return e;
  }

  private insert(e: number): void {
    let s = this.hashes[e] & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let e = 0; e < this.words.length; e++) this.insert(e);
  }

  /** After long runs of new spellings (a huge batch), starts over; call between texts. */
  trim(): void {
    if (this.words.length < MAX_MET && this.spellings.size < MAX_MET) return;
    this.spellings.clear();
    this.keys.clear();
    for (const list of [this.words, this.hashes, this.flags, this.tones, this.ids, this.ctx, this.bareIds, this.variants]) list.length = 0;
    this.long = -1;
    this.rehash(1 << 14);
  }
}

let shared: Lexicon | null = null;

/** The process's lexicon, made on first use with the shipped statistics. */
export function lexicon(): Lexicon {
  shared ??= new Lexicon(new SyllableModel());
  return shared;
}
