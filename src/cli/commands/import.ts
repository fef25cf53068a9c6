import { InvalidArgumentError, type Command } from "commander";
import { parseCount, parseDuration, parseSize } from "../../limits.js";
import { defaultJobs, importPaths, type ImportSummary } from "../../import/run.js";
import { progressReporter } from "../../import/progress.js";

interface ImportFlags {
  db: string;
  jobs?: number;
  json: boolean;
  progress: boolean;
  retryFailed: boolean;
  ocr: "auto" | "always" | "never";
  toneStyle: "preserve" | "modern" | "traditional";
  maxSize?: number;
  maxPages?: number;
  maxUnzipped?: number;
  timeout?: number;
}

export function register(program: Command): void {
  program
    .command("import")
    .description("extract files, folders and globs into a SQLite database; resumable, content already stored is skipped")
    .argument("[paths...]", "files, folders (walked) or globs")
    .option("--db <file>", "database file", "vnplan.db")
    .option("-j, --jobs <n>", `extracting threads (default: the number of cores, ${defaultJobs()} here)`, flag(parseCount))
    .option("--json", "print a JSON summary on stdout at the end", false)
    .option("--no-progress", "no progress on stderr")
    .option("--retry-failed", "extract again the files that failed before (all recorded ones when no path is given)", false)
    .option("--ocr <mode>", "OCR for pages without a text layer: auto, always or never", "auto")
    .option("--tone-style <style>", "tone mark placement: preserve, modern or traditional", "preserve")
    .option("--max-size <size>", "refuse larger input files (e.g. 20M, 1G; default 100M)", flag(parseSize))
    .option("--max-pages <n>", "refuse PDFs with more pages (default 2000)", flag(parseCount))
    .option("--max-unzipped <size>", "refuse DOCX/XLSX that expand beyond this (default 200M)", flag(parseSize))
    .option("--timeout <duration>", "give up on a file after this long (e.g. 90s, 2m; default 120s)", flag(parseDuration))
    .action(async (paths: string[], flags: ImportFlags) => {
      if (!paths.length && !flags.retryFailed) throw new InvalidArgumentError("give files, folders or globs to import (or --retry-failed)");
      const reporter = flags.progress ? progressReporter() : null;
      const summary = await importPaths(paths, {
        db: flags.db,
        jobs: flags.jobs,
        retryFailed: flags.retryFailed,
        extract: {
          ocr: flags.ocr,
          toneStyle: flags.toneStyle,
          limits: { maxBytes: flags.maxSize, maxPages: flags.maxPages, maxUnzippedBytes: flags.maxUnzipped, maxMillis: flags.timeout },
        },
        onProgress: reporter ? (p) => reporter.update(p) : undefined,
      }).finally(() => reporter?.stop());
      if (flags.json) process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
      else process.stdout.write(humanSummary(summary));
      const stored = summary.imported + summary.unchanged + summary.copies;
      if (stored === 0) process.exitCode = 1;
    });
}

function humanSummary(s: ImportSummary): string {
  const lines = [
    `${s.files} files: ${s.imported} imported, ${s.unchanged} already stored, ${s.copies} copies of stored documents, ` +
      `${s.failed} failed${s.skippedFailed ? `, ${s.skippedFailed} known failures skipped (--retry-failed)` : ""}`,
    `${s.seconds} s, ${s.filesPerSecond} files/s, ${s.pagesPerSecond} pages/s, into ${s.db}`,
  ];
  if (s.failures.length) lines.push("failed:", ...s.failures.map((f) => `  ${f.path}: ${f.stage}: ${f.message}`));
  return lines.join("\n") + "\n";
}

/** Wraps a flag parser so that its error reads as a commander usage error. */
export function flag<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
}
