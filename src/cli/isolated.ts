// Extracts files in a worker thread so that --timeout holds for every stage:
// the core stages are synchronous and cannot be interrupted inside the thread
// that runs them, but ending the thread can. One thread serves file after
// file; a thread that runs out of time is ended and the next file gets a new one.
import { Worker } from "node:worker_threads";
import type { Extraction } from "../contract/schema.js";
import { VnplanError, type Stage } from "../errors.js";
import type { ExtractOptions } from "../index.js";

type Answer = { id: number; ok: true; result: Extraction } | { id: number; ok: false; stage: Stage; message: string; file: string | null };

// From dist/ the thread runs compiled JavaScript; from src/ (tsx, tests) it registers tsx first.
const self = new URL(import.meta.url);
const fromSource = self.pathname.endsWith(".ts");
const workerUrl = new URL(fromSource ? "./isolated-worker.ts" : "./isolated-worker.js", self);

function startWorker(): Worker {
  if (!fromSource) return new Worker(workerUrl);
  const api = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`, { eval: true });
}

export class IsolatedExtractor {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly timeoutMs: number) {}

  /** Extracts `file` within the time limit, or rejects with a VnplanError naming it. */
  extract(file: string, options: ExtractOptions): Promise<Extraction> {
    const worker = (this.worker ??= startWorker());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        fn();
      };
      const fail = (stage: Stage, message: string) => settle(() => reject(new VnplanError(stage, message, { file })));
      const onMessage = (a: Answer) => {
        if (a.id !== id) return;
        if (a.ok) settle(() => resolve(a.result));
        else settle(() => reject(new VnplanError(a.stage, a.message, { file: a.file ?? file })));
      };
      const onError = (err: Error) => {
        this.drop(worker);
        fail("extract", `the extracting thread failed: ${err.message}`);
      };
      const onExit = (code: number) => {
        this.drop(worker);
        fail("extract", `the extracting thread stopped (exit code ${code})`);
      };
      const timer = setTimeout(() => {
        this.drop(worker);
        fail("ingest", `took longer than ${this.timeoutMs / 1000} s (limit set by --timeout)`);
      }, this.timeoutMs);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage({ id, file, options });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private drop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    worker.removeAllListeners();
    worker.on("error", () => {});
    void worker.terminate();
  }
}
