// `vnplan import` as users run it: the built CLI in a child process.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "bin", "vnplan.js");
const fixtureDirs = ["seeds", "pdf", "docx"].map((d) => join(repo, "fixtures", d)).filter((d) => existsSync(d));
const WALKED = new Set([".txt", ".md", ".pdf", ".docx", ".doc", ".rtf", ".xlsx", ".xls", ".html", ".htm", ".ppt"]);
const fixtureFiles = fixtureDirs.flatMap((d) => readdirSync(d, { recursive: true, encoding: "utf8" }).filter((f) => WALKED.has(extname(f).toLowerCase())).map((f) => join(d, f)));
const seedText = readFileSync(join(repo, "fixtures", "seeds", "000_bdb84c189a81ae0c.txt"), "utf8");

const tmp = () => mkdtempSync(join(tmpdir(), "st-import-"));

function vnplan(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

function importJson(db: string, ...paths: string[]) {
  const r = vnplan(["import", ...paths, "--db", db, "--json", "--no-progress"]);
  return { status: r.status, summary: r.json(), stderr: r.stderr };
}

function rows<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

/** The database's content with row ids replaced by the document's SHA-256: equal content, equal dump. */
function dump(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  const sha = new Map((db.prepare("SELECT id, sha256 FROM documents").all() as { id: number; sha256: string }[]).map((r) => [r.id, r.sha256]));
  const out: Record<string, string[]> = {};
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  for (const t of tables) {
    out[t] = (db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[])
      .map((r) => {
        const o = { ...r };
        if ("document_id" in o) o.document_id = sha.get(o.document_id as number);
        if (t === "documents") delete o.id;
        delete o.failed_at;
        return JSON.stringify(o);
      })
      .sort();
  }
  // The full-text index, through what it finds.
  const find = db.prepare("SELECT d.sha256 FROM documents_fts f JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ?");
  for (const q of ["thi dua", "khen thuong", "dang", '"ke hoach"', "chi thi"]) {
    out[`search ${q}`] = (find.all(q) as { sha256: string }[]).map((r) => r.sha256).sort();
  }
  db.close();
  return out;
}

describe("vnplan import", () => {
  it("imports every fixture once, with its path and format, and skips them all on a second run", () => {
    const db = join(tmp(), "a.db");
    const first = importJson(db, ...fixtureDirs);
    expect(first.status).toBe(0);
    expect(first.summary.files).toBe(fixtureFiles.length);
    expect(first.summary.failed).toBe(0);
    const locations = rows<{ path: string; format: string; text: string }>(db, "SELECT l.path, d.format, d.text FROM locations l JOIN documents d ON d.id = l.document_id");
    expect(locations.map((l) => l.path).sort()).toEqual([...fixtureFiles].sort());
    const formatOf: Record<string, string> = { ".txt": "text", ".pdf": "pdf", ".docx": "docx" };
    for (const l of locations) {
      if (formatOf[extname(l.path)]) expect(l.format).toBe(formatOf[extname(l.path)]);
      expect(l.text.trim().length).toBeGreaterThan(0);
    }
    const again = importJson(db, ...fixtureDirs);
    expect(again.status).toBe(0);
    expect(again.summary).toMatchObject({ imported: 0, failed: 0, unchanged: fixtureFiles.length });
  });

  it("records an identical copy as another location and replaces a changed file's rows", () => {
    const dir = tmp();
    const db = join(dir, "a.db");
    const p = join(dir, "ke-hoach.txt");
    const q = join(dir, "ban-sao.txt");
    writeFileSync(p, seedText.replace("năm 2023", "năm 2024"));
    expect(importJson(db, p).summary.imported).toBe(1);
    copyFileSync(p, q);
    expect(importJson(db, q).summary).toMatchObject({ imported: 0, copies: 1 });
    expect(rows(db, "SELECT count(*) AS n FROM documents")).toEqual([{ n: 1 }]);
    expect(rows(db, "SELECT path FROM locations ORDER BY path")).toEqual([{ path: q }, { path: p }]);

    appendFileSync(p, "\nNơi nhận:\n- Lưu VT.\n");
    expect(importJson(db, p, q).summary).toMatchObject({ imported: 1, unchanged: 1 });
    // The old content stays while the copy still holds it.
    expect(rows(db, "SELECT count(*) AS n FROM documents")).toEqual([{ n: 2 }]);
    appendFileSync(q, "\n- Lưu hồ sơ.\n");
    expect(importJson(db, q).summary.imported).toBe(1);
    const docs = rows<{ id: number }>(db, "SELECT id FROM documents");
    expect(docs).toHaveLength(2);
    // No row of the replaced content is left in any table.
    const ids = docs.map((d) => d.id);
    for (const t of ["sections", "citations", "units", "deadlines", "targets", "tasks", "task_units"]) {
      const orphans = rows<{ document_id: number }>(db, `SELECT DISTINCT document_id FROM ${t}`).filter((r) => !ids.includes(r.document_id));
      expect(orphans, t).toEqual([]);
    }
    expect(rows<{ rowid: number }>(db, "SELECT rowid FROM documents_fts").map((r) => r.rowid).sort()).toEqual([...ids].sort());
  });

  it("records failures as data, skips them while unchanged, and retries them on request", () => {
    const dir = tmp();
    const db = join(dir, "a.db");
    const empty = join(dir, "rong.txt");
    const good = join(dir, "tot.txt");
    writeFileSync(empty, "");
    writeFileSync(good, seedText);
    const missing = join(dir, "khong-co.txt");
    const first = importJson(db, empty, good, missing);
    expect(first.status).toBe(0);
    expect(first.summary).toMatchObject({ imported: 1, failed: 2 });
    const failures = rows<{ path: string; sha256: string | null; stage: string; message: string }>(db, "SELECT path, sha256, stage, message FROM failures ORDER BY path");
    expect(failures).toEqual([
      { path: missing, sha256: null, stage: "read", message: expect.stringMatching(/no such file/) },
      { path: empty, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stage: "read", message: "the file is empty" },
    ]);
    expect(first.summary.failures.map((f: { path: string }) => f.path).sort()).toEqual([missing, empty].sort());

    expect(importJson(db, empty).summary).toMatchObject({ imported: 0, failed: 0, skippedFailed: 1 });
    expect(importJson(db, empty).status).toBe(1);
    writeFileSync(empty, seedText.replace("năm 2023", "năm 2025"));
    const retried = vnplan(["import", "--retry-failed", "--db", db, "--json", "--no-progress"]).json();
    expect(retried).toMatchObject({ imported: 1 });
    expect(rows(db, "SELECT path FROM failures")).toEqual([{ path: missing }]);
  });

  it("exits 1 when nothing could be imported and 2 when the database cannot be opened", () => {
    const dir = tmp();
    const empty = join(dir, "rong.txt");
    writeFileSync(empty, "");
    const nothing = vnplan(["import", empty, "--db", join(dir, "a.db"), "--no-progress"]);
    expect(nothing.status).toBe(1);
    expect(nothing.stdout).toMatch(/rong\.txt: read: the file is empty/);
    const noDb = vnplan(["import", empty, "--db", join(dir, "no", "such", "dir", "a.db"), "--no-progress"]);
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toMatch(/store: cannot open the database/);
  });

  it("stores the same rows whether one thread does everything (--jobs 1) or worker threads extract (--jobs 2)", () => {
    const dir = tmp();
    const corpus = join(dir, "corpus");
    spawnSync(process.execPath, [join(repo, "scripts", "gen-corpus.mjs"), corpus, "12", "3"]);
    const empty = join(corpus, "rong.txt");
    writeFileSync(empty, "");
    const one = join(dir, "one.db");
    const two = join(dir, "two.db");
    const a = vnplan(["import", corpus, "--db", one, "--jobs", "1", "--json", "--no-progress"]).json();
    const b = vnplan(["import", corpus, "--db", two, "--jobs", "2", "--json", "--no-progress"]).json();
    expect(a).toMatchObject({ jobs: 1, imported: 12, failed: 1 });
    expect(b).toMatchObject({ jobs: 2, imported: 12, failed: 1 });
    expect(dump(one)).toEqual(dump(two));
  });

  it("loses and duplicates nothing when killed (kill -9) and run again", async () => {
    const dir = tmp();
    const corpus = join(dir, "corpus");
    const FILES = 60;
    spawnSync(process.execPath, [join(repo, "scripts", "gen-corpus.mjs"), corpus, String(FILES), "7"]);
    const killed = join(dir, "killed.db");
    const whole = join(dir, "whole.db");

    const child = spawn(process.execPath, [bin, "import", corpus, "--db", killed, "--jobs", "2", "--no-progress"], { stdio: "ignore" });
    let running = true;
    const exited = new Promise((r) => child.on("exit", r)).then(() => (running = false));
    let storedAtKill = 0;
    while (storedAtKill < 5 && running) {
      await new Promise((r) => setTimeout(r, 20));
      if (!existsSync(killed)) continue;
      try {
        storedAtKill = (rows<{ n: number }>(killed, "SELECT count(*) AS n FROM documents")[0]).n;
      } catch {
        // The tables may not exist yet.
      }
    }
    expect(running, "the import ended before it could be killed").toBe(true);
    child.kill("SIGKILL");
    await exited;
    expect(storedAtKill).toBeLessThan(FILES);

    const rerun = importJson(killed, corpus);
    expect(rerun.status).toBe(0);
    expect(rerun.summary.imported + rerun.summary.unchanged).toBe(FILES);
    expect(importJson(whole, corpus).summary.imported).toBe(FILES);
    expect(dump(killed)).toEqual(dump(whole));
    expect(rows(killed, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });
});
