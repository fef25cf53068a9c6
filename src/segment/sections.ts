// The section tree, built in one pass. A paragraph's label opens a section
// only when it is the label expected somewhere on the stack of open sections:
// the next value of an open scheme ("3." after "2."), or the first value of a
// scheme opening one level down ("1." under "II.", "2.1." under "2.", "a)"
// under "1."). A wrapped number ("2023.", "5 năm") or an item inside a
// sentence never fits both the grammar and the sequence.
import type { Section } from "../contract/schema.js";
import { isSpaceCode } from "../text/chars.js";
import { isFirst, type LabelMatch } from "./numbering.js";
import { trimTrailing } from "./pieces.js";

interface Open {
  match: LabelMatch;
  node: Section;
}

/** Longest title of a second item whose first was written without a number. */
const UNNUMBERED_TITLE_MAX = 80;
/** Longest section title kept; longer heading paragraphs are cut at their first sentence. */
const MAX_TITLE = 200;

export class SectionTree {
  readonly roots: Section[] = [];
  private stack: Open[] = [];
  private lastGlobal = new Map<string, number>();
  /** Unlabelled paragraphs since the innermost section opened. */
  private sinceOpen = 0;
  /** The first of them read as a heading and no later one did: the first item of a level written without its number. */
  private unnumberedFirst = false;

  /** Labels of the open sections, outermost first; one array per open section, shared by its blocks. */
  path(): string[] {
    return this.stack.length ? this.stack[this.stack.length - 1].node.path : [];
  }

  /** The innermost open section in the guideline's notation ("II/2"), or "" outside sections. */
  section(): string {
    return this.stack.length ? this.stack[this.stack.length - 1].node.section : "";
  }

  /**
   * Opens a section at `start` if one of the readings `labels` fits the
   * sequence. `headingLike`: the paragraph reads as a heading (short, bold or
   * a markdown heading), which lets a skipped number or a heading-only scheme through.
   */
  offer(labels: LabelMatch[], headingLike: boolean, text: string, start: number, end: number): LabelMatch | null {
    for (const m of labels) {
      if (m.heading && !headingLike) continue;
      let at = this.placeOf(m, headingLike);
      if (at < 0 && this.secondAfterUnnumbered(m, headingLike, text, start, end)) at = this.stack.length;
      if (at < 0) continue;
      this.open(at, m, text, start, end);
      return m;
    }
    return null;
  }

  /** The outermost open section is an appendix. */
  inAppendix(): boolean {
    return this.stack[0]?.match.scheme === "appendix";
  }

  /** A paragraph of the body that opened no section; `heading`: it reads as an unnumbered heading. */
  note(heading: boolean): void {
    // Only the first may be such a heading: more short lines are a table or a form, not an item's text.
    if (this.sinceOpen++ === 0) this.unnumberedFirst = heading;
    else if (heading) this.unnumberedFirst = false;
  }

  /** The content of the open sections now reaches `end`. */
  extend(end: number): void {
    for (let k = 0; k < this.stack.length; k++) {
      const span = this.stack[k].node.span;
      if (span.end < end) span.end = end;
    }
  }

  /** Closes every open section: a new document (an attached plan) starts its own numbering. */
  reset(): void {
    this.stack = [];
    this.lastGlobal.clear();
  }

  /**
   * "2. Yêu cầu" right under a section whose first paragraph was an unnumbered
   * heading ("Mục đích"): the level's first item was written without its
   * number. Only a short heading with a capitalised title, opening a scheme
   * not yet open, one level below the innermost section; a number wrapped to
   * a line start has none of these.
   */
  private secondAfterUnnumbered(m: LabelMatch, headingLike: boolean, text: string, start: number, end: number): boolean {
    if (!this.unnumberedFirst || !headingLike || m.heading || m.global) return false;
    if (m.value[m.value.length - 1] !== 2 || !this.stack.length) return false;
    const inner = this.stack[this.stack.length - 1].match;
    // Under a named level ("Phụ lục I", "Chương II") the first line is the level's own title.
    if (inner.heading || inner.rank >= m.rank || this.depthOf(m.key) >= 0) return false;
    if (m.value.length > 1) {
      // "1.2" under "1.": the prefix is the parent's number.
      if (inner.scheme !== "arabic" || inner.value.length !== m.value.length - 1) return false;
      for (let k = 0; k < inner.value.length; k++) if (inner.value[k] !== m.value[k]) return false;
    }
    const title = text.slice(start + m.length, end);
    return title.length > 0 && title.length <= UNNUMBERED_TITLE_MAX && /^\p{Lu}/u.test(title);
  }

  /** Stack depth at which `m` opens, or -1 when it does not fit. */
  private placeOf(m: LabelMatch, headingLike: boolean): number {
    const idx = this.depthOf(m.key);
    if (idx >= 0) {
      const prev = this.stack[idx].match.value;
      return follows(prev, m.value, 1) || (headingLike && (follows(prev, m.value, 2) || follows(prev, m.value, 3))) ? idx : -1;
    }
    let j = this.stack.length;
    while (j > 0 && this.stack[j - 1].match.rank > m.rank) j--;
    if (m.scheme === "letter" && j === 0) return -1; // lettered items sit inside a numbered block
    if (m.scheme === "appendix") return j;
    if (m.global) {
      const last = this.lastGlobal.get(m.scheme) ?? 0;
      const v = m.value[0];
      return v === last + 1 || (headingLike && v > last && v <= last + 3) ? j : -1;
    }
    // Named levels ("Chương II", "Phần thứ hai") are unambiguous: an excerpt may open at any of them.
    if (!isFirst(m) && !m.heading) return -1;
    if (m.value.length > 1) {
      // "2.4.1" opens under "2.4": the parent must be the dotted number one shorter.
      const parent = j > 0 ? this.stack[j - 1].match : null;
      if (parent?.scheme === "arabic") {
        if (parent.value.length !== m.value.length - 1) return -1;
        for (let k = 0; k < parent.value.length; k++) if (parent.value[k] !== m.value[k]) return -1;
      }
    }
    return j;
  }

  /** Depth of the open section numbered in scheme `key`, or -1. */
  private depthOf(key: string): number {
    for (let k = 0; k < this.stack.length; k++) if (this.stack[k].match.key === key) return k;
    return -1;
  }

  private open(at: number, m: LabelMatch, text: string, start: number, end: number): void {
    // Popped rather than cut by setting the length, which costs a call into the runtime.
    while (this.stack.length > at) this.stack.pop();
    this.sinceOpen = 0;
    this.unnumberedFirst = false;
    const parent = at > 0 ? this.stack[at - 1].node : null;
    const path = parent ? extended(parent.path, m.label) : [m.label];
    const node: Section = {
      path,
      section: parent ? `${parent.section}/${m.label}` : m.label,
      label: m.label,
      // A title is cut at MAX_TITLE characters: a long paragraph is not read past them.
      title: titleAt(text, start + m.length, end),
      level: at + 1,
      span: { start, end },
      page: null,
      children: [],
    };
    (parent ? parent.children : this.roots).push(node);
    this.stack.push({ match: m, node });
    if (m.global) this.lastGlobal.set(m.scheme, m.value[0]);
  }
}

/** `path` with `label` after it (Array concat runs in the runtime). */
function extended(path: string[], label: string): string[] {
  // Allocated at its final size: a pushed-to copy would keep spare room for growth in every section.
  const out = new Array<string>(path.length + 1);
  for (let k = 0; k < path.length; k++) out[k] = path[k];
  out[path.length] = label;
  return out;
}

/** `b` is `a` advanced by `step` at its last component, with the same prefix. */
function follows(a: number[], b: number[], step: number): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length - 1; k++) if (a[k] !== b[k]) return false;
  return b[b.length - 1] === a[a.length - 1] + step;
}

/** The first ".", ":" or ";" before `end` followed by a space or by `end`, or -1. */
function sentenceEnd(t: string, end: number): number {
  // Each mark found by indexOf, which runs natively, and the nearest tried first.
  let dot = t.indexOf(".");
  let colon = t.indexOf(":");
  let semi = t.indexOf(";");
  for (;;) {
    const i = Math.min(dot < 0 ? end : dot, colon < 0 ? end : colon, semi < 0 ? end : semi);
    if (i >= end) return -1;
    if (i + 1 === end || isSpaceCode(t.charCodeAt(i + 1))) return i;
    if (i === dot) dot = t.indexOf(".", i + 1);
    else if (i === colon) colon = t.indexOf(":", i + 1);
    else semi = t.indexOf(";", i + 1);
  }
}

/**
 * The title of a heading whose text runs from `from` to `end`. A long paragraph is not read
 * past MAX_TITLE + 1 characters (then `cut`); spaces around them are skipped by code, not trimmed off a copy.
 */
function titleAt(text: string, from: number, end: number): string {
  const limit = Math.min(end, from + MAX_TITLE + 1);
  let i = from;
  while (i < limit && isSpaceCode(text.charCodeAt(i))) i++;
  let j = limit;
  while (j > i && isSpaceCode(text.charCodeAt(j - 1))) j--;
  return titleOf(text.slice(i, j), end > from + MAX_TITLE + 1);
}

/** `t`, trimmed; `cut`: it is the start of a longer paragraph. */
function titleOf(t: string, cut: boolean): string {
  if (t.length > MAX_TITLE || cut) {
    const stop = sentenceEnd(t, Math.min(t.length, MAX_TITLE));
    t = stop > 0 ? t.slice(0, stop) : t.slice(0, MAX_TITLE);
  }
  return trimTrailing(t, " \t.:;,");
}
