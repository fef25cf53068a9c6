// The time parser: a phrase → time terms with calendar bounds.
// Atoms (dates, months, quarters, years ...) are found first; composites
// (từ ... đến ..., trước ..., sau ...) are built over neighbouring atoms.
// Each atom keeps what the text stated apart from what was implied (a year
// left out takes the plan's year), like chrono's assign/imply.
import type { TimeTerm } from "../../contract/schema.js";
import { iso, monthSpan, validDay } from "./calendar.js";
import { timeGrammar, type AtomKind, type Needs } from "./grammar.js";

export interface Stated {
  day?: number;
  month?: number;
  /** Last month or quarter of a list sharing one year ("tháng 3, 4/2024"). */
  monthTo?: number;
  quarter?: number;
  quarterTo?: number;
  /** Months m1..m2 of the year ("6 tháng đầu năm" → 1..6). */
  months?: [number, number];
  year?: number;
  yearTo?: number;
}

export interface ParsedTime {
  kind: TimeTerm["kind"];
  /** Offsets in the text given to the parser's caller. */
  start: number;
  end: number;
  stated: Stated;
  /** Values filled in rather than read: the plan's year, the year of a range's other end. */
  implied: { year?: number; relative?: boolean };
  from: string | null;
  to: string | null;
  /** The phrase runs on without end ("và các năm tiếp theo"). */
  openEnded?: boolean;
  /** The atoms a composite is built on. */
  parts?: ParsedTime[];
  /** For a lower bound: "từ X" starts with X, "sau X" after it. */
  inclusive?: boolean;
}

export interface ParseContext {
  /** The plan's year, for expressions that leave it out; null leaves them open. */
  year: number | null;
  /** Accept a bare year ("2025") as a year: only inside a labelled time field. */
  bareYears?: boolean;
}

/** All time terms of text[from, to), in text order, composites replacing their parts. */
export function parseTimes(text: string, ctx: ParseContext, from = 0, to = text.length): ParsedTime[] {
  const g = timeGrammar();
  const slice = text.slice(from, to);
  // Most slices hold one or two time words: the patterns that need another are not run.
  const lower = slice.toLowerCase();
  seen.fill(UNSEEN);
  const atoms: ParsedTime[] = [];
  for (const { kind, re, needs } of g.atoms) {
    if ((kind === "bareYear" && !ctx.bareYears) || !holds(lower, needs)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const stated = readAtom(kind, m, g.roman, g.monthsWord, g.partsOfYear);
      if (!stated) continue;
      const at = from + m.index;
      if ((kind === "month" || kind === "quarter") && m[2] && LIST_SEPARATOR.test(m[2])) atoms.push(...listItems(kind, m, at, stated.year, g.roman));
      else atoms.push({ kind: termKind(kind, stated), start: at, end: at + m[0].length, stated, implied: {}, from: null, to: null });
    }
  }
  const kept = dropOverlaps(atoms);
  // "ngày 15 tháng 11 của năm trước": the year is there, only not as a number.
  for (const a of kept) if (a.stated.year === undefined && g.relativeYear.test(text.slice(a.end, a.end + 24))) a.implied.relative = true;
  const terms = compose(text, kept, from);
  for (const { kind, re, needs } of g.phrases) {
    if (!holds(lower, needs)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice))
      terms.push({ kind: kind === "openEnded" ? "recurring" : kind, start: from + m.index, end: from + m.index + m[0].length, stated: {}, implied: {}, from: null, to: null, openEnded: kind === "openEnded" });
  }
  g.relative.lastIndex = 0;
  for (let m = holds(lower, g.relativeNeeds) ? g.relative.exec(slice) : null; m; m = g.relative.exec(slice))
    terms.push({ kind: "relative", start: from + m.index, end: from + m.index + m[0].trimEnd().length, stated: {}, implied: {}, from: null, to: null });
  const all = dropOverlaps(terms);
  const recurring = all.some((t) => t.kind === "recurring");
  // A date without its year inside a repetition ("25/12 hàng năm") names no single day.
  for (const t of all) resolve(t, recurring ? null : ctx.year);
  return all;
}

// Patterns share their needed words (a year's century, the time words): each is looked up once per
// slice. Words are numbered on first sight; `seen` holds, by number, whether the slice holds the word.
const wordIds = new Map<string, number>();
const neededIds = new Map<Needs, number[][]>();
const UNSEEN = 0;
const ABSENT = 1;
const PRESENT = 2;
let seen = new Uint8Array(32);

function idsOf(needs: Needs): number[][] {
  let ids = neededIds.get(needs);
  if (!ids) {
    ids = needs.map((any) =>
      any.map((w) => {
        let id = wordIds.get(w);
        if (id === undefined) wordIds.set(w, (id = wordIds.size));
        return id;
      }),
    );
    if (wordIds.size > seen.length) seen = new Uint8Array(2 * wordIds.size);
    neededIds.set(needs, ids);
  }
  return ids;
}

/** Whether a lower-cased slice meets a pattern's needs: one word of each group. */
function holds(lower: string, needs: Needs): boolean {
  const ids = idsOf(needs);
  for (let g = 0; g < ids.length; g++) {
    const any = ids[g];
    let found = false;
    for (let k = 0; k < any.length && !found; k++) {
      const id = any[k];
      let state = seen[id];
      if (state === UNSEEN) seen[id] = state = lower.includes(needs[g][k]) ? PRESENT : ABSENT;
      found = state === PRESENT;
    }
    if (!found) return false;
  }
  return true;
}

/** A full date starting exactly at `from` ("ngày 07/4/2014", "05 tháng 3 năm 2020"), within `to`. */
export function dateAt(text: string, from: number, to: number): { iso: string; end: number } | null {
  const g = timeGrammar();
  for (const re of g.datesAt) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m || from + m[0].length > to) continue;
    const s = readAtom("date", m, g.roman, g.monthsWord);
    if (s && s.year !== undefined && s.month !== undefined && s.day !== undefined && validDay(s.year, s.month, s.day))
      return { iso: iso(s.year, s.month, s.day), end: from + m[0].length };
  }
  return null;
}

function readAtom(kind: AtomKind, m: RegExpExecArray, roman: Record<string, number>, words: Record<string, number>, parts: Record<string, [number, number]> = {}): Stated | null {
  const n = (i: number) => Number(m[i]);
  switch (kind) {
    case "date":
      // Numeric form has the separator in group 2.
      return m[4] !== undefined ? { day: n(1), month: n(3), year: n(4) } : { day: n(1), month: n(2), year: n(3) };
    case "dateNoYear":
      return { day: n(1), month: n(2) };
    case "dayOfPeriod":
      return { day: n(1) };
    case "month": {
      if (m[3] === undefined) return { month: n(1) };
      const last = lastNumber(m[2], {});
      return last ? { month: n(1), monthTo: last, year: n(3) } : { month: n(1), year: n(3) };
    }
    case "quarter": {
      const q = roman[m[1].toUpperCase()] ?? Number(m[1]);
      if (m[3] === undefined) return { quarter: q };
      const last = lastNumber(m[2], roman);
      return last ? { quarter: q, quarterTo: last, year: n(3) } : { quarter: q, year: n(3) };
    }
    case "monthsOfYear": {
      const c = /^\d+$/.test(m[1]) ? Number(m[1]) : words[m[1].toLowerCase()];
      if (!c || c > 12) return null;
      const first = /^đ/i.test(m[2]);
      const months: [number, number] = first ? [1, c] : [13 - c, 12];
      return m[3] !== undefined ? { months, year: n(3) } : { months };
    }
    case "partOfYear": {
      const months = parts[m[1].toLowerCase()];
      return months ? { months, year: n(2) } : null;
    }
    case "yearRange":
      return n(2) > n(1) ? { year: n(1), yearTo: n(2) } : null;
    case "year":
    case "bareYear":
      return { year: n(1) };
  }
}

const LIST_SEPARATOR = /,|(?<![\p{L}])và(?![\p{L}])/u;
const ITEM = /(\s?(?:,|-|–|và)\s?)([IVX]+|\d{1,2})/gu;

/**
 * "Quý I và III/2024", "tháng 3, 5/2024": a list of months or quarters sharing one year is one
 * term per item (a dash inside joins a range: "tháng 3 - 4, 6/2024"), all with the year.
 */
function listItems(kind: "month" | "quarter", m: RegExpExecArray, at: number, year: number | undefined, roman: Record<string, number>): ParsedTime[] {
  const value = (v: string) => (kind === "quarter" ? (roman[v.toUpperCase()] ?? Number(v)) : Number(v));
  // The list's tail runs on right after the first numeral, which follows the type word.
  const tailAt = m[0].search(/[\dIVX]/iu) + m[1].length;
  const lo = kind === "quarter" ? "quarter" : "month";
  const hi = kind === "quarter" ? "quarterTo" : "monthTo";
  const items: ParsedTime[] = [];
  const push = (v: number, start: number, end: number) =>
    items.push({ kind, start, end, stated: { [lo]: v, ...(year !== undefined ? { year } : {}) }, implied: {}, from: null, to: null });
  push(value(m[1]), at, at + tailAt);
  ITEM.lastIndex = 0;
  for (let i = ITEM.exec(m[2]); i; i = ITEM.exec(m[2])) {
    const start = at + tailAt + i.index + i[1].length;
    const end = start + i[2].length;
    const last = items[items.length - 1];
    if (/[-–]/u.test(i[1])) {
      last.stated[hi] = value(i[2]);
      last.end = end;
    } else push(value(i[2]), start, end);
  }
  // The year written after the last item belongs to its text.
  items[items.length - 1].end = at + m[0].length;
  return items;
}

/** The last numeral of a list's tail (", III", " và 4"), Roman or Arabic. */
function lastNumber(tail: string | undefined, roman: Record<string, number>): number | null {
  const m = tail ? /([IVX]+|\d+)\s*$/iu.exec(tail) : null;
  if (!m) return null;
  return roman[m[1].toUpperCase()] ?? (Number(m[1]) || null);
}

function termKind(kind: AtomKind, s: Stated): TimeTerm["kind"] {
  if (kind === "dateNoYear" || kind === "dayOfPeriod") return "date";
  if (kind === "bareYear") return "year";
  if (kind === "partOfYear") return "monthsOfYear";
  if (kind === "monthsOfYear") return s.months && (s.months[1] === 6 || s.months[0] === 7) && s.months[1] - s.months[0] === 5 ? "half" : "monthsOfYear";
  return kind;
}

/** Earlier first, then longer; an item overlapping a kept one is dropped. */
function dropOverlaps<T extends { start: number; end: number }>(xs: T[]): T[] {
  xs.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const x of xs) if (!out.length || x.start >= out[out.length - 1].end) out.push(x);
  return out;
}

/** Builds ranges, upper and lower bounds over neighbouring atoms. */
function compose(text: string, atoms: ParsedTime[], floor: number): ParsedTime[] {
  const g = timeGrammar();
  const out: ParsedTime[] = [];
  const before = (a: ParsedTime, re: RegExp) => {
    const lo = Math.max(floor, out.length ? out[out.length - 1].end : floor, a.start - 30);
    const m = re.exec(text.slice(lo, a.start));
    return m ? lo + m.index : -1;
  };
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    const next = atoms[i + 1];
    // "tháng 5 và tháng 11/2024": the first takes the year written after the second.
    if (next && a.stated.year === undefined && next.stated.year !== undefined && g.listGap.test(text.slice(a.end, next.start))) a.implied.year = next.stated.year;
    const fromAt = before(a, g.fromPrefix);
    if (fromAt >= 0) {
      if (next && g.rangeGap.test(text.slice(a.end, next.start))) {
        if (a.stated.year === undefined && next.stated.year !== undefined) a.implied.year = next.stated.year;
        out.push({ kind: "range", start: fromAt, end: next.end, stated: {}, implied: {}, from: null, to: null, parts: [a, next] });
        i++;
      } else out.push({ ...a, kind: "after", start: fromAt, parts: [a], inclusive: true });
      continue;
    }
    const beforeAt = before(a, g.beforePrefix);
    if (beforeAt >= 0) {
      out.push({ ...a, kind: "before", start: beforeAt, parts: [a] });
      continue;
    }
    const afterAt = before(a, g.afterPrefix);
    if (afterAt >= 0) {
      out.push({ ...a, kind: "after", start: afterAt, parts: [a], inclusive: false });
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Fills `from`/`to` (ISO) from stated values and the implied year. */
function resolve(t: ParsedTime, planYear: number | null): void {
  const parts = t.parts;
  if (parts) {
    for (const p of parts) resolve(p, p.implied.relative ? null : (p.implied.year ?? planYear));
    const [a, b] = parts;
    if (t.kind === "range") {
      t.from = a.from;
      t.to = b.to;
    } else if (t.kind === "before") {
      t.from = null;
      t.to = a.to;
    } else {
      t.from = t.inclusive ? a.from : a.to;
      t.to = null;
    }
    return;
  }
  const s = t.stated;
  const y = s.year ?? t.implied.year ?? (t.implied.relative ? null : planYear);
  if (s.year === undefined && y !== null && t.implied.year === undefined && (s.month !== undefined || s.quarter !== undefined || s.months)) t.implied.year = y;
  if (y === null || y === undefined) return;
  if (s.day !== undefined && s.month !== undefined) {
    if (!validDay(y, s.month, s.day)) return;
    if (s.year === undefined) t.implied.year = y;
    t.from = t.to = iso(y, s.month, s.day);
  } else if (s.month !== undefined) {
    const last = s.monthTo ?? s.month;
    if (s.month < 1 || last > 12 || last < s.month) return;
    ({ start: t.from, end: t.to } = monthSpan(y, s.month, last));
  } else if (s.quarter !== undefined) {
    const last = s.quarterTo ?? s.quarter;
    if (last < s.quarter || last > 4) return;
    ({ start: t.from, end: t.to } = monthSpan(y, 3 * s.quarter - 2, 3 * last));
  } else if (s.months) {
    ({ start: t.from, end: t.to } = monthSpan(y, s.months[0], s.months[1]));
  } else if (s.year !== undefined) {
    t.from = iso(s.year, 1, 1);
    t.to = iso(s.yearTo ?? s.year, 12, 31);
  }
}
