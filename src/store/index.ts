// The store: an SQLite database of extractions and the queries over it.
import { createHash } from "node:crypto";
import type { Extraction } from "../contract/schema.js";
import { openDb, type Db, type OpenOptions } from "./open.js";
import { nearest } from "./nearest.js";
import * as q from "./query.js";
import type { CiteRow, DirectiveRow, SearchRow, StoredDocument, TaskRow, UnitTaskRow } from "./results.js";
import { toRows } from "./rows.js";
import { createWriter, type Location } from "./write.js";

export { CiteRow, DirectiveRow, SearchRow, StoredDocument, TaskRow, UnitTaskRow } from "./results.js";
export type { CitesOptions, DirectivesOptions, SearchOptions } from "./query.js";
export { STORE_VERSION } from "./schema.js";
export type { OpenOptions } from "./open.js";

export interface Store {
  /** The better-sqlite3 connection, for queries of your own (read it, do not write). */
  readonly db: Db;
  /** Stores one extraction, found at `path` (any string naming where it came from). */
  put(extraction: Extraction, path: string): number;
  /** Every mention of the document a symbol stands for, in any spelling ("34-CT/TW", "34/CT-TW"). */
  cites(symbol: string, options?: q.CitesOptions): CiteRow[];
  /** The most-cited documents with how many documents cite each. */
  directives(options?: q.DirectivesOptions): DirectiveRow[];
  /** One document by id, SHA-256 or path. */
  document(ref: string | number): StoredDocument | null;
  /** Tasks naming a unit (full name or abbreviation). */
  unit(name: string): UnitTaskRow[];
  /** Stored unit names or cited symbols closest to one that matched nothing. */
  nearest(kind: "unit" | "symbol", name: string, limit?: number): string[];
  /** Tasks due between two dates (YYYY-MM-DD, inclusive; null for open-ended). */
  due(from: string | null, to: string | null): TaskRow[];
  /** Full-text search ignoring diacritics and đ, with snippets. */
  search(text: string, options?: q.SearchOptions): SearchRow[];
  close(): void;
}

/** Opens or creates a store (SQLite file, WAL mode), migrated to the current layout. */
export function openStore(path: string, options: OpenOptions = {}): Store {
  const db = openDb(path, options);
  let writer: ReturnType<typeof createWriter> | null = null;
  // An import stopped midway may leave cited documents to recompute and documents to index.
  if (!options.readonly) {
    const w = createWriter(db);
    w.refreshCited();
    w.indexPending();
  }
  return {
    db,
    put(extraction, where) {
      writer ??= createWriter(db);
      const sha = extraction.source.sha256 ?? createHash("sha256").update(extraction.text).digest("hex");
      const location: Location = { path: where, size: Buffer.byteLength(extraction.text), mtimeMs: 0 };
      const id = writer.writeDocument(toRows(extraction, sha), location);
      writer.refreshCited();
      writer.indexPending();
      return id;
    },
    cites: (symbol, o) => q.cites(db, symbol, o),
    directives: (o) => q.directives(db, o),
    document: (ref) => q.document(db, ref),
    unit: (name) => q.unit(db, name),
    nearest: (kind, name, limit) => nearest(name, q.names(db, kind), limit),
    due: (from, to) => q.due(db, from, to),
    search: (text, o) => q.search(db, text, o),
    close: () => db.close(),
  };
}
