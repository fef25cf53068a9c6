// Reads lists of unit names ("Lãnh đạo Ban, Chi ủy, Ban Chấp hành Công đoàn")
// off a token stream. A name ends at the first lower-case word of the verb
// lexicon (grammars/verbs.json), not after a fixed number of words: "Giao Phòng
// Dân vận các cơ quan nhà nước giúp lãnh đạo Ban ..." ends before "giúp".
import { alternation, escapeRegExp, loadGrammar } from "../grammar/load.js";
import { isSpaceCode } from "../text/chars.js";
import { lexicon, type Lexicon } from "../text/lexicon.js";
import { isLower, letterRunEnd, type Token } from "../text/tokens.js";

interface VerbGrammar {
  verbs: string[];
  determiners: string[];
  heads: string[];
  namedBy: string[];
  localities: string[];
  joined: string[];
  persons: string[];
  participles: string[];
  rolePhrases: string[];
  fieldPhrases: string[];
  listOpeners: string[];
  prepositions: string[];
}

interface Compiled {
  verbs: Lexicon;
  determiners: Lexicon;
  heads: Lexicon;
  namedBy: Lexicon;
  localities: Lexicon;
  joined: Lexicon;
  persons: Lexicon;
  participles: Lexicon;
  rolePhrases: Lexicon;
  fieldPhrases: Lexicon;
  listOpeners: Lexicon;
  prepositions: Lexicon;
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
      persons: lexicon(g.persons),
      participles: lexicon(g.participles),
      rolePhrases: lexicon(g.rolePhrases),
      fieldPhrases: lexicon(g.fieldPhrases),
      listOpeners: lexicon(g.listOpeners),
      prepositions: lexicon(g.prepositions),
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
  /** The span is known to hold only names (a person's lead before its colon): verbs do not end them. */
  keepVerbs?: boolean;
}

const SEPARATORS = new Set([",", ";"]);
export const DASHES = new Set(["-", "–", "—"]);
const CLOSERS = new Set([".", ":", "!", "?"]);

/** Length of a lexicon verb at tokens[i] that ends a name there, or 0. */
export function verbAt(tokens: readonly Token[], i: number, itemStart: number, anyCase = false): number {
  const n = verbHere(tokens, i, itemStart, anyCase);
  if (!n || i <= itemStart || !continuesName(tokens, i, n, itemStart)) return n;
  return 0;
}

/** verbAt without the look-ahead past the word. */
function verbHere(tokens: readonly Token[], i: number, itemStart: number, anyCase: boolean): number {
  const g = grammar();
  const t = tokens[i];
  if (!t?.word || (!anyCase && !isLower(t.text))) return 0;
  const n = g.verbs.matchAt(tokens, i);
  if (!n) return 0;
  const prev = tokens[i - 1];
  if (i > itemStart && prev) {
    // After a name, "phụ trách lĩnh vực ..." describes the position; opening an item it is the work.
    if (g.rolePhrases.matchAt(tokens, i)) return 0;
    // "các tổ chức", "Tài chính- kế toán", "chính trị - xã hội": a noun, not a verb.
    if (!prev.word && DASHES.has(prev.text)) return 0;
    if (g.determiners.matchEndingAt(tokens, i)) return 0;
    // "đơn vị được kiểm tra": a participle after a body; after anything else "được" is the clause's.
    if (g.participles.matchEndingAt(tokens, i) && headAt(tokens, itemStart) > 0) return 0;
    // "Bộ Ngoại giao": one lower-case syllable after a capitalised one is the rest of that word.
    if (n === 1 && i - 1 > itemStart && isTitleWord(prev)) return 0;
    // The word right after a head noun names it: "Ban quản lý", "Đoàn kiểm tra", "Trưởng ban xây dựng Đảng";
    // a lower-case "ban" inside a list ("các sở, ban, ngành") or a name ("Công đoàn") is no such head.
    const h = g.namedBy.matchEndingAt(tokens, i);
    if (h && (i - h === itemStart || !isLower(tokens[i - h].text) || positionBefore(tokens, i - h))) return 0;
  }
  return n;
}

const isCapitalWord = (t: Token | undefined) => t !== undefined && t.word && !isLower(t.text);
/** Capitalised, not in capitals throughout ("Ngoại", not "UBND"). */
const isTitleWord = (t: Token | undefined) => isCapitalWord(t) && t!.key !== t!.text && !capitalsAfterFirst(t!.text);

// Whether a code unit is its own upper case, filled on first sight: 1 no, 2 yes.
const ownUpper = new Uint8Array(0x10000);

/** Whether word.slice(1) is its own upper case, code unit by code unit (a surrogate pair is left to toUpperCase). */
function capitalsAfterFirst(word: string): boolean {
  for (let k = 1; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) return word.slice(1) === word.slice(1).toUpperCase();
    let u = ownUpper[c];
    if (u === 0) {
      const ch = String.fromCharCode(c);
      u = ch.toUpperCase() === ch ? 2 : 1;
      ownUpper[c] = u;
    }
    if (u === 1) return false;
  }
  return true;
}
/** A capitalised one-word head right before tokens[i] ("Trưởng ban", "Trưởng đoàn"), not the start of a longer name ("Công đoàn"). */
const positionBefore = (tokens: readonly Token[], i: number) => isCapitalWord(tokens[i - 1]) && grammar().heads.matchAt(tokens, i - 1) === 1;
/** Farthest look-ahead, in tokens, for the administrative level that closes a name. */
const CLOSE_AHEAD = 8;

/**
 * Whether a verb-like word sits inside a name that is not complete yet: the name opened
 * with a capitalised head and runs on in lower case ("Ban Chỉ đạo xóa đói giảm nghèo và
 * việc làm thành phố"), and a few lower-case words later an administrative level closes it
 * before the real verb, the clause's end or a capitalised word. A name already closed by a
 * level ("UBND xã kiểm tra ...") or by capitals ("Sở Y tế hướng dẫn ...") ends at the verb;
 * so does one whose next words open the verb's complement (các, tại, của ...).
 */
function continuesName(tokens: readonly Token[], i: number, n: number, itemStart: number): boolean {
  const g = grammar();
  if (!isCapitalWord(tokens[itemStart]) || headAt(tokens, itemStart) === 0) return false;
  const a = tokens[i - 1];
  const b = tokens[i - 2];
  if (!a?.word || !isLower(a.text) || !b?.word || !isLower(b.text) || i - 2 < itemStart) return false;
  if (g.localities.matchEndingAt(tokens, i)) return false;
  for (let k = i + n; k < tokens.length && k < i + n + CLOSE_AHEAD; ) {
    const t = tokens[k];
    if (!t.word || !isLower(t.text) || g.prepositions.matchAt(tokens, k)) return false;
    const level = g.localities.matchAt(tokens, k);
    if (level) {
      const after = tokens[k + level];
      return !after || !after.word || !isLower(after.text) || verbHere(tokens, k + level, itemStart, false) > 0;
    }
    const opener = g.listOpeners.matchAt(tokens, k);
    if (opener && !g.verbs.matchAt(tokens, k + opener)) return false;
    const v = verbHere(tokens, k, itemStart, false);
    if (v) return false;
    k += opener || 1;
  }
  return false;
}

let headStart: { re: RegExp; firsts: RegExp; seen: Map<string, boolean>; openings: RegExp; pairs: Map<number, boolean> } | null = null;
/** Distinct first words remembered (a document repeats few). */
const SEEN_MAX = 4096;

/**
 * A sticky test on the raw text, before tokenizing: whether a head noun (after an optional
 * lead-in and determiner) can open the phrase at `at`. Lets a caller skip paragraphs that
 * cannot open with a unit; it may pass where headAt fails on the tokens, never the reverse.
 */
export function mayOpenWithHead(text: string, at: number, leadIns: readonly string[]): boolean {
  if (!headStart) {
    const g = loadGrammar<VerbGrammar>("verbs");
    const gap = "[\\s*_#\\\\]+";
    const alt = (phrases: readonly string[]) =>
      [...new Set(phrases)].sort((a, b) => b.length - a.length).map((p) => p.split(/\s+/).map(escapeRegExp).join(gap)).join("|");
    // Every match opens with the first word of a lead-in, a determiner or a head, its letters ending where
    // the word does: a cheap test of the run of letters at `at` against those, by the same regex rules of case.
    const firstRuns = [...leadIns, ...g.determiners, ...g.heads].map((p) => p.split(/\s+/)[0].match(/^[\p{L}\p{M}\p{N}]*/u)![0]);
    headStart = {
      re: new RegExp(`(?:(?:${alt(leadIns)})${gap})?(?:(?:${alt(g.determiners)})${gap})?(?:${alt(g.heads)})(?![\\p{L}\\p{M}\\p{N}])`, "iuy"),
      firsts: new RegExp(`^(?:${alternation(firstRuns)})$`, "iu"),
      seen: new Map(),
      // The first two letters of the longer ones, told by number before a word is looked up by its text.
      openings: new RegExp(`^(?:${alternation(firstRuns.filter((w) => w.length >= 2).map((w) => w.slice(0, 2)))})$`, "iu"),
      pairs: new Map(),
    };
  }
  if (mayOpenHere(text, at, headStart)) {
    headStart.re.lastIndex = at;
    if (headStart.re.test(text)) return true;
  }
  return acronymStart(text, at);
}

/** Whether the run of letters at `at` is the first word (or its letters) of a lead-in, determiner or head. */
function mayOpenHere(text: string, at: number, h: NonNullable<typeof headStart>): boolean {
  const end = letterRunEnd(text, at);
  if (end - at >= 2) {
    const pair = (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
    let open = h.pairs.get(pair);
    if (open === undefined) {
      open = h.openings.test(text.slice(at, at + 2));
      if (h.pairs.size >= SEEN_MAX) h.pairs.clear();
      h.pairs.set(pair, open);
    }
    if (!open) return false;
  }
  const run = text.slice(at, end);
  let ok = h.seen.get(run);
  if (ok === undefined) {
    ok = h.firsts.test(run);
    if (h.seen.size >= SEEN_MAX) h.seen.clear();
    h.seen.set(run, ok);
  }
  return ok;
}

/**
 * An acronym among the first four words, as /(?:\S+\s+){0,3}[A-ZĐ][B-DF-HJ-NP-TV-XZĐ&\/-]{2}/y
 * finds it (a superset of isAcronym's test): at the start of one of them.
 */
function acronymStart(text: string, at: number): boolean {
  let p = at;
  for (let word = 0; ; word++) {
    if (acronymAt(text, p)) return true;
    if (word === 3) return false;
    // Past the word and the spaces after it; the next word starts after at least one space.
    let q = p;
    while (q < text.length && !isSpaceCode(text.charCodeAt(q))) q++;
    if (q === p) return false;
    let r = q;
    while (r < text.length && isSpaceCode(text.charCodeAt(r))) r++;
    if (r === q) return false;
    p = r;
  }
}

/** [A-ZĐ] and two of [B-DF-HJ-NP-TV-XZĐ&/-] at text[p]. */
function acronymAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  return ((c >= 65 && c <= 90) || c === 0x110) && isAcronymTail(text.charCodeAt(p + 1)) && isAcronymTail(text.charCodeAt(p + 2));
}

function isAcronymTail(c: number): boolean {
  if (c >= 65 && c <= 90) return c !== 65 && c !== 69 && c !== 73 && c !== 79 && c !== 85 && c !== 89;
  return c === 0x110 || c === 38 || c === 47 || c === 45;
}

/** Whether a head noun opens the phrase at tokens[i] ("Sở", "Ban Chấp hành", "UBND"). */
export function headAt(tokens: readonly Token[], i: number): number {
  const g = grammar();
  // A head may hold its determiner ("Các cấp", "Các đơn vị").
  const whole = g.heads.matchAt(tokens, i);
  if (whole) return whole;
  const j = i + g.determiners.matchAt(tokens, i);
  const n = g.heads.matchAt(tokens, j) || (isAcronym(tokens[j]) ? 1 : 0);
  return n ? j - i + n : 0;
}

/**
 * A body's acronym (UBND, BHXH, VNPT, TN&MT): capitals with no vowel after the first letter, so
 * that words of a capitals heading (MỤC ĐÍCH, BAN) and symbols (QĐ-UBND) are not taken for one.
 */
const ACRONYM = /^[A-ZĐ][B-DF-HJ-NP-TV-XZĐ&/-]{2,}$/;
const isAcronym = (t: Token | undefined) => t !== undefined && t.word && ACRONYM.test(t.text);

/** Length of a person's title at tokens[i] ("Đồng chí", "Ông", "Đ/c"), or 0. */
export function personAt(tokens: readonly Token[], i: number): number {
  return grammar().persons.matchAt(tokens, i);
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
  return headAt(tokens, start) > 0 || grammar().localities.matchEndingAt(tokens, end) > 0 || properName(tokens, start, end);
}

/**
 * A proper name of a body the head nouns do not list ("Cảng vụ Hàng hải Nghệ An", "Kho bạc Nhà nước"):
 * capitalised, with a second capitalised word, not opening with a verb, without numbers (a cited document).
 */
function properName(tokens: readonly Token[], start: number, end: number): boolean {
  if (!isTitleWord(tokens[start]) || verbHere(tokens, start, start, true)) return false;
  let capitals = 0;
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (/\d/.test(t.text)) return false;
    if (k > start && isCapitalWord(t)) capitals++;
  }
  return capitals > 0;
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
  if (!next?.word || g.heads.matchAt(tokens, i + 1)) return true;
  // A lower-case word after " và " continues the name's field ("giám sát và phản biện xã hội", "xóa đói giảm
  // nghèo và việc làm") unless it opens another unit (các, những ...), a level or a verb.
  if (isLower(next.text) && isCapitalWord(tokens[itemStart])) {
    const opener = g.listOpeners.matchAt(tokens, i + 1);
    if (opener) return !g.verbs.matchAt(tokens, i + 1 + opener);
    return g.localities.matchAt(tokens, i + 1) > 0 || verbHere(tokens, i + 1, i + 1, false) > 0 || headAt(tokens, itemStart) === 0;
  }
  if (isLower(next.text)) return true;
  // "Sở Nông nghiệp và Môi trường": a capitalised field after a head noun, unless
  // the left name is already complete ("Công an tỉnh và ...").
  if (g.localities.matchEndingAt(tokens, i)) return true;
  return headAt(tokens, itemStart) === 0;
}

/** Whether text[a, b) is only white space on one line. */
function sameLine(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9) continue;
    if (c === 10 || !/\s/.test(text[k])) return false;
  }
  return true;
}

const TRAILING = new Set([..." \t\n\r-–,.;:"]);

/** One space between words, no trailing dash or punctuation; the regular expressions run only when needed. */
function cleanName(raw: string): string {
  let name = /\s\s|[^\S ]/.test(raw) ? raw.replace(/\s+/g, " ") : raw;
  if (TRAILING.has(name[name.length - 1])) name = name.replace(/[\s\-–,.;:]+$/u, "");
  return name[0] === " " || name[name.length - 1] === " " ? name.trim() : name;
}

/**
 * Reads a list of unit names from tokens[from, to): items are split on commas,
 * semicolons and a top-level " và "; parentheticals are dropped; the list ends
 * at a verb of the lexicon, at sentence punctuation or a colon.
 */
/** A list being read: its items so far and the runs of text of the name being built. */
class ListScan {
  readonly items: NameSpan[] = [];
  /** [start, end) runs of the current name: tokens on one line keep their spacing. */
  pieces: Array<[number, number]> = [];
  words = 0;
  skipping = false;
  /** The item names a position by its fields ("phụ trách lĩnh vực A, B và C") or is described: commas and " và " stay inside, it may be longer. */
  enumerating = false;
  /** Items ended so far, kept or not. */
  seen = 0;
  /** The last parenthetical dropped. */
  parenFrom = -1;
  parenTo = -1;

  constructor(private readonly text: string) {}

  /** Ends the current item, keeping its name when it has one. */
  flush(): void {
    this.seen++;
    const pieces = this.pieces;
    if (pieces.length && !this.skipping) {
      const text = this.text;
      const name = cleanName(pieces.length === 1 ? text.slice(pieces[0][0], pieces[0][1]) : pieces.map(([s, e]) => text.slice(s, e)).join(" "));
      if (name && /[\p{L}\p{N}]/u.test(name)) this.items.push({ name, start: pieces[0][0], end: pieces[pieces.length - 1][1] });
    }
    this.pieces = [];
    this.words = 0;
    this.skipping = false;
    this.enumerating = false;
  }

  /** Adds a token to the current name. */
  extend(t: Token): void {
    const last = this.pieces[this.pieces.length - 1];
    // Keep the original spacing between tokens of one run ("Tài chính- kế toán").
    if (last && sameLine(this.text, last[1], t.start) && !(this.parenFrom >= last[1] && this.parenTo <= t.start)) last[1] = t.end;
    else this.pieces.push([t.start, t.end]);
  }
}

export function scanUnitList(text: string, tokens: readonly Token[], from: number, to = tokens.length, opts: ScanOptions = {}): UnitList {
  const maxWords = opts.maxWords ?? 16;
  const maxItems = opts.maxItems ?? 60;
  const list = new ListScan(text);
  let itemStart = from;
  let i = from;
  for (; i < to; i++) {
    const t = tokens[i];
    if (!t.word) {
      if (t.text === "(" || t.text === "[") {
        // Drop the parenthetical: jump to its close on the same list.
        const close = t.text === "(" ? ")" : "]";
        let j = i + 1;
        while (j < to && tokens[j].text !== close) j++;
        list.parenFrom = t.start;
        list.parenTo = j < to ? tokens[j].end : t.end;
        i = j;
        continue;
      }
      if (SEPARATORS.has(t.text)) {
        if (t.text === ";" && !opts.field) return (list.flush(), { items: list.items, stop: i, reason: "punct" });
        // "Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng": the fields of one position.
        if (t.text === "," && list.enumerating && tokens[i + 1]?.word && !isLower(tokens[i + 1].text)) {
          list.extend(t);
          continue;
        }
        list.flush();
        if (list.seen >= maxItems) return { items: list.items, stop: i, reason: "long" };
        itemStart = i + 1;
        if (opts.stopAt?.(i + 1)) return { items: list.items, stop: i + 1, reason: "punct" };
        continue;
      }
      if (CLOSERS.has(t.text)) {
        // "TP. Hồ Chí Minh", "Ông. Nguyễn": an abbreviation dot before a capital continues the name.
        if (t.text === "." && list.pieces.length && tokens[i + 1]?.word && !isLower(tokens[i + 1].text) && text[t.end] === " " && list.words <= 1) {
          list.extend(t);
          continue;
        }
        list.flush();
        return { items: list.items, stop: i, reason: t.text === ":" ? "colon" : "punct" };
      }
      if (list.pieces.length) list.extend(t);
      continue;
    }
    if (t.key === "và" && list.pieces.length && !list.enumerating && splitsAt(tokens, i, itemStart)) {
      list.flush();
      itemStart = i + 1;
      continue;
    }
    if (!list.skipping && list.pieces.length && grammar().rolePhrases.matchAt(tokens, i)) list.enumerating = true;
    // In a field a staff description is read whole, across its comma ("các chuyên viên tham mưu, giúp việc thuộc ...").
    const described = opts.field && !list.skipping && list.pieces.length ? grammar().fieldPhrases.matchAt(tokens, i) : 0;
    if (described) {
      list.enumerating = true;
      for (let k = i; k < i + described; k++) list.extend(tokens[k]);
      list.words += described;
      i += described - 1;
      continue;
    }
    if (!list.skipping) {
      const v = opts.keepVerbs ? 0 : verbAt(tokens, i, itemStart);
      if (v) {
        if (!opts.field) {
          list.flush();
          return { items: list.items, stop: i, reason: "verb" };
        }
        // In a field a verb closes the item; the rest up to the next separator is description.
        if (list.pieces.length) list.flush();
        list.skipping = true;
        continue;
      }
      list.extend(t);
      if (++list.words > (list.enumerating ? 2 * maxWords : maxWords)) {
        list.skipping = true;
        if (!opts.field) return { items: list.items, stop: i, reason: "long" };
      }
    }
  }
  list.flush();
  return { items: list.items, stop: i, reason: "end" };
}
