// The database layout as numbered migrations. A database records the last
// migration applied in `schema_version`; opening one applies the rest in order.

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  pages INTEGER NOT NULL,
  schema_version TEXT NOT NULL,
  type_code TEXT,
  type_name TEXT,
  title TEXT,
  symbol TEXT,
  issuer TEXT NOT NULL,            -- JSON array of header lines
  date TEXT,
  year INTEGER,
  place TEXT,
  extraction TEXT NOT NULL,        -- the Extraction as JSON, without its text
  text TEXT NOT NULL               -- the Extraction's normalized text
);

-- Every path a document was found at; an identical copy is another location.
CREATE TABLE locations (
  path TEXT PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL
);
CREATE INDEX locations_document ON locations(document_id);

CREATE TABLE sections (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  section TEXT NOT NULL,
  label TEXT NOT NULL,
  title TEXT NOT NULL,
  level INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  page INTEGER,
  PRIMARY KEY (document_id, ord)
) WITHOUT ROWID;

CREATE TABLE citations (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  key TEXT NOT NULL,
  type_code TEXT,
  type_name TEXT,
  number TEXT,
  year INTEGER,
  issuer_code TEXT,
  symbol TEXT,
  symbol_fold TEXT,
  date TEXT,
  issuer TEXT,
  subject TEXT,
  section TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  page INTEGER,
  sentence TEXT NOT NULL,
  PRIMARY KEY (document_id, ord)
) WITHOUT ROWID;
CREATE INDEX citations_key ON citations(key);
CREATE INDEX citations_symbol_fold ON citations(symbol_fold);

-- One row per cited document (citation key), derived from citations.
CREATE TABLE cited_documents (
  key TEXT PRIMARY KEY,
  type_code TEXT,
  type_name TEXT,
  number TEXT,
  year INTEGER,
  issuer_code TEXT,
  date TEXT,
  issuer TEXT,
  spellings TEXT NOT NULL,         -- JSON array of every symbol as written
  citing_documents INTEGER NOT NULL,
  mentions INTEGER NOT NULL
);
CREATE INDEX cited_documents_rank ON cited_documents(citing_documents DESC, mentions DESC);
CREATE TABLE cited_spellings (
  key TEXT NOT NULL REFERENCES cited_documents(key) ON DELETE CASCADE,
  spelling TEXT NOT NULL,
  fold TEXT NOT NULL,
  PRIMARY KEY (key, spelling)
);
CREATE INDEX cited_spellings_fold ON cited_spellings(fold);
-- Keys whose cited_documents row is to be recomputed: marked in each document's
-- transaction, recomputed in batches (a key's row depends on every mention of it).
CREATE TABLE cited_pending (key TEXT PRIMARY KEY);

CREATE TABLE units (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  normalized_name TEXT NOT NULL,
  role TEXT NOT NULL,
  section TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  page INTEGER,
  PRIMARY KEY (document_id, ord)
) WITHOUT ROWID;

CREATE TABLE deadlines (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  due TEXT,
  start_date TEXT,
  recurring INTEGER NOT NULL,
  terms TEXT NOT NULL,             -- JSON array of TimeTerm
  section TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  page INTEGER,
  PRIMARY KEY (document_id, ord)
) WITHOUT ROWID;

CREATE TABLE targets (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  value REAL NOT NULL,
  value_max REAL,
  unit TEXT NOT NULL,
  comparator TEXT NOT NULL,
  subject TEXT,
  text TEXT NOT NULL,
  by_year INTEGER,
  section TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  page INTEGER,
  PRIMARY KEY (document_id, ord)
) WITHOUT ROWID;

CREATE TABLE tasks (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  summary TEXT NOT NULL,
  deadline_text TEXT,
  due TEXT,
  start_date TEXT,
  recurring INTEGER,
  citations TEXT NOT NULL,         -- JSON array of citation keys
  section TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  page INTEGER,
  PRIMARY KEY (document_id, ord)
) WITHOUT ROWID;
CREATE INDEX tasks_due ON tasks(due);

-- The units a task names, one row per unit and role.
CREATE TABLE task_units (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  task_ord INTEGER NOT NULL,
  role TEXT NOT NULL,
  ord INTEGER NOT NULL,            -- position in the task's list for the role
  name TEXT NOT NULL,
  normalized_name TEXT NOT NULL,
  PRIMARY KEY (document_id, task_ord, role, ord)
) WITHOUT ROWID;

-- Files that could not be imported, one row per path.
CREATE TABLE failures (
  path TEXT PRIMARY KEY,
  sha256 TEXT,
  stage TEXT NOT NULL,
  message TEXT NOT NULL,
  failed_at TEXT NOT NULL
);

-- Full-text index of documents.title and documents.text. The index is fed the
-- text with đ folded to d (unicode61 does not fold it); snippets read the
-- original from documents, and folding keeps word boundaries, so they line up.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content = 'documents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
-- Documents stored but not yet in the index: indexing many documents in one
-- transaction is several times cheaper than one at a time.
CREATE TABLE fts_pending (id INTEGER PRIMARY KEY);
`,
  },
];

export const STORE_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
