#!/usr/bin/env node
// vnplan's benchmark suite: prints a table and writes bench/results.json.
//
//   npm run bench                      # everything
//   node scripts/bench.mjs --quick     # a 6 MB sample, fewer runs (for development)
//   node scripts/bench.mjs --only core,scale,pdf,import --runs 5
//   node scripts/bench.mjs --mb 20     # the core on the first 20 MB only
//   node scripts/bench.mjs --import-quick   # the import benchmark on 400 / 200 / 1,000 files
//
// - core: normalize + segment + extract (+ contract validation), no I/O, on the
//   fixtures plus the real text of ../shared/corpus/*.jsonl.gz (read here, never
//   copied), in MB/s and documents/s on one core; each stage timed on its own.
// - scale: the core over 1×, 4× and 16× a base sample (more documents), and over
//   one document 1×, 4× and 16× as long: the cost per MB must stay flat.
// - pdf: pages/s of vnplan's PDF path against pdftotext on the same PDFs.
// - import: scripts/bench-import.mjs (files/s for --jobs 1 and 2, peak RSS).
// Every figure is the median of several runs, with its spread (min–max). Core
// and scaling figures are per core, from this process's CPU time, so that other
// work on the machine does not distort them; wall-clock MB/s is shown beside.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const shared = join(root, "..", "shared");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const quick = flag("--quick");
const RUNS = Number(option("--runs", quick ? 2 : 5));
const only = new Set(option("--only", "core,scale,pdf,import").split(","));
const MB = 1024 * 1024;

// The library, from source (tsx) or from the build with --dist.
let lib;
async function loadLibrary() {
  if (flag("--dist")) {
    const d = (p) => import(join(root, "dist", p));
    lib = { ...(await d("normalize/index.js")), ...(await d("segment/index.js")), ...(await d("extract/index.js")), ...(await d("pipeline.js")), ...(await d("ingest/text.js")), ...(await d("index.js")) };
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    const s = (p) => import(join(root, "src", p));
    lib = { ...(await s("normalize/index.ts")), ...(await s("segment/index.ts")), ...(await s("extract/index.ts")), ...(await s("pipeline.ts")), ...(await s("ingest/text.ts")), ...(await s("index.ts")) };
  }
}

// ---------- statistics ----------

function summarize(values) {
  const v = [...values].sort((a, b) => a - b);
  const median = v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  return { median, min: v[0], max: v.at(-1), runs: v.length };
}
/** "12.3 (11.9–12.8)" */
const fmt = (s, digits = 1) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
/** A rate summary from durations: bigger is faster, so min and max swap. */
const rate = (amount, seconds) => {
  const s = summarize(seconds);
  return { median: amount / s.median, min: amount / s.max, max: amount / s.min, runs: s.runs };
};

function timeIt(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** CPU seconds (user + system) spent in fn: unlike wall time, not inflated when other work shares the cores. */
function cpuIt(fn) {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

// ---------- corpus ----------

function loadDocuments() {
  const docs = [];
  for (const dir of [join(root, "fixtures", "seeds")])
    for (const f of readdirSync(dir).sort()) if (/\.(txt|md)$/.test(f)) docs.push({ id: f, text: readFileSync(join(dir, f), "utf8") });
  const corpusDir = join(shared, "corpus");
  let fromCorpus = 0;
  if (existsSync(corpusDir)) {
    for (const f of readdirSync(corpusDir).sort().filter((f) => f.endsWith(".jsonl.gz"))) {
      for (const line of gunzipSync(readFileSync(join(corpusDir, f))).toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        const r = JSON.parse(line);
        docs.push({ id: r.id, text: r.text });
        fromCorpus++;
      }
    }
  } else console.log(`note: ${corpusDir} is absent; the core benchmark runs on the fixtures alone (below the 50 MB the figures call for)`);
  return { docs, fromCorpus };
}

const bytesOf = (docs) => docs.reduce((n, d) => n + Buffer.byteLength(d.text, "utf8"), 0);

/** The first documents of the corpus up to `limit` bytes, fixtures first. */
function sample(docs, limit) {
  const out = [];
  let n = 0;
  for (const d of docs) {
    if (n >= limit) break;
    out.push(d);
    n += Buffer.byteLength(d.text, "utf8");
  }
  return out;
}

// ---------- core ----------

function coreOnce(docs) {
  for (const d of docs) lib.runPipeline(lib.ingestText(Buffer.from(d.text, "utf8"), false));
}

function stagesOnce(docs) {
  const t = { ingest: 0, normalize: 0, segment: 0, extract: 0 };
  for (const d of docs) {
    let ing, norm, seg;
    t.ingest += cpuIt(() => (ing = lib.ingestText(Buffer.from(d.text, "utf8"), false)));
    t.normalize += cpuIt(() => (norm = lib.normalize(ing.text, { fonts: ing.fonts })));
    t.segment += cpuIt(() => (seg = lib.segment(norm)));
    t.extract += cpuIt(() => lib.extractAll(seg));
  }
  return t;
}

function benchCore(docs, runs) {
  const bytes = bytesOf(docs);
  coreOnce(sample(docs, quick ? MB / 2 : 2 * MB)); // warm-up
  const totals = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    totals.push(timeIt(() => coreOnce(docs)));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  const stageRuns = [];
  for (let i = 0; i < Math.max(1, Math.ceil(runs / 2)); i++) stageRuns.push(stagesOnce(docs));
  const stages = {};
  for (const k of Object.keys(stageRuns[0])) stages[k] = rate(bytes / MB, stageRuns.map((r) => r[k]));
  const stageSeconds = Object.fromEntries(Object.keys(stageRuns[0]).map((k) => [k, summarize(stageRuns.map((r) => r[k])).median]));
  const slowest = Object.entries(stageSeconds).sort((a, b) => b[1] - a[1])[0][0];
  return {
    documents: docs.length,
    megabytes: bytes / MB,
    mbPerSecond: rate(bytes / MB, totals),
    mbPerCpuSecond: rate(bytes / MB, cpu),
    docsPerSecond: rate(docs.length, totals),
    docsPerCpuSecond: rate(docs.length, cpu),
    seconds: summarize(totals),
    stages,
    stageShare: Object.fromEntries(Object.entries(stageSeconds).map(([k, s]) => [k, s / Object.values(stageSeconds).reduce((a, b) => a + b, 0)])),
    slowestStage: slowest,
  };
}

// ---------- scaling ----------

function benchScale(docs, baseBytes, runs) {
  const base = sample(docs, baseBytes);
  const baseMb = bytesOf(base) / MB;
  const byVolume = [];
  for (const k of [1, 4, 16]) {
    const set = Array.from({ length: k }, () => base).flat();
    const n = k === 16 ? Math.max(1, Math.ceil(runs / 2)) : runs;
    const secs = Array.from({ length: n }, () => cpuIt(() => coreOnce(set)));
    byVolume.push({ factor: k, megabytes: baseMb * k, seconds: summarize(secs), msPerMb: summarize(secs.map((s) => (s * 1000) / (baseMb * k))) });
  }
  // One document made 4× and 16× as long: a quadratic step inside a document shows here.
  const seedText = docs.filter((d) => /^\d{3}_/.test(d.id)).map((d) => d.text).join("\n\n");
  const byLength = [];
  for (const k of [1, 4, 16]) {
    const doc = [{ id: `seeds×${k}`, text: Array.from({ length: k }, () => seedText).join("\n\n") }];
    const mb = bytesOf(doc) / MB;
    const secs = Array.from({ length: runs }, () => cpuIt(() => coreOnce(doc)));
    byLength.push({ factor: k, megabytes: mb, seconds: summarize(secs), msPerMb: summarize(secs.map((s) => (s * 1000) / mb)) });
  }
  const growth = (rows) => rows.at(-1).msPerMb.median / rows[0].msPerMb.median;
  return { byVolume, byLength, volumeGrowth: growth(byVolume), lengthGrowth: growth(byLength) };
}

// ---------- PDF ----------

async function pdfSet(docs) {
  const files = [];
  for (const dir of [join(shared, "originals"), join(shared, "benchmarks", "viparse-corpus", "corpus")]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true })) if (String(f).endsWith(".pdf")) files.push(join(dir, String(f)));
  }
  // Typeset PDFs of corpus text (in a temporary folder), for longer documents with a clean text layer.
  const long = docs.filter((d) => d.text.length > 60_000 && d.text.length < 150_000).slice(0, quick ? 1 : 3);
  const dir = join(tmpdir(), "vnplan-bench-pdf");
  mkdirSync(dir, { recursive: true });
  const font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (existsSync(font)) {
    const { default: PDFDocument } = await import("pdfkit");
    for (const d of long) {
      const path = join(dir, `${d.id.replace(/[^\w.-]+/g, "_")}.pdf`);
      if (!existsSync(path)) {
        const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
        const chunks = [];
        doc.on("data", (c) => chunks.push(c));
        const done = new Promise((r) => doc.on("end", r));
        doc.font(font).fontSize(11).text(d.text);
        doc.end();
        await done;
        writeFileSync(path, Buffer.concat(chunks));
      }
      files.push(path);
    }
  }
  return files;
}

function pdfPages(path) {
  const r = spawnSync("pdfinfo", [path], { encoding: "utf8" });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? "");
  return m ? Number(m[1]) : null;
}

async function benchPdf(docs, runs) {
  const external = join(root, "scripts", "bench-pdf.mjs");
  if (existsSync(external)) {
    const r = spawnSync(process.execPath, [external, "--json"], { encoding: "utf8", cwd: root });
    const last = r.stdout.trim().split("\n").at(-1);
    try {
      return { from: "scripts/bench-pdf.mjs", ...JSON.parse(last) };
    } catch {
      return { from: "scripts/bench-pdf.mjs", output: r.stdout.trim(), error: r.stderr.trim().split("\n").at(-1) };
    }
  }
  if (spawnSync("pdftotext", ["-v"]).error) return { skipped: "pdftotext (poppler-utils) is not installed" };
  const files = (await pdfSet(docs)).map((path) => ({ path, bytes: readFileSync(path), pages: pdfPages(path) })).filter((f) => f.pages);
  if (!files.length) return { skipped: "no PDFs found" };
  const pages = files.reduce((n, f) => n + f.pages, 0);
  const failures = new Set();
  const vnplanOnce = async () => {
    const t0 = process.hrtime.bigint();
    for (const f of files) {
      try {
        await lib.extract(f.bytes, { name: f.path, ocr: "never" });
      } catch (err) {
        failures.add(`${f.path.split("/").pop()}: ${err.message}`);
      }
    }
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const popplerOnce = () => timeIt(() => files.forEach((f) => spawnSync("pdftotext", ["-layout", f.path, "-"], { maxBuffer: 64 * MB })));
  await vnplanOnce(); // warm-up: the PDF parser's first load
  const v = [];
  const p = [];
  for (let i = 0; i < runs; i++) {
    v.push(await vnplanOnce());
    p.push(popplerOnce());
  }
  const vnplan = rate(pages, v);
  const poppler = rate(pages, p);
  return {
    files: files.length,
    pages,
    vnplanPagesPerSecond: vnplan,
    pdftotextPagesPerSecond: poppler,
    ratio: vnplan.median / poppler.median,
    failures: [...failures],
  };
}

// ---------- import ----------

function benchImport() {
  const script = join(root, "scripts", "bench-import.mjs");
  if (!existsSync(script)) return { skipped: "scripts/bench-import.mjs is not there yet" };
  const r = spawnSync(process.execPath, [script, ...(quick || flag("--import-quick") ? ["--quick"] : [])], { encoding: "utf8", cwd: root, maxBuffer: 64 * MB });
  const out = r.stdout.trim();
  const resultFile = join(root, "bench", "import.json");
  let parsed = null;
  try {
    parsed = JSON.parse(out.split("\n").at(-1));
  } catch {
    if (existsSync(resultFile)) parsed = JSON.parse(readFileSync(resultFile, "utf8"));
  }
  return { status: r.status, results: parsed, output: parsed ? undefined : out, error: r.status ? r.stderr.trim().split("\n").slice(-3).join(" | ") : undefined };
}

/** Which section a table row belongs to, by its label. */
function sectionOf(label) {
  const l = label.trim();
  if (l.startsWith("core") || l.startsWith("stage")) return "core";
  if (l.startsWith("scale") || l.startsWith("growth")) return "scale";
  if (l.startsWith("PDF")) return "pdf";
  return "import";
}

// ---------- main ----------

await loadLibrary();
const { docs: allDocs, fromCorpus } = loadDocuments();
const docs = quick ? sample(allDocs, 6 * MB) : option("--mb", null) ? sample(allDocs, Number(option("--mb")) * MB) : allDocs;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  runs: RUNS,
  quick,
  corpus: { documents: docs.length, fromSharedCorpus: quick ? null : fromCorpus, megabytes: bytesOf(docs) / MB },
};
const rows = [];
const row = (what, figure, note = "") => rows.push([what, figure, note]);

if (only.has("core")) {
  const c = (results.core = benchCore(docs, RUNS));
  row("core pipeline, MB/s per core (CPU time)", fmt(c.mbPerCpuSecond, 2), `${c.documents} docs, ${c.megabytes.toFixed(1)} MB; target ≥ 20`);
  row("core pipeline, MB/s (wall clock)", fmt(c.mbPerSecond, 2), "lower when other work shares the cores");
  row("core pipeline, documents/s per core", fmt(c.docsPerCpuSecond, 1));
  for (const [k, s] of Object.entries(c.stages)) row(`  stage ${k}, MB/s (CPU time)`, fmt(s, 2), `${(c.stageShare[k] * 100).toFixed(0)}% of the core's time${k === c.slowestStage ? " (slowest)" : ""}`);
}
if (only.has("scale")) {
  const s = (results.scale = benchScale(allDocs, (quick ? 1 : 2) * MB, RUNS));
  for (const r of s.byVolume) row(`scale ${r.factor}× documents (${r.megabytes.toFixed(1)} MB), CPU ms/MB`, fmt(r.msPerMb, 0));
  row("  growth of ms/MB, 1× → 16× documents", `×${s.volumeGrowth.toFixed(2)}`, "linear ≈ ×1");
  for (const r of s.byLength) row(`scale one document ${r.factor}× as long (${r.megabytes.toFixed(2)} MB), CPU ms/MB`, fmt(r.msPerMb, 0));
  row("  growth of ms/MB, 1× → 16× length", `×${s.lengthGrowth.toFixed(2)}`, "linear ≈ ×1");
}
if (only.has("pdf")) {
  const p = (results.pdf = await benchPdf(allDocs, Math.min(RUNS, 3)));
  if (p.skipped) row("PDF", "skipped", p.skipped);
  else if (!p.vnplanPagesPerSecond) row("PDF", "failed", `${p.from}: ${p.error ?? "no figures"}`);
  else {
    const what = p.from ? "ingest (scripts/bench-pdf.mjs)" : "extract";
    row(`PDF, vnplan pages/s (${what})`, fmt(p.vnplanPagesPerSecond, 1), `${p.files} PDFs, ${p.pages} pages, OCR off${p.failures?.length ? `; ${p.failures.length} failed` : ""}`);
    row("PDF, pdftotext pages/s", fmt(p.pdftotextPagesPerSecond, 1), "poppler, same files, same run");
    row("PDF, vnplan / pdftotext", p.ratio.toFixed(3));
  }
}
if (only.has("import")) {
  const i = (results.import = benchImport());
  const t = i.results?.throughput;
  if (t) {
    row("import --jobs 1, files/s", t.jobs1.filesPerSecond.toFixed(1), `${t.files} files, one run (scripts/bench-import.mjs)`);
    row("import --jobs 2, files/s", t.jobs2.filesPerSecond.toFixed(1), `speed-up ×${t.speedup} on ${i.results.cores} cores`);
    row("  import CPU ms per file, --jobs 1 / --jobs 2", `${t.jobs1.cpuMsPerFile} / ${t.jobs2.cpuMsPerFile}`, `best ratio these allow on two cores: ×${t.ceiling}`);
    const l = i.results.longThroughput;
    if (l) {
      row(`import of ${l.files} files, --jobs 1 / --jobs 2, files/s`, `${l.jobs1.filesPerSecond.toFixed(1)} / ${l.jobs2.filesPerSecond.toFixed(1)}`, `speed-up ×${l.speedup}; each thread's start-up weighs less`);
      row("  import CPU ms per file, --jobs 1 / --jobs 2", `${l.jobs1.cpuMsPerFile} / ${l.jobs2.cpuMsPerFile}`, `best ratio these allow on two cores: ×${l.ceiling}`);
    }
    for (const [jobs, m] of Object.entries(i.results.memory)) {
      for (const r of m.runs) row(`import peak RSS at ${r.files} files, MB`, String(r.peakRssMB), `--${jobs.replace("jobs", "jobs ")}`);
      const t10 = m.runs.at(-1).rssTenths;
      if (t10) row(`  RSS by tenth of the ${m.runs.at(-1).files}-file run, MB`, t10.join(" "), `second half / first half ×${m.lateGrowth}`);
    }
  } else row("import", i.skipped ? "skipped" : `exit ${i.status}`, i.skipped ?? i.error ?? "scripts/bench-import.mjs");
}

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\nvnplan bench — ${results.date}, Node ${results.node}, ${results.cpu}; median (min–max) of ${RUNS} runs\n`);
console.log(`| ${"measure".padEnd(w0)} | ${"figure".padEnd(w1)} | note`);
console.log(`|${"-".repeat(w0 + 2)}|${"-".repeat(w1 + 2)}|------`);
for (const [a, b, c] of rows) console.log(`| ${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
results.table = rows;
mkdirSync(join(root, "bench"), { recursive: true });
const resultsFile = join(root, "bench", "results.json");
// With --only, the sections not measured keep their last figures.
if (flag("--only") && existsSync(resultsFile)) {
  const previous = JSON.parse(readFileSync(resultsFile, "utf8"));
  const kept = ["core", "scale", "pdf", "import"].filter((k) => !only.has(k) && previous[k]);
  for (const k of kept) results[k] = { ...previous[k], measured: previous[k].measured ?? previous.date };
  const order = ["core", "scale", "pdf", "import"];
  results.table = [...(previous.table ?? []).filter((r) => !rows.some((x) => x[0] === r[0]) && kept.some((k) => sectionOf(r[0]) === k)), ...rows].sort(
    (a, b) => order.indexOf(sectionOf(a[0])) - order.indexOf(sectionOf(b[0])),
  );
}
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
console.log(`\nwritten to bench/results.json`);
