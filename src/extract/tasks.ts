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
  return s.title.split(/\s+/).length <= 12 && taskWords.title.test(s.title.normalize("NFC"));
}

/** Items of `sorted` (by span start) that start inside r: binary search, then a scan. */
function within<T extends { span: Range }>(sorted: readonly T[], r: Range): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start < r.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i].span.start < r.end; i++) out.push(sorted[i]);
  return out;
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
    const own = (blocksBySection.get(s.section) ?? []).filter((b) => b.start >= s.span.start && b.start < s.span.end);
    const ownUnits = own.flatMap((b) => within(found.units, { start: b.start, end: b.end + 1 }));
    const carried = ownUnits.length ? ownUnits : inherited;
    if (taskHere && inTask) {
      const heading = own.find((b) => b.heading);
      // Content of its own besides the heading: fields, clauses or a deadline above its children.
      const body = own.filter((b) => !b.heading);
      const hasOwn = body.some((b) => within(found.units, b).length > 0 || within(found.deadlines, b).length > 0);
      // A section holding a task table is told by its rows.
      const holdsRows = within(rowSpans, s.span).length > 0;
      if (heading && !holdsRows && (s.children.length === 0 || hasOwn)) {
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
  const names = (...roles: Unit["role"][]) => [...new Set([...units, ...inherited].filter((u) => roles.includes(u.role)).map((u) => u.name))];
  const deadlines = within(found.deadlines, span);
  return {
    summary,
    lead: [...new Set([...names("lead"), ...clause.lead])],
    support: [...new Set([...names("support"), ...clause.support])],
    advise: names("advise"),
    implement: names("implement"),
    assigned: names("assigned", "requested", "responsible"),
    deadline: deadlines[0] ?? null,
    citations: [...new Set(within(found.citations, span).map((c) => c.key))],
    ...locate(block, span.start, span.end),
  };
}

const SUMMARY_MAX = 240;

/**
 * The first sentence of text[from, to) without markup: up to a full stop, or a
 * semicolon after a clause of some length, or a colon that closes the line
 * ("Tham mưu Ban Thường vụ Tỉnh ủy tiếp tục chỉ đạo:"). A colon after a short
 * lead ("Giao Văn phòng UBND xã: Theo dõi ...") keeps what follows it.
 */
function firstSentence(text: string, from: number, to: number): string {
  const body = text.slice(itemStart(text, from, to).start, to).replace(/[*_#\\|]+/g, "");
  let end = body.length;
  for (const m of body.matchAll(/[.;:!?](?=\s|$)|\n/g)) {
    const head = body.slice(0, m.index);
    const words = head.split(/\s+/).filter(Boolean).length;
    if (m[0] === ";" && words < 6) continue;
    // "Ông. Đỗ Mạnh Cường", "TP. Hồ Chí Minh": a short capitalised abbreviation, not a sentence end.
    if (m[0] === "." && /(?:^|\s)\p{Lu}\p{Ll}{0,2}$/u.test(head)) continue;
    if (m[0] === ":" && words <= 8 && body.slice(m.index + 1).trim()) continue;
    end = m.index;
    break;
  }
  let s = body.slice(0, end).replace(/\s+/g, " ").trim();
  if (s.length > SUMMARY_MAX) s = `${s.slice(0, s.lastIndexOf(" ", SUMMARY_MAX))} …`;
  return s;
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
