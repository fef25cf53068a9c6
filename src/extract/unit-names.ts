// Reads lists of unit names ("Lãnh đạo Ban, Chi ủy, Ban Chấp hành Công đoàn")
// off a token stream. A name ends at the first lower-case word of the verb
// lexicon (grammars/verbs.json), not after a fixed number of words: "Giao Phòng
// Dân vận các cơ quan nhà nước giúp lãnh đạo Ban ..." ends before "giúp".
import { loadGrammar } from "../grammar/load.js";
import { lexicon, type Lexicon } from "../text/lexicon.js";
import { isLower, type Token } from "../text/tokens.js";

interface VerbGrammar {
  verbs: string[];
  determiners: string[];
  heads: string[];
  namedBy: string[];
  localities: string[];
  joined: string[];
}

interface Compiled {
  verbs: Lexicon;
  determiners: Lexicon;
  heads: Lexicon;
  namedBy: Lexicon;
  localities: Lexicon;
  joined: Lexicon;
}

let compiled: Compiled | null = null;

function grammar(): Compiled {
  if (!compiled) {
    const g = loadGrammar<VerbGrammar>("verbs");
    compiled = {
      verbs: lexicon(g.verbs),
      determiners: lexicon(g.determiners),
      heads: lexicon(g.heads),
      namedBy: lexicon(g.namedBy),
      localities: lexicon(g.localities),
      joined: lexicon(g.joined),
    };
  }
  return compiled;
}

export interface NameSpan {
  name: string;
  start: number;
  end: number;
}

export interface UnitList {
  items: NameSpan[];
  /** Index of the token that ended the list (tokens.length at the end). */
  stop: number;
  /** Why the list ended. */
  reason: "verb" | "punct" | "colon" | "end" | "long";
}

export interface ScanOptions {
  /** A role field's value: ";" separates items, and an item that opens with a verb is skipped, not the end. */
  field?: boolean;
  /** Longest item, in words (longer is a sentence, not a name). */
  maxWords?: number;
  /** Most items in one list (more is not a list of units; also keeps scans linear). */
  maxItems?: number;
  /** Ends the list before tokens[i] when an item would start there (another field's label). */
  stopAt?: (i: number) => boolean;
}

const SEPARATORS = new Set([",", ";"]);
const DASHES = new Set(["-", "–", "—"]);
const CLOSERS = new Set([".", ":", "!", "?"]);

/** Length of a lexicon verb at tokens[i] that ends a name there, or 0. */
export function verbAt(tokens: readonly Token[], i: number, itemStart: number, anyCase = false): number {
  const g = grammar();
  const t = tokens[i];
  if (!t?.word || (!anyCase && !isLower(t.text))) return 0;
  const n = g.verbs.matchAt(tokens, i);
  if (!n) return 0;
  const prev = tokens[i - 1];
  if (i > itemStart && prev) {
    // "các tổ chức", "Tài chính- kế toán", "chính trị - xã hội": a noun, not a verb.
    if (!prev.word && DASHES.has(prev.text)) return 0;
    if (g.determiners.matchEndingAt(tokens, i)) return 0;
    // The word right after a head noun names it: "Ban quản lý", "Đoàn kiểm tra", "Trưởng Ban xây dựng Đảng";
    // a lower-case "ban" inside a list ("các sở, ban, ngành") is no such head.
    const h = g.namedBy.matchEndingAt(tokens, i);
    if (h && (i - h === itemStart || !isLower(tokens[i - h].text))) return 0;
  }
  return n;
}

/** Whether a head noun opens the phrase at tokens[i] ("Sở", "Ban Chấp hành", "UBND"). */
export function headAt(tokens: readonly Token[], i: number): number {
  const g = grammar();
  let j = i;
  if (g.determiners.matchAt(tokens, j)) j += g.determiners.matchAt(tokens, j);
  const n = g.heads.matchAt(tokens, j);
  return n ? j - i + n : 0;
}

/** Whether a list of bodies opens at tokens[i]: a capitalised head noun, or a determiner and a head ("các sở"). */
export function opensUnitList(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t?.word || headAt(tokens, i) === 0) return false;
  return !isLower(t.text) || grammar().determiners.matchAt(tokens, i) > 0;
}

/** Whether a name reads as a body: it opens with a head noun or ends with an administrative level. */
export function looksLikeUnit(tokens: readonly Token[], start: number, end: number): boolean {
  if (start >= end) return false;
  return headAt(tokens, start) > 0 || grammar().localities.matchEndingAt(tokens, end) > 0;
}

/** Whether " và " at tokens[i] joins two units rather than sitting inside one name. */
function splitsAt(tokens: readonly Token[], i: number, itemStart: number): boolean {
  const g = grammar();
  // Inside a listed compound name ("Phòng Đoàn thể và các hội").
  for (let back = 1; back <= 3 && i - back >= itemStart; back++) {
    const n = g.joined.matchAt(tokens, i - back);
    if (n > back) return false;
  }
  const next = tokens[i + 1];
  if (!next?.word || isLower(next.text) || g.heads.matchAt(tokens, i + 1)) return true;
  // "Sở Nông nghiệp và Môi trường": a capitalised field after a head noun, unless
  // the left name is already complete ("Công an tỉnh và ...").
  if (g.localities.matchEndingAt(tokens, i)) return true;
  return headAt(tokens, itemStart) === 0;
}

/**
 * Reads a list of unit names from tokens[from, to): items are split on commas,
 * semicolons and a top-level " và "; parentheticals are dropped; the list ends
 * at a verb of the lexicon, at sentence punctuation or a colon.
 */
export function scanUnitList(text: string, tokens: readonly Token[], from: number, to = tokens.length, opts: ScanOptions = {}): UnitList {
  const maxWords = opts.maxWords ?? 16;
  const items: NameSpan[] = [];
  let pieces: Array<[number, number]> = [];
  let words = 0;
  let itemStart = from;
  let skipping = false;
  const maxItems = opts.maxItems ?? 60;
  let seen = 0;
  const flush = () => {
    seen++;
    if (pieces.length && !skipping) {
      const name = pieces.map(([s, e]) => text.slice(s, e)).join(" ").replace(/\s+/g, " ").replace(/[\s\-–,.;:]+$/u, "").trim();
      if (name && /[\p{L}\p{N}]/u.test(name)) items.push({ name, start: pieces[0][0], end: pieces[pieces.length - 1][1] });
    }
    pieces = [];
    words = 0;
    skipping = false;
  };
  const extend = (t: Token) => {
    const last = pieces[pieces.length - 1];
    // Keep the original spacing between tokens of one run ("Tài chính- kế toán").
    if (last && /^[^\S\n]*$/.test(text.slice(last[1], t.start)) && !skippedSince(last[1], t.start)) last[1] = t.end;
    else pieces.push([t.start, t.end]);
  };
  let parenFrom = -1;
  let parenTo = -1;
  const skippedSince = (a: number, b: number) => parenFrom >= a && parenTo <= b;
  let i = from;
  for (; i < to; i++) {
    const t = tokens[i];
    if (!t.word) {
      if (t.text === "(" || t.text === "[") {
        // Drop the parenthetical: jump to its close on the same list.
        const close = t.text === "(" ? ")" : "]";
        let j = i + 1;
        while (j < to && tokens[j].text !== close) j++;
        parenFrom = t.start;
        parenTo = j < to ? tokens[j].end : t.end;
        i = j;
        continue;
      }
      if (SEPARATORS.has(t.text)) {
        if (t.text === ";" && !opts.field) return (flush(), { items, stop: i, reason: "punct" });
        flush();
        if (seen >= maxItems) return { items, stop: i, reason: "long" };
        itemStart = i + 1;
        if (opts.stopAt?.(i + 1)) return { items, stop: i + 1, reason: "punct" };
        continue;
      }
      if (CLOSERS.has(t.text)) {
        // "TP. Hồ Chí Minh", "Ông. Nguyễn": an abbreviation dot before a capital continues the name.
        if (t.text === "." && pieces.length && tokens[i + 1]?.word && !isLower(tokens[i + 1].text) && text[t.end] === " " && words <= 1) {
          extend(t);
          continue;
        }
        flush();
        return { items, stop: i, reason: t.text === ":" ? "colon" : "punct" };
      }
      if (pieces.length) extend(t);
      continue;
    }
    if (t.text.toLowerCase() === "và" && pieces.length && splitsAt(tokens, i, itemStart)) {
      flush();
      itemStart = i + 1;
      continue;
    }
    if (!skipping) {
      const v = verbAt(tokens, i, itemStart);
      if (v) {
        if (!opts.field) {
          flush();
          return { items, stop: i, reason: "verb" };
        }
        // In a field a verb closes the item; the rest up to the next separator is description.
        if (pieces.length) flush();
        skipping = true;
        continue;
      }
      extend(t);
      if (++words > maxWords) {
        skipping = true;
        if (!opts.field) return { items, stop: i, reason: "long" };
      }
    }
  }
  flush();
  return { items, stop: i, reason: "end" };
}
