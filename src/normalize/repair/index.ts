// Broken-diacritic repair: misplaced and shifted marks, U+FFFD vowels, lost
// marks, and the tone style of oa/oe/uy syllables.
//
// Words that are valid syllables and sit in a pair of syllables the corpus
// has seen are left at once (the fast path). Visibly damaged words (a mark on
// a consonant, two marks, a hole) are always rebuilt; plausible-looking words
// change only when the bigram context makes another reading overwhelmingly
// more likely, and a weaker case becomes a suspect.
import type { Repair, Suspect } from "../../contract/schema.js";
import { fromSource, identityMap } from "../offsets.js";
import { splice, type Edit } from "./splice.js";
import { isValidBare, isValidSyllable, placeTone, restyle, styleOf, toneAllowed, toneChar, analyse, type Tone, type ToneStyle } from "../syllable/index.js";
import type { StageResult } from "../types.js";
import { scanWords } from "../syllable/words.js";
import { SyllableModel } from "./lm.js";
import { wordParts } from "./syllable-parts.js";

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
/** How much more common a marked reading must be for a word in seen pairs to be reconsidered. */
const DOMINATED = 20;

const MARKED = /[\u0300-\u036f\ufffd]/;
const ASCII_WORD = /^[A-Za-z]+$/;
/** A word with a mark or a hole anywhere (on any letter, precomposed or not). */
const hasMarks = (w: string) => !ASCII_WORD.test(w) && MARKED.test(w.normalize("NFD"));
const VOWEL_LETTERS = [..."aăâeêioôơuưy"];
const HOLE_FILLS = [...VOWEL_LETTERS.flatMap((v) => [0, 1, 2, 3, 4, 5].map((t) => toneChar(v, t as Tone))), "đ"];

let model: SyllableModel | null = null;

interface WordInfo {
  /** The spelling. */
  word: string;
  /** Valid Vietnamese syllable as written. */
  valid: boolean;
  /** Statistics id (-1: unseen or not a syllable). */
  id: number;
  tone: Tone;
  /** The word without its tone. */
  bare: string;
  /** The tone style the word shows (oa, oe, uy with a mark), null if none. */
  style: ToneStyle | null;
  /** Toneless, with a marked reading far more common (computed when first needed). */
  dominated?: boolean;
  /** Has a mark or a hole somewhere: a candidate for rebuilding. */
  marked: boolean;
}

// Words recur: what is known about each spelling is computed once.
const infoCache = new Map<string, WordInfo>();
function wordInfo(w: string, lm: SyllableModel): WordInfo {
  let info = infoCache.get(w);
  if (!info) {
    const valid = isValidSyllable(w);
    const a = analyse(w);
    info = { word: w, valid, id: valid ? lm.id(w) : -1, tone: a.tone, bare: a.bare, style: valid && a.tone ? styleOf(w) : null, marked: !valid && hasMarks(w) };
    if (infoCache.size > 200_000) infoCache.clear();
    infoCache.set(w, info);
  }
  return info;
}

const variantCache = new Map<string, ([string, number] | null)[]>();
/** The word with each tone t (index t) it may take, and the statistics id of each (-1: unseen). */
function toneVariants(w: string, style: ToneStyle, lm: SyllableModel): ([string, number] | null)[] {
  const key = style[0] + w;
  let v = variantCache.get(key);
  if (!v) {
    v = [null];
    const a = analyse(w);
    const lower = a.bare.toLowerCase();
    for (let t = 1 as Tone; t <= 5; t = (t + 1) as Tone) {
      if (!isValidBare(lower) || !toneAllowed(lower, t)) v.push(null);
      else {
        const c = placeTone(a.bare, t, style);
        v.push([c, lm.id(c)]);
      }
    }
    if (variantCache.size > 100_000) variantCache.clear();
    variantCache.set(key, v);
  }
  return v;
}

function isSpaces(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

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

export function repairDiacritics(text: string, options: RepairOptions = {}): StageResult {
  model ??= new SyllableModel();
  const lm = model;
  // Words as typed arrays of offsets plus one array of (shared, cached) word
  // records: long texts hold hundreds of thousands of words.
  const cap = (text.length >> 1) + 1;
  const starts = new Int32Array(cap), ends = new Int32Array(cap), joined = new Uint8Array(cap);
  const infos: WordInfo[] = [];
  let last = -1, k = 0;
  scanWords(text, (start, end) => {
    starts[k] = start;
    ends[k] = end;
    joined[k] = last >= 0 && isSpaces(text, last, start) ? 1 : 0;
    infos.push(wordInfo(text.slice(start, end), lm));
    k++;
    last = end;
  });
  const count = infos.length;

  let docStyle: ToneStyle | null = null;
  const style = (): ToneStyle => {
    if (options.toneStyle === "modern" || options.toneStyle === "traditional") return options.toneStyle;
    if (!docStyle) {
      let modern = 0, traditional = 0;
      for (const info of infos) {
        const s = info.style;
        if (s === "modern") modern++;
        else if (s === "traditional") traditional++;
      }
      docStyle = traditional > modern ? "traditional" : "modern";
    }
    return docStyle;
  };

  const out: (Change | null)[] = new Array(count).fill(null);
  const glyphs = new Map<string, number>();
  let docCounts: Map<number, number> | null = null;
  const docCount = (id: number): number => {
    if (!docCounts) {
      docCounts = new Map();
      for (const info of infos) if (info.id >= 0) docCounts.set(info.id, (docCounts.get(info.id) ?? 0) + 1);
    }
    return id < 0 ? 0 : docCounts.get(id) ?? 0;
  };
  const suspects: Suspect[] = [];
  const current = (i: number) => out[i]?.to ?? infos[i].word;
  const ctxId = (i: number): number | null => {
    if (i < 0 || i >= count) return null;
    const info = out[i] ? wordInfo(out[i]!.to, lm) : infos[i];
    return info.valid ? info.id : null;
  };
  const prevCtx = (i: number) => (joined[i] ? ctxId(i - 1) : null);
  const nextCtx = (i: number) => (i + 1 < count && joined[i + 1] ? ctxId(i + 1) : null);

  // Visible damage first, then shifted marks, then lost marks: each pass sees
  // the words the passes before it settled.
  // Valid words whose pairs with both neighbours the corpus has seen are settled.
  const open: number[] = [];
  const holes: number[] = [];
  for (let i = 0; i < count; i++) {
    const info = infos[i];
    if (info.marked && infos[i].word.includes("\ufffd")) holes.push(i);
    else if (info.marked) repairDamaged(i);
    // A marked word is only in question when the word before has no mark to have lost.
    else if (info.valid && (!info.tone || (joined[i] && i > 0 && infos[i - 1].valid && !infos[i - 1].tone && !settled(i)))) open.push(i);
  }
  // Holes twice: the confident ones first tell which glyphs this document lost.
  const unsure = holes.filter((i) => repairDamaged(i, true) < 0.9);
  for (const i of unsure) repairDamaged(i);
  for (const i of open) if (i > 0 && infos[i].tone && !out[i] && !settled(i)) speculateShift(i);
  // A word without a mark is weighed against its marked readings even in seen pairs:
  // "công đoan" may occur, "công đoàn" far more.
  for (const i of open) if (!out[i] && !infos[i].tone && (dominated(i) || !settled(i))) speculateLost(i);

  /** A word whose marked readings are far more common than it is. */
  function dominated(i: number): boolean {
    const info = infos[i];
    if (info.dominated === undefined) {
      const own = lm.count(info.id);
      let alt = 0;
      for (const v of toneVariants(infos[i].word, style(), lm)) if (v && v[1] >= 0) alt = Math.max(alt, lm.count(v[1]));
      info.dominated = alt > DOMINATED * (own + 1);
    }
    return info.dominated;
  }

  /** A word that is not a syllable but has marks: rebuild it from its letters and marks. */
  function repairDamaged(i: number, record = false): number {
    const parts = wordParts(infos[i].word);
    if (parts.holes.length > 1 || parts.tones.length > 2) return 0;
    if (!/\p{L}/u.test(parts.bare.replace(/\ufffd/g, ""))) return 0;
    const bases: { bare: string; tone: Tone; fill: string }[] = [];
    if (parts.holes.length === 1) {
      const h = parts.holes[0];
      for (const f of HOLE_FILLS) {
        const a = analyse(f);
        if (h.tone && a.tone) continue;
        const filled = parts.bare.slice(0, h.at) + (h.tone ? toneChar(a.bare, h.tone) : f) + parts.bare.slice(h.at + 1);
        const fa = analyse(filled);
        bases.push({ bare: fa.bare, tone: fa.tone, fill: f });
      }
    } else {
      const a = analyse(parts.bare);
      if (a.tone) return 0;
      bases.push({ bare: parts.bare, tone: 0, fill: "" });
    }
    const rule: Repair["rule"] = parts.holes.length ? "replacement-char" : "mark-placement";
    const firstStray = /^[^aăâeêioôơuưyAĂÂEÊIOÔƠUƯY\ufffd][\u0300-\u036f]/.test(infos[i].word.normalize("NFD"));
    const p = prevCtx(i), n = nextCtx(i);
    const prevTok = joined[i] && i > 0 ? current(i - 1) : null;
    const prevBare = prevTok && isValidSyllable(prevTok) && !analyse(prevTok).tone ? prevTok : null;
    type Cand = { word: string; prev: string | null; score: number; fill: string };
    const cands: Cand[] = [];
    for (const b of bases) {
      const lower = b.bare.toLowerCase();
      if (!isValidBare(lower)) continue;
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
        const word = placeTone(b.bare, own, style());
        let prevWord: string | null = null;
        if (back) {
          const pb = prevBare!;
          if (!toneAllowed(pb.toLowerCase(), back)) continue;
          prevWord = placeTone(pb, back, style());
        }
        const score = prevWord
          ? lm.chain(i > 1 && joined[i - 1] ? ctxId(i - 2) : null, [lm.id(prevWord), lm.id(word)], n)
          : lm.chain(p, [lm.id(word)], n);
        // A mark on a word's first letter, a consonant, most likely jumped from the word before.
        let bonus = prevWord ? (firstStray ? 3 : -1) : 0;
        if (b.fill) {
          // A hole is a glyph the font could not map: the same glyphs go missing all
          // through a document, and its words recur.
          bonus += GLYPH_WEIGHT * Math.min(glyphs.get(b.fill) ?? 0, 3) + DOC_WEIGHT * Math.log1p(docCount(lm.id(word)));
        }
        cands.push({ word, prev: prevWord, score: score + bonus, fill: b.fill });
      }
    }
    if (!cands.length) return 0;
    cands.sort((a, b) => b.score - a.score);
    const best = cands[0];
    const confidence = Math.round(softmaxTop(cands.map((c) => c.score)) * 100) / 100;
    if (best.fill && confidence >= 0.9 && record) glyphs.set(best.fill, (glyphs.get(best.fill) ?? 0) + 1);
    if (best.prev) {
      out[i - 1] = { to: best.prev, rule: "mark-shift", confidence };
      out[i] = { to: best.word, rule: "mark-shift", confidence };
    } else out[i] = { to: best.word, rule, confidence };
    return confidence;
  }

  /** Seen pairs on every side (or no context at all): nothing to suspect. */
  function settled(i: number): boolean {
    const p = prevCtx(i), n = nextCtx(i);
    const id = ctxId(i) ?? -1;
    return (p === null && n === null) || ((p === null || lm.pair(p, id) >= 2) && (n === null || lm.pair(id, n) >= 2));
  }

  /** A valid word with a mark after a word without one: did the mark jump here? */
  function speculateShift(i: number): void {
    const p = prevCtx(i), n = nextCtx(i);
    if (p === null || out[i - 1]) return;
    const id = infos[i].id;
    if (!infos[i].tone) return;
    const prev = infos[i - 1].word;
    if (infos[i - 1].tone) return;
    const moved = toneVariants(prev, style(), lm)[infos[i].tone];
    if (!moved || moved[1] < 0) return;
    const newPrev = moved[0];
    const bare = infos[i].bare;
    const pp = i > 1 && joined[i - 1] ? ctxId(i - 2) : null;
    const before = lm.chain(pp, [p, id], n);
    const after = lm.chain(pp, [moved[1], wordInfo(bare, lm).id], n);
    if (after - before > SHIFT_CHANGE) {
      const confidence = Math.round((1 / (1 + Math.exp(before - after))) * 1000) / 1000;
      out[i - 1] = { to: newPrev, rule: "mark-shift", confidence };
      out[i] = { to: bare, rule: "mark-shift", confidence };
    }
  }

  /** A valid word without a mark: did it lose one? Names (capitalised words) are left alone. */
  function speculateLost(i: number): void {
    const p = prevCtx(i), n = nextCtx(i);
    const id = infos[i].id;
    if (infos[i].tone) return;
    if (p === null && n === null) return;
    // Capitalised words inside a sentence are mostly names, whose marks no context predicts.
    const first = infos[i].word[0];
    const titled = first !== first.toLowerCase() && infos[i].word !== infos[i].word.toUpperCase();
    const base = lm.chain(p, [id], n) + (titled ? TITLE_MARGIN : 0);
    // Lost mark: the same letters with a tone.
    let best = -Infinity, bestWord = "";
    for (const v of toneVariants(infos[i].word, style(), lm)) {
      if (!v || v[1] < 0) continue;
      const [w, wid] = v;
      // The document's own usage counts too: "đoàn" written ten times elsewhere, "đoan" never.
      const s = lm.chain(p, [wid], n) + LOST_DOC_WEIGHT * (Math.log1p(docCount(wid)) - Math.log1p(docCount(id)));
      if (s > best) {
        best = s;
        bestWord = w;
      }
    }
    // Context on one side only is weaker evidence: ask for more.
    const delta = best - base - (p === null || n === null ? ONE_SIDED : 0);
    if (delta > LOST_MARK_CHANGE) {
      out[i] = { to: bestWord, rule: "lost-mark", confidence: Math.round((1 / (1 + Math.exp(-delta))) * 1000) / 1000 };
    } else if (delta > LOST_MARK_SUSPECT) {
      suspects.push({ word: infos[i].word, candidates: [bestWord], span: { start: starts[i], end: ends[i] }, rule: "lost-mark", confidence: Math.round((1 / (1 + Math.exp(-delta))) * 100) / 100 });
    }
  }

  // Tone style rewrite, when asked for.
  if (options.toneStyle === "modern" || options.toneStyle === "traditional") {
    for (let i = 0; i < count; i++) {
      const w = current(i);
      const r = restyle(w, options.toneStyle);
      if (r !== w) out[i] = { to: r, rule: out[i]?.rule ?? "tone-style", confidence: out[i]?.confidence ?? 1 };
    }
  }

  if (!out.some(Boolean)) return { text, map: identityMap(text.length), repairs: [], suspects };
  const edits: Edit[] = [];
  const repairs: Repair[] = [];
  let shift = 0;
  for (let i = 0; i < count; i++) {
    const c = out[i];
    if (!c) continue;
    const to = withCase(c.to.toLowerCase(), infos[i].word);
    if (to === infos[i].word) continue;
    edits.push({ start: starts[i], end: ends[i], to });
    const at = starts[i] + shift;
    repairs.push({ from: infos[i].word, to, span: { start: at, end: at + to.length }, rule: c.rule, confidence: c.confidence });
    shift += to.length - (ends[i] - starts[i]);
  }
  const fin = splice(text, edits);
  // Suspect spans were taken in the input; move them into the output.
  const moved = suspects.map((s) => ({ ...s, span: { start: fromSource(fin.map, s.span.start), end: fromSource(fin.map, s.span.end) } }));
  return { ...fin, repairs, suspects: moved };
}

