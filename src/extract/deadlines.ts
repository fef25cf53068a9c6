// Deadlines: labelled time fields ("Thời gian thực hiện: ..."), time columns
// of task tables, and explicit bounds in running text ("trước ngày 15/12/2023",
// "từ ngày ... đến ngày ...", "(quý III/2022)", "vào năm 2025", "Năm 2023, ...").
import type { Deadline, TimeTerm } from "../contract/schema.js";
import type { Block, Segmented } from "../segment/types.js";
import { hasDigit, isSpaceCode } from "../text/chars.js";
import { locate } from "./locate.js";
import { nextHit, regexSearch } from "./next-hit.js";
import { logicalParagraphs, type LogicalParagraph } from "./paragraphs.js";
import { timeGrammar } from "./time/grammar.js";
import { parseTimes, type ParsedTime } from "./time/parse.js";
import { planYear } from "./time/year.js";

// Running-text periods further back than this from the plan's year are history, not deadlines.
const PAST_YEARS = 2;
const DATED_KINDS = new Set<TimeTerm["kind"]>(["date", "month", "quarter", "half", "monthsOfYear", "year"]);

export function extractDeadlines(seg: Segmented): Deadline[] {
  const g = timeGrammar();
  const { text } = seg;
  const year = planYear(seg);
  const out: Deadline[] = [];
  // Paragraphs of running text, where explicit bounds are looked for.
  const prose: LogicalParagraph[] = [];
  let timeColumn = -1;
  let columns = 0;
  // A label with nothing after its colon: the items below are its values ("* Thời gian thực hiện:" / "+ Đợt 1: ...").
  let openLabel = 0;
  // Where the next inline label stands: paragraphs without one are not searched.
  const { triggers, inlineAt } = scan(text);
  for (const p of logicalParagraphs(text, seg.blocks)) {
    const b = p.block;
    if (b.heading) openLabel = 0;
    if (b.kind === "row" && b.cells?.length) {
      const col = b.cells.findIndex((c) => g.headerCell.test(text.slice(c.start, c.end)));
      if (col >= 0) {
        timeColumn = col;
        columns = b.cells.length;
        continue;
      }
      // A row with merged cells is short; the time column is still its last when it was the header's.
      const c = b.cells.length === columns ? b.cells[timeColumn] : timeColumn === columns - 1 ? b.cells[b.cells.length - 1] : undefined;
      if (timeColumn >= 0 && c) {
        const d = field(text, b, c.start, c.end, year);
        // Column numbers under the header ("(5)") are not a time.
        if (d && (d.terms.length || /\p{L}{2}/u.test(d.text))) out.push(d);
      }
      continue;
    }
    timeColumn = -1;
    if (b.region === "header" || b.region === "closing") continue;
    // "3.3. Thời gian kiểm tra: ...": a heading's numbering comes before its label.
    const at = p.start + (b.heading ? b.labelLength : 0);
    const labelEnd = Math.min(p.end, at + 60);
    const label = g.labelOpens(text, at, labelEnd) ? g.label.exec(text.slice(at, labelEnd)) : null;
    if (label) {
      const d = field(text, b, at + label[0].length, p.end, year);
      if (d) out.push(d);
      openLabel = d ? 0 : OPEN_ITEMS;
      continue;
    }
    if (openLabel > 0) {
      // Bullets continue the list; a plain paragraph is taken only right after the label.
      const bullet = g.bullet.test(text.slice(p.start, p.start + 4));
      if (bullet || openLabel === OPEN_ITEMS) {
        const lead = g.itemLead.exec(text.slice(p.start, Math.min(p.end, p.start + 64)));
        const d = field(text, b, p.start + (lead ? lead[0].length : 0), p.end, year);
        if (d) out.push(d);
        openLabel = bullet ? openLabel - 1 : 0;
        continue;
      }
      openLabel = 0;
    }
    if (b.heading) {
      const d = headingDeadline(text, b, at, year);
      if (d) {
        out.push(d);
        continue;
      }
    }
    const lead = leadingDeadline(text, p, year);
    if (lead) out.push(lead);
    // "...; thời gian hoàn thành: tháng 6/2024": the field ends the paragraph's running text.
    const inline = inlineAt(p.start) < p.end ? inlineField(text, p, year) : null;
    if (inline) out.push(inline);
    prose.push(inline ? { ...p, end: inline.span.start } : p);
  }
  out.push(...running(text, prose, triggers, year), ...laidOutDates(text, seg.blocks, year));
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A labelled value or a table cell: the whole value is the deadline's text, up to the next field. */
function field(text: string, b: Block, start: number, end: number, year: number | null): Deadline | null {
  const next = timeGrammar().nextField.exec(text.slice(start, end));
  const to = trimEnd(text, start, next ? start + next.index : end);
  let from = start;
  while (from < to && isLeading(text.charCodeAt(from))) from++;
  if (from === to) return null;
  const terms = parseTimes(text, { year, bareYears: true }, from, to);
  return record(text, b, from, to, terms);
}

/** Spaces and . ; , * _ closing a value: its end without them. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isTrailing(text.charCodeAt(end - 1))) end--;
  return end;
}

const isTrailing = (c: number) => isSpaceCode(c) || c === 46 || c === 59 || c === 44 || c === 42 || c === 95;
/** Spaces and markup (* _) opening a value. */
const isLeading = (c: number) => isSpaceCode(c) || c === 42 || c === 95;

const OPEN_ITEMS = 6;

/** A table laid out with tabs (a PDF's text layer) under a time column's header: each date in a cell, up to the next heading. */
function laidOutDates(text: string, blocks: readonly Block[], year: number | null): Deadline[] {
  const g = timeGrammar();
  const out: Deadline[] = [];
  let laidOut = false;
  // The next tab at or after the current block: one forward pass over the text.
  let tab = text.indexOf("\t");
  for (const b of blocks) {
    if (tab < 0) break;
    if (b.heading || b.kind !== "text") laidOut = false;
    if (tab < b.start) tab = text.indexOf("\t", b.start);
    if (b.kind !== "text" || tab < 0 || tab >= b.end) continue;
    const cells = tabCells(text, b.start, b.end);
    if (cells.some(([s, e]) => g.headerCell.test(text.slice(s, e)))) laidOut = true;
    else if (laidOut)
      for (const [s, e] of cells) {
        const d = dateCell(text, b, s, e, year);
        if (d) out.push(d);
      }
  }
  return out;
}

/** Cells of a line laid out with tabs, trimmed, as [start, end). */
function tabCells(text: string, start: number, end: number): [number, number][] {
  const cells: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 9) continue;
    let a = s;
    let z = i;
    while (a < z && /\s/u.test(text[a])) a++;
    while (z > a && /\s/u.test(text[z - 1])) z--;
    if (z > a) cells.push([a, z]);
    s = i + 1;
  }
  return cells;
}

/** A laid-out cell that is one date, after the row's number when the tab between them was lost ("2 25/3/2025"). */
function dateCell(text: string, b: Block, start: number, end: number, year: number | null): Deadline | null {
  const lead = /^\d{1,3}\s+(?=\d)/u.exec(text.slice(start, end));
  const from = start + (lead ? lead[0].length : 0);
  const terms = parseTimes(text, { year }, from, end);
  const t = terms[0];
  if (terms.length !== 1 || t.start !== from || t.end !== end || !DATED_KINDS.has(t.kind) || t.stated.year === undefined) return null;
  return record(text, b, from, end, terms);
}

const HEADING_MAX = 120;

/** A heading that only says when ("2.1. Đợt 1: Trong tháng 12/2025", "3. Sau ngày bầu cử 15/3/2026"). */
function headingDeadline(text: string, b: Block, at: number, year: number | null): Deadline | null {
  const g = timeGrammar();
  if (b.end - at > HEADING_MAX || !hasDigit(text, at, b.end)) return null;
  const lead = g.itemLead.exec(text.slice(at, Math.min(b.end, at + 40)));
  const from = at + (lead ? lead[0].length : 0);
  const to = trimEnd(text, from, b.end);
  if (to === from || !g.headingStart.test(text.slice(from, to))) return null;
  const terms = parseTimes(text, { year }, from, to);
  if (!terms.length || terms[terms.length - 1].end !== to) return null;
  const first = terms[0];
  if (!g.headingOpener.test(text.slice(from, first.start))) return null;
  if (!terms.some((t) => t.to !== null || t.from !== null) || !terms.every((t) => t.from === null || recent(t, year) || t.kind === "after")) return null;
  return record(text, b, from, to, terms);
}

function inlineField(text: string, p: LogicalParagraph, year: number | null): Deadline | null {
  const re = timeGrammar().inlineLabel;
  re.lastIndex = 0;
  const m = re.exec(text.slice(p.start, p.end));
  return m ? field(text, p.block, p.start + m.index + m[0].length, p.end, year) : null;
}

const LEAD_WINDOW = 40;
const TRIGGER_WINDOW = 100;

/** "Năm 2023, tham mưu ...": an item that opens with when it is to be done. */
function leadingDeadline(text: string, p: LogicalParagraph, year: number | null): Deadline | null {
  const g = timeGrammar();
  const end = Math.min(p.end, p.start + LEAD_WINDOW);
  const lead = g.leadingOpens(text, p.start, end) ? g.leading.exec(text.slice(p.start, end)) : null;
  if (!lead) return null;
  const at = p.start + lead[0].length;
  const t = parseTimes(text, { year }, at, Math.min(p.end, at + LEAD_WINDOW))[0];
  if (!t || t.start !== at || !DATED_KINDS.has(t.kind) || t.stated.year === undefined || !recent(t, year)) return null;
  if (!/^\s*[,:]/u.test(text.slice(t.end, t.end + 2)) || horizon(text, t.start, t.end, p.start, p.end)) return null;
  return record(text, p.block, t.start, t.end, [t]);
}

/**
 * Where running-text time words start (`runningTrigger`), and a cursor to the next inline label
 * hint: both from one scan of the text when the grammar allows it.
 */
function scan(text: string): { triggers: number[]; inlineAt: (from: number) => number } {
  const g = timeGrammar();
  const triggers: number[] = [];
  const both = g.deadlineScan;
  const re = both ?? g.runningTrigger;
  const hints: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The match begins inside the time word, at its tail.
    if (m[3] === undefined) triggers.push(m.index + m[1].length - m[2].length);
    else hints.push(m.index);
  }
  if (!both) return { triggers, inlineAt: nextHit(text, regexSearch(text, g.inlineHint)) };
  let k = 0;
  return { triggers, inlineAt: nextHit(text, (from) => {
    if (k > 0 && hints[k - 1] >= from) k = 0;
    while (k < hints.length && hints[k] < from) k++;
    return k < hints.length ? hints[k] : -1;
  }) };
}

/** Explicit bounds in running text, found by one scan for their opening words. */
function running(text: string, prose: LogicalParagraph[], triggers: readonly number[], year: number | null): Deadline[] {
  const g = timeGrammar();
  const out: Deadline[] = [];
  let p = 0;
  let done = 0;
  for (const hit of triggers) {
    while (p < prose.length && prose[p].end <= hit) p++;
    if (p >= prose.length) break;
    const para = prose[p];
    if (hit < para.start || hit < done) continue;
    const lo = Math.max(para.start, done, hit - 24);
    const opener = g.opener.exec(text.slice(lo, hit));
    if (!opener) continue;
    const paren = opener[0].trimEnd().endsWith("(");
    const from = paren ? hit : lo + opener.index;
    const found = parseTimes(text, { year }, from, Math.min(para.end, hit + TRIGGER_WINDOW));
    const t = found[0];
    // The term opens at its bound word ("trước ngày ..."), right after "vào" / "(", or at a part of the year ("vào đầu năm 2024").
    if (!t || t.start < from || t.start > hit) continue;
    let span: [number, number] | null = null;
    if (t.kind === "before" || (t.kind === "range" && t.to !== null)) {
      if (t.to === null || (recent(t, year) && (t.kind === "before" || !horizon(text, t.start, t.end, para.start, para.end)))) span = [t.start, t.end];
    }
    // "vào quý I và quý III/2024": the items of a list are one deadline.
    const terms = [t];
    for (let k = 1; !span && DATED_KINDS.has(t.kind) && k < found.length; k++) {
      const next = found[k];
      if (!DATED_KINDS.has(next.kind) || !g.listGap.test(text.slice(terms[k - 1].end, next.start))) break;
      terms.push(next);
    }
    const end = terms[terms.length - 1].end;
    const stated = terms[terms.length - 1].stated.year !== undefined;
    if (!span && DATED_KINDS.has(t.kind) && stated && recent(terms[terms.length - 1], year)) {
      // A day in brackets names an event ("ngày bầu cử (ngày 15/3/2026)"); a period there is when.
      if (paren) {
        if (t.kind === "date") continue;
        const close = /^\s*\)/u.exec(text.slice(end, end + 3));
        if (close) span = [lo + opener.index, end + close[0].length];
      } else {
        const lo = Math.max(para.start, t.start - 12);
        const at = g.atPrefix.exec(text.slice(lo, t.start));
        if (at && t.kind === "year" && g.withinPrefix.test(at[0])) continue;
        if (at && !horizon(text, t.start, end, para.start, para.end)) span = [lo + at.index, end];
      }
    }
    if (!span) continue;
    // "trước ngày 25/12 hàng năm": the repetition belongs to the bound.
    const again = g.recurringAfter.exec(text.slice(span[1], Math.min(para.end, span[1] + 24)));
    if (again) {
      const end = span[1] + again[0].length;
      terms.push({ kind: "recurring", start: end - again[0].trimStart().replace(/^,\s*/u, "").length, end, stated: {}, implied: {}, from: null, to: null });
      span[1] = end;
    }
    out.push(record(text, para.block, span[0], span[1], terms));
    done = span[1];
  }
  return out;
}

function recent(t: ParsedTime, year: number | null): boolean {
  const d = t.to ?? t.from;
  return d !== null && (year === null || Number(d.slice(0, 4)) >= year - PAST_YEARS);
}

/** "Năm 2025, phấn đấu 100% ...", "phấn đấu trong giai đoạn từ năm 2026 đến năm 2030 ...": a goal's horizon, not a deadline. */
function horizon(text: string, start: number, end: number, paraStart: number, paraEnd: number): boolean {
  const g = timeGrammar();
  const after = text.slice(end, Math.min(paraEnd, end + 80)).split(/[;.]/u)[0];
  const before = text.slice(Math.max(paraStart, start - 60), start).split(/[;.]/u).pop() ?? "";
  return g.horizon.test(after) || after.includes("%") || g.horizon.test(before);
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
