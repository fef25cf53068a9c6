// The plan's action table: one task per numbered item of the task sections
// (Nhiệm vụ, Nội dung, Tổ chức thực hiện, Phụ lục ...) and per task-table row,
// with who leads, supports, advises, implements or is assigned it, by when,
// and which directives it cites. Units of a heading that only names a unit
// ("4. Sở Y tế") carry down to the items below it.
import type { Citation, Deadline, Section, Task, Unit } from "../contract/schema.js";
import { alternation, loadGrammar } from "../grammar/load.js";
import type { Block, Segmented } from "../segment/types.js";
import { isSpaceCode } from "../text/chars.js";
import { itemStart } from "../text/items.js";
import { locate } from "./locate.js";
import { lexicon, type Lexicon } from "../text/lexicon.js";
import { tokenAt, tokenize, type Token } from "../text/tokens.js";
import { tableHeader, tableRows } from "./tables.js";
import { opensUnitList, scanUnitList } from "./unit-names.js";

/** How far after an assigned unit its "chủ trì, phối hợp với ..." is looked for. */
const CLAUSE_CHARS = 400;

export interface TaskInputs {
  citations: Citation[];
  deadlines: Deadline[];
  units: Unit[];
}

/** The inputs sorted by span start, read only, with their starts. */
interface Found {
  citations: readonly Citation[];
  deadlines: readonly Deadline[];
  units: readonly Unit[];
  citationStarts: Int32Array;
  deadlineStarts: Int32Array;
  unitStarts: Int32Array;
  /** Cursors for the lookups made in text order: the units of a section's paragraphs, and a task's units, deadline and citations. */
  ownUnitsAt: StartCursor;
  taskUnitsAt: StartCursor;
  taskDeadlineAt: StartCursor;
  taskCitationsAt: StartCursor;
}

interface Range {
  start: number;
  end: number;
}

let taskWords: { title: RegExp; label: RegExp } | null = null;

/**
 * A section of tasks: a short title naming them ("Nhiệm vụ và giải pháp", "TỔ CHỨC
 * THỰC HIỆN"; a long one is a sentence, not a title), or an article of a decision.
 */
function isTaskSection(s: Section): boolean {
  if (!taskWords) {
    const g = loadGrammar<{ taskSections: string[]; taskLabels: string[] }>("roles");
    taskWords = {
      title: new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${alternation(g.taskSections)})(?![\\p{L}\\p{M}])`, "iu"),
      label: new RegExp(`^(?:${alternation(g.taskLabels)})(?![\\p{L}\\p{M}])`, "iu"),
    };
  }
  if (taskWords.label.test(s.label)) return true;
  return pieces(s.title, 12) <= 12 && taskWords.title.test(s.title.normalize("NFC"));
}

/**
 * Index of the first of the sorted `starts` at or after `start`: binary search. The starts sit in
 * one typed array, not read through an item and its span at each step.
 */
function firstFrom(starts: Int32Array, start: number, lo = 0, hi = starts.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `firstFrom` asked again and again in text order, as the walk does: the answer moves forward a
 * few steps from the last one, with a binary search for a longer way or a start behind it.
 */
export class StartCursor {
  #at = 0;
  constructor(readonly starts: Int32Array) {}

  from(start: number): number {
    const s = this.starts;
    let at = this.#at;
    if (at > 0 && s[at - 1] >= start) at = firstFrom(s, start, 0, at);
    else {
      for (let k = 0; at < s.length && s[at] < start; at++) {
        if (++k > 8) {
          at = firstFrom(s, start, at, s.length);
          break;
        }
      }
    }
    return (this.#at = at);
  }
}

/** The span starts of items sorted by them. */
export function spanStarts(sorted: readonly { span: Range }[]): Int32Array {
  const out = new Int32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i].span.start;
  return out;
}

/** How many pieces s.split(/\s+/) gives, counted up to `max` + 1. */
function pieces(s: string, max: number): number {
  let n = 1;
  for (let i = 0; i < s.length; ) {
    if (!isSpaceCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    if (++n > max) break;
    while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  }
  return n;
}

/** Whether one of the sorted `starts` lies inside r. */
function any(starts: Int32Array, r: Range): boolean {
  const i = firstFrom(starts, r.start);
  return i < starts.length && starts[i] < r.end;
}

/** Sorted by span start, as a stable sort would: the extractors give them in order, and then they are used as they are. */
function byStart<T extends { span: Range }>(items: readonly T[]): readonly T[] {
  for (let i = 1; i < items.length; i++) if (items[i].span.start < items[i - 1].span.start) return [...items].sort((a, b) => a.span.start - b.span.start);
  return items;
}

/** What the walk over the section tree reads and fills. */
interface Walk {
  seg: Segmented;
  found: Found;
  /** Starts of the task-table rows: not a section's own paragraphs. */
  rowBlocks: Set<number>;
  /** Their starts, in text order. */
  rowStarts: Int32Array;
  tasks: Task[];
  /** The first block at or after the last section's start: the walk meets the sections in text order. */
  at: number;
  /** The paragraphs of the section being read, refilled for each: its first `ownBlocks` entries. */
  own: Block[];
}

export function extractTasks(seg: Segmented, given: TaskInputs): Task[] {
  const citations = byStart(given.citations);
  const deadlines = byStart(given.deadlines);
  const units = byStart(given.units);
  const citationStarts = spanStarts(citations);
  const deadlineStarts = spanStarts(deadlines);
  const unitStarts = spanStarts(units);
  const found: Found = {
    citations,
    deadlines,
    units,
    citationStarts,
    deadlineStarts,
    unitStarts,
    ownUnitsAt: new StartCursor(unitStarts),
    taskUnitsAt: new StartCursor(unitStarts),
    taskDeadlineAt: new StartCursor(deadlineStarts),
    taskCitationsAt: new StartCursor(citationStarts),
  };
  const tasks: Task[] = [];
  const rowBlocks = new Set<number>();
  const rowStarts: number[] = [];
  const { text, blocks } = seg;
  // Task-table rows, wherever the table is.
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.region === "closing" || block.region === "header") continue;
    if (!(block.kind === "row" || text.charCodeAt(block.start) === 124)) continue;
    const header = tableHeader(text, block);
    if (!header) continue;
    for (const row of tableRows(text, blocks, b + 1)) {
      const rb = blocks[row.index];
      rowBlocks.add(rb.start);
      rowStarts.push(rb.start);
      const content = header.content !== null ? row.cells[header.content] : longestCell(text, row.cells);
      const summary = content ? firstSentence(text, content.start, content.end) : "";
      if (!summary) continue;
      tasks.push(task(seg, found, rb, rb, NO_UNITS, summary));
      b = row.index;
    }
  }
  // Numbered items of the task sections.
  const walk: Walk = { seg, found, rowBlocks, rowStarts: Int32Array.from(rowStarts), tasks, at: 0, own: [] };
  for (const s of seg.sections) visit(walk, s, false, NO_UNITS);
  // The table's tasks come first: sorted only when there were some (a stable sort of sorted tasks changes nothing).
  return inOrder(tasks) ? tasks : tasks.sort(byTaskStart);
}

function inOrder(tasks: readonly Task[]): boolean {
  for (let i = 1; i < tasks.length; i++) if (tasks[i].span.start < tasks[i - 1].span.start) return false;
  return true;
}

function byTaskStart(a: Task, b: Task): number {
  return a.span.start - b.span.start;
}

const NO_UNITS: Unit[] = [];

/**
 * The section's own paragraphs (not its children's), in text order: the body paragraphs in its
 * span that name its path. A path can repeat in a document (annexes), hence the span. The paths
 * are compared as they come, not hashed: a paragraph shares its section's string. All of them
 * come before its first child: once a child opens, the paragraphs fall to it or to a later child
 * until the section closes, so the children's paragraphs are not read again at every level above.
 */
function ownBlocks(w: Walk, s: Section): number {
  const blocks = w.seg.blocks;
  const end = s.children.length ? s.children[0].span.start : s.span.end;
  const own = w.own;
  let n = 0;
  for (let i = firstBlockFrom(w, s.span.start); i < blocks.length && blocks[i].start < end; i++) {
    const b = blocks[i];
    if (b.region !== "body" || b.section !== s.section || (w.rowBlocks.size && w.rowBlocks.has(b.start))) continue;
    own[n++] = b;
  }
  return n;
}

/**
 * Index of the first block (in text order) starting at or after `start`: the walk's cursor moved
 * forward, as the sections come in text order; a binary search should one start before it.
 */
function firstBlockFrom(w: Walk, start: number): number {
  const blocks = w.seg.blocks;
  let at = w.at;
  if (at > 0 && blocks[at - 1].start >= start) {
    let lo = 0;
    let hi = at;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
  } else while (at < blocks.length && blocks[at].start < start) at++;
  return (w.at = at);
}

/** Content of its own besides the heading: fields, clauses or a deadline above its children. */
function hasOwnContent(own: readonly Block[], n: number, found: Found): boolean {
  for (let k = 0; k < n; k++) {
    const b = own[k];
    if (!b.heading && (any(found.unitStarts, b) || any(found.deadlineStarts, b))) return true;
  }
  return false;
}

function visit(w: Walk, s: Section, inTask: boolean, inherited: Unit[]): void {
  const { seg, found } = w;
  const taskHere = inTask || isTaskSection(s);
  // The own paragraphs are read before the walk goes down to the children, which refill the list.
  const n = ownBlocks(w, s);
  const own = w.own;
  let ownUnits = NO_UNITS;
  const units = found.units;
  const starts = found.unitStarts;
  for (let k = 0; units.length && k < n; k++) {
    const b = own[k];
    for (let i = found.ownUnitsAt.from(b.start); i < units.length && starts[i] <= b.end; i++) {
      if (ownUnits === NO_UNITS) ownUnits = [];
      ownUnits.push(units[i]);
    }
  }
  const carried = ownUnits.length ? ownUnits : inherited;
  if (taskHere && inTask) {
    let heading: Block | undefined;
    for (let k = 0; k < n; k++) {
      if (own[k].heading) {
        heading = own[k];
        break;
      }
    }
    // A section holding a task table is told by its rows.
    if (heading && !(w.rowStarts.length && any(w.rowStarts, s.span)) && (s.children.length === 0 || hasOwnContent(own, n, found))) {
      const from = heading.start + heading.labelLength;
      const summary = firstSentence(seg.text, from, heading.end) || s.title;
      const span = s.children.length ? { start: s.span.start, end: s.children[0].span.start } : s.span;
      w.tasks.push(task(seg, found, heading, span, ownUnits.length ? NO_UNITS : inherited, summary));
    }
  } else if (taskHere && s.children.length === 0) {
    // A task section without numbered items: each paragraph that names a unit is a task.
    for (let k = 0; k < n; k++) {
      const b = own[k];
      // An article's heading is its text ("Điều 3. Chánh Văn phòng ..., Giám đốc Sở ... chịu trách nhiệm ...").
      const first = found.ownUnitsAt.from(b.start);
      if (first >= units.length || starts[first] >= b.end) continue;
      // The summary is the sentence that gives the task ("... kể từ ngày ký. Giao Giám đốc Sở Nội vụ ...").
      const from = sentenceStart(seg.text, b.heading ? b.start + b.labelLength : b.start, units[first].span.start);
      w.tasks.push(task(seg, found, b, b, NO_UNITS, firstSentence(seg.text, from, b.end)));
    }
  }
  for (const c of s.children) visit(w, c, taskHere, carried);
}

/** Names by role of a task, each once, in order. */
interface RoleNames {
  lead: string[];
  support: string[];
  advise: string[];
  implement: string[];
  assigned: string[];
}

/** A few names per role: a scan dedupes them. */
function addName(list: string[], name: string): void {
  if (!list.includes(name)) list.push(name);
}

function addUnit(names: RoleNames, u: Unit): void {
  const r = u.role;
  addName(r === "lead" ? names.lead : r === "support" ? names.support : r === "advise" ? names.advise : r === "implement" ? names.implement : names.assigned, u.name);
}

function task(seg: Segmented, found: Found, block: Block, span: Range, inherited: readonly Unit[], summary: string): Task {
  // Names by role: the span's units, then the inherited ones, then the roles their clauses give.
  const names: RoleNames = { lead: [], support: [], advise: [], implement: [], assigned: [] };
  const units = found.units;
  const starts = found.unitStarts;
  const first = found.taskUnitsAt.from(span.start);
  let last = first;
  while (last < units.length && starts[last] < span.end) addUnit(names, units[last++]);
  for (const u of inherited) addUnit(names, u);
  if (last > first) clauseRoles(seg.text, units, first, last, names);
  const d = found.taskDeadlineAt.from(span.start);
  const deadline = d < found.deadlines.length && found.deadlineStarts[d] < span.end ? found.deadlines[d] : null;
  const loc = locate(block, span.start, span.end);
  return {
    summary,
    lead: names.lead,
    support: names.support,
    advise: names.advise,
    implement: names.implement,
    assigned: names.assigned,
    deadline,
    citations: citationKeys(found.citations, found.taskCitationsAt, span),
    section: loc.section,
    sectionPath: loc.sectionPath,
    span: loc.span,
    page: loc.page,
  };
}

/** Keys of the citations in a span, each once; a set keeps a long span linear. */
function citationKeys(sorted: readonly Citation[], at: StartCursor, span: Range): string[] {
  const starts = at.starts;
  let i = at.from(span.start);
  if (i >= sorted.length || starts[i] >= span.end) return [];
  const keys = new Set<string>();
  for (; i < sorted.length && starts[i] < span.end; i++) keys.add(sorted[i].key);
  return [...keys];
}

/**
 * The first sentence of text[from, to) without markup: up to a full stop, or a
 * semicolon after a clause of some length, or a colon that closes the line
 * ("Tham mưu Ban Thường vụ Tỉnh ủy tiếp tục chỉ đạo:"). A colon after a short
 * lead ("Giao Văn phòng UBND xã: Theo dõi ...") keeps what follows it.
 * One pass over the text finds the stop and whether the sentence is plain.
 */
function firstSentence(text: string, from: number, to: number): string {
  // The body is text[start, to) without * _ # \ |; positions below are in the unstripped text.
  const start = itemStart(text, from, to).start;
  let end = to;
  // The first character that makes the text up to it need cleaning: markup, a space other than " ", a leading or doubled " ".
  let unplain = to;
  // A " " at the start or after a " " needs squeezing: told without a branch, spaces being a
  // quarter of the text (((a | b) - 1) >>> 31 is 1 exactly when a and b are both 0).
  let prev = 32;
  for (let i = start; i < to; i++) {
    // Four characters at a time while none is a stop, needs cleaning or doubles a space: one test for four.
    while (i + 3 < to) {
      const c0 = text.charCodeAt(i);
      const c1 = text.charCodeAt(i + 1);
      const c2 = text.charCodeAt(i + 2);
      const c3 = text.charCodeAt(i + 3);
      const doubled = ((((c0 ^ 32) | (prev ^ 32)) - 1) | (((c1 ^ 32) | (c0 ^ 32)) - 1) | (((c2 ^ 32) | (c1 ^ 32)) - 1) | (((c3 ^ 32) | (c2 ^ 32)) - 1)) >>> 31;
      if ((SCAN[c0] | SCAN[c1] | SCAN[c2] | SCAN[c3] | doubled) !== 0) break;
      prev = c3;
      i += 4;
    }
    if (i >= to) break;
    const c = text.charCodeAt(i);
    const k = SCAN[c] | (((((c ^ 32) | (prev ^ 32)) - 1) >>> 31) << 1);
    prev = c;
    if (k === 0) continue;
    if (k & UNPLAIN && i < unplain) unplain = i;
    if (!(k & STOP)) continue;
    // A stop is followed by a space or the end; a line break always is one.
    if (c !== 10 && nextIsLetter(text, i + 1, to)) continue;
    if (c === 59 && wordsBefore(text, start, i, 6) < 6) continue;
    // "Ông. Đỗ Mạnh Cường", "TP. Hồ Chí Minh": a short capitalised abbreviation, not a sentence end.
    if (c === 46 && ABBREVIATION_END.test(bodyBefore(text, start, i))) continue;
    // "Giao Văn phòng UBND xã: Theo dõi ...": a colon after a short lead keeps what follows it.
    if (c === 58 && wordsBefore(text, start, i, 9) <= 8 && textAfter(text, i + 1, to)) continue;
    end = i;
    break;
  }
  // A long sentence: its opening, once longer than a summary, is all the summary shows.
  if (end - start > SENTENCE_HEAD) {
    const headEnd = start + SENTENCE_HEAD;
    const head = summaryText(text.slice(start, headEnd), unplain >= headEnd);
    if (head.length > SUMMARY_MAX + 2) return cut(head);
  }
  return cut(summaryText(text.slice(start, end), unplain >= end));
}

/** Classes of the sentence scan, by character code. */
const STOP = 1; // . ; : ! ? and the line break: where a sentence may end
const UNPLAIN = 2; // markup, the spaces other than " ", and a doubled " " (told in the scan)
const SCAN = new Uint8Array(0x10000);
for (const c of [46, 59, 58, 33, 63, 10]) SCAN[c] = STOP;
for (let c = 0; c < 0x10000; c++) if (isMarkup(c) || (c !== 32 && isSpaceCode(c))) SCAN[c] |= UNPLAIN;

/** How much of a long sentence is read first for its summary. */
const SENTENCE_HEAD = 600;
const MARKUP = /[*_#\\|]+/g;
/** Markup out, spaces squeezed, trimmed; a plain text only loses its trailing space. */
function summaryText(s: string, plain: boolean): string {
  return plain ? s.trimEnd() : s.replace(MARKUP, "").replace(/\s+/g, " ").trim();
}

/** How many words (runs of non-space body characters) text[start, at) holds, counted up to `limit`. */
function wordsBefore(text: string, start: number, at: number, limit: number): number {
  let n = 0;
  let space = true;
  for (let p = start; p < at; p++) {
    const c = text.charCodeAt(p);
    if (isMarkup(c)) continue;
    const ws = isSpaceCode(c);
    if (!ws && space && ++n >= limit) return n;
    space = ws;
  }
  return n;
}

const SUMMARY_MAX = 240;
// Spans at most 7 code units: the 8 body characters before a full stop decide it.
const ABBREVIATION_END = /(?:^|\s)\p{Lu}\p{Ll}{0,2}$/u;

function isMarkup(c: number): boolean {
  return c === 42 || c === 95 || c === 35 || c === 92 || c === 124;
}

/** Whether the next body character in text[at, to) is there and not a space. */
function nextIsLetter(text: string, at: number, to: number): boolean {
  for (let p = at; p < to; p++) {
    const c = text.charCodeAt(p);
    if (!isMarkup(c)) return !isSpaceCode(c);
  }
  return false;
}

/** Whether a non-space body character stands in text[at, to). */
function textAfter(text: string, at: number, to: number): boolean {
  for (let p = at; p < to; p++) {
    const c = text.charCodeAt(p);
    if (!isMarkup(c) && !isSpaceCode(c)) return true;
  }
  return false;
}

/** The last 8 body characters of text[start, at): a slice when no markup stands among them. */
function bodyBefore(text: string, start: number, at: number): string {
  let p = at;
  while (p > start && at - p < 8) {
    if (isMarkup(text.charCodeAt(p - 1))) return bodyBeforeMarked(text, start, at);
    p--;
  }
  return text.slice(p, at);
}

function bodyBeforeMarked(text: string, start: number, at: number): string {
  let out = "";
  for (let p = at - 1; p >= start && out.length < 8; p--) if (!isMarkup(text.charCodeAt(p))) out = text[p] + out;
  return out;
}

/** A summary longer than SUMMARY_MAX is cut at the last space within it. */
function cut(s: string): string {
  return s.length > SUMMARY_MAX ? `${s.slice(0, s.lastIndexOf(" ", SUMMARY_MAX))} …` : s;
}

/** Start of the sentence holding `at`, not before `from`. */
function sentenceStart(text: string, from: number, at: number): number {
  for (let i = at - 1; i > from; i--) {
    const c = text[i];
    if ((c === "." || c === ";" || c === "!" || c === "?") && /\s/.test(text[i + 1] ?? "")) return i + 1;
  }
  return from;
}

/** Without a content column, the longest cell is the task. */
function longestCell(text: string, cells: readonly Range[]): Range | undefined {
  let best: Range | undefined;
  for (const c of cells) if (!best || c.end - c.start > best.end - best.start) best = c;
  return best;
}

let clauseWords: { lead: Lexicon; support: Lexicon; reach: number } | null = null;

/**
 * "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính và UBND các huyện ...": the
 * assigned unit leads, and the list after "phối hợp với" supports (task table only;
 * the units list keeps the guideline's roles). Adds them to `names`.
 */
function clauseRoles(text: string, units: readonly Unit[], from: number, to: number, names: RoleNames): void {
  if (!clauseWords) {
    const g = loadGrammar<{ clauseRoles: { lead: string[]; support: string[] } }>("roles").clauseRoles;
    const lead = lexicon(g.lead);
    const support = lexicon(g.support);
    // Tokens the two tests read: the lead and the comma after it; a support phrase opening by the sixth token.
    clauseWords = { lead, support, reach: Math.max(lead.longest + 1, SUPPORT_FROM + support.longest) };
  }
  for (let k = from; k < to; k++) {
    const u = units[k];
    if (u.role !== "assigned" && u.role !== "requested" && u.role !== "responsible") continue;
    // The rest of the sentence after the unit, bounded.
    const end = Math.min(text.length, u.span.end + CLAUSE_CHARS);
    let tokens = leadingTokens(text, u.span.end, end, clauseWords.reach);
    let i = 0;
    const n = clauseWords.lead.matchAt(tokens, i);
    if (n) {
      addName(names.lead, u.name);
      i += n;
      if (tokens[i]?.text === ",") i++;
    }
    for (; i < tokens.length && i < SUPPORT_FROM; i++) {
      const t = tokens[i].text;
      if (t === "." || t === ";" || t === ":") break;
      const m = clauseWords.support.matchAt(tokens, i);
      if (!m) continue;
      // The list may run to the end of the window.
      if (tokens[tokens.length - 1].end < end) tokens = tokenize(text, u.span.end, end);
      // "phối hợp lãnh đạo", "phối hợp và ...": no list of units follows.
      const list = scanUnitList(text, tokens, i + m);
      const first = list.items[0];
      if (first && opensUnitList(tokens, tokenAt(tokens, first.start))) for (const x of list.items) addName(names.support, x.name);
      break;
    }
  }
}

/** The support phrase opens within the first six tokens after the unit. */
const SUPPORT_FROM = 6;
/** Characters read first after a unit: enough for the tokens the clause tests need, most of the time. */
const CLAUSE_WINDOW = 96;

/**
 * Tokens of text[start, end), at least the first `count` of them exactly as tokenize gives
 * them: a short window first, the whole range only when the window holds fewer.
 */
function leadingTokens(text: string, start: number, end: number, count: number): Token[] {
  const w = start + CLAUSE_WINDOW;
  if (w >= end) return tokenize(text, start, end);
  const tokens = tokenize(text, start, w);
  // A word touching the window's end may go on past it ("TN&MT").
  while (tokens.length && tokens[tokens.length - 1].end + 1 >= w) tokens.pop();
  return tokens.length >= count ? tokens : tokenize(text, start, end);
}
