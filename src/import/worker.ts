// An import worker: extracts the files it is sent, one after the other, and
// answers with the rows to store. The pool sends files ahead, so the next one
// waits here rather than the thread waiting for the writing thread.
import { parentPort, workerData } from "node:worker_threads";
import { runJob, type Job, type JobOptions } from "./job.js";

if (!parentPort) throw new Error("this module runs as a worker thread");
const port = parentPort;
const options = workerData as JobOptions;

const waiting: Job[] = [];
let busy = false;

port.on("message", (job: Job) => {
  waiting.push(job);
  if (!busy) void drain();
});

async function drain(): Promise<void> {
  busy = true;
  for (let job = waiting.shift(); job; job = waiting.shift()) port.postMessage(await runJob(job, options));
  busy = false;
}
