// segment: normalized paragraphs → header, preamble, numbered sections and closing.
//
// One pass over the paragraphs with a small state machine:
//   header (above the type name) → preamble (type name, trích yếu, "Căn cứ ...")
//   → body (from the first section label that fits) → closing ("Nơi nhận",
//   the signature). A type name after the body or the closing starts an
//   attached document (a decision's plan) with its own numbering; an appendix
//   heading after the closing reopens the body. Footnotes go to "notes".
import type { Normalized, Paragraph } from "../normalize/types.js";
import { byCode } from "./chars.js";
import { readClosing, type ClosingMeta } from "./closing.js";
import { tableOfContents } from "./contents.js";
import { documentMeta } from "./document.js";
import { readHeader } from "./header.js";
import { bulletAt, labelsAt, type LabelMatch } from "./numbering.js";
import { piecesOf, type Piece } from "./pieces.js";
import { CONTENTS, MAY_CLOSE, NOTE, paragraphFlags } from "./records.js";
import { SectionTree } from "./sections.js";
import type { Block, Region, Segmented } from "./types.js";
import {
  afterRecipientsHeading,
  authorityPrefix,
  bareTypeName,
  isKnownPosition,
  isMotto,
  isPersonName,
  mayBeTypeNameOnly,
  placeDateIn,
  startsPreamble,
  symbolIn,
  typeLineOf,
} from "./vocabulary.js";

export type { Block, Region, Segmented } from "./types.js";

/** The type line is looked for among the first paragraphs only, before any long one. */
const TYPE_LINE_WINDOW = 40;
const HEADER_LINE_MAX = 160;

export function segment(norm: Normalized): Segmented {
  const { text, paragraphs: paras } = norm;
  const texts = paras.map((p) => text.slice(p.start, p.end));
  const typeIdx = findTypeLine(texts);
  const headerEnd = typeIdx >= 0 ? typeIdx : headerWithoutType(texts);
  const title = typeIdx >= 0 ? titleRange(paras, texts, typeIdx) : null;
  const titleEnd = title ? title[1] : typeIdx;

  const flags = paragraphFlags(text, paras, texts, tableOfContents(texts, paras));
  const tabs = new Tabs(text);
  const tree = new SectionTree();
  const blocks: Block[] = [];
  let state: Region = headerEnd > 0 ? "header" : "preamble";
  let closingRun: [number, number] | null = null;
  let afterMotto = false;

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const t = texts[i];
    if (i === headerEnd && state === "header") state = "preamble";
    let region: Region = state;
    let heading = false;
    let labelLength = 0;

    const f = flags[i];
    if (f & NOTE) region = "notes";
    else if (state === "header") region = "header";
    else if (f & CONTENTS) region = state === "body" ? "preamble" : state; // entries of a table of contents open nothing
    else if (state === "closing" && t.split("\t").some(isMotto)) {
      region = "header"; // the header of a document attached after the signature
      afterMotto = true;
    } else {
      const hl = headingLike(p, text);
      const labels = p.kind === "row" ? [] : labelsAt(t);
      if (startsAttached(state, tree, t, afterMotto)) {
        tree.reset(); // an attached document numbers from the start
        state = "preamble";
      } else if (state === "closing" && opensFresh(labels, hl)) {
        tree.reset();
        state = "preamble";
      } else if (state !== "closing" && i > titleEnd && f & MAY_CLOSE && closingStarts(paras, texts, i, tabs)) state = "closing";
      afterMotto = false;

      const usable = state === "closing" ? labels.filter((m) => m.scheme === "appendix") : labels;
      const m = usable.length ? tree.offer(usable, hl, text, p.start, p.end) : null;
      if (m) {
        state = "body";
        heading = true;
        labelLength = m.length;
      }
      region = state;
      if (state === "closing") closingRun = closingRun && closingRun[1] === i - 1 ? [closingRun[0], i] : (closingRun ?? [i, i]);
      if (state === "body") {
        tree.extend(p.end);
        if (!m) tree.note(p.kind !== "row" && !labels.length && unnumberedHeading(t));
      }
    }

    const body = region === "body";
    const block: Block = { start: p.start, end: p.end, kind: p.kind, strong: p.strong, region, path: body ? tree.path() : [], section: body ? tree.section() : region, heading, labelLength };
    if (p.cells) block.cells = p.cells;
    blocks.push(block);
  }

  const pieces = (from: number, to: number): Piece[] => {
    const out: Piece[] = [];
    for (let i = from; i < to; i++) out.push(...piecesOf(text, paras[i], i));
    return out;
  };
  const headerPieces = pieces(0, headerEnd);
  const headerLines = texts.slice(0, headerEnd).map((_, i) => headerPieces.filter((x) => x.paragraph === i).map((x) => x.text).join("\t"));
  const header = readHeader(headerPieces, headerLines);
  const closing: ClosingMeta | null = closingRun ? readClosing(pieces(closingRun[0], closingRun[1] + 1)) : null;
  const type = typeIdx >= 0 ? typeLineOf(texts[typeIdx], true) : null;
  const titleText = title ? texts.slice(title[0], title[1] + 1).join(" ").replace(/\s+/g, " ").trim() : null;

  return { text, document: documentMeta(type, titleText, header, closing), sections: tree.roots, blocks };
}

/** Index of the type-name paragraph ("KẾ HOẠCH"), or -1. */
function findTypeLine(texts: string[]): number {
  let end = Math.min(texts.length, TYPE_LINE_WINDOW);
  for (let i = 0; i < end; i++) {
    if (typeLineOf(texts[i])) return i;
    if (texts[i].length > HEADER_LINE_MAX) end = i;
  }
  // Capitals lost (a legacy font's capital forms decode to lower case): a short type line
  // in any case, first in the document or under a header field.
  let header = false;
  for (let i = 0; i < end; i++) {
    if (texts[i].length <= 60 && (i === 0 || header) && typeLineOf(texts[i], true)) return i;
    header ||= texts[i].split("\t").some((t) => isMotto(t) || symbolIn(t) !== null || placeDateIn(t) !== null);
  }
  return -1;
}

/** Without a type line, the header is the run of leading lines that carry header fields. */
function headerWithoutType(texts: string[]): number {
  let end = 0;
  const limit = Math.min(texts.length, 12);
  for (let i = 0; i < limit; i++) {
    const t = texts[i];
    if (t.length > HEADER_LINE_MAX) break;
    if (symbolIn(t) || placeDateIn(t) || t.split("\t").some(isMotto)) end = i + 1;
  }
  return end;
}

/** The trích yếu: the paragraph after the type line and the short lines that continue it. */
function titleRange(paras: Paragraph[], texts: string[], typeIdx: number): [number, number] | null {
  const first = typeIdx + 1;
  if (first >= texts.length) return null;
  const t = texts[first];
  if (paras[first].kind === "row" || t.length > 400 || startsPreamble(t) || labelsAt(t).length || bulletAt(t) || t.startsWith("(")) return null;
  const caps = !/\p{Ll}/u.test(t);
  let to = first;
  while (to + 1 < texts.length) {
    const next = texts[to + 1];
    const prev = texts[to];
    if (paras[to + 1].kind === "row" || next.length > 200 || startsPreamble(next) || labelsAt(next).length || bulletAt(next) || next.startsWith("(")) break;
    const sameStyle = paras[to + 1].strong === paras[first].strong && !/\p{Ll}/u.test(next) === caps;
    if (/^\p{Ll}/u.test(next) || (sameStyle && !/[.;:]$/.test(prev) && next.length <= 120 && prev.length <= 120)) to++;
    else break;
  }
  return [first, to];
}

/**
 * A type line after the signature, or a bare one in the body outside an
 * appendix, starts an attached document (the plan a decision issues). Forms
 * inside an appendix ("BÁO CÁO ...") stay in the appendix.
 */
function startsAttached(state: Region, tree: SectionTree, t: string, afterMotto: boolean): boolean {
  if (state === "closing") return typeLineOf(t) !== null || (afterMotto && bareTypeName(t) !== null);
  if (state !== "body" || tree.inAppendix() || !mayBeTypeNameOnly(t)) return false;
  const type = typeLineOf(t);
  return type !== null && type.name.length === t.trim().length;
}

/** After the signature, a first top-level label opening a heading starts an attached text ("I- Đánh giá ..."). */
function opensFresh(labels: LabelMatch[], headingLike: boolean): boolean {
  return labels.some((m) => headingLike && m.value.length === 1 && m.value[0] === 1 && m.scheme !== "letter");
}

/** The paragraph reads as a heading: a markdown heading, bold, or short without a sentence end. */
function headingLike(p: Paragraph, text: string): boolean {
  if (p.kind === "heading" || p.strong) return true;
  // Read in the text itself, not through the paragraph's slice.
  const last = p.end > p.start ? text.charCodeAt(p.end - 1) : NaN;
  return p.end - p.start <= 150 && last !== 46 && last !== 59; // "." ";"
}

/** Longest unnumbered heading ("Mục đích", "Yêu cầu chung") that may stand for a level's first item. */
const UNNUMBERED_HEADING_MAX = 60;

/** Most words an unnumbered heading has, as split at single spaces. */
const UNNUMBERED_HEADING_WORDS = 8;
const isUpperCode = byCode((ch) => /\p{Lu}/u.test(ch));
const isLowerCode = byCode((ch) => /\p{Ll}/u.test(ch));

/** A short capitalised line without a bullet or a sentence end: a heading written without its number. */
function unnumberedHeading(t: string): boolean {
  if (t.length > UNNUMBERED_HEADING_MAX || bulletAt(t) > 0) return false;
  const last = t.charCodeAt(t.length - 1);
  if (last === 46 || last === 59 || last === 44) return false; // ". ; ,"
  // Capitalised but not all capitals (a title under "Phụ lục I" is), without numbers (running heads,
  // page lines) or tabs: one scan by code, as most body lines this short fail it early.
  if (!isUpperCode(t.charCodeAt(0))) return t.length > 0 && isSurrogate(t.charCodeAt(0)) && unnumberedHeadingByPattern(t);
  let lower = false;
  let spaces = 0;
  for (let i = 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 9 || c === 47 || (c >= 48 && c <= 57)) return false; // tab, "/", digit
    if (c === 32 && ++spaces >= UNNUMBERED_HEADING_WORDS) return false;
    if (!lower && isLowerCode(c)) lower = true;
    else if (isSurrogate(c)) return unnumberedHeadingByPattern(t); // a letter outside the BMP: read by pattern
  }
  return lower;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** The same test by patterns, for the rare line with a character outside the BMP. */
function unnumberedHeadingByPattern(t: string): boolean {
  if (t.includes("\t") || !/^\p{Lu}/u.test(t) || !/\p{Ll}/u.test(t) || /[\d/]/.test(t)) return false;
  return t.split(" ").length <= UNNUMBERED_HEADING_WORDS;
}

/**
 * The first tab of a paragraph, found from the tabs of the whole text: they are rare (column gaps
 * of a header or a signature), so a few searches of the text answer every paragraph, asked in order.
 */
class Tabs {
  /** The first tab at or after the last paragraph asked about; -1 once there is none left. */
  private next = -1;
  private done = false;

  constructor(private readonly text: string) {}

  /** Index in the paragraph `text[start, end)` of its first tab, or -1. Call with increasing `start`. */
  firstIn(start: number, end: number): number {
    // The tab found last lies before this paragraph: look again from here.
    if (!this.done && start > this.next) {
      this.next = this.text.indexOf("\t", start);
      this.done = this.next < 0;
    }
    return this.next >= start && this.next < end ? this.next - start : -1;
  }
}

/** Past the MAY_CLOSE test of its first letter: "Nơi nhận", a signing-authority line, or a lone position followed by a name. */
function closingStarts(paras: Paragraph[], texts: string[], i: number, tabs: Tabs): boolean {
  const tab = tabs.firstIn(paras[i].start, paras[i].end);
  const first = tab < 0 ? texts[i] : texts[i].slice(0, tab);
  if (afterRecipientsHeading(first) !== null) return true;
  if (first.length <= 80 && authorityPrefix(first) > 0) return true;
  if (first.length > 60 || !isKnownPosition(first)) return false;
  for (let k = i + 1; k < Math.min(texts.length, i + 4); k++) {
    if (texts[k].split("\t").some((s) => isPersonName(s) || afterRecipientsHeading(s) !== null)) return true;
  }
  return paras.length === i + 1;
}
