#!/usr/bin/env node
// PDF text extraction throughput: vnplan's PDF ingest (layout, running
// headers, OCR off) against poppler's pdftotext on the same files, in pages/s.
//
//   node scripts/bench-pdf.mjs [--runs 3] [--json]
//
// Files: fixtures/pdf, and when present ../shared/originals and the viparse
// corpus PDFs (read in place, never copied). The first vnplan pass warms the
// parser up and is not counted. Prints a table, and with --json one JSON line
// last (what scripts/bench.mjs reads).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const args = process.argv.slice(2);
const runs = Number(args.includes("--runs") ? args[args.indexOf("--runs") + 1] : 3);

const { register } = await import("tsx/esm/api");
register();
const { ingest } = await import(join(root, "src", "ingest", "index.ts"));

const dirs = [join(root, "fixtures", "pdf"), join(shared, "originals"), join(shared, "benchmarks", "viparse-corpus", "corpus")];
const files = [];
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir, { recursive: true })) if (String(f).toLowerCase().endsWith(".pdf")) files.push(join(dir, String(f)));
}
const pagesOf = (path) => Number(/^Pages:\s+(\d+)/m.exec(spawnSync("pdfinfo", [path], { encoding: "utf8" }).stdout ?? "")?.[1] ?? 0);
const set = files.map((path) => ({ path, bytes: readFileSync(path), pages: pagesOf(path) })).filter((f) => f.pages);
if (!set.length || spawnSync("pdftotext", ["-v"]).error) {
  console.log(JSON.stringify({ skipped: set.length ? "pdftotext (poppler-utils) is not installed" : "no PDFs found" }));
  process.exit(0);
}
const pages = set.reduce((n, f) => n + f.pages, 0);
const failures = new Set();

async function vnplanOnce() {
  const t0 = process.hrtime.bigint();
  for (const f of set) {
    try {
      await ingest(f.bytes, { name: f.path, ocr: "never" });
    } catch (err) {
      failures.add(`${f.path.split("/").pop()}: ${err.message}`);
    }
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
function popplerOnce() {
  const t0 = process.hrtime.bigint();
  for (const f of set) spawnSync("pdftotext", ["-layout", f.path, "-"], { maxBuffer: 256 * 1024 * 1024 });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
const rate = (secs) => {
  const r = secs.map((s) => pages / s).sort((a, b) => a - b);
  return { median: r[Math.floor(r.length / 2)], min: r[0], max: r[r.length - 1] };
};

const warm = await vnplanOnce();
const v = [];
const p = [];
for (let i = 0; i < runs; i++) {
  v.push(await vnplanOnce());
  p.push(popplerOnce());
}
const result = {
  files: set.length,
  pages,
  runs,
  firstPassSeconds: warm,
  vnplanPagesPerSecond: rate(v),
  pdftotextPagesPerSecond: rate(p),
  ratio: rate(v).median / rate(p).median,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  failures: [...failures],
};
const f1 = (x) => x.toFixed(1);
console.log(`PDF text extraction: ${set.length} files, ${pages} pages, ${runs} runs (median, min–max)`);
console.log(`  vnplan     ${f1(result.vnplanPagesPerSecond.median)} pages/s (${f1(result.vnplanPagesPerSecond.min)}–${f1(result.vnplanPagesPerSecond.max)})`);
console.log(`  pdftotext  ${f1(result.pdftotextPagesPerSecond.median)} pages/s (${f1(result.pdftotextPagesPerSecond.min)}–${f1(result.pdftotextPagesPerSecond.max)})`);
console.log(`  ratio      ${result.ratio.toFixed(3)}; first pass ${warm.toFixed(1)} s; peak RSS ${result.peakRssMB} MB`);
if (args.includes("--json")) console.log(JSON.stringify(result));
