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
);
CREATE INDEX sections_section ON sections(document_id, section);

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
);
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
);
CREATE INDEX units_normalized ON units(normalized_name);

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
);
CREATE INDEX deadlines_due ON deadlines(due);

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
);

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
);
CREATE INDEX tasks_due ON tasks(due);

-- The units a task names, one row per unit and role.
CREATE TABLE task_units (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  task_ord INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  normalized_name TEXT NOT NULL,
  PRIMARY KEY (document_id, task_ord, role, name)
);
CREATE INDEX task_units_normalized ON task_units(normalized_name);
CREATE INDEX task_units_name ON task_units(name);

-- Files that could not be imported, one row per path.
CREATE TABLE failures (
  path TEXT PRIMARY KEY,
  sha256 TEXT,
  stage TEXT NOT NULL,
  message TEXT NOT NULL,
  failed_at TEXT NOT NULL
);

-- Title and text with đ folded to d (same length, so offsets carry over).
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
`,
  },
];

export const STORE_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
