// One file's extraction for the import, turned into the rows the store writes.
// The same code runs on the importing thread (--jobs 1) and in the pool's
// threads (--jobs 2 and more), so both store the same rows.
import { VnplanError } from "../errors.js";
import type { ExtractOptions } from "../index.js";
import { ingest } from "../ingest/index.js";
import { runPipeline } from "../pipeline.js";
import { toRows, type DocumentRows } from "../store/rows.js";

/** Options every file of an import shares. */
export type JobOptions = Omit<ExtractOptions, "name">;

export interface Job {
  id: number;
  /** File name, for format hints and messages. */
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

export type JobResult =
  | { id: number; ok: true; rows: DocumentRows; pages: number }
  | { id: number; ok: false; stage: string; message: string };

/** Extracts one file; a failure is a result, not an exception. */
export async function runJob(job: Job, options: JobOptions): Promise<JobResult> {
  try {
    const ingested = await ingest(job.bytes, { ...options, name: job.name });
    // The importing thread hashed the bytes already: the pipeline takes that hash.
    const x = runPipeline(ingested, { ...options, name: job.name, sha256: job.sha256 });
    return { id: job.id, ok: true, rows: toRows(x, job.sha256), pages: Math.max(1, x.source.pages.length) };
  } catch (err) {
    return failed(job.id, err);
  }
}

export function failed(id: number, err: unknown): JobResult {
  const e = err instanceof VnplanError ? err : null;
  return { id, ok: false, stage: e?.stage ?? "extract", message: (err as Error)?.message ?? String(err) };
}
