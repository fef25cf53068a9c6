// Numbering labels at the start of a paragraph ("II.", "2.4.1-", "a)", "Điều 3."),
// compiled once from grammars/numbering.json. A label only says what a
// paragraph could open; sections.ts decides by sequence whether it does.
import { escapeRegExp, loadGrammar } from "../grammar/load.js";
import { isDigitCode, isSpaceCode } from "../text/chars.js";
import { byCode } from "./chars.js";

interface SchemeSpec {
  scheme: string;
  rank: number;
  pattern: string;
  flags?: string;
  prefix?: string;
  global?: boolean;
  heading?: boolean;
  /** A character class of the label's first character. */
  first?: string;
  /** A character class of the label's second character (every label has two or more). */
  second?: string;
}

interface NumberingGrammar {
  bullets: string[];
  letters: string[];
  upperLetters: string[];
  ordinals: Record<string, number>;
  footnote: string;
  /** A character class of a footnote's first character. */
  footnoteFirst?: string;
  pageFootnote: string;
  pageFootnoteFirst?: string;
  /** A character class of a page footnote's second character (most numbered lines have a dot or a bracket there). */
  pageFootnoteSecond?: string;
  schemes: SchemeSpec[];
}

/** One way to read the label at the start of a paragraph. */
export interface LabelMatch {
  scheme: string;
  /** Scheme plus depth for dotted numbers ("arabic2" for "2.1"): one stack level per key. */
  key: string;
  rank: number;
  /** Numeric value; dotted numbers give one component each. */
  value: number[];
  /** The label as it goes into a section path: "II", "2.1", "a", "Điều 1", "Phụ lục 1". */
  label: string;
  /** Characters taken by the label, its punctuation and the spaces after it. */
  length: number;
  /** Numbering runs through the whole document (articles). */
  global: boolean;
  /** Only opens a section when the paragraph reads as a heading. */
  heading: boolean;
}

interface Compiled {
  spec: SchemeSpec;
  /** The pattern with its `value` group made a numbered one (a match then builds no groups object). */
  re: RegExp;
  /** Index of the `value` group in a match, or 0 when the pattern has none. */
  valueGroup: number;
  first: RegExp | null;
  /** The label's second character may be this UTF-16 code. */
  second: (c: number) => boolean;
  /** Stack key and rank of a reading, by depth for dotted Arabic numbers: built once, not per label. */
  keys: string[];
  ranks: number[];
  /** Value and written label per value as written (null: not a value of the scheme): labels repeat a few values. */
  readings: Map<string, Reading | null>;
}

interface Reading {
  /** Shared by every label written the same way; never changed. */
  value: number[];
  label: string;
  /** The match read this way, by its length: built once and shared, as labels repeat ("1. ", "a) "); never changed. */
  matches: (LabelMatch | undefined)[];
}

/** Longest label length whose match is kept in its reading; longer ones are built each time. */
const MATCH_LENGTH_MAX = 32;

/** Most values as written remembered per scheme; past it readings are built each time. */
const READINGS_MAX = 1024;

/** Deepest dotted number a scheme may write ("1.2.3.4.5"); deeper ones get their key built when met. */
const MAX_DEPTH = 8;

let compiled: {
  schemes: Compiled[];
  bullet: RegExp;
  /** First characters of the bullets by UTF-16 code: most lines open with none of them and skip the bullet pattern. */
  bulletFirst: Uint8Array;
  footnote: RegExp;
  footnoteFirst: (c: number) => boolean;
  pageFootnote: RegExp;
  pageFootnoteFirst: (c: number) => boolean;
  pageFootnoteSecond: (c: number) => boolean;
  g: NumberingGrammar;
} | null = null;

/** The schemes that may open with a given UTF-16 code, found once per code. */
const byFirst = new Array<Compiled[] | undefined>(0x10000);
/** Past the end or at half a surrogate pair no first-character class matches. */
let withoutFirst: Compiled[] | null = null;

function schemesFor(code: number, schemes: Compiled[]): Compiled[] {
  if (Number.isNaN(code) || (code >= 0xd800 && code <= 0xdfff)) return (withoutFirst ??= schemes.filter((c) => !c.first));
  let list = byFirst[code];
  if (!list) {
    const ch = String.fromCharCode(code);
    list = schemes.filter((c) => !c.first || c.first.test(ch));
    byFirst[code] = list;
  }
  return list;
}

/** A test of a character code against a character class; no class lets every code through. */
function classTest(cls: string | undefined): (c: number) => boolean {
  if (!cls) return () => true;
  const re = new RegExp(`^${cls}$`, "u");
  return byCode((ch) => re.test(ch));
}

/**
 * A test of a label's second character against `cls`. Past the end (NaN) fails: no label is one
 * character long. Half a surrogate pair passes, as its pair is not read here.
 */
function secondTest(cls: string | undefined, flags: string): (c: number) => boolean {
  if (!cls) return () => true;
  const re = new RegExp(`^${cls}$`, flags);
  const test = byCode((ch) => re.test(ch));
  return (c) => (c >= 0xd800 && c <= 0xdfff) || test(c);
}

function grammar() {
  if (compiled) return compiled;
  const g = loadGrammar<NumberingGrammar>("numbering");
  const schemes = g.schemes.map((spec): Compiled => {
    const dotted = spec.scheme === "arabic";
    const keys: string[] = [];
    const ranks: number[] = [];
    for (let d = 0; d <= MAX_DEPTH; d++) {
      keys.push(dotted ? `arabic${d}` : spec.scheme);
      ranks.push(spec.rank + (dotted ? d / 10 : 0));
    }
    const { source, valueGroup } = numberedValue(spec.pattern);
    return {
      spec,
      // Sticky, so a match is tried at one place only; the lookahead keeps "11-CT/TU" and "2023." out.
      re: new RegExp(`(?:${source})(?=\\s|$)`, `${spec.flags ?? "u"}y`),
      valueGroup,
      first: spec.first ? new RegExp(`^${spec.first}$`, spec.flags ?? "u") : null,
      second: secondTest(spec.second, spec.flags ?? "u"),
      keys,
      ranks,
      readings: new Map(),
    };
  });
  const bulletChars = g.bullets.filter((b) => b.length).map(escapeRegExp);
  const bullet = new RegExp(`(?:${bulletChars.join("|")})(?=\\s)`, "uy");
  const footnote = new RegExp(`(?:${g.footnote})(?=\\s)`, "uy");
  const pageFootnote = new RegExp(g.pageFootnote, "uy");
  const bulletFirst = new Uint8Array(0x10000);
  for (const b of g.bullets) if (b.length) bulletFirst[b.charCodeAt(0)] = 1;
  compiled = { schemes, bullet, bulletFirst, footnote, footnoteFirst: classTest(g.footnoteFirst), pageFootnote, pageFootnoteFirst: classTest(g.pageFootnoteFirst), pageFootnoteSecond: classTest(g.pageFootnoteSecond), g };
  return compiled;
}

/**
 * `pattern` with its named group `value` turned into a plain group, and that group's index:
 * groups are counted as they open, outside character classes and escapes.
 */
function numberedValue(pattern: string): { source: string; valueGroup: number } {
  let groups = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      while (++i < pattern.length && pattern[i] !== "]") if (pattern[i] === "\\") i++;
    } else if (ch === "(") {
      if (pattern.startsWith("(?<value>", i)) return { source: pattern.slice(0, i + 1) + pattern.slice(i + 9), valueGroup: groups + 1 };
      // A capturing group: plain, or named (not a lookbehind "(?<=", "(?<!").
      if (pattern[i + 1] !== "?" || (pattern[i + 2] === "<" && pattern[i + 3] !== "=" && pattern[i + 3] !== "!")) groups++;
    }
  }
  return { source: pattern, valueGroup: 0 };
}

/** `s` with each run of spaces made one space; most values ("5", "IV") have none and are returned as they are. */
function singleSpaced(s: string): string {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return s.replace(/\s+/g, " ");
  return s;
}

/** End of the run of spaces at `text[from]`. */
function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const ROMAN_TABLE: [number, string][] = [[100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];

function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = ROMAN_DIGITS[s[i].toUpperCase()];
    const b = i + 1 < s.length ? ROMAN_DIGITS[s[i + 1].toUpperCase()] : 0;
    total += a < b ? -a : a;
  }
  return total;
}

/** Roman numerals in their canonical form only ("IIII" and "VX" are not numbers). */
function toRoman(n: number): string {
  let out = "";
  for (const [v, r] of ROMAN_TABLE) while (n >= v) { out += r; n -= v; }
  return out;
}

/** "2.4.1" → [2, 4, 1], read by code: small integers, no strings split off. */
function dottedValue(raw: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46) {
      out.push(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  out.push(n);
  return out;
}

/** Canonical Roman numerals met so far and their values (-1: not canonical): labels repeat a few numerals. */
const romanSeen = new Map<string, number>();

function valueOf(scheme: string, raw: string, g: NumberingGrammar): number[] | null {
  switch (scheme) {
    case "arabic":
      return dottedValue(raw);
    case "letter": {
      const i = alphabetIndex(g.letters, raw);
      return i < 0 ? null : [i + 1];
    }
    case "upper": {
      const i = alphabetIndex(g.upperLetters, raw);
      return i < 0 ? null : [i + 1];
    }
    case "roman": {
      let n = romanSeen.get(raw);
      if (n === undefined) {
        n = romanValue(raw);
        if (toRoman(n) !== raw) n = -1;
        if (romanSeen.size < 1024) romanSeen.set(raw, n);
      }
      return n < 0 ? null : [n];
    }
    default: {
      // Chapters, parts, articles, appendices: Arabic, Roman or an ordinal word ("thứ nhất").
      if (!raw) return [0];
      if (allDigits(raw)) return dottedValue(raw);
      const up = raw.toUpperCase();
      if (/^[IVXL]+$/.test(up)) return [romanValue(up)];
      const word = up.split(/\s+/).pop() ?? "";
      const n = g.ordinals[word];
      return n ? [n] : /^[A-Z]$/.test(up) ? [up.charCodeAt(0) - 64] : null;
    }
  }
}

/** `raw`'s place in `alphabet` (its letters are single characters), or -1; compared by code. */
function alphabetIndex(alphabet: string[], raw: string): number {
  if (raw.length !== 1) return alphabet.indexOf(raw);
  const c = raw.charCodeAt(0);
  for (let i = 0; i < alphabet.length; i++) if (alphabet[i].length === 1 && alphabet[i].charCodeAt(0) === c) return i;
  return -1;
}

/** `s` is one or more ASCII digits, as `\d+` reads them. */
function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** The value and written label of `raw` in scheme `c`, or null when it is none of its values. */
function readingOf(c: Compiled, raw: string, g: NumberingGrammar): Reading | null {
  let reading = c.readings.get(raw);
  if (reading !== undefined) return reading;
  const value = valueOf(c.spec.scheme, raw, g);
  const { prefix } = c.spec;
  reading = value ? { value, label: prefix ? (raw ? `${prefix} ${singleSpaced(raw)}` : prefix) : raw, matches: [] } : null;
  if (c.readings.size < READINGS_MAX) c.readings.set(raw, reading);
  return reading;
}

/** Every reading of a numbering label at `text[from]`; [] when there is none. The matches are shared: never change them. */
export function labelsAt(text: string, from = 0): LabelMatch[] {
  const { schemes, g } = grammar();
  const out: LabelMatch[] = [];
  // Each scheme's first character is checked first: most paragraphs try one or two patterns, or none.
  const candidates = schemesFor(text.charCodeAt(from), schemes);
  const second = text.charCodeAt(from + 1);
  for (let k = 0; k < candidates.length; k++) {
    const { spec, re, valueGroup, keys, ranks } = candidates[k];
    if (!candidates[k].second(second)) continue;
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) continue;
    const reading = readingOf(candidates[k], (valueGroup && m[valueGroup]) || "", g);
    if (!reading) continue;
    const length = skipSpaces(text, from + m[0].length) - from;
    let match = length < MATCH_LENGTH_MAX ? reading.matches[length] : undefined;
    if (!match) {
      const { value } = reading;
      const depth = spec.scheme === "arabic" ? value.length : 1;
      match = {
        scheme: spec.scheme,
        key: depth <= MAX_DEPTH ? keys[depth] : `arabic${depth}`,
        rank: depth <= MAX_DEPTH ? ranks[depth] : spec.rank + depth / 10,
        value,
        label: reading.label,
        length,
        global: spec.global ?? false,
        heading: spec.heading ?? false,
      };
      if (length < MATCH_LENGTH_MAX) reading.matches[length] = match;
    }
    out.push(match);
  }
  return out;
}

/** Some numbering label opens `text` at `from`: `labelsAt(text, from).length > 0` without building the readings. */
export function hasLabel(text: string, from = 0): boolean {
  // A line that runs to the text's end: no match can run past it.
  return hasLabelIn(text, from, text.length);
}

/**
 * `hasLabel(text.slice(from, end))` read in place, for a trimmed line of a longer text (`end` is
 * followed by a space, a line break or the text's end). A match that stops by `end` is the line's own;
 * one that runs on into the next line is read again from the line alone.
 */
export function hasLabelIn(text: string, from: number, end: number): boolean {
  const { schemes, g } = grammar();
  const candidates = schemesFor(text.charCodeAt(from), schemes);
  const second = text.charCodeAt(from + 1);
  for (let k = 0; k < candidates.length; k++) {
    const { spec, re, valueGroup } = candidates[k];
    if (!candidates[k].second(second)) continue;
    re.lastIndex = from;
    if (spec.scheme === "arabic") {
      if (!re.test(text)) continue;
      return re.lastIndex <= end || hasLabel(text.slice(from, end));
    }
    const m = re.exec(text);
    if (!m) continue;
    if (re.lastIndex > end) return hasLabel(text.slice(from, end));
    if (valueOf(spec.scheme, (valueGroup && m[valueGroup]) || "", g)) return true;
  }
  return false;
}

/** `bulletAt(text.slice(from, end), 0)` read in place, for a trimmed line of a longer text as in hasLabelIn. */
export function bulletIn(text: string, from: number, end: number): number {
  const { bullet, bulletFirst } = grammar();
  if (!bulletFirst[text.charCodeAt(from)]) return 0;
  bullet.lastIndex = from;
  if (!bullet.test(text)) return 0;
  // At `end` the space that follows is the next line's: the line alone has none.
  if (bullet.lastIndex >= end) return bulletAt(text.slice(from, end));
  return skipSpaces(text, bullet.lastIndex) - from;
}

/** Length of a bullet and the spaces after it at `text[from]`, or 0. */
export function bulletAt(text: string, from = 0): number {
  const { bullet, bulletFirst } = grammar();
  if (!bulletFirst[text.charCodeAt(from)]) return 0;
  bullet.lastIndex = from;
  const m = bullet.exec(text);
  if (!m) return 0;
  return skipSpaces(text, from + m[0].length) - from;
}

/** The line opens a list item: a bullet or a numbering label. */
export function startsItem(text: string, from = 0): boolean {
  return bulletAt(text, from) > 0 || labelsAt(text, from).length > 0;
}

/** The first value of a scheme: 1, I, a, A. */
export function isFirst(m: LabelMatch): boolean {
  return m.value[m.value.length - 1] === 1;
}

/** The paragraph is a footnote or endnote ("[1] ..."). */
export function isFootnote(text: string): boolean {
  const { footnote, footnoteFirst } = grammar();
  if (!footnoteFirst(text.charCodeAt(0))) return false;
  footnote.lastIndex = 0;
  return footnote.test(text);
}

/** How far back a page footnote's mark is looked for: the page it stands at the foot of, and the one before. */
const FOOTNOTE_REACH = 8000;

const isLetterCode = byCode((ch) => ch.toLowerCase() !== ch.toUpperCase());
const CLOSING_MARKS = ".,;:)”\"'";
const isClosingMark = byCode((ch) => CLOSING_MARKS.includes(ch));

/**
 * Footnotes printed at a page foot ("1 Nghị quyết số ..."): a paragraph that
 * opens with a number also set after a word shortly before ("... y tế.1",
 * "Nghị quyết1 "), which a table's order number never is. Few paragraphs open
 * like a footnote, so a mark is looked for back from each of them by its last
 * digit (a native search), within FOOTNOTE_REACH and not again over text
 * already searched for the same number.
 */
export class PageFootnotes {
  /** Per mark number 0..99: where it was last found set, and up to where the text was searched for it. */
  private readonly last = new Int32Array(100).fill(-1);
  private readonly searched = new Int32Array(100);

  constructor(private readonly text: string) {}

  /** The paragraph at `start` is a page-foot footnote. Call with increasing `start`. */
  at(start: number): boolean {
    const { pageFootnote, pageFootnoteFirst, pageFootnoteSecond } = grammar();
    // Most paragraphs that open with a digit are numbered items ("1.", "2)"): told by their second character.
    if (!pageFootnoteFirst(this.text.charCodeAt(start)) || !pageFootnoteSecond(this.text.charCodeAt(start + 1))) return false;
    pageFootnote.lastIndex = start;
    const m = pageFootnote.exec(this.text);
    if (!m?.groups) return false;
    const n = Number(m.groups.n);
    const from = Math.max(this.searched[n], start - FOOTNOTE_REACH, 1);
    if (from < start) {
      const at = this.lastMark(n, from, start);
      if (at >= 0) this.last[n] = at;
      this.searched[n] = start;
    }
    return this.last[n] >= 0 && this.last[n] >= start - FOOTNOTE_REACH;
  }

  /**
   * The last mark `n` set after a word in `text[from, end)`, or -1: a run of one or two digits of
   * value `n` ("1", "01") after a letter and at most one closing mark, before neither. `end` is a
   * paragraph's start, so no run goes on past it. Its last digit is found by indexOf, which runs natively.
   */
  private lastMark(n: number, from: number, end: number): number {
    const t = this.text;
    const digit = String.fromCharCode(48 + (n % 10));
    let found = -1;
    for (let q = t.indexOf(digit, from); q >= 0 && q < end; q = t.indexOf(digit, q + 1)) {
      const j = q + 1;
      if (isDigitCode(t.charCodeAt(j))) continue;
      // Three digits back tell a longer number: a long run is not walked.
      let i = q;
      while (i > 0 && j - i < 3 && isDigitCode(t.charCodeAt(i - 1))) i--;
      // A run that begins before `from` was searched before, or lies out of reach.
      if (i < from || j - i > 2 || Number(t.slice(i, j)) !== n) continue;
      let b = i - 1;
      if (isClosingMark(t.charCodeAt(b))) b--;
      const after = t.charCodeAt(j);
      if (b >= 0 && isLetterCode(t.charCodeAt(b)) && !isLetterCode(after)) found = i;
    }
    return found;
  }
}
