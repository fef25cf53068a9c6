// Numeric goals: percentages set as goals ("trên 90% đảng viên được xếp loại
// ..."), ranges ("10 - 13%/năm" → lower bound, gte, valueMax) and counted
// deliverables ("Thực hiện được 01 công trình ..."). Vocabulary is in
// grammars/targets.json; dates, document numbers and shares are not goals.
import type { Comparator, Section, Target } from "../contract/schema.js";
import { alternation, loadGrammar } from "../grammar/load.js";
import type { Block, Segmented } from "../segment/types.js";
import { itemStart } from "../text/items.js";
import { lexicon, type Lexicon } from "../text/lexicon.js";
import { isLower, tokenAt, tokenize, type Token } from "../text/tokens.js";
import { isDigitCode } from "../text/chars.js";
import { locate } from "./locate.js";
import { nextHit, regexSearch } from "./next-hit.js";
import { verbAt } from "./unit-names.js";

interface TargetGrammar {
  prefix: Array<{ words: string[]; comparator: Comparator }>;
  postfix: Array<{ words: string[]; comparator: Comparator }>;
  rangeJoiners: string[];
  countedNouns: string[];
  countCues: string[];
  goalCues: string[];
  exclusionsBefore: string[];
  exclusionsAfter: string[];
  goalSections: string[];
  pastSections: string[];
  horizon: string[];
  baseline: string[];
  strongGoalCues: string[];
}

interface Compiled {
  prefix: Array<{ words: Lexicon; comparator: Comparator }>;
  postfix: Array<{ words: Lexicon; comparator: Comparator }>;
  percent: RegExp;
  counted: RegExp;
  /** A number right before a counted noun, anywhere: where `counted` may match. */
  countedHint: RegExp;
  countCues: Lexicon;
  goalCues: Lexicon;
  exclusionsBefore: Lexicon;
  exclusionsAfter: Lexicon;
  goalSections: RegExp;
  pastSections: RegExp;
  horizon: Lexicon;
  baseline: Lexicon;
  strongGoalCues: Lexicon;
}

let compiled: Compiled | null = null;

const NUM = String.raw`\d{1,3}(?:[.,]\d{1,2})?`;

function grammar(): Compiled {
  if (!compiled) {
    const g = loadGrammar<TargetGrammar>("targets");
    const joiners = alternation(g.rangeJoiners);
    const words = (list: string[]) => new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${alternation(list)})(?![\\p{L}\\p{M}])`, "iu");
    compiled = {
      prefix: g.prefix.map((p) => ({ words: lexicon(p.words), comparator: p.comparator })),
      postfix: g.postfix.map((p) => ({ words: lexicon(p.words), comparator: p.comparator })),
      // Bounded gaps keep it linear: "90%", "95,5 %", "10 - 13%/năm", "10% - 13%", "từ 10 đến 13%".
      percent: new RegExp(
        String.raw`(?<![\p{L}\p{N}.,/])(${NUM})(?: ?%)?(?:\s{0,2}(?:${joiners})\s{0,2}(${NUM}))? ?%(?: ?\/ ?năm)?`,
        "gu",
      ),
      counted: new RegExp(String.raw`(?<![\p{L}\p{N}.,/-])(\d{1,4}) (${alternation(g.countedNouns)})(?![\p{L}\p{M}])`, "gu"),
      // Literal-first and without look-arounds, so the engine skips ahead fast; a superset of `counted`.
      countedHint: new RegExp(String.raw`\d (?:${alternation(g.countedNouns)})`, "gu"),
      countCues: lexicon(g.countCues),
      goalCues: lexicon(g.goalCues),
      exclusionsBefore: lexicon(g.exclusionsBefore),
      exclusionsAfter: lexicon(g.exclusionsAfter),
      goalSections: words(g.goalSections),
      pastSections: new RegExp(`^[\\s\\p{P}]*(?:${alternation(g.pastSections)})(?![\\p{L}\\p{M}])`, "iu"),
      horizon: lexicon(g.horizon),
      baseline: lexicon(g.baseline),
      strongGoalCues: lexicon(g.strongGoalCues),
    };
  }
  return compiled;
}

const CLAUSE_BREAKS = new Set([";", ".", ":", "!", "?"]);
/** Farthest a goal's clause reaches either side of its number, in tokens. */
const CLAUSE_MAX = 80;

export function extractTargets(seg: Segmented): Target[] {
  const g = grammar();
  const out: Target[] = [];
  // The heading chain and what it says, once per section path, and only for a candidate that asks.
  const headings = new Map<string, SectionFacts>();
  const { text } = seg;
  // Where a percent sign or a counted noun stands next: blocks without one are skipped unread.
  const percentAt = nextHit(text, (from) => text.indexOf("%", from));
  const countAt = nextHit(text, regexSearch(text, g.countedHint));
  const blocks = seg.blocks;
  for (let i = 0; i < blocks.length; i++) {
    // The blocks before the next hit hold none: skipped by their ends alone (they start at or after this one).
    const hit = Math.min(percentAt(blocks[i].start), countAt(blocks[i].start));
    while (i < blocks.length && blocks[i].end <= hit) i++;
    if (i === blocks.length) break;
    const block = blocks[i];
    if (block.region === "header" || block.region === "closing" || block.region === "notes") continue;
    const percentHere = percentAt(block.start) < block.end;
    const countHere = countAt(block.start) < block.end;
    if (!percentHere && !countHere) continue;
    const start = itemStart(text, block.heading ? block.start + block.labelLength : block.start, block.end).start;
    const body = text.slice(start, block.end);
    // Tokens and section titles only for blocks that hold a candidate.
    const percents = percentHere && percentAt(start) < block.end ? allMatches(g.percent, body) : [];
    const counts = countHere && countAt(start) < block.end ? allMatches(g.counted, body) : [];
    if (!percents.length && !counts.length) continue;
    const tokens = tokenize(text, start, block.end);
    let facts: SectionFacts | undefined;
    const section = () => (facts ??= sectionFacts(seg.sections, block, headings));
    const ctx: Context = { text, block, tokens, section, year: seg.document.year };
    for (const m of percents) {
      const t = percentTarget(ctx, start + m.index, start + m.index + m[0].length, m[1], m[2]);
      if (t) out.push(t);
    }
    for (const m of counts) {
      const t = countedTarget(ctx, start + m.index, start + m.index + m[0].length, m[1], m[2]);
      if (t) out.push(t);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Every match of the global `re` in `s` (as matchAll, without copying the regex; neither pattern matches empty). */
function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
  return out;
}

/** What the titles of a block's sections say; the joined heading and its goal test are read when asked. */
class SectionFacts {
  #goal: boolean | undefined;
  readonly heading: string;
  constructor(
    chain: readonly string[],
    /** A section titled as a review ("Kết quả ...", "Tình hình ...") reports results, unless a clause says it is a goal. */
    readonly pastSection: boolean,
  ) {
    this.heading = chain.join(" | ");
  }
  get goalSection(): boolean {
    return (this.#goal ??= grammar().goalSections.test(this.heading));
  }
}

function sectionFacts(sections: readonly Section[], block: Block, headings: Map<string, SectionFacts>): SectionFacts {
  const g = grammar();
  const path = block.path.length ? block.path : [block.section];
  const pathKey = path.join("\u0000");
  let about = headings.get(pathKey);
  if (!about) {
    const chain = chainTitles(sections, path);
    about = new SectionFacts(chain, chain.some((t) => g.pastSections.test(t)));
    headings.set(pathKey, about);
  }
  return about;
}

interface Context {
  text: string;
  block: Block;
  tokens: Token[];
  /** The block's first horizon with its year ("Đến năm 2030, ..."), once looked for; null when there is none. */
  lead?: { at: number; year: number } | null;
  /** The block's section titles, read when a candidate needs them. */
  section: () => SectionFacts;
  /** The plan's year, when known: goals are not stated for years before it. */
  year: number | null;
}

/** "95,5" → 95.5, "01" → 1. */
const toNumber = (s: string) => Number(s.replace(",", "."));

function percentTarget(ctx: Context, from: number, to: number, low: string, high: string | undefined): Target | null {
  const g = grammar();
  const { tokens } = ctx;
  const first = tokenAt(tokens, from);
  let last = tokenAt(tokens, to - 1);
  if (first >= tokens.length || last >= tokens.length) return null;
  const [cs, ce] = clause(tokens, first);
  if (g.exclusionsAfter.matchAt(tokens, last + 1)) return null;
  for (let k = first; k > Math.max(cs, first - 5); k--) if (g.exclusionsBefore.matchEndingAt(tokens, k)) return null;
  let comparator: Comparator = high ? "gte" : "eq";
  let open = first;
  for (const p of g.prefix) {
    const n = p.words.matchEndingAt(tokens, first);
    if (n && first - n >= cs) {
      comparator = high ? "gte" : p.comparator;
      open = first - n;
      break;
    }
  }
  for (const p of g.postfix) {
    const n = p.words.matchAt(tokens, last + 1);
    if (n) {
      comparator = p.comparator;
      last += n;
      break;
    }
  }
  if (pastClause(ctx, cs, ce, false) || pastClause(ctx, cs, open, true)) return null;
  const subject = subjectOf(ctx, last + 1, ce, cs, open);
  // A goal needs a goal word in its clause, a goal section, or to open its clause ("100% đảng viên ...");
  // without a goal word it must also say what it measures (a bare "68%" cell is a share).
  const cue = hasCue(tokens, cs, ce, g.goalCues);
  if (!cue && !(open === cs || ctx.section().goalSection)) return null;
  if (!cue && !subject) return null;
  return {
    value: toNumber(low),
    valueMax: high ? toNumber(high) : null,
    unit: "%",
    comparator,
    subject,
    text: clauseText(ctx, cs, ce, open),
    by: horizonYear(ctx, cs, ce),
    ...locate(ctx.block, tokens[open].start, to),
  };
}

/** A clause that reports a result ("đã giải quyết 162 trường hợp", "chiếm 20%") or speaks of a year before the plan's. */
function pastClause(ctx: Context, from: number, to: number, words: boolean): boolean {
  const g = grammar();
  if (ctx.section().pastSection && !hasCue(ctx.tokens, from, to, g.strongGoalCues)) return true;
  for (let i = from; i < to; i++) {
    if (words && g.exclusionsBefore.matchAt(ctx.tokens, i)) return true;
    const y = isYear(ctx.tokens[i].text) ? Number(ctx.tokens[i].text) : 0;
    if (y && ctx.year !== null && y < ctx.year && !baselineBefore(ctx.tokens, i)) return true;
  }
  return false;
}

/** "2024": four digits from 1900 to 2099 (a char-code test: it runs on every token of a clause). */
function isYear(t: string): boolean {
  if (t.length !== 4) return false;
  const a = t.charCodeAt(0);
  const b = t.charCodeAt(1);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigitCode(t.charCodeAt(2)) && isDigitCode(t.charCodeAt(3));
}

/** "so với năm 2024", "so với cùng kỳ năm 2024": the year at tokens[i] is a baseline. */
function baselineBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = i; k > Math.max(0, i - 5); k--) if (grammar().baseline.matchEndingAt(tokens, k)) return true;
  return false;
}

function countedTarget(ctx: Context, from: number, to: number, count: string, noun: string): Target | null {
  const g = grammar();
  const { tokens } = ctx;
  const first = tokenAt(tokens, from);
  if (first >= tokens.length) return null;
  const [cs, ce] = clause(tokens, first);
  // The cue stands right before the number, or one or two words before ("tổ chức thành công 02 hội nghị").
  let cue = false;
  for (let k = first; k >= Math.max(cs + 1, first - 2) && !cue; k--) cue = g.countCues.matchEndingAt(tokens, k) > 0;
  if (!cue || pastClause(ctx, cs, ce, true)) return null;
  let comparator: Comparator = "eq";
  let open = first;
  for (const p of g.prefix) {
    const n = p.words.matchEndingAt(tokens, first);
    if (n && first - n >= cs && tokens[first - n].text.toLowerCase() !== "từ") {
      comparator = p.comparator;
      open = first - n;
      break;
    }
  }
  const nounEnd = tokenAt(tokens, to - 1);
  const after = subjectOf(ctx, nounEnd + 1, ce, cs, open);
  return {
    value: Number(count),
    valueMax: null,
    unit: noun,
    comparator,
    subject: after ? `${noun} ${after}` : noun,
    text: clauseText(ctx, cs, ce, open),
    by: horizonYear(ctx, cs, ce),
    ...locate(ctx.block, tokens[open].start, to),
  };
}

/** Token range of the clause holding tokens[i]: between ; . : and list markers like "(2)-". */
function clause(tokens: readonly Token[], i: number): [number, number] {
  // Bounded both ways, so a paragraph without punctuation stays linear.
  let s = i;
  while (s > 0 && i - s < CLAUSE_MAX && !CLAUSE_BREAKS.has(tokens[s - 1].text) && !listMarkerEndsAt(tokens, s)) s--;
  let e = i + 1;
  while (e < tokens.length && e - i < CLAUSE_MAX && !(CLAUSE_BREAKS.has(tokens[e].text) && !/\d/.test(tokens[e + 1]?.text ?? "x")) && !listMarkerAt(tokens, e)) e++;
  return [s, e];
}

/** "(1)-", "(2)": a numbered point inside a paragraph of goals. */
const listMarkerAt = (t: readonly Token[], i: number) => t[i]?.text === "(" && /^\d{1,2}$/.test(t[i + 1]?.text ?? "") && t[i + 2]?.text === ")";
function listMarkerEndsAt(t: readonly Token[], s: number): boolean {
  let k = s;
  if (t[k - 1]?.text === "-") k--;
  return t[k - 1]?.text === ")" && listMarkerAt(t, k - 3);
}

function hasCue(tokens: readonly Token[], from: number, to: number, cues: Lexicon): boolean {
  for (let i = from; i < to; i++) if (cues.matchAt(tokens, i)) return true;
  return false;
}

/** What is measured: the noun phrase after the number, else the words before it in the clause. */
function subjectOf(ctx: Context, after: number, end: number, start: number, before: number): string | null {
  const { tokens, text } = ctx;
  let i = after;
  if (tokens[i]?.text === "/") i += 2; // "%/năm"
  let j = i;
  const g = grammar();
  while (j < end && j - i < 8 && tokens[j].word && !verbAt(tokens, j, i) && !g.exclusionsAfter.matchAt(tokens, j) && !g.goalCues.matchAt(tokens, j)) j++;
  while (j > i && !isNounWord(tokens[j - 1])) j--;
  if (j > i) return text.slice(tokens[i].start, tokens[j - 1].end);
  // "Tỷ lệ che phủ rừng đạt tối thiểu 30%": the words before the goal verb.
  let z = before;
  for (let n = g.goalCues.matchEndingAt(tokens, z); n && z - n >= start; n = g.goalCues.matchEndingAt(tokens, z)) z -= n;
  let s = z - 1;
  while (s >= start && z - s <= 8 && tokens[s].word && !g.goalCues.matchEndingAt(tokens, s + 1)) s--;
  return s + 1 < z ? text.slice(tokens[s + 1].start, tokens[z - 1].end) : null;
}

const isNounWord = (t: Token) => t.word && !/^\d+$/.test(t.text);

/** The goal clause, from its first word (or the comma before the goal in a long clause), shortened to about 12 words (16 syllables). */
function clauseText(ctx: Context, from: number, to: number, at: number): string {
  const { tokens, text } = ctx;
  let i = from;
  let before = 0;
  for (let k = from; k < at; k++) if (tokens[k].word) before++;
  if (before > 8) {
    i = at;
    for (let k = at - 1, n = 0; k > from && n < 8; k--) {
      if (tokens[k].text === ",") break;
      if (tokens[k].word) n++;
      i = k;
    }
  }
  while (i < to && !tokens[i].word && tokens[i].text !== "(") i++;
  let words = 0;
  let j = i;
  while (j < to && words < 16) if (tokens[j++].word) words++;
  return i < j ? text.slice(tokens[i].start, tokens[j - 1].end).replace(/\s+/g, " ").trim() : "";
}

/** Horizon year: "đến năm 2030", "giai đoạn 2026 - 2030" in the clause or the paragraph before it, else in the section titles. */
function horizonYear(ctx: Context, from: number, to: number): number | null {
  const { tokens } = ctx;
  // The clause, then the paragraph's lead before it ("Đến năm 2005 phấn đấu đạt các chỉ tiêu: 100% ...").
  const y = horizonFrom(tokens, from, to);
  if (y) return y.year;
  if (ctx.lead === undefined) ctx.lead = horizonFrom(tokens, 0, tokens.length);
  if (ctx.lead && ctx.lead.at < from) return ctx.lead.year;
  const m = /(?:đến|trước|vào) (?:hết |cuối )?năm (\d{4})|giai đoạn (\d{4}) ?[-–] ?(\d{4})/iu.exec(ctx.section().heading);
  return m ? Number(m[1] ?? m[3]) : null;
}

/** The first horizon word with its year in tokens[from, to). */
function horizonFrom(tokens: readonly Token[], from: number, to: number): { at: number; year: number } | null {
  const g = grammar();
  for (let i = from; i < to; i++) {
    const n = g.horizon.matchAt(tokens, i);
    if (!n) continue;
    const year = yearIn(tokens, i + n);
    if (year) return { at: i, year };
  }
  return null;
}

/** A year (or the end of a year range "2026-2030", "2026 - 2030") at tokens[i]. */
function yearIn(tokens: readonly Token[], i: number): number | null {
  const t = tokens[i]?.text ?? "";
  const m = /^((?:19|20)\d\d)(?:-((?:19|20)\d\d))?$/.exec(t);
  if (!m) return null;
  if (m[2]) return Number(m[2]);
  const next = /^(?:19|20)\d\d$/.exec(tokens[i + 2]?.text ?? "");
  if (next && (tokens[i + 1]?.text === "-" || tokens[i + 1]?.text === "–")) return Number(next[0]);
  return Number(m[1]);
}

/** Titles of the sections written as each prefix of `path` ("II", "II/2"): the last so written, in document order. */
function chainTitles(sections: readonly Section[], path: readonly string[]): string[] {
  // A prefix of the key is a section string exactly when it is one of these lengths.
  const ends: number[] = [];
  let length = -1;
  for (const label of path) ends.push((length += label.length + 1));
  const chain = path.map(() => "");
  walkTitles(sections, path.join("/"), ends, chain);
  return chain;
}

/** Visits, in document order, only the sections whose string is the key or a prefix of it: a child's is its parent's, "/", its label. */
function walkTitles(sections: readonly Section[], key: string, ends: readonly number[], chain: string[]): void {
  for (const s of sections) {
    const n = s.section.length;
    if (n > key.length || (n < key.length && key.charCodeAt(n) !== 47) || !key.startsWith(s.section)) continue;
    const i = ends.indexOf(n);
    if (i >= 0) chain[i] = s.title;
    if (n < key.length) walkTitles(s.children, key, ends, chain);
  }
}
