import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve, sep } from "node:path";
import type { Command } from "commander";
import type { ExtractOptions } from "../../index.js";
import { VnplanError } from "../../errors.js";
import { IsolatedExtractor } from "../isolated.js";
import { resolveLimits, tooLarge, withTimeout, type Limits } from "../../limits.js";
import { addLimitFlags, addReadFlags, limitsOf, type LimitFlags, type ReadFlags } from "../flags.js";

// The extractors load when a file is extracted on this thread: `vnplan query`,
// `--help`, and batches (extracted in a thread) start without them.
const library = () => import("../../index.js");

interface ExtractFlags extends ReadFlags, LimitFlags {
  outDir?: string;
  pretty: boolean;
}

export function register(program: Command): void {
  const command = program
    .command("extract")
    .description("extract plans into JSON (stdout for one input, or one file per input with --out-dir); '-' reads stdin")
    .argument("<files...>", "input files, or - for standard input")
    .option("-o, --out-dir <dir>", "write <dir>/<input name without extension>.json for each input")
    .option("--no-pretty", "print compact JSON");
  addLimitFlags(addReadFlags(command)).action(async (files: string[], flags: ExtractFlags) => {
      const limits = resolveLimits(limitsOf(flags));
      const options: ExtractOptions = { ocr: flags.ocr, toneStyle: flags.toneStyle, limits };
      if (files.length > 1 && !flags.outDir) throw new VnplanError("read", "several inputs need --out-dir");
      let failed = 0;
      const written = new Set<string>();
      // A batch, or an explicit --timeout, runs files in a thread that can be stopped mid-stage.
      const isolated = files.length > 1 || flags.timeout !== undefined ? new IsolatedExtractor(limits.maxMillis) : null;
      for (const file of files) {
        try {
          if (file !== "-") await checkSize(file, limits);
          const result =
            file === "-"
              ? await withTimeout(readStdin().then(async (b) => (await library()).extract(b, { ...options, name: "stdin" })), limits.maxMillis, file)
              : isolated
                ? await isolated.extract(file, options)
                : await withTimeout(library().then((l) => l.extractFile(file, options)), limits.maxMillis, file);
          const json = JSON.stringify(result, null, flags.pretty ? 2 : undefined) + "\n";
          if (flags.outDir) {
            const target = unique(outputPath(flags.outDir, file === "-" ? "stdin" : file), written);
            await mkdir(flags.outDir, { recursive: true });
            await writeFile(target, json);
          } else process.stdout.write(json);
        } catch (err) {
          failed++;
          const e = err instanceof VnplanError ? err : new VnplanError("extract", (err as Error).message, { file });
          process.stderr.write(`${e.file ? e.toLine() : `${file}: ${e.stage}: ${e.message}`}\n`);
        }
      }
      await isolated?.close();
      if (failed) process.exitCode = 1;
    });
}

/** DIR/<name without extension>.json, never outside DIR whatever the input name holds. */
export function outputPath(outDir: string, input: string): string {
  const stem = basename(input, extname(input)).replace(/[\\/]/g, "_") || "input";
  const dir = resolve(outDir);
  const target = resolve(join(dir, `${stem === ".." || stem === "." ? "_" : stem}.json`));
  if (!target.startsWith(dir + sep)) throw new VnplanError("read", "output name escapes --out-dir", { file: input });
  return target;
}

/** `target`, or `target` with -2, -3 … when an earlier input of this run already wrote it ("a.txt", "a.docx"). */
function unique(target: string, written: Set<string>): string {
  let t = target;
  for (let n = 2; written.has(t); n++) t = target.replace(/\.json$/, `-${n}.json`);
  written.add(t);
  return t;
}

/** Refuses an oversized file before reading it into memory. */
async function checkSize(file: string, limits: Limits): Promise<void> {
  const size = await stat(file).then((s) => s.size, () => null);
  if (size !== null && size > limits.maxBytes) throw tooLarge(size, limits, file);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
