import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve, sep } from "node:path";
import type { Command } from "commander";
import { extract, extractFile, type ExtractOptions } from "../../index.js";
import { VnplanError } from "../../errors.js";

interface ExtractFlags {
  outDir?: string;
  ocr: "auto" | "always" | "never";
  toneStyle: "preserve" | "modern" | "traditional";
  pretty: boolean;
}

export function register(program: Command): void {
  program
    .command("extract")
    .description("extract plans into JSON (stdout for one input, or one file per input with --out-dir); '-' reads stdin")
    .argument("<files...>", "input files, or - for standard input")
    .option("-o, --out-dir <dir>", "write <dir>/<input name without extension>.json for each input")
    .option("--ocr <mode>", "OCR for pages without a text layer: auto, always or never", "auto")
    .option("--tone-style <style>", "tone mark placement: preserve, modern or traditional", "preserve")
    .option("--no-pretty", "print compact JSON")
    .action(async (files: string[], flags: ExtractFlags) => {
      const options: ExtractOptions = { ocr: flags.ocr, toneStyle: flags.toneStyle };
      if (files.length > 1 && !flags.outDir) throw new VnplanError("read", "several inputs need --out-dir");
      let failed = 0;
      for (const file of files) {
        try {
          const result =
            file === "-" ? await extract(await readStdin(), { ...options, name: "stdin" }) : await extractFile(file, options);
          const json = JSON.stringify(result, null, flags.pretty ? 2 : undefined) + "\n";
          if (flags.outDir) {
            const target = outputPath(flags.outDir, file === "-" ? "stdin" : file);
            await mkdir(flags.outDir, { recursive: true });
            await writeFile(target, json);
          } else process.stdout.write(json);
        } catch (err) {
          failed++;
          const e = err instanceof VnplanError ? err : new VnplanError("extract", (err as Error).message, { file });
          process.stderr.write(`${e.file ? e.toLine() : `${file}: ${e.stage}: ${e.message}`}\n`);
        }
      }
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

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
