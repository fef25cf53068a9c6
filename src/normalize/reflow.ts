// Markdown markup and hard wraps → one line per paragraph.
//
// Each source line is scanned once (markdown.ts); then each pair of
// neighbouring lines is either joined (a wrap) or kept apart (a paragraph
// break). A break needs a reason: a sentence or clause end, an item or label
// opening the next line, a heading, a table row, a layout in columns, a change
// of emphasis or case, or a previous line too short to have been wrapped.
// Output: paragraphs joined by "\n"; table cells joined by " | "; columns of a
// layout line separated by "\t".
import { codesOf, OffsetSink, PLAIN, RULE, scanLine, type LineRange, type ScannedLine } from "./markdown.js";
import { PieceMap } from "./piece-map.js";
import type { Paragraph, StageResult } from "./types.js";
import { bulletAt, bulletIn, hasLabel, hasLabelIn } from "../segment/numbering.js";

export { CELL_LINE_BREAK, CELL_SEPARATOR, COLUMN_GAP } from "./markdown.js";

// What reflow knows of a line, as bits of one number.
const HEADING = 1;
const ROW = 2;
const STRONG = 4;
/** Laid out in columns (holds COLUMN_GAP). */
const COLUMNS = 8;
/** Goes on in lower case (after any opening quotation marks). */
const LOWER = 16;
/** Opens with a numbering label ("2.", "a)", "Điều 3."), not a bullet. */
const LABEL = 32;
/** Opens with a label or a bullet. */
const ITEM = 64;
const ALL_CAPS = 128;
const ENDS_CLAUSE = 256;
const ENDS_SENTENCE = 512;
const ENDS_HYPHEN = 1024;
/** Opens with a quotation mark. */
const QUOTED = 2048;
/** Page furniture (a page number, a running head) stood between this line and the previous one. */
const PAGE_BEFORE = 4096;
/** A rule ("-----") between this line and the previous one. */
const RULE_BEFORE = 8192;
/** Not a plain text line: a heading, a table row or a layout in columns. */
const NOT_TEXT = HEADING | ROW;

/**
 * The document's lines, one entry per line in typed arrays: a document of a
 * hundred thousand short lines makes no object per line. A plain line's text
 * is the source between its bounds; a line rewritten from markdown keeps its
 * ScannedLine.
 */
class Lines {
  n = 0;
  /** Source range of the line's content. */
  start: Int32Array;
  end: Int32Array;
  /** Length of the line's text. */
  len: Int32Array;
  flags: Int32Array;
  /** Blank lines between this line and the previous one. */
  blanks: Int32Array;
  /** Length of the text's first word (up to its first space). */
  firstWord: Int32Array;
  /** Index in `rewritten`, or -1 for a plain line. */
  rewrite: Int32Array;
  readonly rewritten: ScannedLine[] = [];

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.len = new Int32Array(c);
    this.flags = new Int32Array(c);
    this.blanks = new Int32Array(c);
    this.firstWord = new Int32Array(c);
    this.rewrite = new Int32Array(c);
  }

  add(start: number, end: number, len: number, flags: number, blanks: number, firstWord: number, rewrite: number): void {
    if (this.n === this.start.length) this.grow();
    const k = this.n++;
    this.start[k] = start;
    this.end[k] = end;
    this.len[k] = len;
    this.flags[k] = flags;
    this.blanks[k] = blanks;
    this.firstWord[k] = firstWord;
    this.rewrite[k] = rewrite;
  }

  /** Line k moved to place j < k (lines dropped in between). */
  move(k: number, j: number): void {
    this.start[j] = this.start[k];
    this.end[j] = this.end[k];
    this.len[j] = this.len[k];
    this.flags[j] = this.flags[k];
    this.blanks[j] = this.blanks[k];
    this.firstWord[j] = this.firstWord[k];
    this.rewrite[j] = this.rewrite[k];
  }

  /** The text of line k (sliced: for the few lines read as strings). */
  text(src: string, k: number): string {
    const r = this.rewrite[k];
    return r < 0 ? src.slice(this.start[k], this.end[k]) : this.rewritten[r].text;
  }

  private grow(): void {
    const c = this.start.length * 2;
    const more = (a: Int32Array) => {
      const b = new Int32Array(c);
      b.set(a);
      return b;
    };
    this.start = more(this.start);
    this.end = more(this.end);
    this.len = more(this.len);
    this.flags = more(this.flags);
    this.blanks = more(this.blanks);
    this.firstWord = more(this.firstWord);
    this.rewrite = more(this.rewrite);
  }
}

/** In text that is not hard-wrapped, a line this long going on with a quotation was cut by the converter. */
const LONG_LINE = 100;

export interface Reflowed extends StageResult {
  paragraphs: Paragraph[];
  /** The map as pieces: read offsets from it without writing out `map`. */
  pieces: PieceMap;
}

/** Glue between two lines of one paragraph. */
const BREAK = -1;
const NONE = 0;
const SPACE = 1;

export function reflow(text: string): Reflowed {
  const sink = new OffsetSink();
  const codes = codesOf(text);
  const lines = scanAll(text, codes, sink);
  withoutPageFurniture(text, codes, lines);
  const width = typicalWidth(lines);
  const doubleSpaced = isDoubleSpaced(lines);
  const { start, end, len, flags, rewrite, rewritten } = lines;

  const chunks: string[] = [];
  // Output copied from the source as it is, not yet in `chunks`: text[runStart, runEnd). Neighbouring
  // lines kept apart by the one "\n" of the source join it, so a document of one line per paragraph
  // comes out in a few long slices.
  let runStart = 0;
  let runEnd = -1;
  const pieces = new PieceMap(() => sink.buf, text.length);
  let size = 0;
  const paragraphs: Paragraph[] = [];
  let cur: Paragraph | null = null;
  /** The current paragraph opened with a numbering label. */
  let labelled = false;

  for (let k = 0; k < lines.n; k++) {
    const glue = k > 0 ? joinGlue(lines, k - 1, k, width, doubleSpaced, labelled) : BREAK;
    // Glue or the paragraph break, written at the end of the line before.
    let sep = "";
    if (glue !== BREAK) {
      (cur!.wraps ??= []).push(size);
      if (glue === SPACE) sep = " ";
    } else if (cur) {
      cur.end = size;
      sep = "\n";
    }
    if (sep) {
      const off = end[k - 1];
      if (sep === "\n" && off === runEnd && text.charCodeAt(off) === 10) {
        runEnd++;
        pieces.run(off, 1);
      } else {
        if (runEnd > runStart) chunks.push(text.slice(runStart, runEnd));
        runEnd = -1;
        chunks.push(sep);
        pieces.at(off, 1);
      }
      size++;
    }
    const f = flags[k];
    if (glue === BREAK) {
      cur = { start: size, end: size, kind: f & HEADING ? "heading" : f & ROW ? "row" : "text", strong: (f & STRONG) !== 0 };
      labelled = (f & LABEL) !== 0;
      const r = rewrite[k];
      const cells = r < 0 ? undefined : rewritten[r].cells;
      if (cells) cur.cells = cells.map((c) => ({ start: c.start + size, end: c.end + size }));
      paragraphs.push(cur);
    }
    // The line's text with its source offsets: a verbatim slice, or copied from the sink.
    const r = rewrite[k];
    if (r < 0) {
      if (start[k] !== runEnd) {
        if (runEnd > runStart) chunks.push(text.slice(runStart, runEnd));
        runStart = start[k];
      }
      runEnd = end[k];
      pieces.run(start[k], len[k]);
    } else {
      if (runEnd > runStart) chunks.push(text.slice(runStart, runEnd));
      runEnd = -1;
      chunks.push(rewritten[r].text);
      pieces.buffered(rewritten[r].offsetsAt, len[k]);
    }
    size += len[k];
  }
  if (cur) cur.end = size;
  if (runEnd > runStart) chunks.push(text.slice(runStart, runEnd));
  return { text: chunks.join(""), pieces, paragraphs, get map() { return pieces.map; } };
}

function scanAll(text: string, codes: Uint16Array, sink: OffsetSink): Lines {
  // Most documents' lines are 30 to 100 characters long: start room for one per 40.
  const lines = new Lines(text.length / 40);
  const range: LineRange = { start: 0, end: 0 };
  let blanks = 0;
  let rule = false;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const s = scanLine(text, codes, pos, nl, sink, range);
    if (s === null) blanks++;
    else if (s === RULE) rule = true;
    else {
      const before = rule ? RULE_BEFORE : 0;
      if (s === PLAIN) {
        const a = range.start;
        const b = range.end;
        const item = hasLabelIn(text, a, b) ? LABEL | ITEM : bulletIn(text, a, b) > 0 ? ITEM : 0;
        lines.add(a, b, b - a, features(codes, a, b) | item | before, blanks, firstWord(codes, a, b), -1);
      } else {
        const t = s.text;
        const scratch = codesIn(t);
        const item = hasLabel(t) ? LABEL | ITEM : bulletAt(t) > 0 ? ITEM : 0;
        const kind = s.kind === "heading" ? HEADING : s.kind === "row" ? ROW : 0;
        const style = (s.strong ? STRONG : 0) | (s.columns ? COLUMNS : 0);
        lines.add(s.srcStart, s.srcEnd, t.length, features(scratch, 0, t.length) | item | kind | style | before, blanks, firstWord(scratch, 0, t.length), lines.rewritten.length);
        lines.rewritten.push(s);
      }
      blanks = 0;
      rule = false;
    }
    pos = nl + 1;
  }
  return lines;
}

let scratch = new Uint16Array(256);

/** The codes of a rewritten line's text, in a buffer shared by every call: read them before the next one. */
function codesIn(t: string): Uint16Array {
  if (t.length > scratch.length) scratch = new Uint16Array(2 * t.length);
  for (let i = 0; i < t.length; i++) scratch[i] = t.charCodeAt(i);
  return scratch;
}

// Letter classes per UTF-16 code, found once per code: bit 1 tested, 2 \p{Ll}, 4 \p{Lu}, 8 [\p{L}\p{N}].
// Half a surrogate pair read alone is none of them, as a pattern reads it.
const CLASS = new Uint8Array(0x10000);
const KNOWN = 1;
const SMALL = 2;
const CAPITAL = 4;
const WORD = 8;

function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (/\p{Ll}/u.test(ch) ? SMALL : 0) | (/\p{Lu}/u.test(ch) ? CAPITAL : 0) | (/[\p{L}\p{N}]/u.test(ch) ? WORD : 0);
    CLASS[c] = k;
  }
  return k;
}

const LOWER_ONE = /^\p{Ll}$/u;

/** A small letter at t[i], before `end`: ASCII by its code, a letter outside the BMP (a pair of surrogates) by the pattern. */
function lowerAt(t: Uint16Array, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = t[i];
  if (c < 128) return c >= 97 && c <= 122;
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = i + 1 < end ? t[i + 1] : 0;
    return c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff && LOWER_ONE.test(String.fromCharCode(c, d));
  }
  return (classOf(c) & SMALL) !== 0;
}

/** Capital letters and no small one in t[a, e); stops at the first small letter, most lines' second character. */
function allCaps(t: Uint16Array, a: number, e: number): boolean {
  let upper = false;
  for (let i = a; i < e; i++) {
    const c = t[i];
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) upper = true;
    } else if (c >= 0xc0) {
      const k = classOf(c);
      if (k & SMALL) return false;
      if (k & CAPITAL) upper = true;
    }
  }
  return upper;
}

/** “ " ' ‘ « ( [ */
const isOpener = (c: number) => c === 0x201c || c === 34 || c === 39 || c === 0x2018 || c === 0xab || c === 40 || c === 91;
/** ” " ' ’ » ) ] * */
const isCloser = (c: number) => c === 0x201d || c === 34 || c === 39 || c === 0x2019 || c === 0xbb || c === 41 || c === 93 || c === 42;
/** . ! ? … */
const endsSentenceWith = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;

/** The flags read from the line's text t[a, e) (not its kind, style or label). */
function features(t: Uint16Array, a: number, e: number): number {
  let h = a;
  while (h < e && isOpener(t[h])) h++;
  let z = e;
  while (z > a && isCloser(t[z - 1])) z--;
  const last = z > a ? t[z - 1] : -1;
  const first = t[a];
  let f = 0;
  if (lowerAt(t, h, e)) f |= LOWER;
  if (allCaps(t, a, e)) f |= ALL_CAPS;
  if (endsSentenceWith(last)) f |= ENDS_SENTENCE | ENDS_CLAUSE;
  else if (last === 59 || last === 58) f |= ENDS_CLAUSE;
  if (e - a >= 2 && t[e - 1] === 45 && classOf(t[e - 2]) & WORD) f |= ENDS_HYPHEN;
  if (first === 0x201c || first === 34 || first === 0x2018 || first === 0xab) f |= QUOTED;
  return f;
}

/** Length of t[a, e)'s first word: up to its first space. */
function firstWord(t: Uint16Array, a: number, e: number): number {
  for (let i = a; i < e; i++) if (t[i] === 32) return i - a;
  return e - a;
}

/** Fewest lines between two page numbers: numbers closer together are a table's or a list's. */
const MIN_PAGE_LINES = 12;
/** Longest running head or foot printed beside a page number ("CÔNG BÁO/Số 237/Ngày 21-04-2026"). */
const RUNNING_HEAD_MAX = 80;

/** Space, "-", "–", "(" and ")" around a page number. */
const furniture = (c: number) => c === 32 || c === 45 || c === 0x2013 || c === 40 || c === 41;

/** The number of the line t[a, e) when it holds only a page number ("7", "- 7 -", "(7)"), or -1. */
function pageNumberOf(t: Uint16Array, a: number, e: number): number {
  let b = e;
  while (a < b && furniture(t[a])) a++;
  while (b > a && furniture(t[b - 1])) b--;
  if (b - a < 1 || b - a > 3) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = t[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + c - 48;
  }
  return n;
}

/** Line k is text: not a heading, a table row or a layout in columns. */
const textLine = (lines: Lines, k: number) => (lines.flags[k] & (NOT_TEXT | COLUMNS)) === 0;

/**
 * Drops the page furniture of a PDF: a page number alone on its line when it
 * follows the page before's number (n after n - 1, at least a page's worth of
 * lines apart), and a running head or foot met beside a third of the page
 * numbers or more. A paragraph cut by a page break then joins again.
 */
function withoutPageFurniture(src: string, codes: Uint16Array, lines: Lines): void {
  const lastAt = new Map<number, number>();
  const page = new Set<number>();
  for (let k = 0; k < lines.n; k++) {
    if (!textLine(lines, k)) continue;
    const r = lines.rewrite[k];
    const n = r < 0 ? pageNumberOf(codes, lines.start[k], lines.end[k]) : pageNumberOf(codesIn(lines.rewritten[r].text), 0, lines.len[k]);
    if (n < 0) continue;
    const before = lastAt.get(n - 1);
    if (before !== undefined && k - before >= MIN_PAGE_LINES) {
      page.add(before);
      page.add(k);
    }
    lastAt.set(n, k);
  }
  if (!page.size) return;
  // Running heads: the same short line next to page numbers, again and again.
  const beside = new Map<string, number[]>();
  for (const k of page) {
    for (const j of [k - 1, k + 1]) {
      if (j < 0 || j >= lines.n || page.has(j)) continue;
      if ((lines.flags[j] & (NOT_TEXT | ITEM)) !== 0 || lines.len[j] > RUNNING_HEAD_MAX) continue;
      const t = lines.text(src, j);
      const at = beside.get(t);
      if (at) at.push(j);
      else beside.set(t, [j]);
    }
  }
  const drop = new Uint8Array(lines.n);
  for (const k of page) drop[k] = 1;
  // Printed on every page or every other one, not beside two page numbers by chance.
  const often = Math.max(2, page.size / 3);
  for (const at of beside.values()) if (at.length >= often) for (const j of at) drop[j] = 1;
  const { flags, blanks } = lines;
  let w = 0;
  let dropped = -1;
  let rule = 0;
  for (let k = 0; k < lines.n; k++) {
    if (drop[k]) {
      // The blank lines before the furniture stand for the break; those after it belong to the page too.
      if (dropped < 0) dropped = blanks[k];
      rule |= flags[k] & RULE_BEFORE;
      continue;
    }
    if (w !== k) lines.move(k, w);
    if (dropped >= 0) {
      blanks[w] = dropped;
      flags[w] |= rule | PAGE_BEFORE;
      dropped = -1;
      rule = 0;
    }
    w++;
  }
  lines.n = w;
}

/**
 * The width of the document's wrapped lines: the median length of lines that
 * certainly wrap (the next line goes on in lower case); Infinity when the
 * lines are not hard-wrapped.
 */
function typicalWidth(lines: Lines): number {
  // Lengths in a typed array: its sort is numeric and native, many times faster than a comparator's
  // on the hundred thousand lines of a long decree.
  const { n, flags, len } = lines;
  const sure = new Int32Array(n);
  let m = 0;
  let all = 0;
  for (let k = 0; k < n; k++) {
    const f = flags[k];
    if (f & (NOT_TEXT | COLUMNS)) continue;
    all++;
    if (k + 1 < n && (flags[k + 1] & (NOT_TEXT | COLUMNS | LOWER | ITEM)) === LOWER && !(f & ENDS_CLAUSE)) sure[m++] = len[k];
  }
  // Too few certain wraps: lines are whole paragraphs (markdown, word processors), width unknown.
  if (m < Math.max(3, all * 0.1)) return Infinity;
  return sure.subarray(0, m).sort()[Math.floor(m * 0.5)];
}

/** Most lines followed by a blank line: blank lines then carry no paragraph information. */
function isDoubleSpaced(lines: Lines): boolean {
  let spaced = 0;
  for (let k = 1; k < lines.n; k++) if (lines.blanks[k] > 0) spaced++;
  return lines.n > 2 && spaced >= (lines.n - 1) * 0.5;
}

/** The next line n's first word did not fit at the end of line p: a wrap. */
function wrapped(lines: Lines, p: number, n: number, width: number): boolean {
  const len = lines.len[p];
  if (width === Infinity) return (lines.flags[n] & QUOTED) !== 0 && len >= LONG_LINE; // a quotation going on after "phong trào"
  return len >= width * 0.85 || len + 1 + lines.firstWord[n] > width;
}

/** What joins lines p and n of one paragraph (NONE or SPACE), or BREAK. `labelled`: the paragraph opened with a label. */
function joinGlue(lines: Lines, p: number, n: number, width: number, doubleSpaced: boolean, labelled: boolean): number {
  const pf = lines.flags[p];
  const nf = lines.flags[n];
  if ((pf | nf) & (NOT_TEXT | COLUMNS) || nf & RULE_BEFORE) return BREAK;
  if ((pf & STRONG) !== (nf & STRONG)) return BREAK;
  const lower = (nf & LOWER) !== 0;
  if (lines.blanks[n] > 0 && !doubleSpaced && !(lower && !(pf & ENDS_CLAUSE))) return BREAK;
  if (pf & ENDS_HYPHEN) return NONE;
  // Across a page break only a line going on in lower case continues the paragraph: the last line of a page is
  // often full without having wrapped.
  if (nf & PAGE_BEFORE) return lower && !(nf & ITEM) ? SPACE : BREAK;
  if (pf & ALL_CAPS && !(nf & ALL_CAPS)) return BREAK;
  if (lower && !(nf & ITEM) && !(pf & ENDS_SENTENCE)) return SPACE;
  if (pf & ENDS_CLAUSE) return BREAK;
  // A labelled line in a paragraph that opened with a label ("Điều 11. Hệ sinh thái ..." then "1. Cơ sở ..."):
  // a heading and its first item, or two items, however full the line above is.
  if (labelled && nf & LABEL) return BREAK;
  return wrapped(lines, p, n, width) ? SPACE : BREAK;
}
