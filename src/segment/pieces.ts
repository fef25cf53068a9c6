// The physical lines of a header or closing paragraph. A layout in columns
// (reflow writes "\t" between columns), a table row (" | " between cells) or a
// cell holding several lines (" / " between them) is cut back into pieces, each
// with its column and its range in the text.
import { CELL_LINE_BREAK, CELL_SEPARATOR, COLUMN_GAP } from "../normalize/markdown.js";
import type { Paragraph } from "../normalize/types.js";

export interface Piece {
  text: string;
  start: number;
  end: number;
  /** 0 for the leftmost column. */
  column: number;
  /** Index of the paragraph the piece belongs to. */
  paragraph: number;
  /** Source lines the piece was written on: more than one when reflow joined a wrapped line. */
  lines: number;
}

const LEADING_BREAK = CELL_LINE_BREAK.trimStart();

export function piecesOf(text: string, p: Paragraph, paragraph: number): Piece[] {
  const out: Piece[] = [];
  const s = text.slice(p.start, p.end);
  let column = 0;
  let from = 0;
  const push = (a: number, b: number) => {
    let x = a;
    let y = b;
    // A column that opens on a line break of its cell ("\t/ - Ban ...").
    if (s.startsWith(LEADING_BREAK, x)) x += LEADING_BREAK.length;
    while (x < y && /\s/.test(s[x])) x++;
    while (y > x && /\s/.test(s[y - 1])) y--;
    if (y <= x) return;
    let lines = 1;
    for (const w of p.wraps ?? []) if (w > p.start + x && w < p.start + y) lines++;
    out.push({ text: s.slice(x, y), start: p.start + x, end: p.start + y, column, paragraph, lines });
  };
  let i = 0;
  while (i < s.length) {
    if (s[i] === COLUMN_GAP) {
      push(from, i);
      column++;
      from = ++i;
    } else if (s.startsWith(CELL_SEPARATOR, i) && p.kind === "row") {
      push(from, i);
      column++;
      i += CELL_SEPARATOR.length;
      from = i;
    } else if (s.startsWith(CELL_LINE_BREAK, i)) {
      push(from, i);
      i += CELL_LINE_BREAK.length;
      from = i;
    } else i++;
  }
  push(from, s.length);
  return out;
}

/** `s` without trailing characters from `chars` (a loop: `[...]+$` backtracks on long runs). */
export function trimTrailing(s: string, chars: string): string {
  let e = s.length;
  while (e > 0 && hasCode(chars, s.charCodeAt(e - 1))) e--;
  return s.slice(0, e);
}

/** `chars` holds the UTF-16 code `c` (compared by code: no one-character string per test). */
function hasCode(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}
