// A pool of worker threads that extract files. Each thread holds the file it
// works on and the next ones, so it never waits for the writing thread between
// two files. A thread that crashes or runs past the time limit is replaced:
// its current file is reported as failed, the files waiting behind it (sent as
// copies for this reason) go to another thread.
import { Worker } from "node:worker_threads";
import type { Job, JobOptions, JobResult } from "./job.js";

interface Pending {
  job: Job;
  /** The file's size (its bytes leave this thread when it is sent). */
  size: number;
  done: (r: JobResult) => void;
}

interface Slot {
  worker: Worker;
  /** Files this thread has extracted. */
  served: number;
  /** Files sent to the thread, in the order it works on them: the first is under way. */
  sent: Pending[];
  /** Bytes of the files in `sent`. */
  held: number;
  /** Time limit of the file under way. */
  timer: NodeJS.Timeout | null;
  /** Takes no more files; ends when the ones it holds are done. */
  retiring: boolean;
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

/**
 * Files a thread holds at most: the one under way and those sent ahead, so
 * that it keeps working while the writing thread is busy. A commit that copies
 * the database's log back (0.1–0.3 s) lasts as long as twenty or more files'
 * extraction; with only a few files ahead, the threads sat idle through it.
 */
export const DEPTH = 32;
/** Bytes sent ahead to one thread at most, so that large files are not piled up in it. */
export const AHEAD_BYTES = 8 * 1024 * 1024;
/**
 * A fresh thread now and then bounds whatever the extractors keep between
 * files; rarely, since a fresh thread compiles the extractors again (two to
 * three seconds of processor time, a tenth of what 5,000 files take), and the
 * threads' heaps stay level over 10,000-file imports without it.
 */
const RECYCLE_AFTER = 20000;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /** Threads start when there is work for them: a run where everything is stored already starts none. */
  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
    private readonly options: JobOptions,
  ) {}

  run(job: Omit<Job, "id">): Promise<JobResult> {
    return new Promise((done) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, size: job.bytes.byteLength, done });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = fromSource
      ? new Worker(throughTsx(workerUrl), { eval: true, workerData: this.options })
      : new Worker(workerUrl, { workerData: this.options });
    const slot: Slot = { worker, served: 0, sent: [], held: 0, timer: null, retiring: false };
    worker.on("message", (r: JobResult) => this.finish(slot, r));
    worker.on("error", (err) => this.replace(slot, `the extracting thread failed: ${err.message}`));
    worker.on("exit", (code) => this.replace(slot, `the extracting thread stopped (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  /** Idle threads first, then a second file for each, and so on, starting threads up to the pool's size. */
  private dispatch(): void {
    for (let depth = 1; depth <= DEPTH && this.queue.length; depth++) {
      for (const slot of this.slots) if (!slot.retiring && slot.sent.length < depth && this.queue.length && this.hasRoom(slot)) this.send(slot, this.queue.shift()!);
      while (this.queue.length && this.slots.filter((s) => !s.retiring).length < this.size) this.send(this.spawn(), this.queue.shift()!);
    }
  }

  /** An idle thread takes any file; a busy one, the next file while it stays within AHEAD_BYTES. */
  private hasRoom(slot: Slot): boolean {
    return slot.sent.length === 0 || slot.held + this.queue[0].size <= AHEAD_BYTES;
  }

  private send(slot: Slot, p: Pending): void {
    slot.sent.push(p);
    slot.held += p.size;
    if (slot.sent.length > 1) {
      // Sent ahead: a copy, so that the file can go to another thread if this one dies first.
      slot.worker.postMessage(p.job);
      return;
    }
    this.startTimer(slot);
    const { bytes } = p.job;
    const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    slot.worker.postMessage({ ...p.job, bytes: transfer }, [transfer.buffer as ArrayBuffer]);
  }

  /** The file under way gets the whole limit from the moment the thread can start it. */
  private startTimer(slot: Slot): void {
    // Synchronous work cannot be interrupted inside the thread; ending the thread can.
    slot.timer = setTimeout(() => this.replace(slot, `took longer than ${this.timeoutMs / 1000} s (limit set by --timeout)`, "ingest"), this.timeoutMs);
  }

  private finish(slot: Slot, r: JobResult): void {
    const head = slot.sent[0];
    if (!head || head.job.id !== r.id) return;
    slot.sent.shift();
    slot.held -= head.size;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.sent.length) this.startTimer(slot);
    if (++slot.served >= RECYCLE_AFTER) slot.retiring = true;
    if (slot.retiring && !slot.sent.length) this.retire(slot);
    head.done(r);
    this.dispatch();
  }

  /** Ends a slot's thread and takes the slot out; dispatch starts another when there is work. */
  private retire(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {});
    void slot.worker.terminate();
  }

  /** Ends a slot's thread and fails its current file; the files behind it go back to the queue. */
  private replace(slot: Slot, message: string, stage = "extract"): void {
    if (!this.slots.includes(slot)) return;
    const [head, ...rest] = slot.sent;
    slot.sent = [];
    slot.held = 0;
    this.retire(slot);
    if (this.closed) return;
    this.queue.unshift(...rest);
    if (head) head.done({ id: head.job.id, ok: false, stage, message });
    this.dispatch();
  }
}
