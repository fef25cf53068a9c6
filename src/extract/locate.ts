// Places an extracted item in the document: its section and span. Pages are
// filled in by the pipeline from the span.
import type { Block } from "../segment/types.js";

export interface Location {
  section: string;
  sectionPath: string[];
  span: { start: number; end: number };
  page: number | null;
}

/** Location of text[start, end) inside `block`. */
export function locate(block: Block, start: number, end: number): Location {
  return { section: block.section, sectionPath: block.path.length ? block.path : [block.section], span: { start, end }, page: null };
}

/** The block holding `offset` (blocks are in text order). */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end && mid < blocks.length - 1 && offset >= blocks[mid + 1].start) lo = mid + 1;
    else return b;
  }
  return undefined;
}
