// Per-paragraph facts that the segmenter's one pass asks of every paragraph, found beforehand in
// a pass of their own over all paragraphs and kept as bit flags in a typed array: the pass that
// places paragraphs then reads one byte where it would otherwise run several tests in turn.
import type { Paragraph } from "../normalize/types.js";
import { isFootnote, PageFootnotes } from "./numbering.js";
import { mayOpenClosing } from "./vocabulary.js";

/** A footnote: "[1] ..." or one printed at a page foot. */
export const NOTE = 1;
/** An entry of a table of contents. */
export const CONTENTS = 2;
/** May open the closing: its first letter is that of "Nơi nhận", an authority or a position. */
export const MAY_CLOSE = 4;

/** Flags of each paragraph, by index. `texts[i]` is paragraph i's text; `contents` the table-of-contents entries. */
export function paragraphFlags(text: string, paras: Paragraph[], texts: string[], contents: Set<number>): Uint8Array {
  const flags = new Uint8Array(paras.length);
  const pageFootnotes = new PageFootnotes(text);
  for (let i = 0; i < paras.length; i++) {
    const t = texts[i];
    let f = 0;
    if (isFootnote(t) || (paras[i].kind === "text" && pageFootnotes.at(paras[i].start))) f |= NOTE;
    if (mayOpenClosing(t)) f |= MAY_CLOSE;
    flags[i] = f;
  }
  for (const i of contents) flags[i] |= CONTENTS;
  return flags;
}
