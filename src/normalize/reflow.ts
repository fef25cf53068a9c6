// Markdown markup and hard wraps → one line per paragraph.
//
// Each source line is scanned once (markdown.ts); then each pair of
// neighbouring lines is either joined (a wrap) or kept apart (a paragraph
// break). A break needs a reason: a sentence or clause end, an item or label
// opening the next line, a heading, a table row, a layout in columns, a change
// of emphasis or case, or a previous line too short to have been wrapped.
// Output: paragraphs joined by "\n"; table cells joined by " | "; columns of a
// layout line separated by "\t".
import { OffsetSink, RULE, scanLine, type ScannedLine } from "./markdown.js";
import { PieceMap } from "./piece-map.js";
import type { Paragraph, StageResult } from "./types.js";
import { bulletAt, hasLabel } from "../segment/numbering.js";

export { CELL_LINE_BREAK, CELL_SEPARATOR, COLUMN_GAP } from "./markdown.js";

interface Line extends ScannedLine {
  /** Blank lines between this line and the previous one. */
  blanksBefore: number;
  /** A rule ("-----") between this line and the previous one. */
  ruleBefore: boolean;
  lower: boolean;
  item: boolean;
  /** Opens with a numbering label ("2.", "a)", "Điều 3."), not a bullet. */
  label: boolean;
  allCaps: boolean;
  endsClause: boolean;
  endsSentence: boolean;
  endsHyphen: boolean;
  firstWord: number;
  /** Opens with a quotation mark. */
  quoted: boolean;
  /** Page furniture (a page number, a running head) stood between this line and the previous one. */
  pageBefore: boolean;
}

/** In text that is not hard-wrapped, a line this long going on with a quotation was cut by the converter. */
const LONG_LINE = 100;

export interface Reflowed extends StageResult {
  paragraphs: Paragraph[];
  /** The map as pieces: read offsets from it without writing out `map`. */
  pieces: PieceMap;
}

export function reflow(text: string): Reflowed {
  const sink = new OffsetSink();
  const lines = withoutPageFurniture(scanAll(text, sink));
  const width = typicalWidth(lines);
  const doubleSpaced = isDoubleSpaced(lines);

  const chunks: string[] = [];
  // Output copied from the source as it is, not yet in `chunks`: src[runStart, runEnd). Neighbouring
  // lines kept apart by the one "\n" of the source join it, so a document of one line per paragraph
  // comes out in a few long slices.
  let runStart = 0;
  let runEnd = -1;
  const pieces = new PieceMap(() => sink.buf, text.length);
  let size = 0;
  const paragraphs: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let prev: Line | null = null;
  /** The current paragraph opened with a numbering label. */
  let labelled = false;

  const flushRun = () => {
    if (runEnd > runStart) chunks.push(text.slice(runStart, runEnd));
    runEnd = -1;
  };
  /** Glue between lines: every character at one source offset. */
  const write = (s: string, off: number) => {
    if (s === "\n" && off === runEnd && text.charCodeAt(off) === 10) {
      runEnd++;
      pieces.run(off, 1);
    } else {
      flushRun();
      chunks.push(s);
      pieces.at(off, s.length);
    }
    size += s.length;
  };
  /** A line's text with its source offsets: a verbatim slice, or copied from the sink. */
  const writeLine = (line: Line) => {
    const len = line.text.length;
    if (line.offsetsAt < 0) {
      if (line.srcStart !== runEnd) {
        flushRun();
        runStart = line.srcStart;
      }
      runEnd = line.srcEnd;
      pieces.run(line.srcStart, len);
    } else {
      flushRun();
      chunks.push(line.text);
      pieces.buffered(line.offsetsAt, len);
    }
    size += len;
  };

  for (const line of lines) {
    const glue = prev && cur ? joinGlue(prev, line, width, doubleSpaced, labelled) : null;
    if (glue !== null && cur && prev) {
      (cur.wraps ??= []).push(size);
      if (glue) write(glue, prev.srcEnd);
    } else {
      if (cur) {
        cur.end = size;
        write("\n", prev!.srcEnd);
      }
      cur = { start: size, end: size, kind: line.kind, strong: line.strong };
      labelled = line.label;
      if (line.cells) cur.cells = line.cells.map((c) => ({ start: c.start + size, end: c.end + size }));
      paragraphs.push(cur);
    }
    writeLine(line);
    prev = line;
  }
  if (cur) cur.end = size;
  flushRun();
  return { text: chunks.join(""), pieces, paragraphs, get map() { return pieces.map; } };
}

function scanAll(text: string, sink: OffsetSink): Line[] {
  const lines: Line[] = [];
  let blanks = 0;
  let rule = false;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const s = scanLine(text, pos, nl, sink);
    if (s === null) blanks++;
    else if (s === RULE) rule = true;
    else {
      lines.push(features(s, blanks, rule));
      blanks = 0;
      rule = false;
    }
    pos = nl + 1;
  }
  return lines;
}

const LOWER_AT = /\p{Ll}/uy;

/** A small letter at t[i]: ASCII by its code, other letters by the pattern. */
function lowerAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  LOWER_AT.lastIndex = i;
  return LOWER_AT.test(t);
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

const UPPER_ONE = /\p{Lu}/u;
const LOWER_ONE = /\p{Ll}/u;

/** Capital letters and no small one; stops at the first small letter, most lines' second character. */
function allCaps(t: string): boolean {
  let upper = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) upper = true;
    } else if (c >= 0xc0) {
      const ch = t[i];
      if (LOWER_ONE.test(ch)) return false;
      if (!upper && UPPER_ONE.test(ch)) upper = true;
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

function features(s: ScannedLine, blanksBefore: number, ruleBefore: boolean): Line {
  const t = s.text;
  let h = 0;
  while (h < t.length && isOpener(t.charCodeAt(h))) h++;
  let e = t.length;
  while (e > 0 && isCloser(t.charCodeAt(e - 1))) e--;
  const last = e > 0 ? t.charCodeAt(e - 1) : -1;
  const sp = t.indexOf(" ");
  const first = t.charCodeAt(0);
  const label = hasLabel(t);
  // One object literal of one shape for every line: fields added one by one would reshape it a dozen times.
  return {
    text: t,
    offsetsAt: s.offsetsAt,
    kind: s.kind,
    strong: s.strong,
    columns: s.columns,
    cells: s.cells,
    srcStart: s.srcStart,
    srcEnd: s.srcEnd,
    blanksBefore,
    ruleBefore,
    lower: lowerAt(t, h),
    label,
    item: label || bulletAt(t) > 0,
    allCaps: allCaps(t),
    endsClause: endsSentenceWith(last) || last === 59 || last === 58,
    endsSentence: endsSentenceWith(last),
    endsHyphen: t.length >= 2 && t.charCodeAt(t.length - 1) === 45 && WORD_CHAR.test(t[t.length - 2]),
    firstWord: sp < 0 ? t.length : sp,
    quoted: first === 0x201c || first === 34 || first === 0x2018 || first === 0xab,
    pageBefore: false,
  };
}

/** Fewest lines between two page numbers: numbers closer together are a table's or a list's. */
const MIN_PAGE_LINES = 12;
/** Longest running head or foot printed beside a page number ("CÔNG BÁO/Số 237/Ngày 21-04-2026"). */
const RUNNING_HEAD_MAX = 80;

/** Space, "-", "–", "(" and ")" around a page number. */
const furniture = (c: number) => c === 32 || c === 45 || c === 0x2013 || c === 40 || c === 41;

/** The number of a line that holds only a page number ("7", "- 7 -", "(7)"), or -1. */
function pageNumberOf(t: string): number {
  let a = 0;
  let b = t.length;
  while (a < b && furniture(t.charCodeAt(a))) a++;
  while (b > a && furniture(t.charCodeAt(b - 1))) b--;
  if (b - a < 1 || b - a > 3) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + c - 48;
  }
  return n;
}

/**
 * Lines without the page furniture of a PDF: a page number alone on its line
 * when it follows the page before's number (n after n - 1, at least a page's
 * worth of lines apart), and a running head or foot met beside a third of
 * the page numbers or more. A paragraph cut by a page break then joins again.
 */
function withoutPageFurniture(lines: Line[]): Line[] {
  const lastAt = new Map<number, number>();
  const page = new Set<number>();
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l.kind !== "text" || l.columns) continue;
    const n = pageNumberOf(l.text);
    if (n < 0) continue;
    const before = lastAt.get(n - 1);
    if (before !== undefined && k - before >= MIN_PAGE_LINES) {
      page.add(before);
      page.add(k);
    }
    lastAt.set(n, k);
  }
  if (!page.size) return lines;
  // Running heads: the same short line next to page numbers, again and again.
  const beside = new Map<string, number[]>();
  for (const k of page) {
    for (const j of [k - 1, k + 1]) {
      const l = lines[j];
      if (!l || page.has(j) || l.kind !== "text" || l.item || l.text.length > RUNNING_HEAD_MAX) continue;
      const at = beside.get(l.text);
      if (at) at.push(j);
      else beside.set(l.text, [j]);
    }
  }
  const drop = new Set(page);
  // Printed on every page or every other one, not beside two page numbers by chance.
  const often = Math.max(2, page.size / 3);
  for (const at of beside.values()) if (at.length >= often) for (const j of at) drop.add(j);
  const out: Line[] = [];
  let blanks = -1;
  let rule = false;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (drop.has(k)) {
      // The blank lines before the furniture stand for the break; those after it belong to the page too.
      if (blanks < 0) blanks = l.blanksBefore;
      rule ||= l.ruleBefore;
      continue;
    }
    if (blanks >= 0) {
      l.blanksBefore = blanks;
      l.ruleBefore ||= rule;
      l.pageBefore = true;
      blanks = -1;
      rule = false;
    }
    out.push(l);
  }
  return out;
}

/**
 * The width of the document's wrapped lines: the median length of lines that
 * certainly wrap (the next line goes on in lower case); Infinity when the
 * lines are not hard-wrapped.
 */
function typicalWidth(lines: Line[]): number {
  // Lengths in a typed array: its sort is numeric and native, many times faster than a comparator's
  // on the hundred thousand lines of a long decree.
  const sure = new Int32Array(lines.length);
  let m = 0;
  let all = 0;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l.kind !== "text" || l.columns) continue;
    all++;
    const n = lines[k + 1];
    if (n && n.kind === "text" && !n.columns && n.lower && !n.item && !l.endsClause) sure[m++] = l.text.length;
  }
  // Too few certain wraps: lines are whole paragraphs (markdown, word processors), width unknown.
  if (m < Math.max(3, all * 0.1)) return Infinity;
  return sure.subarray(0, m).sort()[Math.floor(m * 0.5)];
}

/** Most lines followed by a blank line: blank lines then carry no paragraph information. */
function isDoubleSpaced(lines: Line[]): boolean {
  let spaced = 0;
  for (let k = 1; k < lines.length; k++) if (lines[k].blanksBefore > 0) spaced++;
  return lines.length > 2 && spaced >= (lines.length - 1) * 0.5;
}

/** The next line's first word did not fit at the end of the previous one: a wrap. */
function wrapped(p: Line, n: Line, width: number): boolean {
  const len = p.text.length;
  if (width === Infinity) return n.quoted && len >= LONG_LINE; // a quotation going on after "phong trào"
  return len >= width * 0.85 || len + 1 + n.firstWord > width;
}

/** What joins two lines of one paragraph ("" or " "), or null for a paragraph break. `labelled`: the paragraph opened with a label. */
function joinGlue(p: Line, n: Line, width: number, doubleSpaced: boolean, labelled: boolean): string | null {
  if (p.kind !== "text" || n.kind !== "text") return null;
  if (p.columns || n.columns || n.ruleBefore) return null;
  if (p.strong !== n.strong) return null;
  if (n.blanksBefore > 0 && !doubleSpaced && !(n.lower && !p.endsClause)) return null;
  if (p.endsHyphen) return "";
  // Across a page break only a line going on in lower case continues the paragraph: the last line of a page is
  // often full without having wrapped.
  if (n.pageBefore) return n.lower && !n.item ? " " : null;
  if (p.allCaps && !n.allCaps) return null;
  if (n.lower && !n.item && !p.endsSentence) return " ";
  if (p.endsClause) return null;
  // A labelled line in a paragraph that opened with a label ("Điều 11. Hệ sinh thái ..." then "1. Cơ sở ..."):
  // a heading and its first item, or two items, however full the line above is.
  if (labelled && n.label) return null;
  return wrapped(p, n, width) ? " " : null;
}
