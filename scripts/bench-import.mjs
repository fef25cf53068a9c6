#!/usr/bin/env node
// Import benchmark: `vnplan import` (the built CLI) on a generated corpus.
// - throughput: files/s on 2,000 files with --jobs 1 and --jobs 2 (and the ratio);
// - memory: peak RSS of the importing process at 1,000 and 10,000 files, which
//   must not grow with the number of files.
// Prints one line of JSON on stdout (progress on stderr).
//
//   npm run build && node scripts/bench-import.mjs            # 2,000 / 1,000 / 10,000 files
//   node scripts/bench-import.mjs --quick                      # 400 / 200 / 1,000 files
//   node scripts/bench-import.mjs --runs 3                     # best of 3 for each --jobs (default 2)
//
// On a machine shared with other work the wall-clock figures vary from run to
// run; each --jobs setting keeps its best run, and the processor seconds per
// file (cpuMsPerFile) are reported too, since they do not depend on the load.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./gen-corpus.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "vnplan.js");
if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  process.stderr.write("bench-import: build first (npm run build)\n");
  process.exit(2);
}
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const RUNS = args.includes("--runs") ? Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 1) : 2;
const SPEED_FILES = quick ? 400 : 2000;
const RSS_FILES = quick ? [200, 1000] : [1000, 10000];
const PER_FOLDER = 100; // gen-corpus writes 100 files per folder

const work = mkdtempSync(join(tmpdir(), "vnplan-bench-import-"));
const log = (s) => process.stderr.write(`bench-import: ${s}\n`);

try {
  const total = Math.max(SPEED_FILES, ...RSS_FILES);
  log(`generating ${total} plan files`);
  generateCorpus(join(work, "corpus"), total, 1);
  const folders = (n) => Array.from({ length: Math.ceil(n / PER_FOLDER) }, (_, i) => join(work, "corpus", `hop-${String(i).padStart(3, "0")}`));

  let run = 0;
  const importRun = (files, jobs) => {
    const db = join(work, `run-${run++}.db`);
    log(`importing ${files} files with --jobs ${jobs}`);
    const r = spawnSync(process.execPath, [bin, "import", ...folders(files), "--db", db, "--jobs", String(jobs), "--json", "--no-progress"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr.slice(-500)}`);
    const s = JSON.parse(r.stdout);
    log(`  ${s.files} files in ${s.seconds} s: ${s.filesPerSecond} files/s, ${s.cpuSeconds} s of processor, peak RSS ${s.peakRssMB} MB, ${s.failed} failed`);
    rmSync(db, { force: true });
    rmSync(db + "-wal", { force: true });
    rmSync(db + "-shm", { force: true });
    const cpuMsPerFile = Math.round((s.cpuSeconds * 1000 * 10) / s.files) / 10;
    return { files: s.files, imported: s.imported, failed: s.failed, seconds: s.seconds, filesPerSecond: s.filesPerSecond, cpuMsPerFile, peakRssMB: s.peakRssMB };
  };

  // Alternate the two settings so that a change of load on the machine falls on both.
  const best = { 1: null, 2: null };
  for (let i = 0; i < RUNS; i++) {
    for (const jobs of [1, 2]) {
      const r = importRun(SPEED_FILES, jobs);
      if (!best[jobs] || r.filesPerSecond > best[jobs].filesPerSecond) best[jobs] = r;
    }
  }
  const jobs1 = best[1];
  const jobs2 = best[2];
  const rss = RSS_FILES.map((n) => ({ files: n, ...importRun(n, 2) }));
  const result = {
    cores: availableParallelism(),
    loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
    throughput: { files: SPEED_FILES, runs: RUNS, jobs1, jobs2, speedup: Math.round((jobs2.filesPerSecond / jobs1.filesPerSecond) * 100) / 100 },
    memory: {
      runs: rss.map((r) => ({ files: r.files, peakRssMB: r.peakRssMB, filesPerSecond: r.filesPerSecond })),
      growth: Math.round((rss.at(-1).peakRssMB / rss[0].peakRssMB) * 100) / 100,
    },
  };
  process.stdout.write(JSON.stringify(result) + "\n");
} finally {
  rmSync(work, { recursive: true, force: true });
}
