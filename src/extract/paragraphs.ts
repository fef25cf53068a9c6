// Logical paragraphs over blocks: a block that stops mid-sentence continues in
// the next one unless that one opens a new item. Makes the extractors robust to
// hard-wrapped sources whatever the reflow managed to join.
import type { Block } from "../segment/types.js";
import { isSpaceCode } from "../text/chars.js";

export interface LogicalParagraph {
  start: number;
  end: number;
  /** The first block: its section places the paragraph. */
  block: Block;
}

// A new item: bullet, numbering ("1.", "2.1-", "a)", "II-"), a markdown heading,
// or a field ("Thời gian thực hiện: ...", a capitalised label and its colon).
const ITEM_START = /^(?:[-*+•·–#>|\\]|\d+(?:\.\d+)*\s?[.):\-]|[a-zđ]\)|[IVXLC]+\s?[.\-]|\[\d+\]|\p{Lu}[^:.;,()\n]{0,36}:)/u;

/** Whether text[from, to) ends a sentence: [.!?:;] then only [\s*_"”’)], read backwards by code. */
function endsSentence(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && isTrailing(text.charCodeAt(i))) i--;
  if (i < from) return false;
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59;
}

/** [\s*_"”’)]: what may follow a sentence's end. */
function isTrailing(c: number): boolean {
  return c === 42 || c === 95 || c === 34 || c === 0x201d || c === 0x2019 || c === 41 || isSpaceCode(c);
}

/**
 * Whether ITEM_START may match at `at`, told by code: a lower-case letter opens only "a)"; a
 * character that opens no bullet, number or roman numeral opens only a label, whose colon comes
 * before any of .;,() or a line break within the 48 characters the pattern reads. Most continued
 * lines are neither, and the pattern is skipped.
 */
function mayStartItem(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if ((c >= 97 && c <= 122) || c === 0x111) return text.charCodeAt(at + 1) === 41;
  if ((c >= 48 && c <= 57) || ITEM_OPENERS.includes(text[at])) return true;
  const end = Math.min(text.length, at + 48);
  for (let i = at + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === 58) return true;
    if (d === 46 || d === 59 || d === 44 || d === 40 || d === 41 || d === 10) return false;
  }
  return false;
}

/** What opens a bullet, a roman numeral or a note mark. */
const ITEM_OPENERS = "-*+•·–#>|\\IVXLC[";

// Several extractors read the same document's paragraphs: build them once per block list.
const built = new WeakMap<readonly Block[], { text: string; paragraphs: LogicalParagraph[] }>();

export function logicalParagraphs(text: string, blocks: readonly Block[]): LogicalParagraph[] {
  const hit = built.get(blocks);
  if (hit && hit.text === text) return hit.paragraphs;
  const paragraphs = build(text, blocks);
  built.set(blocks, { text, paragraphs });
  return paragraphs;
}

function build(text: string, blocks: readonly Block[]): LogicalParagraph[] {
  const out: LogicalParagraph[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    let end = b.end;
    if (b.kind !== "row") {
      let n = 0;
      while (i + 1 < blocks.length && n < 8) {
        const next = blocks[i + 1];
        if (next.kind === "row" || next.heading || next.region !== b.region) break;
        if (endsSentence(text, Math.max(b.start, end - 12), end)) break;
        if (mayStartItem(text, next.start) && ITEM_START.test(text.slice(next.start, next.start + 48))) break;
        end = next.end;
        i++;
        n++;
      }
    }
    out.push({ start: b.start, end, block: b });
  }
  return out;
}
