// A pool of worker threads that extract files. A worker that crashes or runs
// past the time limit is replaced, and its file is reported as failed.
import { Worker } from "node:worker_threads";
import type { ExtractOptions } from "../index.js";
import type { DocumentRows } from "../store/rows.js";

export interface Job {
  id: number;
  /** File name, for format hints and messages. */
  name: string;
  bytes: Uint8Array;
  sha256: string;
  options: Omit<ExtractOptions, "name">;
}

export type JobResult =
  | { id: number; ok: true; rows: DocumentRows; pages: number }
  | { id: number; ok: false; stage: string; message: string };

interface Slot {
  worker: Worker;
  /** Files this thread has extracted. */
  served: number;
  job: Job | null;
  done: ((r: JobResult) => void) | null;
  timer: NodeJS.Timeout | null;
}

// From dist/ the worker is compiled JavaScript; from src/ (tsx, tests) it is TypeScript run through tsx.
const self = new URL(import.meta.url);
const fromSource = self.pathname.endsWith(".ts");
const workerUrl = new URL(fromSource ? "./worker.ts" : "./worker.js", self);

/** Code for a thread that registers tsx, then loads a TypeScript module. */
function throughTsx(url: URL): string {
  const api = import.meta.resolve("tsx/esm/api");
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
}

const RECYCLE_AFTER = 500;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: Job; done: (r: JobResult) => void }[] = [];
  private nextId = 1;
  private closed = false;

  /** Threads start when there is work for them: a run where everything is stored already starts none. */
  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {}

  run(job: Omit<Job, "id">): Promise<JobResult> {
    return new Promise((done) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, done });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = fromSource ? new Worker(throughTsx(workerUrl), { eval: true }) : new Worker(workerUrl);
    const slot: Slot = { worker, served: 0, job: null, done: null, timer: null };
    worker.on("message", (r: JobResult) => this.finish(slot, r));
    worker.on("error", (err) => this.replace(slot, `the extracting thread failed: ${err.message}`));
    worker.on("exit", (code) => this.replace(slot, `the extracting thread stopped (exit code ${code})`));
    return slot;
  }

  private dispatch(): void {
    while (this.slots.length < this.size && this.slots.filter((s) => !s.job).length < this.queue.length) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      const { job, done } = this.queue.shift()!;
      slot.job = job;
      slot.done = done;
      // Synchronous work cannot be interrupted inside the thread; ending the thread can.
      slot.timer = setTimeout(() => {
        const s = job;
        if (slot.job === s) this.replace(slot, `took longer than ${this.timeoutMs / 1000} s (limit set by --timeout)`, "ingest");
      }, this.timeoutMs);
      const transfer = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength ? job.bytes : job.bytes.slice();
      slot.worker.postMessage({ ...job, bytes: transfer }, [transfer.buffer as ArrayBuffer]);
    }
  }

  private finish(slot: Slot, r: JobResult): void {
    if (!slot.job || slot.job.id !== r.id) return;
    const done = slot.done!;
    this.free(slot);
    // A fresh thread now and then keeps memory flat whatever the extractors keep between files.
    if (++slot.served >= RECYCLE_AFTER) this.retire(slot);
    done(r);
    this.dispatch();
  }

  private free(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.done = null;
    slot.timer = null;
  }

  /** Ends a slot's thread and takes the slot out; dispatch starts another when there is work. */
  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {});
    void slot.worker.terminate();
  }

  /** Ends a slot's thread and fails its file; a fresh thread takes over. */
  private replace(slot: Slot, message: string, stage = "extract"): void {
    if (!this.slots.includes(slot)) return;
    const { job, done } = slot;
    this.free(slot);
    this.retire(slot);
    if (this.closed) return;
    if (job && done) done({ id: job.id, ok: false, stage, message });
    this.dispatch();
  }
}
