// An Extraction flattened into the rows the store writes. Pure, so that import
// workers build the rows and the writing thread only inserts them.
import type { Extraction, Section, Span } from "../contract/schema.js";
import { foldCode } from "../extract/fold.js";
import { foldD } from "./fold.js";

type Located = { section: string; span: Span; page: number | null };
type Place = { section: string; start: number; end: number; page: number | null };

/** Column order of each table's rows, after the document id they all start with. */
export const COLUMNS = {
  sections: ["ord", "section", "label", "title", "level", "start", "end", "page"],
  citations: [
    "ord", "key", "type_code", "type_name", "number", "year", "issuer_code", "symbol", "symbol_fold",
    "date", "issuer", "subject", "section", "start", "end", "page", "sentence",
  ],
  units: ["ord", "name", "normalized_name", "role", "section", "start", "end", "page"],
  deadlines: ["ord", "text", "due", "start_date", "recurring", "terms", "section", "start", "end", "page"],
  targets: ["ord", "value", "value_max", "unit", "comparator", "subject", "text", "by_year", "section", "start", "end", "page"],
  tasks: ["ord", "summary", "deadline_text", "due", "start_date", "recurring", "citations", "section", "start", "end", "page"],
  task_units: ["task_ord", "role", "ord", "name", "normalized_name"],
} as const;
export type ChildTable = keyof typeof COLUMNS;
export const DOCUMENT_COLUMNS = [
  "sha256", "format", "pages", "schema_version", "type_code", "type_name", "title", "symbol", "issuer", "date", "year", "place", "extraction", "text",
] as const;

/**
 * A document ready to bind: values in column order, so the writing thread
 * passes them to SQLite as they are (import workers build them). Each table's
 * rows are one flat list, COLUMNS[table].length values a row: a few long
 * arrays cross between threads several times faster than a hundred short ones.
 */
export interface DocumentRows {
  sha256: string;
  schemaVersion: string;
  document: unknown[];
  tables: Record<ChildTable, unknown[]>;
  /** The distinct citation keys, whose cited_documents rows change. */
  citedKeys: string[];
  /** Title and text as the full-text index takes them (see fold.ts). */
  fts: [title: string, text: string];
}

interface Records {
  sha256: string;
  document: {
    format: string;
    pages: number;
    schema_version: string;
    type_code: string | null;
    type_name: string | null;
    title: string | null;
    symbol: string | null;
    issuer: string;
    date: string | null;
    year: number | null;
    place: string | null;
    extraction: string;
    text: string;
  };
  sections: (Place & { ord: number; label: string; title: string; level: number })[];
  citations: (Place & {
    ord: number;
    key: string;
    type_code: string | null;
    type_name: string | null;
    number: string | null;
    year: number | null;
    issuer_code: string | null;
    symbol: string | null;
    symbol_fold: string | null;
    date: string | null;
    issuer: string | null;
    subject: string | null;
    sentence: string;
  })[];
  units: (Place & { ord: number; name: string; normalized_name: string; role: string })[];
  deadlines: (Place & { ord: number; text: string; due: string | null; start_date: string | null; recurring: number; terms: string })[];
  targets: (Place & {
    ord: number;
    value: number;
    value_max: number | null;
    unit: string;
    comparator: string;
    subject: string | null;
    text: string;
    by_year: number | null;
  })[];
  tasks: (Place & {
    ord: number;
    summary: string;
    deadline_text: string | null;
    due: string | null;
    start_date: string | null;
    recurring: number | null;
    citations: string;
  })[];
  taskUnits: { task_ord: number; role: string; ord: number; name: string; normalized_name: string }[];
}

const TASK_ROLES = ["lead", "support", "advise", "implement", "assigned"] as const;

export function toRows(x: Extraction, sha256: string): DocumentRows {
  const r = toRecords(x, sha256);
  const doc = { sha256, ...r.document } as Record<string, unknown>;
  const positional = (rows: Record<string, unknown>[], columns: readonly string[]): unknown[] => {
    const out: unknown[] = [];
    for (const o of rows) for (const c of columns) out.push(o[c]);
    return out;
  };
  const { taskUnits, ...children } = r;
  const tables = Object.fromEntries(
    (Object.keys(COLUMNS) as ChildTable[]).map((t) => [
      t,
      positional((t === "task_units" ? taskUnits : children[t]) as Record<string, unknown>[], COLUMNS[t]),
    ]),
  ) as Record<ChildTable, unknown[]>;
  return {
    sha256,
    schemaVersion: x.schemaVersion,
    document: DOCUMENT_COLUMNS.map((c) => doc[c]),
    tables,
    citedKeys: [...new Set(x.citations.map((c) => c.key))],
    fts: [foldD(x.document.title ?? ""), foldD(x.text)],
  };
}

function toRecords(x: Extraction, sha256: string): Records {
  const place = (l: Located): Place => ({ section: l.section, start: l.span.start, end: l.span.end, page: l.page });
  const normalizedOf = new Map<string, string>();
  for (const u of x.units) if (!normalizedOf.has(u.name)) normalizedOf.set(u.name, u.normalizedName);
  const m = x.document;
  return {
    sha256,
    document: {
      format: x.source.format,
      pages: Math.max(1, x.source.pages.length),
      schema_version: x.schemaVersion,
      type_code: m.typeCode,
      type_name: m.typeName,
      title: m.title,
      symbol: m.symbol,
      issuer: JSON.stringify(m.issuer),
      date: m.date,
      year: m.year,
      place: m.place,
      extraction: JSON.stringify({ ...x, text: undefined }),
      text: x.text,
    },
    sections: flatten(x.sections).map((s, ord) => ({ ord, ...place(s), label: s.label, title: s.title, level: s.level })),
    citations: x.citations.map((c, ord) => ({
      ord,
      ...place(c),
      key: c.key,
      type_code: c.typeCode,
      type_name: c.typeName,
      number: c.number,
      year: c.year,
      issuer_code: c.issuerCode,
      symbol: c.symbol,
      symbol_fold: c.symbol ? foldCode(c.symbol) : null,
      date: c.date,
      issuer: c.issuer,
      subject: c.subject,
      sentence: sentenceAround(x.text, c.span),
    })),
    units: x.units.map((u, ord) => ({ ord, ...place(u), name: u.name, normalized_name: u.normalizedName, role: u.role })),
    deadlines: x.deadlines.map((d, ord) => ({
      ord,
      ...place(d),
      text: d.text,
      due: d.due,
      start_date: d.start,
      recurring: d.recurring ? 1 : 0,
      terms: JSON.stringify(d.terms),
    })),
    targets: x.targets.map((t, ord) => ({
      ord,
      ...place(t),
      value: t.value,
      value_max: t.valueMax,
      unit: t.unit,
      comparator: t.comparator,
      subject: t.subject,
      text: t.text,
      by_year: t.by,
    })),
    tasks: x.tasks.map((t, ord) => ({
      ord,
      ...place(t),
      summary: t.summary,
      deadline_text: t.deadline?.text ?? null,
      due: t.deadline?.due ?? null,
      start_date: t.deadline?.start ?? null,
      recurring: t.deadline ? (t.deadline.recurring ? 1 : 0) : null,
      citations: JSON.stringify(t.citations),
    })),
    taskUnits: x.tasks.flatMap((t, task_ord) =>
      TASK_ROLES.flatMap((role) =>
        t[role].map((name, ord) => ({ task_ord, role, ord, name, normalized_name: normalizedOf.get(name) ?? name })),
      ),
    ),
  };
}

/** Sections in reading order, parents before their children. */
function flatten(nodes: Section[]): Section[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

const MAX_SIDE = 300;

/**
 * The sentence holding a span: back to the previous line break, ";" or
 * sentence-ending "." and on to the next, at most MAX_SIDE characters each side.
 */
export function sentenceAround(text: string, span: Span): string {
  let start = span.start;
  const floor = Math.max(0, span.start - MAX_SIDE);
  while (start > floor && !isBoundary(text, start - 1)) start--;
  let end = span.end;
  const ceil = Math.min(text.length, span.end + MAX_SIDE);
  while (end < ceil && !isBoundary(text, end)) end++;
  if (end < text.length && text[end] !== "\n") end++;
  return text.slice(start, end).replace(/\s+/g, " ").trim();
}

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === "\n" || c === ";") return true;
  // A full stop ends a sentence when a space follows; "1.2" and "TP.HCM" do not.
  return c === "." && (i + 1 >= text.length || /\s/.test(text[i + 1]));
}
