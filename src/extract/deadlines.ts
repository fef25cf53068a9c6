// Deadlines: labelled time fields ("Thời gian thực hiện: ..."), time columns
// of task tables, and explicit bounds in running text ("trước ngày 15/12/2023",
// "từ ngày ... đến ngày ...", "(quý III/2022)", "vào năm 2025", "Năm 2023, ...").
import type { Deadline, TimeTerm } from "../contract/schema.js";
import type { Block, Segmented } from "../segment/types.js";
import { locate } from "./locate.js";
import { logicalParagraphs } from "./paragraphs.js";
import { timeGrammar } from "./time/grammar.js";
import { parseTimes, type ParsedTime } from "./time/parse.js";
import { planYear } from "./time/year.js";

const TRAILING = /[\s.;,*_]+$/u;
// Running-text periods further back than this from the plan's year are history, not deadlines.
const PAST_YEARS = 2;
const DATED_KINDS = new Set<TimeTerm["kind"]>(["date", "month", "quarter", "half", "monthsOfYear", "year"]);

export function extractDeadlines(seg: Segmented): Deadline[] {
  const g = timeGrammar();
  const { text } = seg;
  const year = planYear(seg);
  const out: Deadline[] = [];
  let timeColumn = -1;
  for (const p of logicalParagraphs(text, seg.blocks)) {
    const b = p.block;
    if (b.kind === "row" && b.cells?.length) {
      const col = b.cells.findIndex((c) => g.headerCell.test(text.slice(c.start, c.end)));
      if (col >= 0) timeColumn = col;
      else if (timeColumn >= 0 && b.cells[timeColumn]) {
        const c = b.cells[timeColumn];
        const d = field(text, b, c.start, c.end, year);
        if (d) out.push(d);
      }
      continue;
    }
    timeColumn = -1;
    if (b.region === "header" || b.region === "closing") continue;
    const head = text.slice(p.start, Math.min(p.end, p.start + 60));
    const label = g.label.exec(head);
    if (label) {
      const d = field(text, b, p.start + label[0].length, p.end, year);
      if (d) out.push(d);
      continue;
    }
    out.push(...running(text, b, p.start, p.end, year));
  }
  return out;
}

/** A labelled value or a table cell: the whole value is the deadline's text. */
function field(text: string, b: Block, start: number, end: number, year: number | null): Deadline | null {
  const raw = text.slice(start, end);
  const value = raw.replace(TRAILING, "").replace(/^[\s*_]+/u, "");
  if (!value) return null;
  const from = start + raw.indexOf(value);
  const terms = parseTimes(text, { year, bareYears: true }, from, from + value.length);
  return record(text, b, from, from + value.length, terms);
}

/** Explicit bounds in running text; everything else there is not a deadline. */
function running(text: string, b: Block, start: number, end: number, year: number | null): Deadline[] {
  const g = timeGrammar();
  const para = text.slice(start, end);
  const leading = g.leading.exec(para);
  if (!leading && !g.runningTrigger.test(para)) return [];
  const out: Deadline[] = [];
  const terms = parseTimes(text, { year }, start, end);
  for (const t of terms) {
    const recent = (t.to ?? t.from) !== null && (year === null || Number((t.to ?? t.from)!.slice(0, 4)) >= year - PAST_YEARS);
    let span: [number, number] | null = null;
    if ((t.kind === "before" || t.kind === "range") && (t.kind === "before" || t.to !== null) && (recent || t.to === null)) span = [t.start, t.end];
    else if (DATED_KINDS.has(t.kind) && recent && t.stated.year !== undefined) {
      const open = /\(\s*$/u.exec(text.slice(Math.max(start, t.start - 3), t.start));
      const close = /^\s*\)/u.exec(text.slice(t.end, t.end + 3));
      if (open && close) span = [t.start - open[0].length, t.end + close[0].length];
      else {
        const lo = Math.max(start, t.start - 12);
        const at = g.atPrefix.exec(text.slice(lo, t.start));
        if (at) span = [lo + at.index, t.end];
      }
      if (!span && leading && t.start === start + leading[0].length && /^\s*[,:]/u.test(text.slice(t.end, t.end + 2)) && !horizonFollows(text, t.end, end))
        span = [t.start, t.end];
    }
    if (span) out.push(record(text, b, span[0], span[1], [t]));
  }
  return out;
}

/** "Năm 2025, phấn đấu 100% ..." states a goal's horizon, not a deadline. */
function horizonFollows(text: string, from: number, end: number): boolean {
  const clause = text.slice(from, Math.min(end, from + 80)).split(/[;.]/u)[0];
  return timeGrammar().horizon.test(clause) || clause.includes("%");
}

function record(text: string, b: Block, start: number, end: number, terms: ParsedTime[]): Deadline {
  const openEnded = terms.some((t) => t.openEnded);
  let due: string | null = null;
  let first: string | null = null;
  for (const t of terms) {
    if (t.kind !== "after" && t.to && (!due || t.to > due)) due = t.to;
    if ((t.kind === "range" || t.kind === "after") && t.from && !first) first = t.from;
  }
  return {
    text: text.slice(start, end).replace(/\s+/gu, " "),
    due: openEnded ? null : due,
    start: first,
    recurring: terms.some((t) => t.kind === "recurring" || t.kind === "continuous"),
    terms: terms.map((t) => ({ kind: t.kind, text: text.slice(t.start, t.end).replace(/\s+/gu, " "), start: t.from, end: t.to, span: { start: t.start, end: t.end } })),
    ...locate(b, start, end),
  };
}
