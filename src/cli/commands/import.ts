import { InvalidArgumentError, type Command } from "commander";
import { parseCount } from "../../limits.js";
import { addLimitFlags, addReadFlags, flag, limitsOf, type LimitFlags, type ReadFlags } from "../flags.js";
import { defaultJobs, importPaths, type ImportSummary } from "../../import/run.js";
import { progressReporter } from "../../import/progress.js";

interface ImportFlags extends ReadFlags, LimitFlags {
  db: string;
  jobs?: number;
  json: boolean;
  progress: boolean;
  retryFailed: boolean;
}

export function register(program: Command): void {
  const command = program
    .command("import")
    .description("extract files, folders and globs into a SQLite database; resumable, content already stored is skipped")
    .argument("[paths...]", "files, folders (walked) or globs")
    .option("--db <file>", "database file", "vnplan.db")
    .option(
      "-j, --jobs <n>",
      `files extracted at once (default: the number of cores, ${defaultJobs()} here); 1: one thread reads, extracts and writes ` +
        "each file in turn; N ≥ 2: N worker threads extract while the main thread writes",
      flag(parseCount),
    )
    .option("--json", "print a JSON summary on stdout at the end", false)
    .option("--no-progress", "no progress on stderr")
    .option("--retry-failed", "extract again the files that failed before (all recorded ones when no path is given)", false);
  addLimitFlags(addReadFlags(command)).action(async (paths: string[], flags: ImportFlags) => {
      if (!paths.length && !flags.retryFailed) throw new InvalidArgumentError("give files, folders or globs to import (or --retry-failed)");
      const reporter = flags.progress ? progressReporter() : null;
      const summary = await importPaths(paths, {
        db: flags.db,
        jobs: flags.jobs,
        retryFailed: flags.retryFailed,
        extract: {
          ocr: flags.ocr,
          toneStyle: flags.toneStyle,
          limits: limitsOf(flags),
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
