// Logical paragraphs over blocks: a block that stops mid-sentence continues in
// the next one unless that one opens a new item. Makes the extractors robust to
// hard-wrapped sources whatever the reflow managed to join.
import type { Block } from "../segment/types.js";

export interface LogicalParagraph {
  start: number;
  end: number;
  /** The first block: its section places the paragraph. */
  block: Block;
}

// A new item: bullet, numbering ("1.", "2.1-", "a)", "II-"), a markdown heading,
// or a field ("Thời gian thực hiện: ...", a capitalised label and its colon).
const ITEM_START = /^(?:[-*+•·–#>|\\]|\d+(?:\.\d+)*\s?[.):\-]|[a-zđ]\)|[IVXLC]+\s?[.\-]|\[\d+\]|\p{Lu}[^:.;,()\n]{0,36}:)/u;
const ENDS_SENTENCE = /[.!?:;][\s*_"”’)]*$/u;

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
        if (ENDS_SENTENCE.test(text.slice(Math.max(b.start, end - 12), end))) break;
        if (ITEM_START.test(text.slice(next.start, next.start + 48))) break;
        end = next.end;
        i++;
        n++;
      }
    }
    out.push({ start: b.start, end, block: b });
  }
  return out;
}
