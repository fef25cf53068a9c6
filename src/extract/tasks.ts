// The plan's action table: one task per numbered item of the task sections
// (Nhiệm vụ, Nội dung, Tổ chức thực hiện, Phụ lục ...) and per task-table row,
// with who leads, supports, advises, implements or is assigned it, by when,
// and which directives it cites. Units of a heading that only names a unit
// ("4. Sở Y tế") carry down to the items below it.
import type { Citation, Deadline, Section, Task, Unit } from "../contract/schema.js";
import { alternation, loadGrammar } from "../grammar/load.js";
import type { Block, Segmented } from "../segment/types.js";
import { itemStart } from "../text/items.js";
import { locate } from "./locate.js";
import { lexicon, type Lexicon } from "../text/lexicon.js";
import { tokenAt, tokenize } from "../text/tokens.js";
import { tableHeader, tableRows } from "./tables.js";
import { opensUnitList, scanUnitList } from "./unit-names.js";

/** How far after an assigned unit its "chủ trì, phối hợp với ..." is looked for. */
const CLAUSE_CHARS = 400;

export interface TaskInputs {
  citations: Citation[];
  deadlines: Deadline[];
  units: Unit[];
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

/** Index of the first item of `sorted` (by span start) that starts at or after `start`: binary search. */
function firstFrom(sorted: readonly { span: Range }[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many pieces s.split(/\s+/) gives, counted up to `max` + 1. */
function pieces(s: string, max: number): number {
  let n = 1;
  for (const _ of s.matchAll(/\s+/g)) if (++n > max) break;
  return n;
}

/** Items of `sorted` (by span start) that start inside r. */
function within<T extends { span: Range }>(sorted: readonly T[], r: Range): T[] {
  const out: T[] = [];
  for (let i = firstFrom(sorted, r.start); i < sorted.length && sorted[i].span.start < r.end; i++) out.push(sorted[i]);
  return out;
}

/** Whether an item of `sorted` starts inside r. */
function any(sorted: readonly { span: Range }[], r: Range): boolean {
  const i = firstFrom(sorted, r.start);
  return i < sorted.length && sorted[i].span.start < r.end;
}

const byStart = <T extends { span: Range }>(items: readonly T[]) => [...items].sort((a, b) => a.span.start - b.span.start);

export function extractTasks(seg: Segmented, given: TaskInputs): Task[] {
  const found: TaskInputs = { citations: byStart(given.citations), deadlines: byStart(given.deadlines), units: byStart(given.units) };
  const tasks: Task[] = [];
  const rowBlocks = new Set<number>();
  const rowSpans: Array<{ span: Range }> = [];
  // Task-table rows, wherever the table is.
  for (let b = 0; b < seg.blocks.length; b++) {
    const block = seg.blocks[b];
    if (block.region === "closing" || block.region === "header") continue;
    if (!(block.kind === "row" || seg.text.startsWith("|", block.start))) continue;
    const header = tableHeader(seg.text, block);
    if (!header) continue;
    for (const row of tableRows(seg.text, seg.blocks, b + 1)) {
      const rb = seg.blocks[row.index];
      rowBlocks.add(rb.start);
      rowSpans.push({ span: rb });
      const content = header.content !== null ? row.cells[header.content] : longestCell(seg.text, row.cells);
      const summary = content ? firstSentence(seg.text, content.start, content.end) : "";
      if (!summary) continue;
      tasks.push(task(seg, found, rb, rb, [], summary));
      b = row.index;
    }
  }
  // Numbered items of the task sections.
  const blocksBySection = new Map<string, Block[]>();
  for (const b of seg.blocks) {
    if (b.region !== "body" || rowBlocks.has(b.start)) continue;
    const list = blocksBySection.get(b.section) ?? [];
    list.push(b);
    blocksBySection.set(b.section, list);
  }
  const visit = (s: Section, inTask: boolean, inherited: Unit[]) => {
    const taskHere = inTask || isTaskSection(s);
    // The section's own paragraphs (not its children's); a path can repeat in a document (annexes), so also by span.
    const listed = blocksBySection.get(s.section) ?? [];
    const inside = (b: Block) => b.start >= s.span.start && b.start < s.span.end;
    // Most paths are unique: the whole list is the section's own, kept without a copy.
    const own = listed.length && inside(listed[0]) && inside(listed[listed.length - 1]) ? listed : listed.filter(inside);
    const ownUnits: Unit[] = [];
    for (const b of own) {
      for (let i = firstFrom(found.units, b.start); i < found.units.length && found.units[i].span.start <= b.end; i++) ownUnits.push(found.units[i]);
    }
    const carried = ownUnits.length ? ownUnits : inherited;
    if (taskHere && inTask) {
      const heading = own.find((b) => b.heading);
      // Content of its own besides the heading: fields, clauses or a deadline above its children.
      const hasOwn = () => own.some((b) => !b.heading && (any(found.units, b) || any(found.deadlines, b)));
      // A section holding a task table is told by its rows.
      if (heading && !any(rowSpans, s.span) && (s.children.length === 0 || hasOwn())) {
        const from = heading.start + heading.labelLength;
        const summary = firstSentence(seg.text, from, heading.end) || s.title;
        const span = s.children.length ? { start: s.span.start, end: s.children[0].span.start } : s.span;
        tasks.push(task(seg, found, heading, span, ownUnits.length ? [] : inherited, summary));
      }
    } else if (taskHere && s.children.length === 0) {
      // A task section without numbered items: each paragraph that names a unit is a task.
      for (const b of own) {
        // An article's heading is its text ("Điều 3. Chánh Văn phòng ..., Giám đốc Sở ... chịu trách nhiệm ...").
        const named = within(found.units, b);
        if (named.length === 0) continue;
        // The summary is the sentence that gives the task ("... kể từ ngày ký. Giao Giám đốc Sở Nội vụ ...").
        const from = sentenceStart(seg.text, b.heading ? b.start + b.labelLength : b.start, named[0].span.start);
        tasks.push(task(seg, found, b, b, [], firstSentence(seg.text, from, b.end)));
      }
    }
    for (const c of s.children) visit(c, taskHere, carried);
  };
  for (const s of seg.sections) visit(s, false, []);
  return tasks.sort((a, b) => a.span.start - b.span.start);
}

function task(seg: Segmented, found: TaskInputs, block: Block, span: Range, inherited: Unit[], summary: string): Task {
  const units = within(found.units, span);
  const clause = clauseRoles(seg.text, units);
  // Names by role, each once, in order: the span's units, then the inherited ones (a few per task: a scan dedupes them).
  const lead: string[] = [];
  const support: string[] = [];
  const advise: string[] = [];
  const implement: string[] = [];
  const assigned: string[] = [];
  const add = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };
  const sort = (u: Unit) => {
    const r = u.role;
    add(r === "lead" ? lead : r === "support" ? support : r === "advise" ? advise : r === "implement" ? implement : assigned, u.name);
  };
  for (const u of units) sort(u);
  for (const u of inherited) sort(u);
  for (const n of clause.lead) add(lead, n);
  for (const n of clause.support) add(support, n);
  const deadlines = within(found.deadlines, span);
  // Citations can be many in a long span: a set keeps adding them linear.
  const citations = new Set<string>();
  for (const c of within(found.citations, span)) citations.add(c.key);
  return {
    summary,
    lead,
    support,
    advise,
    implement,
    assigned,
    deadline: deadlines[0] ?? null,
    citations: [...citations],
    ...locate(block, span.start, span.end),
  };
}

/**
 * The first sentence of text[from, to) without markup: up to a full stop, or a
 * semicolon after a clause of some length, or a colon that closes the line
 * ("Tham mưu Ban Thường vụ Tỉnh ủy tiếp tục chỉ đạo:"). A colon after a short
 * lead ("Giao Văn phòng UBND xã: Theo dõi ...") keeps what follows it.
 */
function firstSentence(text: string, from: number, to: number): string {
  const start = itemStart(text, from, to).start;
  // The body is text[start, to) without * _ # \ |; positions below are in the unstripped text.
  const body = text.slice(start, to);
  let end = body.length;
  STOP.lastIndex = 0;
  for (let m = STOP.exec(body); m; m = STOP.exec(body)) {
    const i = m.index;
    const c = body.charCodeAt(i);
    // A stop is followed by a space or the end; a line break always is one.
    if (c !== 10 && nextIsLetter(body, i + 1)) continue;
    if (c === 59 && wordsBefore(body, i, 6) < 6) continue;
    // "Ông. Đỗ Mạnh Cường", "TP. Hồ Chí Minh": a short capitalised abbreviation, not a sentence end.
    if (c === 46 && ABBREVIATION_END.test(bodyBefore(body, i))) continue;
    // "Giao Văn phòng UBND xã: Theo dõi ...": a colon after a short lead keeps what follows it.
    if (c === 58 && wordsBefore(body, i, 9) <= 8 && textAfter(body, i + 1)) continue;
    end = i;
    break;
  }
  // A long sentence: its opening, once longer than a summary, is all the summary shows.
  if (end > SENTENCE_HEAD) {
    const head = summaryText(body.slice(0, SENTENCE_HEAD));
    if (head.length > SUMMARY_MAX + 2) return cut(head);
  }
  return cut(summaryText(body.slice(0, end)));
}

/** . ; : ! ? and the line break: where a sentence may end. */
const STOP = /[.;:!?\n]/g;
/** How much of a long sentence is read first for its summary. */
const SENTENCE_HEAD = 600;
const MARKUP = /[*_#\\|]+/g;
/** Markup and the spaces other than " ". */
const UNPLAIN = /[*_#\\|\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Markup out, spaces squeezed, trimmed. */
function summaryText(s: string): string {
  const plain = s.charCodeAt(0) !== 32 && !s.includes("  ") && !UNPLAIN.test(s);
  return plain ? s.trimEnd() : s.replace(MARKUP, "").replace(/\s+/g, " ").trim();
}

/** How many words (runs of non-space body characters) precede `at`, counted up to `limit`. */
function wordsBefore(body: string, at: number, limit: number): number {
  let n = 0;
  let space = true;
  for (let p = 0; p < at; p++) {
    const c = body.charCodeAt(p);
    if (isMarkup(c)) continue;
    const ws = isSpace(c);
    if (!ws && space && ++n >= limit) return n;
    space = ws;
  }
  return n;
}

const SUMMARY_MAX = 240;
// Spans at most 7 code units: the 8 body characters before a full stop decide it.
const ABBREVIATION_END = /(?:^|\s)\p{Lu}\p{Ll}{0,2}$/u;

const isMarkup = (c: number) => c === 42 || c === 95 || c === 35 || c === 92 || c === 124;
/** The characters of \s. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether the next body character after `at` is there and not a space. */
function nextIsLetter(body: string, at: number): boolean {
  for (let p = at; p < body.length; p++) {
    const c = body.charCodeAt(p);
    if (!isMarkup(c)) return !isSpace(c);
  }
  return false;
}

/** Whether a non-space body character follows `at`. */
function textAfter(body: string, at: number): boolean {
  for (let p = at; p < body.length; p++) {
    const c = body.charCodeAt(p);
    if (!isMarkup(c) && !isSpace(c)) return true;
  }
  return false;
}

/** The last 8 body characters before `at`. */
function bodyBefore(body: string, at: number): string {
  let out = "";
  for (let p = at - 1; p >= 0 && out.length < 8; p--) if (!isMarkup(body.charCodeAt(p))) out = body[p] + out;
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

let clauseWords: { lead: Lexicon; support: Lexicon } | null = null;

/**
 * "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính và UBND các huyện ...": the
 * assigned unit leads, and the list after "phối hợp với" supports (task table only;
 * the units list keeps the guideline's roles).
 */
function clauseRoles(text: string, units: readonly Unit[]): { lead: string[]; support: string[] } {
  if (!clauseWords) {
    const g = loadGrammar<{ clauseRoles: { lead: string[]; support: string[] } }>("roles").clauseRoles;
    clauseWords = { lead: lexicon(g.lead), support: lexicon(g.support) };
  }
  const out = { lead: [] as string[], support: [] as string[] };
  for (const u of units) {
    if (u.role !== "assigned" && u.role !== "requested" && u.role !== "responsible") continue;
    // The rest of the sentence after the unit, bounded.
    const tokens = tokenize(text, u.span.end, Math.min(text.length, u.span.end + CLAUSE_CHARS));
    let i = 0;
    const n = clauseWords.lead.matchAt(tokens, i);
    if (n) {
      out.lead.push(u.name);
      i += n;
      if (tokens[i]?.text === ",") i++;
    }
    for (; i < tokens.length && i < 6 && ![".", ";", ":"].includes(tokens[i].text); i++) {
      const m = clauseWords.support.matchAt(tokens, i);
      if (!m) continue;
      // "phối hợp lãnh đạo", "phối hợp và ...": no list of units follows.
      const list = scanUnitList(text, tokens, i + m);
      const first = list.items[0];
      if (first && opensUnitList(tokens, tokenAt(tokens, first.start))) out.support.push(...list.items.map((x) => x.name));
      break;
    }
  }
  return out;
}
