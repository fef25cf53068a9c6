// The analyst's questions, answered from the store.
import { resolve } from "node:path";
import type { Extraction } from "../contract/schema.js";
import { fold, foldCode } from "../extract/fold.js";
import { foldD } from "./fold.js";
import type { Db } from "./open.js";
import type { CiteRow, DirectiveRow, SearchRow, StoredDocument, TaskRow, UnitTaskRow } from "./results.js";
import { normalizeUnitName } from "../text/abbreviations.js";
import { unitMatches } from "./unitMatch.js";

export interface CitesOptions {
  /** Issuer code ("TW", "TTg") or a part of the issuer's name ("Bộ Chính trị"). */
  issuer?: string;
  year?: number;
}

const DOC_REF = `d.id AS documentId,
  (SELECT min(path) FROM locations WHERE document_id = d.id) AS path,
  d.symbol AS documentSymbol, d.title AS documentTitle`;

/** Every mention of the documents a symbol stands for, in any of its spellings. */
export function cites(db: Db, symbol: string, options: CitesOptions = {}): CiteRow[] {
  const fold = foldCode(symbol);
  if (!fold) return [];
  const keys = new Set(
    (
      db
        .prepare("SELECT DISTINCT key FROM citations WHERE symbol_fold = ? OR key = ?")
        .all(fold, symbol) as { key: string }[]
    ).map((r) => r.key),
  );
  const mentions = db.prepare(
    `SELECT ${DOC_REF}, c.key, c.symbol, c.type_name AS typeName, c.date, c.issuer, c.issuer_code AS issuerCode, c.year,
       c.section, (SELECT s.title FROM sections s WHERE s.document_id = c.document_id AND s.section = c.section ORDER BY s.ord LIMIT 1) AS sectionTitle,
       c.page, c.sentence
     FROM citations c JOIN documents d ON d.id = c.document_id
     WHERE c.key = ? ORDER BY path, c.ord`,
  );
  const rows: CiteRow[] = [];
  for (const key of [...keys].sort()) {
    const all = mentions.all(key) as (CiteRow & { issuerCode: string | null; year: number | null })[];
    if (options.year !== undefined && !all.some((m) => m.year === options.year)) continue;
    if (options.issuer !== undefined && !all.some((m) => issuerMatches(options.issuer!, m.issuerCode, m.issuer))) continue;
    for (const { issuerCode: _c, year: _y, ...m } of all) rows.push(m);
  }
  return rows;
}

function issuerMatches(wanted: string, code: string | null, name: string | null): boolean {
  const w = fold(wanted);
  return (code !== null && foldCode(code) === foldCode(wanted)) || (name !== null && fold(name).includes(w));
}

export interface DirectivesOptions {
  top?: number;
  /** Only documents of this type code ("CT", "NQ"). */
  type?: string;
}

/** The most-cited documents, by how many documents cite them. */
export function directives(db: Db, options: DirectivesOptions = {}): DirectiveRow[] {
  const rows = db
    .prepare(
      `SELECT key, type_code AS typeCode, type_name AS typeName, number, year, issuer_code AS issuerCode, date, issuer,
         spellings, citing_documents AS citingDocuments, mentions
       FROM cited_documents WHERE (@type IS NULL OR type_code = @type)
       ORDER BY citing_documents DESC, mentions DESC, key LIMIT @top`,
    )
    .all({ type: options.type ?? null, top: options.top ?? -1 }) as (Omit<DirectiveRow, "spellings"> & { spellings: string })[];
  return rows.map((r) => ({ ...r, spellings: JSON.parse(r.spellings) as string[] }));
}

/** One stored document by id, SHA-256 (or a prefix of at least 8 digits) or path. */
export function document(db: Db, ref: string | number): StoredDocument | null {
  const s = String(ref);
  let row: { id: number } | undefined;
  if (/^\d+$/.test(s)) row = db.prepare("SELECT id FROM documents WHERE id = ?").get(Number(s)) as typeof row;
  if (!row && /^[0-9a-f]{8,64}$/i.test(s)) {
    const found = db.prepare("SELECT id FROM documents WHERE sha256 >= ? AND sha256 < ? LIMIT 2").all(s.toLowerCase(), s.toLowerCase() + "g") as { id: number }[];
    if (found.length === 1) row = found[0];
  }
  const byPath = db.prepare("SELECT document_id AS id FROM locations WHERE path = ?");
  row ??= (byPath.get(s) ?? byPath.get(resolve(s))) as typeof row;
  if (!row) return null;
  const d = db.prepare("SELECT id, sha256, extraction, text FROM documents WHERE id = ?").get(row.id) as {
    id: number;
    sha256: string;
    extraction: string;
    text: string;
  };
  const paths = (db.prepare("SELECT path FROM locations WHERE document_id = ? ORDER BY path").all(d.id) as { path: string }[]).map((p) => p.path);
  const extraction = { ...(JSON.parse(d.extraction) as Omit<Extraction, "text">), text: d.text };
  return { id: d.id, sha256: d.sha256, paths, extraction };
}

const TASK_COLUMNS = `${DOC_REF}, t.document_id AS docId, t.ord, t.section, t.page, t.summary, t.due, t.deadline_text AS deadline`;
const ROLES = ["lead", "support", "advise", "implement", "assigned"] as const;

function withUnits(db: Db, rows: (Omit<TaskRow, (typeof ROLES)[number]> & { docId: number; ord: number })[]): TaskRow[] {
  const unitsOf = db.prepare("SELECT role, name FROM task_units WHERE document_id = ? AND task_ord = ? ORDER BY role, ord");
  return rows.map(({ docId, ord, ...r }) => {
    const units = unitsOf.all(docId, ord) as { role: (typeof ROLES)[number]; name: string }[];
    const byRole = Object.fromEntries(ROLES.map((role) => [role, units.filter((u) => u.role === role).map((u) => u.name)]));
    return { ...r, ...byRole } as TaskRow;
  });
}

/** Tasks in which a unit leads, supports, advises, implements or is assigned. */
export function unit(db: Db, name: string): UnitTaskRow[] {
  // Names as the archive writes them, with what the extractor normalized them to:
  // a query matching either side reaches both.
  const pairs = db
    .prepare("SELECT DISTINCT name, normalized_name AS normalized FROM task_units UNION SELECT DISTINCT name, normalized_name FROM units")
    .all() as { name: string; normalized: string }[];
  // The query as typed and with the extractor's abbreviations expanded ("Sở GD&ĐT" → "Sở Giáo dục và Đào tạo").
  const queries = [...new Set([name, normalizeUnitName(name)])];
  const names = new Set<string>();
  for (const p of pairs) {
    if (queries.some((q) => unitMatches(q, p.name) || unitMatches(q, p.normalized))) names.add(p.name).add(p.normalized);
  }
  if (!names.size) return [];
  const hits = db
    .prepare(
      `SELECT DISTINCT document_id, task_ord, role, name, normalized_name FROM task_units
       WHERE name IN (SELECT value FROM json_each(@names)) OR normalized_name IN (SELECT value FROM json_each(@names))`,
    )
    .all({ names: JSON.stringify([...names]) }) as {
    document_id: number;
    task_ord: number;
    role: UnitTaskRow["role"];
    name: string;
    normalized_name: string;
  }[];
  const task = db.prepare(`SELECT ${TASK_COLUMNS} FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.document_id = ? AND t.ord = ?`);
  const rows = hits.map((h) => {
    const [t] = withUnits(db, [task.get(h.document_id, h.task_ord) as Parameters<typeof withUnits>[1][number]]);
    return { ...t, unit: h.name, normalizedName: h.normalized_name, role: h.role, _ord: h.task_ord };
  });
  rows.sort((a, b) => (a.path ?? "").localeCompare(b.path ?? "") || a._ord - b._ord || a.role.localeCompare(b.role));
  return rows.map(({ _ord, ...r }) => r);
}

/** Every distinct unit name, or every spelling of a cited symbol, in the store. */
export function names(db: Db, kind: "unit" | "symbol"): string[] {
  const sql =
    kind === "unit"
      ? "SELECT name FROM units UNION SELECT normalized_name FROM units UNION SELECT name FROM task_units"
      : "SELECT DISTINCT spelling AS name FROM cited_spellings";
  return (db.prepare(sql).all() as { name: string }[]).map((r) => r.name);
}

/** Tasks due between two dates, both included (YYYY-MM-DD). */
export function due(db: Db, from: string | null, to: string | null): TaskRow[] {
  const rows = db
    .prepare(
      `SELECT ${TASK_COLUMNS} FROM tasks t JOIN documents d ON d.id = t.document_id
       WHERE t.due IS NOT NULL AND t.due >= ? AND t.due <= ? ORDER BY t.due, path, t.ord`,
    )
    .all(from ?? "0000-00-00", to ?? "9999-99-99") as Parameters<typeof withUnits>[1];
  return withUnits(db, rows);
}

export interface SearchOptions {
  limit?: number;
}

/**
 * Full-text search ignoring marks and đ: every word must occur; text in double
 * quotes must occur as a phrase.
 */
export function search(db: Db, text: string, options: SearchOptions = {}): SearchRow[] {
  const match = ftsQuery(text);
  if (!match) return [];
  const rows = db
    .prepare(
      `SELECT ${DOC_REF}, snippet(documents_fts, 1, '«', '»', '…', 24) AS snippet, bm25(documents_fts) AS rank
       FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
       WHERE documents_fts MATCH ? ORDER BY rank, d.id LIMIT ?`,
    )
    .all(match, options.limit ?? 20) as SearchRow[];
  return rows.map((r) => ({ ...r, snippet: r.snippet.replace(/»(\s+)«/g, "$1").replace(/\s+/g, " ").trim() }));
}

/** Words of the query, quoted for FTS5, the same fold as the indexed text. */
export function ftsQuery(text: string): string {
  const folded = foldD(text.normalize("NFC"));
  const parts: string[] = [];
  for (const m of folded.matchAll(/"([^"]*)"|([\p{L}\p{N}]+)/gu)) {
    const words = (m[1] ?? m[2]).match(/[\p{L}\p{N}]+/gu);
    if (words) parts.push(`"${words.join(" ")}"`);
  }
  return parts.join(" ");
}
