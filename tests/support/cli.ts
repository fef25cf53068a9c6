// Runs the vnplan command line from source in a child process and reports its
// exit status, output and peak memory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const repoRoot = join(import.meta.dirname, "..", "..");
const main = join(repoRoot, "src", "cli", "main.ts");
const peakRss = join(import.meta.dirname, "peak-rss.cjs");
// By absolute URL, so the child can run in any working directory.
const tsx = pathToFileURL(join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stderr split into non-empty lines. */
  lines: string[];
  /** Peak resident memory of the child, in MiB. */
  peakMiB: number;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliRun {
  const rssFile = join(mkdtempSync(join(tmpdir(), "vnplan-rss-")), "rss");
  const r = spawnSync(process.execPath, ["--require", peakRss, "--import", tsx, main, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, VNPLAN_PEAK_RSS_FILE: rssFile },
    maxBuffer: 256 * 1024 * 1024,
  });
  let peakMiB = Number.NaN;
  try {
    peakMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
  } catch {
    // The child died before its exit handler ran; NaN fails any bound.
  }
  const lines = r.stderr.split("\n").filter((l) => l.trim() && !l.startsWith("npm warn"));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines, peakMiB };
}
