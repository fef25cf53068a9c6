// Importing files into a store: read and hash on this thread, extract in the
// worker pool, write each document whole or not at all (a savepoint each, a
// commit for a few). Safe to stop at any
// moment and run again: stored content is recognised by its SHA-256.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import pLimit from "p-limit";
import { SCHEMA_VERSION } from "../contract/schema.js";
import { VnplanError } from "../errors.js";
import type { ExtractOptions } from "../index.js";
import { resolveLimits, tooLarge } from "../limits.js";
import { openDb } from "../store/open.js";
import { createWriter, type Failure, type Location } from "../store/write.js";
import { listInputs } from "./files.js";
import { WorkerPool } from "./pool.js";

export interface ImportOptions {
  /** Database file, created when absent. */
  db: string;
  /** Extracting threads; defaults to the number of cores. */
  jobs?: number;
  /** Extract again the files whose failure is recorded (otherwise they are skipped while unchanged). */
  retryFailed?: boolean;
  extract?: Omit<ExtractOptions, "name">;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  done: number;
  total: number;
  failed: number;
  pages: number;
  elapsedMs: number;
}

export interface ImportSummary {
  db: string;
  jobs: number;
  files: number;
  /** Extracted and stored in this run. */
  imported: number;
  /** Already stored for this path and content. */
  unchanged: number;
  /** Content already stored under another path, recorded as one more location. */
  copies: number;
  /** Failed in this run. */
  failed: number;
  /** Failed before with the same content, not retried (see --retry-failed). */
  skippedFailed: number;
  pages: number;
  seconds: number;
  filesPerSecond: number;
  pagesPerSecond: number;
  peakRssMB: number;
  /** Processor time of the whole process (this thread and the extracting threads), user and system. */
  cpuSeconds: number;
  /** Every input file whose failure is on record: this run's and the skipped ones. */
  failures: Failure[];
}

/** Documents written between two recomputations of cited_documents, and between two index updates. */
const CITED_BATCH = 1000;
const INDEX_BATCH = 100;
/**
 * Documents that share a commit at most, and how long the oldest waits for it.
 * One: every document is its own transaction, durable as soon as it is written.
 * (Each document also sits in its own savepoint, so a larger group would still
 * store documents whole, trading a rerun of the last few for fewer commits.)
 */
const COMMIT_GROUP = 1;
const COMMIT_MS = 200;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function importPaths(inputs: readonly string[], options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const db = openDb(options.db);
  const writer = createWriter(db);
  // What an import stopped midway left to do.
  writer.refreshCited();
  writer.indexPending();
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const limits = resolveLimits(options.extract?.limits);
  const extractOptions = { ...options.extract, limits };

  const listed = await listInputs(inputs);
  let files = listed.files;
  if (options.retryFailed && !inputs.length) files = writer.failures().map((f) => f.path);
  const fail = (f: Failure): void => writer.recordFailure(f);
  for (const m of listed.missing) fail({ path: m, sha256: null, stage: "read", message: "no such file, folder or matching glob" });

  const s = { imported: 0, unchanged: 0, copies: 0, failed: listed.missing.length, skippedFailed: 0, pages: 0, done: 0 };
  const report = (): void =>
    options.onProgress?.({ done: s.done, total: files.length, failed: s.failed, pages: s.pages, elapsedMs: performance.now() - started });

  const pool = new WorkerPool(jobs, limits.maxMillis);
  // Files held in memory at once: enough to keep every thread busy, few enough that memory stays flat.
  const limit = pLimit(jobs * 2);
  let storeError: unknown = null;

  // Documents written since the last commit; a crash loses them whole, and the next run imports them again.
  let group = { size: 0, since: 0 };
  const commit = (): void => {
    writer.commit();
    group = { size: 0, since: 0 };
  };
  const grouped = (write: () => void): void => {
    if (!group.size) {
      writer.begin();
      group.since = performance.now();
    }
    group.size++;
    write();
    if (group.size >= COMMIT_GROUP || performance.now() - group.since >= COMMIT_MS) commit();
  };

  const importOne = async (path: string): Promise<void> => {
    if (storeError) return;
    let bytes: Buffer;
    let location: Location;
    try {
      // One open file for its size and its bytes: no second lookup of the path.
      const file = await open(path, "r");
      try {
        const info = await file.stat();
        if (info.size > limits.maxBytes) throw tooLarge(info.size, limits, path);
        bytes = await file.readFile();
        location = { path, size: info.size, mtimeMs: info.mtimeMs };
      } finally {
        await file.close();
      }
    } catch (err) {
      const e = err instanceof VnplanError ? err : null;
      const code = (err as NodeJS.ErrnoException).code;
      s.failed++;
      fail({ path, sha256: null, stage: e?.stage ?? "read", message: code === "ENOENT" ? "no such file" : (err as Error).message });
      return;
    }
    const sha = createHash("sha256").update(bytes).digest("hex");
    const stored = writer.documentId(sha, SCHEMA_VERSION);
    if (stored !== null) {
      if (writer.hasLocation(path, stored)) s.unchanged++;
      else {
        writer.addLocation(stored, location);
        s.copies++;
      }
      return;
    }
    if (!options.retryFailed && writer.failureFor(path, sha)) {
      s.skippedFailed++;
      return;
    }
    const r = await pool.run({ name: basename(path), bytes, sha256: sha, options: extractOptions });
    if (storeError) return;
    if (r.ok) {
      grouped(() => writer.writeDocument(r.rows, location));
      s.imported++;
      s.pages += r.pages;
      if (s.imported % INDEX_BATCH === 0) writer.indexPending();
      if (s.imported % CITED_BATCH === 0) writer.refreshCited();
    } else {
      s.failed++;
      fail({ path, sha256: sha, stage: r.stage, message: r.message });
    }
  };

  const ticker = setInterval(() => {
    if (group.size && performance.now() - group.since >= COMMIT_MS) commit();
    report();
  }, COMMIT_MS);
  try {
    await Promise.all(
      files.map((path) =>
        limit(async () => {
          try {
            await importOne(path);
          } catch (err) {
            storeError ??= err;
          }
          s.done++;
        }),
      ),
    );
  } finally {
    clearInterval(ticker);
    await pool.close();
    commit();
  }
  report();
  if (storeError) {
    db.close();
    const e = storeError as Error;
    throw e instanceof VnplanError ? e : new VnplanError("store", e.message, { file: options.db, cause: e });
  }
  writer.refreshCited();
  writer.indexPending();
  const fileSet = new Set(files);
  const recorded = writer.failures().filter((f) => fileSet.has(f.path) || listed.missing.includes(f.path));
  db.close();
  const seconds = (performance.now() - started) / 1000;
  return {
    db: options.db,
    jobs,
    files: files.length,
    imported: s.imported,
    unchanged: s.unchanged,
    copies: s.copies,
    failed: s.failed,
    skippedFailed: s.skippedFailed,
    pages: s.pages,
    seconds: round(seconds),
    filesPerSecond: round(files.length / seconds),
    pagesPerSecond: round(s.pages / seconds),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: round(cpuSecondsSince(cpuAtStart)),
    failures: recorded,
  };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
