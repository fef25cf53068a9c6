// Writes: each document with all its rows in one transaction, so a document is
// stored whole or not at all, whenever the process stops.
import type { Statement } from "better-sqlite3";
import type { Db } from "./open.js";
import { COLUMNS, DOCUMENT_COLUMNS, type ChildTable, type DocumentRows } from "./rows.js";
import { foldCode } from "../extract/fold.js";
import { foldD } from "./fold.js";

export interface Location {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface Failure {
  path: string;
  sha256: string | null;
  stage: string;
  message: string;
}

export interface Writer {
  /** The stored document with this content and contract version, if any. */
  documentId(sha256: string, schemaVersion: string): number | null;
  /** Stores a document (or finds it already stored) and records the location. */
  writeDocument(rows: DocumentRows, location: Location): number;
  /** True when the path already points at this document. */
  hasLocation(path: string, documentId: number): boolean;
  /** Records another path of an already stored document. */
  addLocation(documentId: number, location: Location): void;
  recordFailure(failure: Failure): void;
  /** The failure recorded for a path with this content, if any. */
  failureFor(path: string, sha256: string): boolean;
  failures(): Failure[];
  /** How many documents the store holds. */
  storedDocuments(): number;
  /**
   * Recomputes the cited_documents rows of the keys whose mentions changed, at
   * most `maxKeys` of them (all by default) in one transaction; true when keys remain.
   */
  refreshCited(maxKeys?: number): boolean;
  /** Adds the documents stored since the last call to the full-text index. */
  indexPending(): void;
}

function insertSql(table: string, columns: readonly string[]): string {
  const cols = ["document_id", ...columns];
  return `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`;
}

export function createWriter(db: Db): Writer {
  db.function("fold_d", { deterministic: true }, (s: unknown) => foldD(String(s)));
  const insertDoc = db.prepare(`INSERT INTO documents (${DOCUMENT_COLUMNS.join(", ")}) VALUES (${DOCUMENT_COLUMNS.map(() => "?").join(", ")})`);
  const children = Object.fromEntries(
    (Object.keys(COLUMNS) as ChildTable[]).map((t) => [t, db.prepare(insertSql(t, COLUMNS[t]))]),
  ) as Record<ChildTable, Statement<unknown[]>>;
  const markUnindexed = db.prepare("INSERT INTO fts_pending (id) VALUES (?)");
  const forgetUnindexed = db.prepare("DELETE FROM fts_pending WHERE id = ?");
  const indexAll = db.prepare(
    "INSERT INTO documents_fts (rowid, title, text) SELECT id, fold_d(coalesce(title, '')), fold_d(text) FROM documents WHERE id IN (SELECT id FROM fts_pending)",
  );
  const clearUnindexed = db.prepare("DELETE FROM fts_pending");
  const insertFts = db.prepare("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)");
  // The folded values of documents stored by this writer and not yet indexed: the
  // writing thread then does not fold them again. fts_pending stays the record of
  // what is to index (rows left by an interrupted import are folded in SQL).
  const folded = new Map<number, DocumentRows["fts"]>();
  const findDoc = db.prepare("SELECT id, schema_version FROM documents WHERE sha256 = ?");
  const locationOf = db.prepare("SELECT document_id FROM locations WHERE path = ?");
  const upsertLocation = db.prepare(
    `INSERT INTO locations (path, document_id, size, mtime_ms) VALUES (@path, @document_id, @size, @mtimeMs)
     ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, size = excluded.size, mtime_ms = excluded.mtime_ms`,
  );
  const deleteLocation = db.prepare("DELETE FROM locations WHERE path = ?");
  const countLocations = db.prepare("SELECT count(*) AS n FROM locations WHERE document_id = ?");
  const keysOf = db.prepare("SELECT DISTINCT key FROM citations WHERE document_id = ?");
  const deleteDoc = db.prepare("DELETE FROM documents WHERE id = ?");
  // An external-content index forgets a row when given the values it indexed.
  const deleteFts = db.prepare(
    "INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', id, fold_d(coalesce(title, '')), fold_d(text) FROM documents WHERE id = ?",
  );
  const clearFailure = db.prepare("DELETE FROM failures WHERE path = ?");
  const upsertFailure = db.prepare(
    `INSERT INTO failures (path, sha256, stage, message, failed_at) VALUES (@path, @sha256, @stage, @message, @at)
     ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, stage = excluded.stage, message = excluded.message, failed_at = excluded.failed_at`,
  );
  const findFailure = db.prepare("SELECT 1 FROM failures WHERE path = ? AND sha256 IS ?");
  const countDocuments = db.prepare("SELECT count(*) AS n FROM documents");
  const listFailures = db.prepare("SELECT path, sha256, stage, message FROM failures ORDER BY path");
  const refreshKeys = citedRefresher(db);
  const markPending = db.prepare("INSERT OR IGNORE INTO cited_pending (key) VALUES (?)");
  const pending = db.prepare("SELECT key FROM cited_pending ORDER BY key");
  const pendingSlice = db.prepare("SELECT key FROM cited_pending ORDER BY key LIMIT ?");
  const clearPending = db.prepare("DELETE FROM cited_pending");
  const dropPending = db.prepare("DELETE FROM cited_pending WHERE key = ?");
  const markCited = (keys: string[]): void => {
    for (const k of keys) markPending.run(k);
  };
  const refreshPending = db.transaction((maxKeys: number): boolean => {
    if (maxKeys === Infinity) {
      refreshKeys((pending.all() as { key: string }[]).map((r) => r.key));
      clearPending.run();
      return false;
    }
    const keys = (pendingSlice.all(maxKeys) as { key: string }[]).map((r) => r.key);
    refreshKeys(keys);
    for (const k of keys) dropPending.run(k);
    return keys.length === maxKeys;
  });

  const indexPending = db.transaction(() => {
    for (const [id, [title, text]] of folded) if (forgetUnindexed.run(id).changes) insertFts.run(id, title, text);
    indexAll.run();
    clearUnindexed.run();
  });

  /** Deletes a document no path points at any more, with all its rows. */
  const dropIfOrphan = (id: number): void => {
    if ((countLocations.get(id) as { n: number }).n > 0) return;
    const keys = (keysOf.all(id) as { key: string }[]).map((r) => r.key);
    // A document still waiting to be indexed is not in the index to take out.
    if (forgetUnindexed.run(id).changes === 0) deleteFts.run(id);
    deleteDoc.run(id);
    markCited(keys);
  };

  /** Points a path at a document; the document it pointed at before goes when nothing else points at it. */
  const place = (documentId: number, location: Location): void => {
    const before = locationOf.get(location.path) as { document_id: number } | undefined;
    upsertLocation.run({ ...location, document_id: documentId });
    clearFailure.run(location.path);
    if (before && before.document_id !== documentId) dropIfOrphan(before.document_id);
  };

  const TABLES = Object.keys(COLUMNS) as ChildTable[];
  // One array per table, refilled for each row: binding allocates nothing.
  const rowBuffers = Object.fromEntries(TABLES.map((t) => [t, new Array<unknown>(COLUMNS[t].length + 1)])) as Record<ChildTable, unknown[]>;
  const writeDocument = db.transaction((rows: DocumentRows, location: Location): number => {
    const existing = findDoc.get(rows.sha256) as { id: number; schema_version: string } | undefined;
    if (existing && existing.schema_version === rows.schemaVersion) {
      place(existing.id, location);
      return existing.id;
    }
    if (existing) {
      // Stored under an older contract: replace it, keeping its other locations.
      const others = db.prepare("SELECT path, size, mtime_ms AS mtimeMs FROM locations WHERE document_id = ?").all(existing.id) as Location[];
      db.prepare("DELETE FROM locations WHERE document_id = ?").run(existing.id);
      dropIfOrphan(existing.id);
      const id = insertAll(rows);
      for (const o of others) upsertLocation.run({ ...o, document_id: id });
      place(id, location);
      return id;
    }
    const id = insertAll(rows);
    place(id, location);
    return id;
  });

  const insertAll = (rows: DocumentRows): number => {
    const id = Number(insertDoc.run(rows.document).lastInsertRowid);
    for (const t of TABLES) {
      const insert = children[t];
      const values = rows.tables[t];
      const width = COLUMNS[t].length;
      const row = rowBuffers[t];
      row[0] = id;
      for (let i = 0; i < values.length; i += width) {
        for (let k = 0; k < width; k++) row[k + 1] = values[i + k];
        insert.run(row);
      }
    }
    markUnindexed.run(id);
    folded.set(id, rows.fts);
    markCited(rows.citedKeys);
    return id;
  };

  // A path whose new content fails no longer holds the document stored for its old content.
  const recordFailure = db.transaction((f: Failure) => {
    upsertFailure.run({ ...f, at: new Date().toISOString() });
    if (!f.sha256) return;
    const before = locationOf.get(f.path) as { document_id: number } | undefined;
    const doc = before && (db.prepare("SELECT sha256 FROM documents WHERE id = ?").get(before.document_id) as { sha256: string });
    if (before && doc && doc.sha256 !== f.sha256) {
      deleteLocation.run(f.path);
      dropIfOrphan(before.document_id);
    }
  });
  const addLocation = db.transaction((documentId: number, location: Location) => place(documentId, location));

  return {
    documentId(sha256, schemaVersion) {
      const row = findDoc.get(sha256) as { id: number; schema_version: string } | undefined;
      return row && row.schema_version === schemaVersion ? row.id : null;
    },
    writeDocument: (rows, location) => writeDocument.immediate(rows, location),
    hasLocation: (path, documentId) => (locationOf.get(path) as { document_id: number } | undefined)?.document_id === documentId,
    addLocation: (documentId, location) => addLocation.immediate(documentId, location),
    recordFailure: (f) => recordFailure.immediate(f),
    failureFor: (path, sha256) => findFailure.get(path, sha256) !== undefined,
    failures: () => listFailures.all() as Failure[],
    storedDocuments: () => (countDocuments.get() as { n: number }).n,
    refreshCited: (maxKeys = Infinity) => refreshPending.immediate(maxKeys),
    indexPending: () => {
      indexPending.immediate();
      folded.clear();
    },
  };
}

/**
 * Recomputes cited_documents rows for some keys from the citations table, so the
 * table depends only on what is stored, never on the order documents arrived in.
 * Costs one pass over each key's mentions: run in batches, not per document.
 */
function citedRefresher(db: Db): (keys: string[]) => void {
  const fields = ["type_code", "type_name", "number", "year", "issuer_code", "date", "issuer"] as const;
  // One pass over a key's mentions gives every figure of its row (a query per figure read them nine times).
  const mentions = db.prepare(`SELECT document_id, symbol, ${fields.join(", ")} FROM citations WHERE key = ?`).raw();
  const del = db.prepare("DELETE FROM cited_documents WHERE key = ?");
  const delSpellings = db.prepare("DELETE FROM cited_spellings WHERE key = ?");
  const insert = db.prepare(
    `INSERT INTO cited_documents (key, ${fields.join(", ")}, spellings, citing_documents, mentions)
     VALUES (@key, ${fields.map((f) => `@${f}`).join(", ")}, @spellings, @docs, @mentions)`,
  );
  const insertSpelling = db.prepare("INSERT INTO cited_spellings (key, spelling, fold) VALUES (?, ?, ?)");
  const counts = fields.map(() => new Map<unknown, number>());
  return (keys) => {
    for (const key of keys) {
      delSpellings.run(key);
      del.run(key);
      const rows = mentions.all(key) as unknown[][];
      if (rows.length === 0) continue;
      const docs = new Set<unknown>();
      const spelled = new Set<string>();
      for (const c of counts) c.clear();
      for (const r of rows) {
        docs.add(r[0]);
        if (r[1] !== null) spelled.add(r[1] as string);
        for (let f = 0; f < fields.length; f++) {
          const v = r[f + 2];
          if (v !== null) counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
        }
      }
      const values = Object.fromEntries(fields.map((f, i) => [f, mostFrequent(counts[i])]));
      const spellings = [...spelled].sort(bySqliteOrder);
      insert.run({ key, ...values, spellings: JSON.stringify(spellings), docs: docs.size, mentions: rows.length });
      for (const sp of spellings) insertSpelling.run(key, sp, foldCode(sp));
    }
  };
}

/** The most frequent value (ties: the smallest, as SQLite orders it); null when there is none. */
function mostFrequent(counts: Map<unknown, number>): unknown {
  let best: unknown = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && bySqliteOrder(v, best) < 0)) [best, n] = [v, c];
  return best;
}

/**
 * SQLite's order of values of one column: numbers before text, numbers by
 * value, text by its UTF-8 bytes (code point order, which UTF-16 order breaks
 * only above U+FFFF).
 */
function bySqliteOrder(a: unknown, b: unknown): number {
  if (typeof a === "number" || typeof a === "bigint") return typeof b === "number" || typeof b === "bigint" ? (a < b ? -1 : a > b ? 1 : 0) : -1;
  if (typeof b === "number" || typeof b === "bigint") return 1;
  const x = String(a), y = String(b);
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const p = x.codePointAt(i)!, q = y.codePointAt(j)!;
    if (p !== q) return p - q;
    i += p > 0xffff ? 2 : 1;
    j += q > 0xffff ? 2 : 1;
  }
  return x.length - y.length;
}
