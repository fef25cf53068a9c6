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

export interface ScannedLine {
  text: string;
  /** Source offset of each character of `text`. */
  offsets: number[];
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

/** Scans src[start, end) (one line, no "\n"). Returns null for blank lines. */
export function scanLine(src: string, start: number, end: number): ScannedLine | typeof RULE | null {
  let a = start;
  let b = end;
  while (a < b && isSpace(src.charCodeAt(a))) a++;
  while (b > a && isSpace(src.charCodeAt(b - 1))) b--;
  if (a === b) return null;
  if (isRule(src, a, b)) return RULE;

  let kind: ScannedLine["kind"] = "text";
  let i = a;
  if (src.charCodeAt(a) === 35 /* # */) {
    let h = a;
    while (h < b && src.charCodeAt(h) === 35) h++;
    if (h - a <= 6 && (h === b || isSpace(src.charCodeAt(h)))) {
      kind = "heading";
      i = h;
      while (i < b && isSpace(src.charCodeAt(i))) i++;
      if (i === b) return null;
    }
  } else if (src.charCodeAt(a) === 124 /* | */) {
    if (/^[|:\-\s]*$/.test(src.slice(a, b))) return RULE; // the |---|---| line under a table head
    kind = "row";
  }

  const text: string[] = [];
  const offsets: number[] = [];
  const cells: { start: number; end: number }[] = [];
  let bold = false;
  let allBold = true;
  let visible = false;
  let columns = false;
  // A space run waits until something visible follows, so lines and cells come out trimmed.
  let pendingStart = -1;
  let pendingEnd = -1;
  let pendingGap = false;
  let cellStart = 0;
  let cellOpen = kind === "row";
  const contentStart = i;

  const put = (s: string, off: number) => {
    if (pendingStart >= 0) {
      const gap = pendingGap && kind !== "row" ? COLUMN_GAP : " ";
      if (gap === COLUMN_GAP) columns = true;
      text.push(gap);
      offsets.push(pendingStart);
      pendingStart = -1;
    }
    text.push(s);
    offsets.push(off);
    visible = true;
    if (!bold) allBold = false;
  };
  const space = (from: number, to: number) => {
    if (!text.length || text.length === cellStart) return; // leading space of the line or cell
    if (pendingStart < 0) {
      pendingStart = from;
      pendingEnd = to;
      pendingGap = false;
    } else pendingEnd = to;
    if (pendingEnd - pendingStart >= GAP_SPACES || src.charCodeAt(from) === 9) pendingGap = true;
  };
  const endCell = () => {
    pendingStart = -1;
    cells.push({ start: cellStart, end: text.length });
  };

  if (kind === "row") i++; // the leading "|"
  while (i < b) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      let j = i + 1;
      while (j < b && isSpace(src.charCodeAt(j))) j++;
      space(i, j);
      i = j;
      continue;
    }
    if (c === 92 /* \ */ && i + 1 < b && ASCII_PUNCT.includes(src[i + 1])) {
      put(src[i + 1], i + 1);
      i += 2;
      continue;
    }
    if (c === 42 /* * */) {
      let j = i + 1;
      while (j < b && src.charCodeAt(j) === 42) j++;
      const before = i === contentStart || isSpace(src.charCodeAt(i - 1));
      const after = j === b || isSpace(src.charCodeAt(j));
      const bullet = i === contentStart && j - i === 1 && after;
      if (bullet || (before && after)) {
        for (let k = i; k < j; k++) put("*", k);
      } else if (j - i >= 2) bold = !bold;
      i = j;
      continue;
    }
    if (kind === "row" && c === 124 /* | */) {
      endCell();
      cellOpen = false;
      i++;
      if (i >= b) break;
      cellOpen = true;
      // Cells are joined by CELL_SEPARATOR, written at the pipe.
      for (let k = 0; k < CELL_SEPARATOR.length; k++) {
        text.push(CELL_SEPARATOR[k]);
        offsets.push(i - 1);
      }
      cellStart = text.length;
      continue;
    }
    if (c === 60 /* < */ && (src.startsWith("<br>", i) || src.startsWith("<br/>", i) || src.startsWith("<br />", i))) {
      const len = src.startsWith("<br>", i) ? 4 : src.startsWith("<br/>", i) ? 5 : 6;
      // One break for any run of <br>, none at the start of a cell.
      if (text.length > cellStart && text.slice(-CELL_LINE_BREAK.length).join("") !== CELL_LINE_BREAK) {
        pendingStart = -1;
        for (let k = 0; k < CELL_LINE_BREAK.length; k++) {
          text.push(CELL_LINE_BREAK[k]);
          offsets.push(i);
        }
      }
      i += len;
      while (i < b && isSpace(src.charCodeAt(i))) i++;
      continue;
    }
    put(src[i], i);
    i++;
  }
  if (cellOpen) endCell();
  if (!visible) return null;

  let joined = text.join("");
  // Trailing separators left by empty trailing cells or a dangling <br>.
  while (joined.endsWith(CELL_LINE_BREAK)) {
    joined = joined.slice(0, -CELL_LINE_BREAK.length);
    offsets.length = joined.length;
  }
  const line: ScannedLine = { text: joined, offsets, kind, strong: allBold, columns, srcStart: a, srcEnd: b };
  if (kind === "row") line.cells = cells.map((c) => ({ start: Math.min(c.start, joined.length), end: Math.min(c.end, joined.length) }));
  return line;
}

/** A line of only rule or decoration characters: "-----", "***", "\*", "___", "======". */
function isRule(src: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const ch = src[i];
    if (!"-*_=~\\—–•·".includes(ch) && !isSpace(src.charCodeAt(i))) return false;
  }
  return true;
}
