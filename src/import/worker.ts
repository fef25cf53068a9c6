// An import worker: extracts the files it is sent and answers with the rows to
// store, so that the importing thread only reads files and writes rows.
import { parentPort } from "node:worker_threads";
import { extract, type ExtractOptions } from "../index.js";
import { VnplanError } from "../errors.js";
import { toRows } from "../store/rows.js";
import type { Job, JobResult } from "./pool.js";

if (!parentPort) throw new Error("this module runs as a worker thread");
const port = parentPort;

port.on("message", async (job: Job) => {
  let result: JobResult;
  try {
    const options: ExtractOptions = { ...job.options, name: job.name };
    const x = await extract(job.bytes, options);
    result = { id: job.id, ok: true, rows: toRows(x, job.sha256), pages: Math.max(1, x.source.pages.length) };
  } catch (err) {
    const e = err instanceof VnplanError ? err : null;
    result = { id: job.id, ok: false, stage: e?.stage ?? "extract", message: (err as Error)?.message ?? String(err) };
  }
  port.postMessage(result);
});
