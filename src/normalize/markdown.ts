// One source line of light markdown → its text without markup, with the
// source offset of every output character. Handles what ingest and the seeds
// write: `#` headings, `**bold**`, `*italic*`, `***both***`, `\*` escapes,
// `-----` rules, `| a | b |` table rows (with `<br>` inside cells) and
// layouts in columns separated by runs of spaces or tabs.

/** Text put between the lines of one table cell (`<br>` in the source). */
export const CELL_LINE_BREAK = " / ";
/** Text put between table cells. */
export const CELL_SEPARATOR = " | ";
/** Text put where a line of a layout in columns jumps to the next column. */
export const COLUMN_GAP = "\t";
/** A run of at least this many spaces inside a line separates columns. */
const GAP_SPACES = 5;
/** Longest list label or bullet that a tab may follow without making columns ("2.4.1-"). */
const LABEL_MAX = 8;

/** Source offsets of scanned lines, one after the other in one growing buffer. */
export class OffsetSink {
  buf = new Int32Array(1024);
  size = 0;
  reserve(n: number): void {
    if (this.size + n <= this.buf.length) return;
    const grown = new Int32Array(Math.max(this.buf.length * 2, this.size + n));
    grown.set(this.buf.subarray(0, this.size));
    this.buf = grown;
  }
}

/** A line rewritten from its markup. */
export interface ScannedLine {
  text: string;
  /** Where the source offsets of `text`'s characters start in the sink. */
  offsetsAt: number;
  kind: "text" | "heading" | "row";
  /** Every visible character was bold. */
  strong: boolean;
  /** The line is laid out in columns (contains COLUMN_GAP). */
  columns: boolean;
  /** Cell ranges in `text`, for table rows. */
  cells?: { start: number; end: number }[];
  /** Source range of the line's content. */
  srcStart: number;
  srcEnd: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
const ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/** A line of rule or decoration characters only: a paragraph break that leaves no text. */
export const RULE = "rule" as const;
/** A line without markup: its text is the source as it is, between the bounds scanLine leaves in its `range`. */
export const PLAIN = "plain" as const;

/** Where scanLine found a line's content: written in place, so that a plain line costs no object. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * The UTF-16 codes of `text` in a typed array, copied natively: a scan reads them with one load
 * each, where a string's charCodeAt checks the string's representation at every character.
 */
export function codesOf(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).write(text, "utf16le");
  return codes;
}

/**
 * Scans src[start, end) (one line, no "\n"), read from `codes` (codesOf(src)). Returns null for
 * blank lines, RULE, PLAIN (text src[range.start, range.end)) or the rewritten line.
 */
export function scanLine(src: string, codes: Uint16Array, start: number, end: number, sink: OffsetSink, range: LineRange): ScannedLine | typeof RULE | typeof PLAIN | null {
  let a = start;
  let b = end;
  while (a < b && isSpace(codes[a])) a++;
  while (b > a && isSpace(codes[b - 1])) b--;
  if (a === b) return null;
  if (isRule(codes, a, b)) return RULE;
  range.start = a;
  range.end = b;

  let kind: ScannedLine["kind"] = "text";
  let i = a;
  if (codes[a] === 35 /* # */) {
    let h = a;
    while (h < b && codes[h] === 35) h++;
    if (h - a <= 6 && (h === b || isSpace(codes[h]))) {
      kind = "heading";
      i = h;
      while (i < b && isSpace(codes[i])) i++;
      if (i === b) return null;
    }
  } else if (codes[a] === 124 /* | */) {
    if (/^[|:\-\s]*$/.test(src.slice(a, b))) return RULE; // the |---|---| line under a table head
    kind = "row";
  }

  // Most lines hold no markup, no tab and no run of spaces: their text is the source as it is.
  if (kind === "text" && plain(codes, a, b)) return PLAIN;
  return rewrite(src, a, b, i, kind, sink);
}

/**
 * A line with markup, from its content at i: a function of its own, so the
 * closures it makes (and the context they share) cost nothing to plain lines.
 */
function rewrite(src: string, a: number, b: number, i: number, kind: ScannedLine["kind"], sink: OffsetSink): ScannedLine | null {
  // Output: string parts and one source offset per output character, in a scratch buffer.
  const parts: string[] = [];
  sink.reserve(3 * (b - a) + 16);
  const offs = sink.buf;
  const base = sink.size;
  let n = 0;
  const cells: { start: number; end: number }[] = [];
  let bold = false;
  let allBold = true;
  let columns = false;
  // A space run waits until something visible follows, so lines and cells come out trimmed.
  let pendingStart = -1;
  let pendingEnd = -1;
  let pendingGap = false;
  let cellStart = 0;
  let cellOpen = kind === "row";
  // Characters copied as they are: [run, i).
  let run = -1;
  const contentStart = i;

  const emit = (str: string, off: number) => {
    parts.push(str);
    for (let k = 0; k < str.length; k++) offs[base + n++] = off;
  };
  const flush = (to: number) => {
    if (run < 0) return;
    parts.push(src.slice(run, to));
    for (let k = run; k < to; k++) offs[base + n++] = k;
    run = -1;
  };
  /** Something visible follows: write the waiting space first. */
  const visible = () => {
    if (pendingStart >= 0) {
      // A tab after a list label or bullet ("1.<tab>Mục đích") is not a column gap.
      const gap = pendingGap && kind !== "row" && !(n <= LABEL_MAX && !parts.some((x) => x.includes(" ")));
      if (gap) columns = true;
      emit(gap ? COLUMN_GAP : " ", pendingStart);
      pendingStart = -1;
    }
    if (!bold) allBold = false;
  };
  const space = (from: number, to: number) => {
    if (n === cellStart) return; // leading space of the line or cell
    if (pendingStart < 0) {
      pendingStart = from;
      pendingGap = false;
    }
    pendingEnd = to;
    if (pendingEnd - pendingStart >= GAP_SPACES || src.charCodeAt(from) === 9) pendingGap = true;
  };
  const endCell = () => {
    pendingStart = -1;
    cells.push({ start: cellStart, end: n });
  };

  if (kind === "row") i++; // the leading "|"
  while (i < b) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      // One plain space between words stays in the verbatim run.
      if (c === 32 && run >= 0 && kind !== "row" && i + 1 < b && !isSpace(src.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      flush(i);
      let j = i + 1;
      while (j < b && isSpace(src.charCodeAt(j))) j++;
      space(i, j);
      i = j;
      continue;
    }
    if (c === 92 /* \ */ && i + 1 < b && ASCII_PUNCT.includes(src[i + 1])) {
      flush(i);
      visible();
      emit(src[i + 1], i + 1);
      i += 2;
      continue;
    }
    if (c === 42 /* * */) {
      flush(i);
      let j = i + 1;
      while (j < b && src.charCodeAt(j) === 42) j++;
      const before = i === contentStart || isSpace(src.charCodeAt(i - 1));
      const after = j === b || isSpace(src.charCodeAt(j));
      const bullet = i === contentStart && j - i === 1 && after;
      if (bullet || (before && after)) {
        visible();
        run = i; // literal stars
      } else if (j - i >= 2) bold = !bold;
      i = j;
      continue;
    }
    if (kind === "row" && c === 124 /* | */) {
      flush(i);
      endCell();
      cellOpen = false;
      i++;
      if (i >= b) break;
      cellOpen = true;
      emit(CELL_SEPARATOR, i - 1); // written at the pipe
      cellStart = n;
      continue;
    }
    if (c === 60 /* < */ && (src.startsWith("<br>", i) || src.startsWith("<br/>", i) || src.startsWith("<br />", i))) {
      flush(i);
      const len = src.startsWith("<br>", i) ? 4 : src.startsWith("<br/>", i) ? 5 : 6;
      // One break for any run of <br>, none at the start of a cell.
      if (n > cellStart && parts[parts.length - 1] !== CELL_LINE_BREAK) {
        pendingStart = -1;
        emit(CELL_LINE_BREAK, i);
      }
      i += len;
      while (i < b && isSpace(src.charCodeAt(i))) i++;
      continue;
    }
    if (run < 0) {
      visible();
      run = i;
    }
    i++;
  }
  flush(b);
  if (cellOpen) endCell();
  if (n === 0 || (kind === "row" && cells.every((c) => c.end === c.start))) return null;

  let text = parts.join("");
  // A dangling <br> at the end of the line.
  if (text.endsWith(CELL_LINE_BREAK)) text = text.slice(0, -CELL_LINE_BREAK.length);
  sink.size = base + text.length;
  const line: ScannedLine = { text, offsetsAt: base, kind, strong: allBold, columns, srcStart: a, srcEnd: b };
  if (kind === "row") line.cells = cells.map((c) => ({ start: Math.min(c.start, text.length), end: Math.min(c.end, text.length) }));
  return line;
}

// Per UTF-16 unit: 1 a character that needs rewriting (markup, escape, control
// character or tab, special space), 2 a plain space (two in a row need it too).
const REWRITE = 1;
const SPACE = 2;
const UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 32; c++) UNIT[c] = REWRITE;
for (const c of [42, 92, 60, 0xa0, 0x202f, 0x205f, 0x3000]) UNIT[c] = REWRITE;
for (let c = 0x2000; c <= 0x200a; c++) UNIT[c] = REWRITE;
UNIT[32] = SPACE;

/** src[a, b) needs no rewriting. One table read per character and no branch: most lines are plain and read to the end. */
function plain(codes: Uint16Array, a: number, b: number): boolean {
  // The table in a local and REWRITE as a literal: module constants are read from the module's context
  // and checked at every character. Four characters a step: the checks of the arrays are made once a step.
  const unit = UNIT;
  let bad = 0;
  let prev = 0;
  let i = a;
  for (; i + 4 <= b; i += 4) {
    const u0 = unit[codes[i]];
    const u1 = unit[codes[i + 1]];
    const u2 = unit[codes[i + 2]];
    const u3 = unit[codes[i + 3]];
    // A rewrite character, or a space after a space.
    bad |= (u0 & (prev | 1)) | (u1 & (u0 | 1)) | (u2 & (u1 | 1)) | (u3 & (u2 | 1));
    prev = u3;
  }
  for (; i < b; i++) {
    const u = unit[codes[i]];
    bad |= u & (prev | 1);
    prev = u;
  }
  return bad === 0;
}

/** A line of only rule or decoration characters: "-----", "***", "\*", "___", "======". */
function isRule(codes: Uint16Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = codes[i];
    if (!isRuleChar(c) && !isSpace(c)) return false;
  }
  return true;
}

/** - * _ = ~ \ — – • · */
const isRuleChar = (c: number) => c === 45 || c === 42 || c === 95 || c === 61 || c === 126 || c === 92 || c === 0x2014 || c === 0x2013 || c === 0x2022 || c === 0xb7;
