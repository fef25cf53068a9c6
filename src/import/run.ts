// Importing files into a store: read and hash each file on this thread,
// extract it (here with --jobs 1, in a pool of threads with --jobs 2 and more),
// and write each document whole or not at all, in a transaction of its own.
// Safe to stop at any moment and run again: stored content is recognised by its SHA-256.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import pLimit from "p-limit";
import { SCHEMA_VERSION } from "../contract/version.js";
import { VnplanError } from "../errors.js";
import type { ExtractOptions } from "../index.js";
import { resolveLimits, tooLarge, withTimeout, type Limits } from "../limits.js";
import { openDb } from "../store/open.js";
import { createWriter, type Failure, type Location } from "../store/write.js";
import { listInputs } from "./files.js";
import type { Job, JobOptions, JobResult } from "./job.js";
import { ByteBudget } from "./budget.js";
import { AHEAD_BYTES, DEPTH, WorkerPool } from "./pool.js";

export interface ImportOptions {
  /** Database file, created when absent. */
  db: string;
  /**
   * Files extracted at once; defaults to the number of cores. 1: this thread
   * reads, extracts and writes each file in turn, with no other thread. N ≥ 2:
   * N worker threads extract while this thread reads files and writes rows.
   */
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

/** Documents written between two index updates. */
const INDEX_BATCH = 100;
/**
 * Documents written between two recomputations of cited_documents: at least
 * CITED_BATCH, and half the store. A key's row is recomputed from all its
 * mentions, so a fixed batch would make a long import's recomputations grow
 * with the square of its size; growing batches keep them in proportion to it.
 * The rows are exact again at the end of every import.
 */
const CITED_BATCH = 1000;
/** Keys recomputed in one transaction of a refresh during an import. */
const CITED_SLICE = 200;
const PROGRESS_MS = 200;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

type Extractor = { run(job: Omit<Job, "id">): Promise<JobResult>; close(): Promise<void> };

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
  const jobOptions: JobOptions = { ...options.extract, limits };

  const listed = await listInputs(inputs);
  let files = listed.files;
  if (options.retryFailed && !inputs.length) files = writer.failures().map((f) => f.path);
  const fail = (f: Failure): void => writer.recordFailure(f);
  for (const m of listed.missing) fail({ path: m, sha256: null, stage: "read", message: "no such file, folder or matching glob" });

  const s = { imported: 0, unchanged: 0, copies: 0, failed: listed.missing.length, skippedFailed: 0, pages: 0, done: 0 };
  const report = (): void =>
    options.onProgress?.({ done: s.done, total: files.length, failed: s.failed, pages: s.pages, elapsedMs: performance.now() - started });

  const extractor: Extractor = jobs === 1 ? onThisThread(limits, jobOptions) : new WorkerPool(jobs, limits.maxMillis, jobOptions);
  // Files held in memory at once. One job: one file at a time. More: what each thread
  // holds (DEPTH files, AHEAD_BYTES) and one extracted per thread waiting to be
  // written, so that no thread waits for another; within a byte budget, so that
  // memory stays flat however large the files.
  const limit = pLimit(jobs === 1 ? 1 : jobs * (DEPTH + 1));
  const budget = new ByteBudget(2 * jobs * AHEAD_BYTES);
  let storeError: unknown = null;
  const storedAtStart = writer.storedDocuments();
  let sinceCited = 0;

  // A refresh of a big store takes seconds: in slices, between which this thread
  // hands the extracting threads more files and writes what they return.
  let refreshing = false;
  const refreshInSlices = async (): Promise<void> => {
    if (refreshing) return;
    refreshing = true;
    try {
      while (writer.refreshCited(CITED_SLICE) && !storeError) await nextTurn();
    } finally {
      refreshing = false;
    }
  };

  const importOne = async (path: string): Promise<void> => {
    if (storeError) return;
    let bytes: Buffer;
    let location: Location;
    try {
      ({ bytes, location } = readInput(path, limits));
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
    const r = await extractor.run({ name: basename(path), bytes, sha256: sha });
    if (storeError) return;
    if (r.ok) {
      writer.writeDocument(r.rows, location);
      s.imported++;
      s.pages += r.pages;
      if (s.imported % INDEX_BATCH === 0) writer.indexPending();
      if (++sinceCited >= Math.max(CITED_BATCH, (storedAtStart + s.imported) >> 1)) {
        sinceCited = 0;
        await refreshInSlices();
      }
    } else {
      s.failed++;
      fail({ path, sha256: sha, stage: r.stage, message: r.message });
    }
  };

  const ticker = setInterval(report, PROGRESS_MS);
  try {
    await Promise.all(
      files.map((path) =>
        limit(async () => {
          const size = jobs === 1 ? 0 : sizeToRead(path, limits);
          await budget.take(size);
          try {
            await importOne(path);
          } catch (err) {
            storeError ??= err;
          } finally {
            budget.give(size);
          }
          s.done++;
        }),
      ),
    );
  } finally {
    clearInterval(ticker);
    await extractor.close();
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

/**
 * Extraction on the importing thread (--jobs 1): no thread to start, no rows to
 * copy between threads. The time limit stops what waits on I/O (PDF reading,
 * OCR) as `vnplan extract` does for one file; the stages after ingest run in
 * linear time and cannot be interrupted on this thread, so a file that took
 * longer than the limit all the same is failed afterwards, as a thread would
 * have failed it. A file that throws is a failure like in a thread.
 */
function onThisThread(limits: Limits, options: JobOptions): Extractor {
  let nextId = 1;
  // The extractors load with the first file: with worker threads, this thread never needs them.
  const extraction = import("./job.js");
  return {
    async run(job) {
      const { runJob, failed } = await extraction;
      const id = nextId++;
      const started = performance.now();
      let r = await withTimeout(runJob({ ...job, id }, options), limits.maxMillis, job.name).catch((err: unknown) => failed(id, err));
      if (r.ok && performance.now() - started > limits.maxMillis) {
        r = { id, ok: false, stage: "ingest", message: `took longer than ${limits.maxMillis / 1000} s (limit set by --timeout)` };
      }
      // Lets timers (progress) and signals in between two files.
      await nextTurn();
      return r;
    },
    close: async () => {},
  };
}

/** The bytes reading `path` will hold: 0 when it cannot be read or is over --max-size (it fails unread). */
function sizeToRead(path: string, limits: Limits): number {
  try {
    const size = statSync(path).size;
    return size > limits.maxBytes ? 0 : size;
  } catch {
    return 0;
  }
}

/** A file's bytes and where they came from, read with one open file; over --max-size fails unread. */
function readInput(path: string, limits: Limits): { bytes: Buffer; location: Location } {
  const fd = openSync(path, "r");
  try {
    const info = fstatSync(fd);
    if (info.size > limits.maxBytes) throw tooLarge(info.size, limits, path);
    // A buffer of its own, so that a thread can take it without a copy.
    const bytes = Buffer.allocUnsafeSlow(info.size);
    let read = 0;
    while (read < info.size) {
      const n = readSync(fd, bytes, read, info.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: read < info.size ? bytes.subarray(0, read) : bytes, location: { path, size: info.size, mtimeMs: info.mtimeMs } };
  } finally {
    closeSync(fd);
  }
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
