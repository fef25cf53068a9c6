// The thread behind isolated.ts: extracts the files it is sent, one at a time.
import { parentPort } from "node:worker_threads";
import { VnplanError } from "../errors.js";
import { extractFile, type ExtractOptions } from "../index.js";

if (!parentPort) throw new Error("this module runs as a worker thread");
const port = parentPort;

port.on("message", async ({ id, file, options }: { id: number; file: string; options: ExtractOptions }) => {
  try {
    port.postMessage({ id, ok: true, result: await extractFile(file, options) });
  } catch (err) {
    const e = err instanceof VnplanError ? err : new VnplanError("extract", (err as Error)?.message ?? String(err), { file });
    port.postMessage({ id, ok: false, stage: e.stage, message: e.message, file: e.file });
  }
});
