// Broken-diacritic repair: misplaced and shifted marks, U+FFFD vowels, lost
// marks, and the tone style of oa/oe/uy syllables.
//
// Words that are valid syllables and sit in a pair of syllables the corpus
// has seen are left at once (the fast path). Visibly damaged words (a mark on
// a consonant, two marks, a hole) are always rebuilt; plausible-looking words
// change only when the bigram context makes another reading overwhelmingly
// more likely, and a weaker case becomes a suspect.
import type { Repair, Suspect } from "../../contract/schema.js";
import { identityView } from "./identity.js";
import { outputOffsets, splice, type Edit } from "./splice.js";
import { isValidBare, isValidSyllable, placeTone, restyle, toneAllowed, toneChar, analyse, type Tone, type ToneStyle } from "../syllable/index.js";
import type { StageResult } from "../types.js";
import type { SyllableModel } from "./lm.js";
import { codeUnits } from "./code-units.js";
import { learnLetter, letterCodes, MAX_PACKED, packHi, packLo, WIDE } from "./letter-keys.js";
import { FNV_SEED, HAS_VARIANTS, HOLE, MARKED, MODERN, NONE, TONED, TRADITIONAL, VALID, DOMINATED, hashStep, lexicon, type Lexicon } from "./lexicon.js";
import { wordParts, type WordParts } from "./syllable-parts.js";

export interface RepairOptions {
  toneStyle?: "preserve" | "modern" | "traditional";
}

/** log-odds a lost mark must win by before the word changes, and before it is reported. */
const LOST_MARK_CHANGE = 8;
const LOST_MARK_SUSPECT = 5;
const SHIFT_CHANGE = 7;
const TITLE_MARGIN = 4;
const ONE_SIDED = 2;
const GLYPH_WEIGHT = 1.5;
const DOC_WEIGHT = 0.7;
const LOST_DOC_WEIGHT = 1;
/**
 * Words per lost mark below which a text with no other damage keeps its
 * spelling: extraction that drops marks drops many, while a lone unmarked word
 * in clean text is the author's own slip, which an archive keeps as issued and
 * reports as a suspect.
 */
const LOST_MARKS_SPARSE = 1000;

const VOWEL_LETTERS = [..."aăâeêioôơuưy"];
/** Each letter a hole may stand for, with its analysis. */
const HOLE_FILLS = [...VOWEL_LETTERS.flatMap((v) => [0, 1, 2, 3, 4, 5].map((t) => toneChar(v, t as Tone))), "đ"].map((f) => [f, analyse(f)] as const);

interface Change {
  to: string;
  rule: Repair["rule"];
  confidence: number;
}

/** Copies the case of `like` (UPPER, Title or lower) onto a lowercase word. */
function withCase(word: string, like: string): string {
  const letters = like.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return word.toUpperCase();
  if (letters && letters[0] !== letters[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

function softmaxTop(scores: number[]): number {
  const m = Math.max(...scores);
  let z = 0;
  for (const s of scores) z += Math.exp(s - m);
  return 1 / z;
}

interface Words {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Lexicon entry of each word. */
  ents: Int32Array;
  /** 1 when only spaces or tabs separate the word from the one before. */
  joined: Uint8Array;
  /** Statistics id of each word as context (-1: unseen), NONE when it is not a syllable. */
  ctx: Int32Array;
  /**
   * In order: words to rebuild (a mark but not a syllable) and marked syllables after an unmarked one (has the mark jumped?).
   * Without damage, only those whose pairs as written are not all seen (the rest are settled).
   */
  checks: number[];
  /** Words with a U+FFFD hole. */
  holes: number[];
  /**
   * Unmarked syllables some marked reading of which the statistics know (has a mark been lost?).
   * Without damage, only the dominated ones and those whose pairs as written are not all seen.
   */
  unmarked: number[];
  /** A word is not a syllable but has a mark or a hole: checks and unmarked hold every candidate. */
  damaged: boolean;
  /** How often the text writes each syllable, by statistics id. */
  counts: Int32Array;
  /** Syllables whose mark sits where only the modern or only the traditional style puts it. */
  modern: number;
  traditional: number;
}

/**
 * The words of a text as typed arrays of offsets, lexicon entries and
 * statistics ids, sorted on the way into the few lists the repair looks at
 * again. Each word is found by hashing its code units as they are scanned and
 * looking the spelling up as written: no string per word. A candidate whose
 * pairs with both neighbours the corpus has seen is settled here, as soon as
 * the word after it is known, so most words are never listed (a clean text
 * changes nothing; damage is rare). Once a word turns out damaged, every
 * candidate is listed: rebuilding a word changes its neighbours' pairs.
 * (A function of its own, so its loop is compiled apart.)
 */
export function scanText(text: string, lex: Lexicon): Words {
  const n = text.length;
  const words = buffers((n >> 1) + 1, lex.lm.stats.size);
  const { starts, ends, ents, joined, ctx, checks, holes, unmarked, counts } = words;
  const codes = letterCodes;
  const keys = lex.keys;
  const lm = lex.lm;
  const u = codeUnits(text);
  let count = 0, i = 0, modern = 0, traditional = 0;
  let damaged = false;
  let prevFlags = 0, prevX = NONE, prevEnd = 0;
  // A candidate whose pair with the word before is seen, waiting for the word after; its list.
  let pending = false, pendingList: number[] = unmarked, pendingX = 0;
  // (No calls inside the letter loops, which keeps them tight: a unit not yet seen is learnt out here.)
  while (i < n) {
    let c = u[i];
    let v = codes[c];
    if (v <= 1) {
      if (v === 0) learnLetter(c);
      else i++;
      continue;
    }
    const start = i;
    // The word's key, and every code or'ed (WIDE: not packed).
    let lo = 0, hi = 0, wide = 0;
    for (;;) {
      wide |= v;
      hi = packHi(hi, lo);
      lo = packLo(lo, v);
      if (++i >= n) break;
      c = u[i];
      v = codes[c];
      if (v <= 1) break;
    }
    if (v === 0 && i < n) {
      learnLetter(c);
      i = start;
      continue;
    }
    let e: number, meta: number;
    const o = i - start <= MAX_PACKED && !(wide & WIDE) ? keys.find(lo, hi) : -2;
    if (o >= 0) {
      e = keys.entryAt(o);
      meta = keys.extraAt(o);
    } else {
      if (o === -1) {
        e = lex.of(text.slice(start, i));
        meta = lex.meta(e);
        keys.add(lo, hi, e, meta);
      } else {
        e = unpackedEntry(text, start, i, lex);
        meta = lex.meta(e);
      }
    }
    // Joined: only spaces and tabs since the word before (mostly one space).
    let join = count > 0;
    for (let k = prevEnd; join && k < start; k++) join = u[k] === 32 || u[k] === 9;
    starts[count] = start;
    ends[count] = i;
    joined[count] = join ? 1 : 0;
    ents[count] = e;
    const x = (meta >> 8) - 2;
    ctx[count] = x;
    if (x >= 0) counts[x]++;
    if (pending) {
      // The word before waits only for its pair with this one.
      if (join && x !== NONE && !lm.common(pendingX, x)) pendingList.push(count - 1);
      pending = false;
    }
    const f = meta & 0xff;
    if (f & VALID) {
      if (!(f & TONED)) {
        if (f & HAS_VARIANTS) {
          if (damaged || f & DOMINATED || (join && prevX !== NONE && !lm.common(prevX, x))) unmarked.push(count);
          else {
            pending = true;
            pendingList = unmarked;
            pendingX = x;
          }
        }
      } else {
        // A marked word is only in question when the word before has no mark to have lost.
        if (join && (prevFlags & (VALID | TONED)) === VALID) {
          if (damaged || !lm.common(prevX, x)) checks.push(count);
          else {
            pending = true;
            pendingList = checks;
            pendingX = x;
          }
        }
        if (f & MODERN) modern++;
        else if (f & TRADITIONAL) traditional++;
      }
    } else if (f & (HOLE | MARKED)) {
      if (!damaged) {
        damaged = true;
        // Every candidate so far, settled or not, is examined again.
        listCandidates(words, count, lex);
      }
      (f & HOLE ? holes : checks).push(count);
    }
    prevFlags = f;
    prevX = x;
    prevEnd = i;
    count++;
  }
  words.count = count;
  words.damaged = damaged;
  words.modern = modern;
  words.traditional = traditional;
  return words;
}

/** Lists every candidate among words [0, end) as the scan would, settled or not (holes and damaged words aside). */
function listCandidates(words: Words, end: number, lex: Lexicon): void {
  const { ents, joined, checks, unmarked } = words;
  const flags = lex.flags;
  checks.length = unmarked.length = 0;
  let prevFlags = 0;
  for (let k = 0; k < end; k++) {
    const f = flags[ents[k]];
    if (f & VALID) {
      if (!(f & TONED)) {
        if (f & HAS_VARIANTS) unmarked.push(k);
      } else if (joined[k] && (prevFlags & (VALID | TONED)) === VALID) checks.push(k);
    }
    prevFlags = f;
  }
}

/** The entry of a word too long, or with letters too rare, for a key: its spelling as written is hashed and looked up. */
function unpackedEntry(text: string, start: number, end: number, lex: Lexicon): number {
  if (end - start > MAX_WORD_UNITS) return lex.tooLong();
  let h = FNV_SEED;
  for (let k = start; k < end; k++) h = hashStep(h, text.charCodeAt(k));
  let e = lex.spellings.find(h, text, start, end);
  if (e < 0) {
    e = lex.of(text.slice(start, end));
    lex.spellings.add(h, text, start, end, e);
  }
  return e;
}

/**
 * Longer than any syllable, however damaged (the longest, "nghiêng" with
 * stray marks, is under 16 units): such a run is not looked at as a word, and
 * never enters the process's lexicon, so a megabyte without a space costs a
 * scan and not an analysis.
 */
const MAX_WORD_UNITS = 32;

// The word arrays are reused from one text to the next (repair is synchronous).
let shared: Words | null = null;
function buffers(cap: number, size: number): Words {
  if (!shared || shared.starts.length < cap || shared.counts.length !== size) {
    const room = Math.max(cap, 1024);
    shared = {
      count: 0, starts: new Int32Array(room), ends: new Int32Array(room), ents: new Int32Array(room), joined: new Uint8Array(room), ctx: new Int32Array(room),
      checks: [], holes: [], unmarked: [], damaged: false, counts: new Int32Array(size), modern: 0, traditional: 0,
    };
  } else {
    shared.checks.length = shared.holes.length = shared.unmarked.length = 0;
    shared.counts.fill(0);
  }
  return shared;
}

/** What a damaged spelling offers, whatever its context: its parts and the syllables it may stand for. */
interface DamagedForm {
  parts: WordParts;
  /** Valid toneless readings (with the tone a filled hole brings), in the order they are weighed. */
  bases: { bare: string; lower: string; tone: Tone; fill: string; placed: (string | undefined)[]; ids: number[] }[];
  rule: Repair["rule"];
  /** A mark on the first letter, a consonant: most likely jumped from the word before. */
  firstStray: boolean;
}

// Damage repeats through a document (the same glyph lost, the same word mangled):
// each spelling is taken apart once.
const forms = new Map<string, DamagedForm | null>();

function damagedForm(written: string): DamagedForm | null {
  let form = forms.get(written);
  if (form !== undefined) return form;
  form = takeApart(written);
  if (forms.size >= 50_000) forms.clear();
  forms.set(written, form);
  return form;
}

function takeApart(written: string): DamagedForm | null {
  const parts = wordParts(written);
  if (parts.holes.length > 1 || parts.tones.length > 2) return null;
  if (!/\p{L}/u.test(parts.bare.replace(/\ufffd/g, ""))) return null;
  const bases: DamagedForm["bases"] = [];
  const keep = (bare: string, tone: Tone, fill: string) => {
    const lower = bare.toLowerCase();
    // placed/ids: the reading with tone t in the modern style at t, in the traditional at t + 6.
    if (isValidBare(lower)) bases.push({ bare, lower, tone, fill, placed: new Array<string | undefined>(12).fill(undefined), ids: new Array<number>(12).fill(-1) });
  };
  if (parts.holes.length === 1) {
    const h = parts.holes[0];
    for (const [f, a] of HOLE_FILLS) {
      if (h.tone && a.tone) continue;
      const filled = parts.bare.slice(0, h.at) + (h.tone ? toneChar(a.bare, h.tone) : f) + parts.bare.slice(h.at + 1);
      const fa = analyse(filled);
      keep(fa.bare, fa.tone, f);
    }
  } else {
    const a = analyse(parts.bare);
    if (a.tone) return null;
    keep(parts.bare, 0, "");
  }
  const rule: Repair["rule"] = parts.holes.length ? "replacement-char" : "mark-placement";
  const firstStray = /^[^aăâeêioôơuưyAĂÂEÊIOÔƠUƯY\ufffd][\u0300-\u036f]/.test(written.normalize("NFD"));
  return { parts, bases, rule, firstStray };
}

export function repairDiacritics(text: string, options: RepairOptions = {}): StageResult {
  const lex = lexicon();
  lex.trim();
  return new Pass(text, lex, scanText(text, lex), options).run();
}

/**
 * One repair of one text. A class rather than closures, so the compiled
 * methods are shared by every text and stay optimised from one to the next.
 */
class Pass {
  readonly lm: SyllableModel;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly ents: Int32Array;
  readonly joined: Uint8Array;
  readonly ctx: Int32Array;
  readonly words: Words;
  /** The changes, by word index. */
  readonly out = new Map<number, Change>();
  readonly glyphs = new Map<string, number>();
  readonly suspects: Suspect[] = [];

  constructor(
    readonly text: string,
    readonly lex: Lexicon,
    words: Words,
    readonly options: RepairOptions,
  ) {
    this.lm = lex.lm;
    this.count = words.count;
    this.starts = words.starts;
    this.ends = words.ends;
    this.ents = words.ents;
    this.joined = words.joined;
    this.ctx = words.ctx;
    this.words = words;
  }

  run(): StageResult {
    const { count, ents, out, options } = this;
    const { flags } = this.lex;
    // Visible damage first, then shifted marks, then lost marks: each pass sees
    // the words the passes before it settled.
    // Valid words whose pairs with both neighbours the corpus has seen are settled.
    // A toneless word none of whose toned readings the statistics know has no mark to have lost.
    const { checks, holes, unmarked } = this.words;
    const shifts: number[] = [];
    for (const i of checks) {
      if (flags[ents[i]] & VALID) {
        if (!this.settled(i)) shifts.push(i);
      } else this.repairDamaged(i);
    }
    // Holes twice: the confident ones first tell which glyphs this document lost.
    if (holes.length) {
      const unsure = holes.filter((i) => this.repairDamaged(i, true) < 0.9);
      for (const i of unsure) this.repairDamaged(i);
    }
    // (Most texts change nothing: no map lookups then.)
    for (const i of shifts) if (!(out.size && out.has(i)) && !this.settled(i)) this.speculateShift(i);
    // A word without a mark is weighed against its marked readings even in seen pairs:
    // "công đoan" may occur, "công đoàn" far more.
    // Without damage the scan listed only the words its pairs as written left open; once a
    // word changed, the pairs around it are not those, so every candidate is weighed.
    const settledAsWritten = !this.words.damaged && !out.size;
    if (!this.words.damaged && out.size) listCandidates(this.words, count, this.lex);
    const listed = unmarked.length;
    const before = out.size;
    for (let k = 0; k < listed; k++) {
      let i = unmarked[k];
      if (!(out.size && out.has(i)) && (flags[ents[i]] & DOMINATED || !this.settled(i))) this.speculateLost(i);
      // A word settled on its pair with this one, which has just changed: weigh it now.
      while (settledAsWritten && out.size && out.has(i) && i + 1 < count && (k + 1 === listed || unmarked[k + 1] !== i + 1)) {
        const f = flags[ents[++i]];
        if ((f & (VALID | TONED | HAS_VARIANTS)) !== (VALID | HAS_VARIANTS) || this.settled(i)) break;
        this.speculateLost(i);
      }
    }
    // Lost marks alone, and few of them: the text as written stands.
    const lost = out.size - before;
    if (lost && !before && !this.words.damaged && lost * LOST_MARKS_SPARSE < count) this.keepAsWritten();

    // Tone style rewrite, when asked for.
    if (options.toneStyle === "modern" || options.toneStyle === "traditional") {
      // Only a word written in the other style (or changed above) can change.
      const other = options.toneStyle === "modern" ? TRADITIONAL : MODERN;
      for (let i = 0; i < count; i++) {
        if (!(flags[ents[i]] & other) && !out.has(i)) continue;
        const w = this.current(i);
        const r = restyle(w, options.toneStyle);
        const was = out.get(i);
        if (r !== w) out.set(i, { to: r, rule: was?.rule ?? "tone-style", confidence: was?.confidence ?? 1 });
      }
    }
    return this.finish();
  }

  /** Turns every change into a suspect, in reading order with the suspects already found. */
  private keepAsWritten(): void {
    for (const [i, c] of this.out) {
      this.suspects.push({ word: this.wordAt(i), candidates: [c.to], span: { start: this.starts[i], end: this.ends[i] }, rule: c.rule, confidence: Math.round(c.confidence * 100) / 100 });
    }
    this.out.clear();
    this.suspects.sort((a, b) => a.span.start - b.span.start);
  }

  private finish(): StageResult {
    const { text, out, starts, ends, suspects } = this;
    if (!out.size) return { text, map: identityView(text.length), repairs: [], suspects };
    const edits: Edit[] = [];
    const repairs: Repair[] = [];
    let shift = 0;
    for (const i of [...out.keys()].sort((a, b) => a - b)) {
      const c = out.get(i)!;
      const from = this.wordAt(i);
      const to = withCase(c.to.toLowerCase(), from);
      if (to === from) continue;
      edits.push({ start: starts[i], end: ends[i], to });
      const at = starts[i] + shift;
      repairs.push({ from, to, span: { start: at, end: at + to.length }, rule: c.rule, confidence: c.confidence });
      shift += to.length - (ends[i] - starts[i]);
    }
    const fin = splice(text, edits);
    // Suspect spans were taken in the input; move them into the output (the map itself is built only if read).
    const to = outputOffsets(edits);
    const moved = suspects.map((s) => ({ ...s, span: { start: to(s.span.start), end: to(s.span.end) } }));
    return {
      text: fin.text,
      get map() {
        return fin.map;
      },
      repairs,
      suspects: moved,
    };
  }

  wordAt(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  current(i: number): string {
    return this.out.get(i)?.to ?? this.wordAt(i);
  }

  /** The tone style asked for, or the one most of the document's words show. */
  style(): ToneStyle {
    const asked = this.options.toneStyle;
    if (asked === "modern" || asked === "traditional") return asked;
    return this.words.traditional > this.words.modern ? "traditional" : "modern";
  }

  /** How often the document writes the syllable with statistics id `id`. */
  docCount(id: number): number {
    return id < 0 ? 0 : this.words.counts[id];
  }

  /** Statistics id of word i as it now reads, null when it is not a syllable or out of range. */
  ctxId(i: number): number | null {
    if (i < 0 || i >= this.count) return null;
    // Most texts change nothing: no map lookup then.
    const c = this.out.size ? this.out.get(i) : undefined;
    const e = c ? this.lex.of(c.to) : this.ents[i];
    return this.lex.flags[e] & VALID ? this.lex.ids[e] : null;
  }

  prevCtx(i: number): number | null {
    return this.joined[i] ? this.ctxId(i - 1) : null;
  }

  nextCtx(i: number): number | null {
    return i + 1 < this.count && this.joined[i + 1] ? this.ctxId(i + 1) : null;
  }

  /** A word that is not a syllable but has marks: rebuild it from its letters and marks. */
  repairDamaged(i: number, record = false): number {
    const form = damagedForm(this.wordAt(i));
    if (!form) return 0;
    const { parts, bases, rule, firstStray } = form;
    const p = this.prevCtx(i), n = this.nextCtx(i);
    const prevBare = this.joined[i] ? this.unmarkedBefore(i) : null;
    type Cand = { word: string; prev: string | null; score: number; fill: string };
    const cands: Cand[] = [];
    for (const b of bases) {
      const lower = b.lower;
      const tones = b.tone ? [b.tone, ...parts.tones] : parts.tones;
      // Every way of sharing the marks between this word and a toneless word before it.
      const splits: [Tone, Tone][] = [];
      if (tones.length === 0) splits.push([0, 0]);
      else if (tones.length === 1) {
        splits.push([tones[0], 0]);
        if (prevBare && !b.tone) splits.push([0, tones[0]]);
      } else if (tones.length === 2 && prevBare) {
        splits.push([tones[0], tones[1]], [tones[1], tones[0]]);
      }
      for (const [own, back] of splits) {
        if (!toneAllowed(lower, own)) continue;
        // The reading with its tone placed, and its statistics id, made once per spelling and style.
        const style = this.style();
        const k = own + (style === "traditional" ? 6 : 0);
        let word = b.placed[k];
        if (word === undefined) {
          word = b.placed[k] = placeTone(b.bare, own, style);
          b.ids[k] = this.lm.id(word);
        }
        const wid = b.ids[k];
        let prevWord: string | null = null;
        if (back) {
          const pb = prevBare!;
          if (!toneAllowed(pb.toLowerCase(), back)) continue;
          prevWord = placeTone(pb, back, this.style());
        }
        const score = prevWord
          ? this.lm.chain2(i > 1 && this.joined[i - 1] ? this.ctxId(i - 2) : null, this.lm.id(prevWord), wid, n)
          : this.lm.chain1(p, wid, n);
        // A mark on a word's first letter, a consonant, most likely jumped from the word before.
        let bonus = prevWord ? (firstStray ? 3 : -1) : 0;
        if (b.fill) {
          // A hole is a glyph the font could not map: the same glyphs go missing all
          // through a document, and its words recur.
          bonus += GLYPH_WEIGHT * Math.min(this.glyphs.get(b.fill) ?? 0, 3) + DOC_WEIGHT * Math.log1p(this.docCount(wid));
        }
        cands.push({ word, prev: prevWord, score: score + bonus, fill: b.fill });
      }
    }
    if (!cands.length) return 0;
    cands.sort((a, b) => b.score - a.score);
    const best = cands[0];
    const confidence = Math.round(softmaxTop(cands.map((c) => c.score)) * 100) / 100;
    if (best.fill && confidence >= 0.9 && record) this.glyphs.set(best.fill, (this.glyphs.get(best.fill) ?? 0) + 1);
    if (best.prev) {
      this.out.set(i - 1, { to: best.prev, rule: "mark-shift", confidence });
      this.out.set(i, { to: best.word, rule: "mark-shift", confidence });
    } else this.out.set(i, { to: best.word, rule, confidence });
    return confidence;
  }

  /** Statistics id of word i as it now reads (-1: unseen), NONE when it is not a syllable. */
  idNow(i: number): number {
    // Most texts change nothing: no map lookup then.
    const c = this.out.size ? this.out.get(i) : undefined;
    return c ? this.lex.ctx[this.lex.of(c.to)] : this.ctx[i];
  }

  /** The word before word i as it now reads, when it is a syllable without a mark; else null. */
  unmarkedBefore(i: number): string | null {
    const c = this.out.size ? this.out.get(i - 1) : undefined;
    if (c) return isValidSyllable(c.to) && !analyse(c.to).tone ? c.to : null;
    // As written: the lexicon knows.
    return (this.lex.flags[this.ents[i - 1]] & (VALID | TONED)) === VALID ? this.wordAt(i - 1) : null;
  }

  /** Seen pairs on every side (or no context at all): nothing to suspect. */
  settled(i: number): boolean {
    // (joined[0] is 0: the first word has no word before it.)
    const ctx = this.ctx;
    const same = this.out.size === 0;
    const p = this.joined[i] ? (same ? ctx[i - 1] : this.idNow(i - 1)) : NONE;
    const n = i + 1 < this.count && this.joined[i + 1] ? (same ? ctx[i + 1] : this.idNow(i + 1)) : NONE;
    if (p === NONE && n === NONE) return true;
    const own = same ? ctx[i] : this.idNow(i);
    const id = own === NONE ? -1 : own;
    return (p === NONE || this.lm.common(p, id)) && (n === NONE || this.lm.common(id, n));
  }

  /** A valid word with a mark after a word without one: did the mark jump here? */
  speculateShift(i: number): void {
    const p = this.prevCtx(i), n = this.nextCtx(i);
    if (p === null || this.out.has(i - 1)) return;
    const e = this.ents[i], pe = this.ents[i - 1];
    const id = this.lex.ids[e];
    const tone = this.lex.tones[e];
    if (!tone || this.lex.tones[pe]) return;
    const moved = this.lex.variants[5 * pe + tone - 1];
    if (moved < 0) return;
    const pp = i > 1 && this.joined[i - 1] ? this.ctxId(i - 2) : null;
    const before = this.lm.chain2(pp, p, id, n);
    const after = this.lm.chain2(pp, moved, this.lex.bareIds[e], n);
    if (after - before > SHIFT_CHANGE) {
      const confidence = Math.round((1 / (1 + Math.exp(before - after))) * 1000) / 1000;
      this.out.set(i - 1, { to: placeTone(this.lex.words[pe], tone, this.style()), rule: "mark-shift", confidence });
      this.out.set(i, { to: analyse(this.lex.words[e]).bare, rule: "mark-shift", confidence });
    }
  }

  /** A valid word without a mark: did it lose one? Names (capitalised words) are left alone. */
  speculateLost(i: number): void {
    const p = this.prevCtx(i), n = this.nextCtx(i);
    const e = this.ents[i];
    const id = this.lex.ids[e];
    if (this.lex.tones[e]) return;
    if (p === null && n === null) return;
    // Capitalised words inside a sentence are mostly names, whose marks no context predicts.
    const written = this.wordAt(i);
    const first = written[0];
    const titled = first !== first.toLowerCase() && written !== written.toUpperCase();
    const base = this.lm.chain1(p, id, n) + (titled ? TITLE_MARGIN : 0);
    // Lost mark: the same letters with a tone.
    let best = -Infinity, bestTone = 0 as Tone;
    for (let t = 1 as Tone; t <= 5; t = (t + 1) as Tone) {
      const wid = this.lex.variants[5 * e + t - 1];
      if (wid < 0) continue;
      // The document's own usage counts too: "đoàn" written ten times elsewhere, "đoan" never.
      const s = this.lm.chain1(p, wid, n) + LOST_DOC_WEIGHT * (Math.log1p(this.docCount(wid)) - Math.log1p(this.docCount(id)));
      if (s > best) {
        best = s;
        bestTone = t;
      }
    }
    // Context on one side only is weaker evidence: ask for more.
    const delta = best - base - (p === null || n === null ? ONE_SIDED : 0);
    if (delta <= LOST_MARK_SUSPECT) return;
    const bestWord = placeTone(written, bestTone, this.style());
    if (delta > LOST_MARK_CHANGE) {
      this.out.set(i, { to: bestWord, rule: "lost-mark", confidence: Math.round((1 / (1 + Math.exp(-delta))) * 1000) / 1000 });
    } else {
      this.suspects.push({ word: written, candidates: [bestWord], span: { start: this.starts[i], end: this.ends[i] }, rule: "lost-mark", confidence: Math.round((1 / (1 + Math.exp(-delta))) * 100) / 100 });
    }
  }

}
