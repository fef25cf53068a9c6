#!/usr/bin/env node
// Scores the text `vnplan extract` produces on the viparse corpus (real
// pre-Unicode government files) with the corpus's diacritic metric.
//
//   node scripts/score-viparse.mjs [--subset public-domain|synthetic] [--keep DIR]
//
// Runs the CLI from source (tsx) over every file of the subset, writes each
// result's `text` to DIR/<name>.txt and calls ../shared/eval/diacritics.py.
// A file vnplan cannot read has no prediction and scores 0.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const corpus = join(shared, "benchmarks", "viparse-corpus");
const args = process.argv.slice(2);
const subset = args.includes("--subset") ? args[args.indexOf("--subset") + 1] : "public-domain";
const keep = args.includes("--keep") ? args[args.indexOf("--keep") + 1] : null;
if (!existsSync(corpus)) {
  console.error(`no corpus at ${corpus}`);
  process.exit(2);
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.startsWith(".") ? [] : [join(dir, e.name)]));
const files = walk(join(corpus, "corpus", subset));
const truth = join(corpus, subset === "synthetic" ? "ground-truth-synthetic" : "ground-truth");
const work = keep ?? mkdtempSync(join(tmpdir(), "vnplan-viparse-"));
const json = join(work, "json");
const pred = join(work, "txt");
mkdirSync(json, { recursive: true });
mkdirSync(pred, { recursive: true });

const cli = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "src", "cli", "main.ts"), "extract", ...files, "--out-dir", json, "--no-pretty"], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
const failures = cli.stderr.split("\n").filter((l) => l.trim());
for (const f of files) {
  const stem = basename(f, extname(f));
  const out = join(json, `${stem}.json`);
  if (existsSync(out)) writeFileSync(join(pred, `${stem}.txt`), JSON.parse(readFileSync(out, "utf8")).text ?? "");
}
const report = execFileSync("python3", [join(shared, "eval", "diacritics.py"), truth, pred, "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const scores = JSON.parse(report);
const perFile = Object.entries(scores.documents)
  .map(([name, r]) => ({ name, diacritic: r.diacritics ? +(r.diacritics_ok / r.diacritics).toFixed(4) : 1, missed: r.diacritics - r.diacritics_ok }))
  .sort((a, b) => b.missed - a.missed);
console.log(JSON.stringify({ subset, files: files.length, failures, summary: scores.summary, worst: perFile.slice(0, args.includes("--per-file") ? perFile.length : 10) }, null, 2));
if (!keep) rmSync(work, { recursive: true, force: true });
