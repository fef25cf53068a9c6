// Opening a store: one SQLite file in WAL mode, migrated to the current layout.
import Database from "better-sqlite3";
import { VnplanError } from "../errors.js";
import { MIGRATIONS, STORE_VERSION } from "./schema.js";

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Fail instead of creating a database that does not exist. */
  mustExist?: boolean;
}

/** Opens (creating when absent, unless read-only) and migrates a database. */
export function openDb(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: (options.readonly || options.mustExist) ?? false });
  } catch (err) {
    throw new VnplanError("store", `cannot open the database: ${(err as Error).message}`, { file: path, cause: err });
  }
  try {
    if (!options.readonly) {
      db.pragma("journal_mode = WAL");
      // WAL with synchronous NORMAL stays consistent after a crash; only the last commits may be lost.
      db.pragma("synchronous = NORMAL");
      // Copy the log back into the database every 16 MB rather than every 4 MB: pages
      // that many documents touch (index nodes) are then copied once instead of four times.
      db.pragma("wal_autocheckpoint = 4000");
    }
    db.pragma("foreign_keys = ON");
    // A larger page cache than the 2 MB default: the indexes of a big archive stay in memory.
    db.pragma("cache_size = -32000");
    db.pragma("busy_timeout = 5000");
    migrate(db, path, options.readonly ?? false);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof VnplanError) throw err;
    throw new VnplanError("store", (err as Error).message, { file: path, cause: err });
  }
}

function currentVersion(db: Db): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!table) return 0;
  const row = db.prepare("SELECT version FROM schema_version").get() as { version: number } | undefined;
  return row?.version ?? 0;
}

function migrate(db: Db, path: string, readonly: boolean): void {
  const version = currentVersion(db);
  if (version > STORE_VERSION) {
    throw new VnplanError("store", `the database has layout ${version}, newer than this vnplan's ${STORE_VERSION}`, { file: path });
  }
  if (version === STORE_VERSION) return;
  if (readonly) throw new VnplanError("store", `the database has layout ${version} and needs migrating to ${STORE_VERSION}`, { file: path });
  db.transaction(() => {
    if (version === 0) db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    for (const m of MIGRATIONS) if (m.version > version) db.exec(m.sql);
    db.exec("DELETE FROM schema_version");
    db.prepare("INSERT INTO schema_version (version) VALUES (?)").run(STORE_VERSION);
  }).immediate();
}
